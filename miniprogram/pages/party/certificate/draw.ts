import type { Certificate } from '../../../../typings/party';
import { A4, PRINT_FONT, paintA4Frame, type Painter } from '../../../utils/canvas';
import { paintQr } from '../../../utils/qr';
import { figureLines } from '../../../utils/party-view';

const MARGIN = 110;
const ROW = 70;
const QR_SIZE = 360;

/** `2026-05-01` → 2026年5月1日 */
const dayText = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

/**
 * 志愿服务证明 on an A4 page: a red band with the title, who and when, the figures of the period
 * (the same lines as 双报告), the community that issued it and its number, and the QR that staff
 * scan to check the figures against the records.
 */
export function paintCertificate(ctx: Painter, c: Certificate, qr: boolean[][]): void {
  const { width, height } = A4;
  paintA4Frame(ctx, 260);
  ctx.font = `bold 80px ${PRINT_FONT}`;
  ctx.fillText('志愿服务证明', width / 2, 130, width - 2 * MARGIN);

  ctx.fillStyle = '#1A1A1A';
  ctx.textAlign = 'left';
  ctx.font = `40px ${PRINT_FONT}`;
  // A canvas has no text layout: the sentence is laid out at its natural breaks.
  const body = [`兹证明 ${c.name} 同志`, `于 ${dayText(c.from)} 至 ${dayText(c.to)}`, `在${c.communityName}参加志愿服务，记录如下：`];
  let y = 360;
  for (const line of body) {
    ctx.fillText(line, MARGIN, y, width - 2 * MARGIN);
    y += ROW;
  }
  y += 20;
  for (const l of figureLines(c.figures).filter((x) => x.key !== 'points' && x.key !== 'ratings')) {
    ctx.font = `38px ${PRINT_FONT}`;
    ctx.textAlign = 'left';
    ctx.fillText(l.label, MARGIN + 40, y, 600);
    ctx.textAlign = 'right';
    ctx.font = `bold 40px ${PRINT_FONT}`;
    ctx.fillText(l.value, width - MARGIN - 40, y, 400);
    y += ROW;
  }
  ctx.textAlign = 'left';
  ctx.font = `36px ${PRINT_FONT}`;
  ctx.fillStyle = '#4D4D4D';
  ctx.fillText('以上数据来自社区的服务记录（活动签退、吹哨报到、心愿与诉求办结）。', MARGIN, y + 20, width - 2 * MARGIN);

  const qrTop = height - 200 - QR_SIZE;
  // The code is painted from its own corner: shifted onto the page by a painter that offsets.
  paintQr(
    {
      set fillStyle(v: unknown) {
        ctx.fillStyle = v;
      },
      get fillStyle() {
        return ctx.fillStyle;
      },
      fillRect: (x, y, w, h) => ctx.fillRect(MARGIN + x, qrTop + y, w, h),
    },
    qr,
    QR_SIZE,
  );
  ctx.fillStyle = '#1A1A1A';
  ctx.font = `bold 40px ${PRINT_FONT}`;
  ctx.fillText(c.communityName, MARGIN + QR_SIZE + 60, qrTop + 80, width - 2 * MARGIN - QR_SIZE - 60);
  ctx.font = `34px ${PRINT_FONT}`;
  ctx.fillText(`开具日期：${dayText(new Date(c.issuedAt + 8 * 3600_000).toISOString().slice(0, 10))}`, MARGIN + QR_SIZE + 60, qrTop + 160, width - 2 * MARGIN - QR_SIZE - 60);
  ctx.fillText(`证明编号：${c.id}`, MARGIN + QR_SIZE + 60, qrTop + 230, width - 2 * MARGIN - QR_SIZE - 60);
  ctx.fillStyle = '#4D4D4D';
  ctx.fillText('社区工作人员扫码可核验', MARGIN + QR_SIZE + 60, qrTop + 300, width - 2 * MARGIN - QR_SIZE - 60);
}
