import { freshOnShow } from '../../../behaviors/fresh-on-show';
import { retryKeyed } from '../../../behaviors/retry-key';
import { memberPage } from '../../../behaviors/member-page';
import type { ServiceKind } from '../../../../typings/booking';
import { pagedList, viewPage } from '../../../behaviors/paged-list';
import * as booking from '../../../services/booking';
import * as session from '../../../services/session';
import { sendOnce } from '../../../services/retry';
import { offerNotice } from '../../../services/subscribe';
import { ask, tell } from '../../../utils/dialog';
import { BOOKING_PAGES } from '../../../utils/booking';
import { type ActivityView, toActivityView, toServiceView } from '../../../utils/booking-view';
import type { Tap } from '../../../base/events';
import { sharePath } from '../../../utils/share';
import { elderPage } from '../../../behaviors/elder-page';

type Tab = ServiceKind | 'activity';

const TABS: Array<{ value: Tab; label: string; hint: string }> = [
  { value: 'appointment', label: '预约', hint: '选好时段到场办理，不用排队' },
  { value: 'proxy', label: '代办', hint: '白天没空？交上材料，社区帮您办' },
  { value: 'home_visit', label: '上门帮办', hint: '高龄、行动不便的居民，工作人员上门办理' },
  { value: 'activity', label: '志愿活动', hint: '报名参加社区志愿服务，记录服务时长、获得积分' },
];

/** 预约服务: the community's services by kind (预约 / 代办 / 上门帮办) and its volunteer activities. */
Component({
  behaviors: [elderPage, memberPage, pagedList, retryKeyed, freshOnShow],

  data: {
    tabs: TABS,
    tab: 'appointment' as Tab,
    hint: TABS[0].hint,
    busy: false,
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      const tab = TABS.find((t) => t.value === query.tab);
      if (tab) this.setData({ tab: tab.value, hint: tab.hint });
      void this.start();
    },

    async fetchPage(cursor?: string) {
      const page = cursor ? { cursor } : {};
      if (this.data.tab === 'activity') {
        const roles = session.current()?.roles ?? [];
        return viewPage(await booking.activities({ when: 'upcoming', ...page }), (a) => toActivityView(a, roles));
      }
      return viewPage(await booking.services({ kind: this.data.tab, ...page }), toServiceView);
    },

    onTab(e: Tap<{ tab: Tab }>) {
      const tab = TABS.find((t) => t.value === e.currentTarget.dataset.tab);
      if (!tab || tab.value === this.data.tab) return;
      void this.switchList({ tab: tab.value, hint: tab.hint });
    },

    onService(e: Tap<{ id: string; kind: ServiceKind }>) {
      const { id, kind } = e.currentTarget.dataset;
      const url = kind === 'appointment' ? `${BOOKING_PAGES.service}?id=${id}` : `${BOOKING_PAGES.errand}?serviceId=${id}`;
      wx.navigateTo({ url });
    },

    /**
     * 转发: the activities, or the one whose 转给朋友 was tapped; a friend who opens it lands in
     * this community on its activities.
     */
    onShareAppMessage(res: WechatMiniprogram.Page.IShareAppMessageOption): WechatMiniprogram.Page.ICustomShareContent {
      const id = (res.target as { dataset?: { id?: string } } | undefined)?.dataset?.id;
      const a = id ? (this.data.items as ActivityView[]).find((x) => x.id === id) : undefined;
      const me = session.current();
      return {
        title: a ? `一起来参加：${a.title}` : `${me?.community?.name ?? '红邻'}·志愿活动`,
        path: sharePath(BOOKING_PAGES.index, { tab: 'activity' }, me?.community?.code),
      };
    },

    onMine() {
      wx.navigateTo({ url: BOOKING_PAGES.mine });
    },

    onOpenSignup(e: Tap<{ id: string }>) {
      wx.navigateTo({ url: `${BOOKING_PAGES.detail}?id=${e.currentTarget.dataset.id}` });
    },

    async onSignUp(e: Tap<{ id: string }>) {
      const a = (this.data.items as ActivityView[]).find((x) => x.id === e.currentTarget.dataset.id);
      if (!a || this.data.busy) return;
      this.setData({ busy: true });
      const what = a.full ? '名额已满，报名后进入候补，有人取消时按顺序递补。' : '报名后请按时到场，扫描现场签到码签到。';
      if (!(await ask(a.full ? '加入候补' : '报名参加', `${a.title}\n${a.when}\n${a.placeName}\n${what}`, a.full ? '加入候补' : '确认报名'))) {
        return this.setData({ busy: false });
      }
      const req = { activityId: a.id };
      const res = await sendOnce(this, this.retryKey(), (rid) => booking.signUp({ ...req, requestId: rid(req) }), {
        title: '没有收到报名结果',
        again: '请再点一次，不会重复报名',
      });
      if (!res) return;
      if (!res.ok) {
        tell('未能报名', res.message);
        return this.reload();
      }
      const s = res.data.signup;
      const open = () => wx.navigateTo({ url: `${BOOKING_PAGES.detail}?id=${s.id}` });
      const title = s.status === 'waitlisted' ? '已加入候补' : '报名成功';
      offerNotice(title, '活动开始前一天提醒您，活动有变动时也通知您，好吗？', ['activityReminder', 'activityCancelled', 'bookingPromoted'], open);
      void this.reload();
    },

  },
});
