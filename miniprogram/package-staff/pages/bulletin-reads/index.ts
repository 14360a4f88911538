import { retryKeyed } from '../../../behaviors/retry-key';
import { managersOnly, staffPage } from '../../../behaviors/staff-page';
import * as bulletin from '../../../services/bulletin';
import { saveOnce } from '../../../services/retry';
import { ask, toast } from '../../../utils/dialog';
import { bulletinItemView } from '../../../utils/bulletin-view';
import { STAFF_BULLETIN_PAGES } from '../../../utils/routes';
import type { BulletinCounts, BulletinGridCount } from '../../../../typings/bulletin';
import type { Change } from '../../../base/events';

/** 第一网格：已读 12 / 40 人 · 确认收到 9 人 */
export function gridLine(g: BulletinGridCount, needsConfirm: boolean): string {
  const of = g.total === undefined ? '' : ` / ${g.total}`;
  return `已读 ${g.read}${of} 人${needsConfirm ? ` · 确认收到 ${g.confirmed} 人` : ''}`;
}

/** 阅读情况: one bulletin's reads and 收到 per grid; 修改 and 撤回 (with a reason). */
Component({
  behaviors: [staffPage, retryKeyed],

  data: {
    id: '',
    bulletin: null as (ReturnType<typeof bulletinItemView> & { audienceLabel: string; total: string }) | null,
    grids: [] as Array<{ gridId: string; name: string; line: string }>,
    withdrawing: false,
    reason: '',
    saving: false,
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      void this.start(query);
    },

    onShow() {
      if (this.data.state === 'ready') void this.reload();
    },

    async start(query: Record<string, string | undefined> = {}) {
      if (!(await this.ensureStaff(managersOnly))) return;
      this.setData({ id: query.id ?? this.data.id });
      await this.reload();
    },

    async reload() {
      const res = await bulletin.counts({ id: this.data.id });
      if (!res.ok) return this.setData({ state: 'error', errorText: res.message });
      this.show(res.data);
    },

    show(c: BulletinCounts) {
      const b = c.bulletin;
      this.setData({
        state: 'ready',
        bulletin: { ...bulletinItemView(b), audienceLabel: b.audienceLabel, total: `共 ${b.reads} 人已读${b.needsConfirm ? `，${b.confirms} 人确认收到` : ''}` },
        grids: c.grids.map((g) => ({ gridId: g.gridId, name: g.name, line: gridLine(g, b.needsConfirm) })),
      });
    },

    onEdit() {
      wx.navigateTo({ url: `${STAFF_BULLETIN_PAGES.edit}?id=${this.data.id}` });
    },

    onWithdraw() {
      this.setData({ withdrawing: true, reason: '' });
    },

    onReason(e: Change) {
      this.setData({ reason: e.detail.value });
    },

    async onConfirmWithdraw() {
      const reason = this.data.reason.trim();
      if (!reason) return toast('请填写撤回原因');
      if (!(await ask('撤回这条通知？', '撤回后居民的首页和通知公告里不再显示，已读记录保留。', '撤回'))) return;
      const saved = await saveOnce(this, this.retryKey(), { id: this.data.id, reason }, bulletin.withdraw, { title: '没有撤回' });
      if (!saved) return;
      toast('已撤回');
      this.setData({ withdrawing: false });
      await this.reload();
    },
  },
});
