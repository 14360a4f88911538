/** The events pages receive from their WXML, typed once here instead of in every page. */

type None = Record<string, never>;

/** A tap (bindtap) on a node whose `data-*` attributes are `D`. */
export type Tap<D extends WechatMiniprogram.IAnyObject = None> = WechatMiniprogram.TouchEvent<None, None, D>;

/**
 * A value from an input, textarea, picker, radio group or switch (native or TDesign): `detail.value`
 * is `V`; `D` are the node's `data-*` attributes.
 */
export type Change<D extends WechatMiniprogram.IAnyObject = None, V = string> = WechatMiniprogram.CustomEvent<{ value: V }, None, D>;
