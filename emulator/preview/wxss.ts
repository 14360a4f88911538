/**
 * WXSS → CSS for the preview, the way the mini-program's renderer scopes it: class selectors get the
 * component's prefix (the same `prefix--class` the template's classes get, as miniprogram-simulate
 * does), tag selectors name the built-in elements (`view` → `wx-view`), `page` and `:host` name the
 * page's root and the component's element, and rpx becomes px for a 375 px wide phone.
 */
import fs from 'node:fs';
import path from 'node:path';
import postcss, { type AtRule, type Rule } from 'postcss';

/** CSS px per rpx: 750 rpx fill the 375 px wide phone (the preview's default; `?width=` picks another). */
export const PX_PER_RPX = 375 / 750;

const BUILTIN_TAGS = new Set([
  'cover-image', 'cover-view', 'grid-view', 'list-view', 'match-media', 'movable-area', 'movable-view', 'page-container',
  'root-portal', 'scroll-view', 'share-element', 'sticky-header', 'sticky-section', 'swiper', 'swiper-item', 'view',
  'icon', 'progress', 'rich-text', 'text', 'button', 'checkbox', 'checkbox-group', 'editor', 'form', 'input', 'label',
  'picker', 'picker-view', 'picker-view-column', 'radio', 'radio-group', 'slider', 'switch', 'textarea', 'navigator',
  'audio', 'camera', 'image', 'live-player', 'live-pusher', 'video', 'map', 'canvas', 'web-view', 'ad', 'open-data',
  'navigation-bar', 'page-meta',
]);

export interface StyleScope {
  /** Class prefix of the component (its tag). */
  prefix: string;
  /** What the `page` selector means here. */
  page: string;
  /** What `:host` means here. */
  host: string;
}

/** A .wxss file with its @imports inlined (relative, or absolute from the mini-program root). */
export function readWxss(file: string, mpRoot: string, seen = new Set<string>()): string {
  if (seen.has(file) || !fs.existsSync(file)) return '';
  seen.add(file);
  const source = fs.readFileSync(file, 'utf8');
  return source.replace(/@import\s+(?:url\()?\s*["']([^"']+)["']\s*\)?\s*;/g, (_all, spec: string) => {
    const target = spec.startsWith('/') ? path.join(mpRoot, spec) : path.resolve(path.dirname(file), spec);
    return readWxss(target.endsWith('.wxss') ? target : `${target}.wxss`, mpRoot, seen);
  });
}

/** rpx → px (of a phone `pxPerRpx × 750` px wide) and vh/vw → the phone's window, in one declaration value. */
export function convertUnits(value: string, pxPerRpx = PX_PER_RPX): string {
  return value
    .replace(/(-?\d*\.?\d+)rpx\b/gi, (_all, n: string) => `${round(Number(n) * pxPerRpx)}px`)
    .replace(/(-?\d*\.?\d+)vh\b/gi, (_all, n: string) => `calc(${n} * var(--hl-vh, 1vh))`)
    .replace(/(-?\d*\.?\d+)vw\b/gi, (_all, n: string) => `calc(${n} * var(--hl-vw, 1vw))`);
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/** One selector with its classes prefixed and its tags mapped; strings and attribute tests left alone. */
export function scopeSelector(selector: string, scope: StyleScope): string {
  let out = '';
  let i = 0;
  let canStartTag = true;
  const ident = (from: number) => {
    const m = /^-?[_a-zA-Z][\w-]*/.exec(selector.slice(from));
    return m ? m[0] : '';
  };
  while (i < selector.length) {
    const c = selector[i];
    if (c === '[') {
      const end = selector.indexOf(']', i);
      const stop = end < 0 ? selector.length : end + 1;
      out += selector.slice(i, stop);
      i = stop;
      canStartTag = false;
    } else if (c === '.') {
      const name = ident(i + 1);
      out += name && !/\d/.test(selector[i - 1] ?? '') ? `.${scope.prefix}--${name}` : '.';
      i += 1 + name.length;
      canStartTag = false;
    } else if (c === '#') {
      const name = ident(i + 1);
      out += `#${name}`;
      i += 1 + name.length;
      canStartTag = false;
    } else if (c === ':') {
      const colons = selector[i + 1] === ':' ? '::' : ':';
      const name = ident(i + colons.length);
      i += colons.length + name.length;
      if (colons === ':' && name === 'host') {
        out += scope.host;
        if (selector[i] === '(') {
          // :host(.x) → the host carrying .x
          const end = selector.indexOf(')', i);
          out += scopeSelector(selector.slice(i + 1, end), { ...scope, host: '' });
          i = end + 1;
        }
      } else out += colons + name;
      canStartTag = false;
      if (selector[i] === '(') {
        out += '(';
        i++;
        canStartTag = true;
      }
    } else if (canStartTag && /[a-zA-Z]/.test(c)) {
      const name = ident(i);
      out += name === 'page' ? scope.page : BUILTIN_TAGS.has(name) ? `wx-${name}` : name;
      i += name.length;
      canStartTag = false;
    } else {
      canStartTag = /[\s>+~,(]/.test(c);
      out += c;
      i++;
    }
  }
  return out;
}

function insideKeyframes(rule: Rule): boolean {
  for (let p = rule.parent; p; p = p.parent as typeof p) {
    if (p.type === 'atrule' && /keyframes$/i.test((p as AtRule).name)) return true;
  }
  return false;
}

/** Scopes a stylesheet to one component, for a phone `pxPerRpx × 750` px wide. */
export function scopeCss(css: string, scope: StyleScope, from: string, pxPerRpx = PX_PER_RPX): string {
  const root = postcss.parse(css, { from });
  root.walkAtRules((at) => {
    // Fonts and imports from the network: the preview fetches nothing from outside.
    if (at.name === 'font-face' && /url\(\s*["']?(https?:)?\/\//.test(at.toString())) at.remove();
    else if (at.name === 'import') at.remove();
  });
  root.walkRules((rule) => {
    if (!insideKeyframes(rule)) rule.selectors = rule.selectors.map((s) => scopeSelector(s, scope));
  });
  root.walkDecls((decl) => {
    if (/\d(rpx|vh|vw)\b/i.test(decl.value)) decl.value = convertUnits(decl.value, pxPerRpx);
  });
  return root.toString();
}
