import type { Certificate, ReportFigures } from '../../../../typings/party';
import { staffPage, managersOnly } from '../../../behaviors/staff-page';
import * as party from '../../../services/party';
import { tell } from '../../../utils/dialog';
import { scanQr } from '../../../utils/scan';
import { certificateIdOf, figureLines } from '../../../utils/party-view';
import type { Change } from '../../../base/events';

/** Each line of the certificate beside what the records say now; a line that moved is marked. */
function compare(c: ReportFigures, now: ReportFigures) {
  const then = figureLines(c);
  const current = figureLines(now);
  return then
    .filter((l) => l.key !== 'points' && l.key !== 'ratings')
    .map((l) => {
      const cur = current.find((x) => x.key === l.key)?.value ?? '';
      return { ...l, current: cur, moved: cur !== l.value };
    });
}

/**
 * 证明核验: staff scan (or type the number of) a 志愿服务证明 and read it as the community issued
 * it, with the records as they stand now beside each figure.
 */
Component({
  behaviors: [staffPage],

  data: {
    number: '',
    busy: false,
    certificate: null as Certificate | null,
    lines: [] as ReturnType<typeof compare>,
    agrees: false,
  },

  methods: {
    onLoad() {
      void this.start();
    },

    async start() {
      if (await this.ensureStaff(managersOnly)) this.setData({ state: 'ready' });
    },

    /** The certificate on paper, or its picture sent in a chat. */
    async onScan() {
      if (this.data.busy) return;
      const text = await scanQr(true);
      if (text === null) return;
      const id = certificateIdOf(text);
      if (!id) return tell('无法识别', '这不是红邻开具的志愿服务证明二维码');
      await this.verify(id);
    },

    onNumber(e: Change) {
      this.setData({ number: e.detail.value });
    },

    onSubmit() {
      const id = certificateIdOf(this.data.number);
      if (!id) return tell('编号不正确', '证明编号以 vc_ 开头，共19位，印在二维码旁');
      void this.verify(id);
    },

    async verify(id: string) {
      this.setData({ busy: true, certificate: null });
      const res = await party.verifyCertificate({ id });
      this.setData({ busy: false });
      if (!res.ok) return tell('核验未通过', res.message);
      const { certificate, current, agrees } = res.data;
      this.setData({ certificate, agrees, lines: compare(certificate.figures, current) });
    },
  },
});
