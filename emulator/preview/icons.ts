/**
 * TDesign's icon font comes from Tencent's CDN, which the preview does not reach. The same icons,
 * by the same names, ship as SVG in @iconify-json/tdesign: each `.t-icon-<name>:before` gets its
 * picture as a mask painted in the text colour, so icons keep their size and colour rules.
 */

interface IconSet {
  icons: Record<string, { body: string; width?: number; height?: number }>;
  aliases?: Record<string, { parent: string }>;
  width?: number;
  height?: number;
}

let set: IconSet | undefined;

function svgOf(name: string): string | undefined {
  set ??= require('@iconify-json/tdesign/icons.json') as IconSet;
  const icon = set.icons[name] ?? set.icons[set.aliases?.[name]?.parent ?? ''];
  if (!icon) return undefined;
  const w = icon.width ?? set.width ?? 24;
  const h = icon.height ?? set.height ?? 24;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}">${icon.body}</svg>`;
}

/** CSS for every icon the icon component's stylesheet names, under the component's class prefix. */
export function iconCss(iconWxss: string, prefix: string): string {
  const rules: string[] = [
    `.${prefix}--t-icon-base:before{content:'';display:inline-block;width:1em;height:1em;vertical-align:top;background-color:currentColor;` +
      '-webkit-mask:var(--hl-icon) center/contain no-repeat;mask:var(--hl-icon) center/contain no-repeat;}',
  ];
  for (const m of iconWxss.matchAll(/\.t-icon-([a-z0-9-]+):before\s*\{/g)) {
    const svg = svgOf(m[1]);
    if (svg) rules.push(`.${prefix}--t-icon-${m[1]}{--hl-icon:url("data:image/svg+xml,${encodeURIComponent(svg)}");}`);
  }
  return rules.join('\n');
}
