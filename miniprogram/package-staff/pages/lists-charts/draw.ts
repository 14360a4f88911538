import UCharts from '@qiun/ucharts';
import type { ChartSpec } from './view';

/** A `<canvas type="2d">` node with its laid-out size. */
export interface ChartCanvas {
  node: { width: number; height: number; getContext(kind: '2d'): unknown };
  width: number;
  height: number;
}

/** The node and size of a page's chart canvas, or null where the client has no canvas 2d. */
export function chartCanvas(page: WechatMiniprogram.Component.TrivialInstance, selector: string): Promise<ChartCanvas | null> {
  return new Promise((resolve) =>
    page
      .createSelectorQuery()
      .select(selector)
      .fields({ node: true, size: true })
      .exec((res: Array<{ node?: ChartCanvas['node']; width?: number; height?: number } | null>) => {
        const r = res[0];
        resolve(r?.node && r.width && r.height ? { node: r.node, width: r.width, height: r.height } : null);
      }),
  );
}

/**
 * Draws one chart at the screen's pixel ratio (uCharts scales every coordinate by it), without
 * animation: a weak phone draws it once. Labels at 14 px, the staff pages' smallest hint size.
 */
export function drawChart(canvas: ChartCanvas, spec: ChartSpec, pixelRatio: number): void {
  canvas.node.width = canvas.width * pixelRatio;
  canvas.node.height = canvas.height * pixelRatio;
  const rate = spec.target !== undefined;
  new UCharts({
    type: spec.type,
    context: canvas.node.getContext('2d'),
    canvas2d: true,
    width: canvas.width * pixelRatio,
    height: canvas.height * pixelRatio,
    pixelRatio,
    animation: false,
    background: '#FFFFFF',
    fontSize: 14,
    fontColor: '#404040',
    categories: spec.categories,
    series: spec.series,
    legend: { show: spec.legend, fontSize: 14 },
    dataLabel: spec.type === 'ring' || spec.categories.length <= 8,
    xAxis: { disableGrid: true, fontSize: 13, rotateLabel: spec.categories.length > 4 },
    yAxis: { gridType: 'dash', splitNumber: 5, data: [{ min: 0, max: spec.max, format: (v: number) => (rate ? `${Math.round(v)}%` : String(Math.round(v * 10) / 10)) }] },
    extra: {
      column: { type: 'group', width: 20, seriesGap: 2 },
      ring: { ringWidth: 28, labelWidth: 12, border: true, borderColor: '#FFFFFF' },
      ...(spec.target !== undefined ? { markLine: { type: 'dash', dashLength: 6, data: [{ value: spec.target, lineColor: '#A31218' }] } } : {}),
    },
  });
}
