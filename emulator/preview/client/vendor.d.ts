/** The renderer the preview shares with the page tests: exparser (WeChat's component framework) under j-component. */
declare module 'miniprogram-exparser' {
  const exparser: any;
  export = exparser;
}

declare module 'j-component' {
  export interface RootComponent {
    readonly dom: HTMLElement;
    readonly instance: any;
    readonly _exparserNode: any;
    attach(parent: Element): void;
    detach(): void;
    triggerPageLifeTime(name: string, ...args: unknown[]): void;
  }
  export function register(definition: Record<string, any>): string;
  export function behavior(definition: Record<string, any>): string;
  export function create(id: string, properties?: Record<string, unknown>): RootComponent;
}

declare module 'j-component/src/tool/selectorquery' {
  const SelectorQuery: new (component: unknown) => any;
  export = SelectorQuery;
}

declare module 'j-component/src/tool/intersectionobserver' {
  const IntersectionObserver: new (component: unknown, options?: unknown) => any;
  export = IntersectionObserver;
}
