import { BRAND_RED } from '../../../utils/brand';
import { A4, PRINT_FONT, paintA4Frame, type Painter } from '../../../utils/canvas';

/** What the printed 双报告 says: the page's own lines, as the person saw them. */
export interface PrintedReport {
  title: string;
  kindLabel: string;
  lines: Array<{ label: string; value: string }>;
  commitments: Array<{ text: string; progress: string }>;
  appraisal: string;
  comment: string;
  acknowledged: string;
  /** 生成于 2026年12月7日. */
  footer: string;
}

const MARGIN = 100;
const ROW = 64;

/**
 * 双报告 on an A4 page: a red band with the title, then the figures, the commitments and their
 * progress, staff's appraisal and comment, and whether the member or unit confirmed it.
 */
export function paintReport(ctx: Painter, r: PrintedReport): void {
  const { width, height } = A4;
  const right = width - MARGIN;
  paintA4Frame(ctx, 260);
  ctx.font = `bold 44px ${PRINT_FONT}`;
  ctx.fillText('双报到 · 双报告', width / 2, 80, width - 2 * MARGIN);
  ctx.font = `bold 64px ${PRINT_FONT}`;
  ctx.fillText(r.title, width / 2, 170, width - 2 * MARGIN);

  let y = 330;
  const heading = (text: string) => {
    y += 30;
    ctx.textAlign = 'left';
    ctx.fillStyle = BRAND_RED;
    ctx.font = `bold 44px ${PRINT_FONT}`;
    ctx.fillText(text, MARGIN, y, width - 2 * MARGIN);
    y += ROW;
  };
  const row = (label: string, value: string) => {
    ctx.fillStyle = '#1A1A1A';
    ctx.font = `36px ${PRINT_FONT}`;
    ctx.textAlign = 'left';
    ctx.fillText(label, MARGIN, y, 700);
    ctx.textAlign = 'right';
    ctx.font = `bold 36px ${PRINT_FONT}`;
    ctx.fillText(value, right, y, 420);
    y += ROW;
  };
  const text = (line: string) => {
    ctx.fillStyle = '#1A1A1A';
    ctx.font = `36px ${PRINT_FONT}`;
    ctx.textAlign = 'left';
    ctx.fillText(line, MARGIN, y, width - 2 * MARGIN);
    y += ROW;
  };

  ctx.textAlign = 'left';
  ctx.fillStyle = '#4D4D4D';
  ctx.font = `32px ${PRINT_FONT}`;
  ctx.fillText(`${r.kindLabel} · 数据来自社区的服务记录`, MARGIN, y, width - 2 * MARGIN);
  y += ROW;
  heading('年度服务');
  for (const l of r.lines) row(l.label, l.value);
  if (r.commitments.length) {
    heading('年度承诺');
    for (const c of r.commitments.slice(0, 6)) row(c.text, c.progress);
  }
  heading('社区评议');
  if (r.appraisal) {
    text(`等次：${r.appraisal}`);
    text(`评语：${r.comment}`);
  } else text('尚未评议');
  if (r.acknowledged) text(r.acknowledged);

  ctx.textAlign = 'center';
  ctx.fillStyle = '#4D4D4D';
  ctx.font = `30px ${PRINT_FONT}`;
  ctx.fillText(`红邻 · ${r.footer}`, width / 2, height - 90, width - 2 * MARGIN);
}
