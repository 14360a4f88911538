import { retryKeyed } from '../../../behaviors/retry-key';
import type { Signup } from '../../../../typings/booking';
import { staffPage } from '../../../behaviors/staff-page';
import * as booking from '../../../services/booking';
import { saveOnce, sendOnce } from '../../../services/retry';
import { ask, tell, toast } from '../../../utils/dialog';
import { hoursText, personalCode } from '../../../utils/booking';
import { type ActivityView, type SignupView, toActivityView, toSignupView } from '../../../utils/booking-view';
import { STAFF_BOOKING_PAGES } from '../../../utils/routes';
import { isManager } from '../../../utils/labels';
import { appendById } from '../../../utils/points-view';
import { scanQr } from '../../../utils/scan';
import type { Change, Tap } from '../../../base/events';

type Op = 'in' | 'out';

function counts(rows: SignupView[]) {
  const arrived = rows.filter((r) => r.status === 'checked_in' || r.status === 'checked_out').length;
  return { arrived, left: rows.filter((r) => r.status === 'checked_out').length };
}

/**
 * 活动签到: without an id, the activities to come (pick one); with one, the activity's check-in code
 * for volunteers to scan, the roster with check-in, check-out and hours, and check-in/out by
 * scanning or typing a volunteer's own code.
 */
Component({
  behaviors: [retryKeyed, staffPage],

  data: {
    id: '',
    manager: false,
    activities: [] as ActivityView[],
    activity: null as ActivityView | null,
    rows: [] as SignupView[],
    arrived: 0,
    left: 0,
    next: '',
    listLoading: false,
    code: '',
    busy: false,
    done: '',
    refusal: '',
    cancelOpen: false,
    cancelReason: '',
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ id: query.id ?? '' });
      void this.start();
    },

    async onPullDownRefresh() {
      await this.reload();
      wx.stopPullDownRefresh();
    },

    onReachBottom() {
      void this.loadMore();
    },

    async start() {
      const me = await this.ensureStaff();
      if (!me) return;
      this.setData({ manager: isManager(me.roles) });
      await this.reload();
    },

    async reload() {
      this.setData({ listLoading: true });
      if (!this.data.id) {
        const res = await booking.activities({ when: 'upcoming' });
        this.setData({ listLoading: false });
        if (!res.ok) return this.setData({ state: 'error', errorText: res.message });
        return this.setData({ state: 'ready', activities: res.data.items.map((a) => toActivityView(a)), next: res.data.next ?? '' });
      }
      const res = await booking.roster({ activityId: this.data.id });
      this.setData({ listLoading: false });
      if (!res.ok) {
        if (res.code === 'FORBIDDEN') return this.setData({ state: 'forbidden' });
        if (this.data.state === 'ready') return toast(res.message);
        return this.setData({ state: 'error', errorText: res.message });
      }
      const rows = res.data.items.map(toSignupView);
      wx.setNavigationBarTitle({ title: res.data.activity.title });
      this.setData({ state: 'ready', activity: toActivityView(res.data.activity), rows, ...counts(rows), next: res.data.next ?? '' });
    },

    async loadMore() {
      if (!this.data.next || this.data.listLoading) return;
      this.setData({ listLoading: true });
      if (!this.data.id) {
        const res = await booking.activities({ when: 'upcoming', cursor: this.data.next });
        this.setData({ listLoading: false });
        if (!res.ok) return toast(res.message);
        return this.setData({ activities: appendById(this.data.activities, res.data.items.map((a) => toActivityView(a))), next: res.data.next ?? '' });
      }
      const res = await booking.roster({ activityId: this.data.id, cursor: this.data.next });
      this.setData({ listLoading: false });
      if (!res.ok) return toast(res.message);
      const rows = appendById(this.data.rows, res.data.items.map(toSignupView));
      this.setData({ rows, ...counts(rows), next: res.data.next ?? '' });
    },

    onOpen(e: Tap<{ id: string }>) {
      wx.navigateTo({ url: `${STAFF_BOOKING_PAGES.roster}?id=${e.currentTarget.dataset.id}` });
    },

    onCode(e: Change) {
      this.setData({ code: e.detail.value });
    },

    async onScan(e: Tap<{ op: Op }>) {
      if (this.data.busy) return;
      const op = e.currentTarget.dataset.op;
      const text = await scanQr();
      if (text === null) return;
      const code = personalCode(text);
      if (!code) return tell('无法识别', '请扫描志愿者在“我的预约—志愿活动”里出示的签到码');
      await this.mark(op, code);
    },

    async onSubmit(e: Tap<{ op: Op }>) {
      const code = personalCode(this.data.code);
      if (!code) return toast('请输入8位数字签到码');
      await this.mark(e.currentTarget.dataset.op, code);
    },

    async mark(op: Op, code: string) {
      if (this.data.busy) return;
      this.setData({ busy: true, refusal: '', done: '' });
      const res = await sendOnce(
        this,
        this.retryKey(),
        (rid) => (op === 'in' ? booking.checkIn({ code, requestId: rid({ op, code }) }) : booking.checkOut({ code, requestId: rid({ op, code }) })),
        { again: '请再试一次，不会重复记录' },
      );
      if (!res) return;
      if (!res.ok) {
        this.setData({ refusal: res.message });
        return tell(op === 'in' ? '未能签到' : '未能签退', res.message);
      }
      const s = (res.data as { signup?: Signup }).signup;
      const points = (res.data as { pointsAwarded?: number }).pointsAwarded ?? 0;
      if (!s) {
        this.setData({ refusal: '这是服务预约的预约码，请到“今日预约”签到' });
        return;
      }
      const done = op === 'in' ? `${s.who} 已签到` : `${s.who} 已签退，服务${hoursText(s.minutes)}小时${points ? `，获得${points}积分` : ''}`;
      this.setData({ code: '', done });
      toast(op === 'in' ? '签到成功' : '签退成功');
      await this.reload();
    },

    onToggleCancel() {
      this.setData({ cancelOpen: !this.data.cancelOpen, cancelReason: '' });
    },

    onReason(e: Change) {
      this.setData({ cancelReason: e.detail.value });
    },

    async onCancelActivity() {
      const a = this.data.activity;
      const reason = this.data.cancelReason.trim();
      if (!a || this.data.busy) return;
      if (!reason) return toast('请填写取消原因');
      this.setData({ busy: true });
      const yes = await ask('取消活动', `取消“${a.title}”后，已报名的${a.signedUp}人会收到通知。确定取消吗？`, '取消活动', '不取消');
      if (!yes) return this.setData({ busy: false });
      const req = { op: 'cancel' as const, id: a.id, reason };
      if (!(await saveOnce(this, this.retryKey(), req, booking.publishActivity, { flag: 'busy', title: '未能取消' }))) return;
      this.setData({ cancelOpen: false });
      toast('活动已取消，已通知报名的志愿者');
      await this.reload();
    },
  },
});
