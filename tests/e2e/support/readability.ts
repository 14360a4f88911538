/**
 * What a person with weak eyes and unsteady fingers meets on the page on top: every visible piece
 * of text with its rendered font size and its contrast against what is really behind it, and every
 * tappable element with its height. Runs inside the preview (page.evaluate), so it measures what
 * Chromium drew.
 */

/** The floors a page must meet, in CSS px and contrast ratios. */
export interface Rules {
  /** Body text: what a person reads to know what the page says. */
  body: number;
  /** Secondary text: hints, descriptions, times, notes beside a title. */
  secondary: number;
  /** Small marks: badges, tags, counters. */
  minor: number;
  contrastAll: number;
  contrastBody: number;
  /** Height of anything tappable; 0 when not checked. */
  target: number;
}

export interface Offender {
  /** label: an image, or a control showing only a symbol, that a screen reader cannot name (no aria-label). */
  kind: 'size' | 'contrast' | 'target' | 'label';
  tier?: 'body' | 'secondary' | 'minor';
  /** The element, as `.class` or `#id` within the page (prefixes stripped), with its text. */
  what: string;
  measured: number | string;
  required: number | string;
}

export interface Measured {
  texts: number;
  targets: number;
  offenders: Offender[];
}

/** Class names (prefix-free) that say an element holds secondary text, or a small mark. */
export const SECONDARY_CLASS = 'hint|desc|description|note|meta|muted|sub|tip|secondary|caption|time|date|foot|extra|help|label|placeholder|empty';
export const MINOR_CLASS = 'badge|tag|count|unit|sup|corner|dot';

/** What the preview draws in place of what only WeChat can (the blank map's note), not the mini-program's own. */
export const PREVIEW_ONLY = '.wx-map__note';

/** Self-contained: serialized into the browser by playwright. */
export function measurePage(args: { rules: Rules; secondary: string; minor: string; ignore: string }): Measured {
  const { rules } = args;
  const secondaryRe = new RegExp(`(^|[-_])(${args.secondary})([-_]|$)`, 'i');
  const minorRe = new RegExp(`(^|[-_])(${args.minor})([-_]|$)`, 'i');
  const root = document.querySelector('.wx-page:not([hidden])') as HTMLElement | null;
  if (!root) throw new Error('no page on screen');

  type RGBA = [number, number, number, number];
  const parse = (c: string): RGBA | null => {
    const m = /rgba?\(([^)]+)\)/.exec(c);
    if (!m) return null;
    const p = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  };
  const over = (top: RGBA, base: RGBA): RGBA => {
    const a = top[3];
    return [top[0] * a + base[0] * (1 - a), top[1] * a + base[1] * (1 - a), top[2] * a + base[2] * (1 - a), 1];
  };
  const lum = (c: RGBA) => {
    const ch = c.slice(0, 3).map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * ch[0] + 0.7152 * ch[1] + 0.0722 * ch[2];
  };
  const ratio = (a: RGBA, b: RGBA) => {
    const [x, y] = [lum(a), lum(b)];
    return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
  };

  /** Class names without the component prefix the renderer adds (`page-home--tile-hint` → `tile-hint`). */
  const names = (el: Element): string[] => Array.from(el.classList).map((c) => c.replace(/^.*?--/, ''));
  const describe = (el: Element, text: string): string => {
    const id = el.id ? `#${el.id}` : '';
    const cls = names(el).slice(0, 2).map((c) => `.${c}`).join('');
    const tag = el.tagName.toLowerCase();
    let owner = '';
    for (let a = el.parentElement; a && a !== root && !owner; a = a.parentElement) if (a.id) owner = `#${a.id} `;
    return `${owner}${tag}${id}${cls} “${text.slice(0, 24)}”`;
  };

  /** The tier from the element's own classes, then its ancestors' (three levels, never past the page). */
  const tierOf = (el: Element): 'body' | 'secondary' | 'minor' => {
    let n: Element | null = el;
    for (let depth = 0; n && n !== root && depth < 4; depth++, n = n.parentElement) {
      const cls = names(n);
      if (cls.some((c) => minorRe.test(c))) return 'minor';
      if (cls.some((c) => secondaryRe.test(c))) return 'secondary';
    }
    return 'body';
  };

  /** Inside the page and not cut away by an ancestor that hides its overflow (a closed swiper slide, a collapsed panel). */
  const shown = (el: Element, rect: DOMRect): boolean => {
    if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
    if (rect.width < 1 || rect.height < 1) return false;
    for (let a = el.parentElement; a; a = a.parentElement) {
      const cs = getComputedStyle(a);
      if (/hidden|clip/.test(cs.overflowX + cs.overflowY)) {
        const r = a.getBoundingClientRect();
        if (rect.right <= r.left || rect.left >= r.right || rect.bottom <= r.top || rect.top >= r.bottom) return false;
      }
      if (a === root) break;
    }
    return true;
  };

  /** The colours really behind the element: backgrounds composited up to the first opaque one (each stop of a gradient). */
  const backgrounds = (el: Element): RGBA[] => {
    const layers: RGBA[] = [];
    let bases: RGBA[] = [[255, 255, 255, 1]];
    for (let n: Element | null = el; n; n = n.parentElement) {
      const cs = getComputedStyle(n);
      const stops = cs.backgroundImage.includes('gradient')
        ? (cs.backgroundImage.match(/rgba?\([^)]+\)/g) ?? []).map(parse).filter((c): c is RGBA => !!c && c[3] > 0.5)
        : [];
      if (stops.length) {
        bases = stops.map((s) => (s[3] < 1 ? over(s, [255, 255, 255, 1]) : s));
        break;
      }
      const bg = parse(cs.backgroundColor);
      if (bg && bg[3] >= 1) {
        bases = [bg];
        break;
      }
      if (bg && bg[3] > 0) layers.push(bg);
    }
    return bases.map((b) => layers.reduceRight((acc, l) => over(l, acc), b));
  };

  const opacityOf = (el: Element): number => {
    let o = 1;
    for (let n: Element | null = el; n; n = n.parentElement) o *= Number(getComputedStyle(n).opacity);
    return o;
  };

  const disabled = (el: Element): boolean => !!el.closest('[aria-disabled="true"], [disabled], [class*="t-button--disabled"]');

  const offenders: Offender[] = [];
  let texts = 0;
  const seen = new Set<Element>();
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = (node.textContent ?? '').replace(/\s+/g, ' ').trim();
    const el = node.parentElement;
    if (!text || !el || seen.has(el) || el.closest(args.ignore)) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    if (!shown(el, range.getBoundingClientRect())) continue;
    seen.add(el);
    texts++;
    const cs = getComputedStyle(el);
    const size = Math.round(parseFloat(cs.fontSize) * 100) / 100;
    const tier = tierOf(el);
    const need = tier === 'body' ? rules.body : tier === 'secondary' ? rules.secondary : rules.minor;
    if (size + 0.01 < need) offenders.push({ kind: 'size', tier, what: describe(el, text), measured: size, required: need });
    if (disabled(el)) continue; // an inactive control is exempt from contrast (WCAG 1.4.3)
    const color = parse(cs.color);
    if (!color) continue;
    const alpha = color[3] * opacityOf(el);
    const worst = Math.min(...backgrounds(el).map((bg) => ratio(over([color[0], color[1], color[2], alpha], bg), bg)));
    const needContrast = tier === 'body' ? rules.contrastBody : rules.contrastAll;
    if (worst + 0.005 < needContrast) {
      offenders.push({ kind: 'contrast', tier, what: describe(el, text), measured: Math.round(worst * 100) / 100, required: needContrast });
    }
  }

  const tappable = Array.from(root.querySelectorAll('*')).filter((el) => {
    const wx = (el as any).__wxElement;
    // A decorative icon (aria-hidden) is no control, though TDesign's t-icon listens for taps itself.
    if (el.closest('[aria-hidden="true"]')) return false;
    return (
      /^wx-(button|navigator|switch|checkbox|radio)$/.test(el.tagName.toLowerCase()) ||
      !!(wx && wx.__domElement === el && ((wx.__wxEvents && wx.__wxEvents.tap) || (wx.__wxCaptureEvents && wx.__wxCaptureEvents.tap)))
    );
  });

  // Names for a screen reader: every image, and every control that shows only a symbol (★, ＋, ×).
  const symbolOnly = (el: Element) => /^[\s×✕›‹＋－+\-★☆↻✓·]*$/.test(el.textContent ?? '') && !el.querySelector('wx-image');
  // A symbol inside a larger control that has words or a name (a cell's arrow, a switch's knob) is named by it.
  const namedBy = (el: Element) => tappable.some((t) => t !== el && t.contains(el) && (!symbolOnly(t) || !!t.getAttribute('aria-label')));
  for (const el of [...Array.from(root.querySelectorAll('wx-image')), ...tappable.filter((t) => symbolOnly(t) && !namedBy(t))]) {
    if (el.getAttribute('aria-label') || el.closest('[aria-hidden="true"]') || !shown(el, el.getBoundingClientRect())) continue;
    offenders.push({ kind: 'label', what: describe(el, (el.textContent ?? '').trim()), measured: 'no aria-label', required: 'aria-label' });
  }

  let targets = 0;
  if (rules.target > 0) {
    const tall = tappable.filter((el) => el.getBoundingClientRect().height + 0.01 >= rules.target);
    for (const el of tappable) {
      const rect = el.getBoundingClientRect();
      if (!shown(el, rect)) continue;
      // Inside a larger tappable row that takes the same finger (a cell's arrow): the row is the target.
      if (tall.some((t) => t !== el && t.contains(el))) continue;
      targets++;
      const height = Math.round(rect.height * 100) / 100;
      if (height + 0.01 < rules.target) {
        offenders.push({ kind: 'target', what: describe(el, (el.textContent ?? '').replace(/\s+/g, ' ').trim() || el.getAttribute('aria-label') || ''), measured: height, required: rules.target });
      }
    }
  }
  return { texts, targets, offenders };
}
