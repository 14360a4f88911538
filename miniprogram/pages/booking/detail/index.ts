import { detailPage } from '../../../behaviors/detail-page';
import { retryKeyed } from '../../../behaviors/retry-key';
import type { Result } from '../../../../typings/api';
import type { Booking, Errand, Signup } from '../../../../typings/booking';
import * as booking from '../../../services/booking';
import { navigateTo } from '../../../services/location';
import * as map from '../../../services/map';
import { type RetryKey, sendOnce } from '../../../services/retry';
import { ask, tell, toast } from '../../../utils/dialog';
import { BOOKING_PAGES, RATE_COMMENT_MAX, STAR_WORDS, hoursText, scanKind } from '../../../utils/booking';
import { type BookingView, type ErrandView, type SignupView, toBookingView, toErrandView, toSignupView } from '../../../utils/booking-view';
import { scanQr } from '../../../utils/scan';
import { type Changed, changes } from './actions';
import type { Change } from '../../../base/events';
import { elderPage } from '../../../behaviors/elder-page';

const TITLES = { bk: '预约详情', er: '代办详情', su: '活动报名' } as const;

/**
 * One booking (bk_), errand (er_) or activity sign-up (su_): what every booking notice opens.
 * A booking shows its code as a QR and in big digits, the place with 导航, and 取消预约; an errand
 * its progress and 评价 once done; a sign-up its code, 签到/签退 by scanning the activity's code,
 * and the hours served.
 */
Component({
  behaviors: [elderPage, detailPage, retryKeyed],

  data: {
    booking: null as BookingView | null,
    errand: null as ErrandView | null,
    signup: null as SignupView | null,
    busy: false,
    refusal: '',
    stars: 5,
    starWord: STAR_WORDS[5],
    starList: [1, 2, 3, 4, 5],
    comment: '',
    commentMax: RATE_COMMENT_MAX,
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      const id = query.id ?? '';
      const prefix = id.slice(0, 2) as keyof typeof TITLES;
      if (!id || !TITLES[prefix]) return this.setData({ state: 'error', errorText: '记录不存在' });
      this.setData({ id });
      wx.setNavigationBarTitle({ title: TITLES[prefix] });
      void this.start();
    },

    fetchDetail() {
      return booking.detail({ id: this.data.id });
    },

    show(d: { booking?: Booking; errand?: Errand; signup?: Signup }) {
      this.setData({
        state: 'ready',
        booking: d.booking ? toBookingView(d.booking) : null,
        errand: d.errand ? toErrandView(d.errand) : null,
        signup: d.signup ? toSignupView(d.signup) : null,
      });
    },

    /**
     * Runs one change; on success shows the record as it came back (timelines come with `detail`
     * only, so it reads again) and says `done`. Refusals are shown in the server's words.
     */
    async run(title: string, change: (key: RetryKey) => Promise<Result<Changed>>, done: (c: Changed) => string) {
      if (this.data.busy) return;
      this.setData({ refusal: '' });
      const key = this.retryKey();
      const res = await sendOnce(this, key, () => change(key));
      if (!res) return;
      if (!res.ok) {
        this.setData({ refusal: res.message });
        tell(title, res.message);
        return this.reload();
      }
      toast(done(res.data));
      await this.reload();
    },

    async onCancel() {
      const b = this.data.booking;
      const s = this.data.signup;
      if (this.data.busy || (!b && !s)) return;
      this.setData({ busy: true });
      const content = b ? `${b.serviceName}\n${b.day} ${b.time}\n取消后名额让给其他居民。确定取消吗？` : `${s!.title}\n${s!.when}\n确定取消报名吗？`;
      const yes = await ask(b ? '取消预约' : '取消报名', content, b ? '取消预约' : '取消报名', '不取消');
      this.setData({ busy: false });
      if (!yes) return;
      await this.run(b ? '未能取消' : '未能取消报名', (key) => changes.cancel(key, this.data.id), () => (b ? '已取消预约' : '已取消报名'));
    },

    async onCancelErrand() {
      const e = this.data.errand;
      if (this.data.busy || !e) return;
      this.setData({ busy: true });
      const yes = await ask('撤销申请', `撤销“${e.serviceName}”的申请吗？已交的材料请到${e.placeName}取回。`, '撤销申请', '不撤销');
      this.setData({ busy: false });
      if (!yes) return;
      await this.run('未能撤销', (key) => changes.cancelErrand(key, e.id), () => '已撤销申请');
    },

    onStar(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { stars: number }>) {
      const stars = Number(e.currentTarget.dataset.stars);
      this.setData({ stars, starWord: STAR_WORDS[stars] });
    },

    onComment(e: Change) {
      this.setData({ comment: e.detail.value });
    },

    async onRate() {
      const e = this.data.errand;
      if (!e) return;
      const { stars, comment } = this.data;
      await this.run('未能评价', (key) => changes.rate(key, e.id, stars, comment.trim()), () => '感谢您的评价');
    },

    /** The person scans the activity's code at the site to check in, or out. */
    async onScan(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { op: 'in' | 'out' }>) {
      if (this.data.busy || !this.data.signup) return;
      const op = e.currentTarget.dataset.op;
      const text = await scanQr();
      if (text === null) return;
      if (scanKind(text) !== 'activity') return tell('无法识别', '请扫描活动现场工作人员出示的签到码');
      if (op === 'in') return this.run('未能签到', (key) => changes.checkIn(key, text), () => '签到成功');
      await this.run('未能签退', (key) => changes.checkOut(key, text), (c) => {
        const minutes = c.signup?.minutes ?? 0;
        return `签退成功，服务${hoursText(minutes)}小时${c.pointsAwarded ? `，获得${c.pointsAwarded}积分` : ''}`;
      });
    },

    async onNavigate() {
      const b = this.data.booking;
      if (!b || this.data.busy) return;
      const res = await map.place({ id: b.placeId });
      if (!res.ok) return toast(res.message);
      navigateTo(res.data.place);
    },

    onBookAgain() {
      const b = this.data.booking;
      if (b) wx.redirectTo({ url: `${BOOKING_PAGES.service}?id=${b.serviceId}` });
    },

    onMine() {
      wx.redirectTo({ url: BOOKING_PAGES.mine });
    },

  },
});
