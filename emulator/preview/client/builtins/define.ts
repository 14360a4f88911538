/**
 * Built-in components (`<view>`, `<input>`, `<image>`, …) as the preview draws them: registered
 * with j-component under the names the WXML compiler emits (`wx-view`), each one a thin element
 * whose inside is real HTML (an <input>, an <img>, a <canvas>) kept in step with its properties.
 */
import * as jComponent from 'j-component';

export interface Native {
  data: Record<string, any>;
  el: HTMLElement;
  triggerEvent(name: string, detail?: unknown, options?: Record<string, unknown>): void;
  _exparserNode: any;
  [key: string]: any;
}

export interface NativeSpec {
  /** Name in WXML: `input` is drawn as `<wx-input>`. */
  name: string;
  /** Children go inside (`<view>`), or the element draws everything itself (`<input>`). */
  slot?: boolean;
  properties?: Record<string, unknown>;
  behaviors?: string[];
  /** Builds the inside once the element is in the page. */
  mount?(this: Native, el: HTMLElement): void;
  /** Brings the element up to date with the properties. */
  update?(this: Native, el: HTMLElement): void;
  unmount?(this: Native, el: HTMLElement): void;
  methods?: Record<string, (this: Native, ...args: any[]) => unknown>;
}

const common = { hidden: { type: Boolean, value: false } };

export function defineNative(spec: NativeSpec): void {
  const properties = { ...common, ...(spec.properties ?? {}) };
  const sync = (self: Native) => {
    if (!self.el) return;
    self.el.toggleAttribute('hidden', !!self.data.hidden);
    spec.update?.call(self, self.el);
  };
  jComponent.register({
    id: spec.name,
    tagName: `wx-${spec.name}`,
    template: '<slot/>',
    properties,
    behaviors: spec.behaviors ?? [],
    observers: {
      [Object.keys(properties).join(', ')](this: Native) {
        sync(this);
      },
    },
    lifetimes: {
      attached(this: Native) {
        const el = this._exparserNode.$$ as HTMLElement;
        this.el = el;
        (el as any).__hlNative = this;
        spec.mount?.call(this, el);
        sync(this);
      },
      detached(this: Native) {
        if (this.el) spec.unmount?.call(this, this.el);
      },
    },
    methods: spec.methods ?? {},
  });
}

/** The component whose template holds this node (its tag is its class prefix). */
export function ownerTag(self: Native): string {
  const host = self._exparserNode?.ownerShadowRoot?.getHostNode?.();
  return host?.is ?? '';
}

/** Classes written in a template, as the owner's prefixed classes in the DOM. */
export function ownerClasses(self: Native, classes: string): string[] {
  const prefix = ownerTag(self);
  return classes
    .split(/\s+/)
    .filter(Boolean)
    .map((c) => (prefix ? `${prefix}--${c}` : c));
}

/** `hover-class`: the owner's class while the element is pressed. */
export function hoverable(self: Native, el: HTMLElement): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let applied: string[] = [];
  const off = () => {
    const classes = applied;
    applied = [];
    timer = setTimeout(() => el.classList.remove(...classes), Number(self.data.hoverStayTime ?? 70));
  };
  el.addEventListener('pointerdown', (e) => {
    const hover = String(self.data.hoverClass ?? 'none');
    if (hover === 'none' || !hover || self.data.disabled) return;
    if (self.data.hoverStopPropagation) e.stopPropagation();
    clearTimeout(timer);
    applied = ownerClasses(self, hover);
    el.classList.add(...applied);
    window.addEventListener('pointerup', off, { once: true });
  });
}
