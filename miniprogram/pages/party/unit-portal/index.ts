import { elderPage } from '../../../behaviors/elder-page';
import { freshOnShow } from '../../../behaviors/fresh-on-show';
import { memberPage } from '../../../behaviors/member-page';
import { retryKeyed } from '../../../behaviors/retry-key';
import type { UnitPortal } from '../../../../typings/unit';
import * as lists from '../../../services/lists';
import * as party from '../../../services/party';
import { sendOnce } from '../../../services/retry';
import { ask, tell, toast } from '../../../utils/dialog';
import { LISTS_PAGES, PARTY_PAGES, POINTS_VERIFY } from '../../../utils/routes';
import type { Tap } from '../../../base/events';
import { portalView } from './view';

const thisYear = () => new Date(Date.now() + 8 * 3600_000).getUTCFullYear();

/**
 * 单位主页, where a 共建单位 member's 我的 leads: projects to claim (认领) and claimed, the needs its
 * resources fit, its year's contribution, its goods, and who verifies them (the contact names them);
 * 兑换核销 for those who may, 单位任务 for tickets dispatched to the unit.
 */
Component({
  behaviors: [elderPage, memberPage, retryKeyed, freshOnShow],

  data: {
    portal: null as ReturnType<typeof portalView> | null,
    registrationId: '',
    manages: false,
    verifies: false,
    year: thisYear(),
    busy: false,
  },

  methods: {
    onLoad() {
      void this.start();
    },

    async reload() {
      const res = await party.unitPortal({});
      if (!res.ok) return this.setData({ state: 'error', errorText: res.message });
      const p = res.data;
      // The year's figures come from the unit's 双报告, once the community confirmed its registration.
      const report = p.registrationId ? await party.report({ subjectId: p.registrationId, year: this.data.year }) : null;
      this.show(p, report?.ok ? report.data.report.figures : null);
    },

    show(p: UnitPortal, figures: Parameters<typeof portalView>[1]) {
      this.setData({ state: 'ready', portal: portalView(p, figures), registrationId: p.registrationId ?? '', manages: p.manages, verifies: p.verifies });
    },

    async onClaim(e: Tap<{ id: string; title: string }>) {
      const { id, title } = e.currentTarget.dataset;
      if (this.data.busy || !(await ask('认领项目', `由本单位认领「${title}」？认领后社区会与单位联系人对接。`, '认领'))) return;
      const res = await sendOnce(this, this.retryKey(), (key) => lists.claimProject({ id, requestId: key({ claim: id }) }));
      if (!res) return;
      if (!res.ok) return tell('没有认领', res.message);
      toast('已认领');
      await this.reload();
    },

    async onVerifier(e: Tap<{ id: string; on: boolean }>) {
      const { id, on } = e.currentTarget.dataset;
      if (this.data.busy) return;
      const res = await sendOnce(this, this.retryKey(), (key) => party.setVerifier({ userId: id, verifier: !on, requestId: key({ id, verifier: !on }) }));
      if (!res) return;
      if (!res.ok) return tell('没有保存', res.message);
      toast(on ? '已取消核销资格' : '已设为核销人员');
      await this.reload();
    },

    onVerify() {
      wx.navigateTo({ url: POINTS_VERIFY });
    },

    onTasks() {
      wx.navigateTo({ url: LISTS_PAGES.tasks });
    },

    onMembers() {
      wx.navigateTo({ url: `${PARTY_PAGES.unit}?id=${this.data.registrationId}` });
    },
  },
});
