import type { Home, HomeActivity, HomeBulletin, HomeNotice, HomeStaff, HomeTodo, HomeVolunteer } from '../../../typings/user';
import { BOOKING_PAGES } from '../../utils/booking';
import { friendlyTime } from '../../utils/date';
import { BULLETIN_PAGES, LISTS_PAGES, POINTS_PAGES, STAFF_CONSOLE, STAFF_LISTS_PAGES, STAFF_WISH_ENTRIES, WISH_DETAIL } from '../../utils/routes';

/** One line of 首页 that opens a page on a tap. */
export interface LinkView {
  key: string;
  icon: string;
  label: string;
  title: string;
  detail: string;
  url: string;
}

const TODO: Record<HomeTodo['kind'], { icon: string; label: string; detail(t: HomeTodo): string; url(t: HomeTodo): string }> = {
  wishToConfirm: { icon: 'check-circle', label: '请确认心愿', detail: () => '志愿者说已经办好了，请您看一看', url: (t) => `${WISH_DETAIL}?id=${t.id}` },
  rate: { icon: 'star', label: '请评价', detail: () => '您反映的事已经办好，请给个评价', url: (t) => `${LISTS_PAGES.ticket}?id=${t.id}` },
  booking: { icon: 'calendar', label: '预约', detail: (t) => `${friendlyTime(t.at!)} · ${t.place} · 预约码 ${t.code}`, url: (t) => `${BOOKING_PAGES.detail}?id=${t.id}` },
  pickup: { icon: 'gift', label: '待领取', detail: (t) => `到${t.place}领取 · 提货码 ${t.code}`, url: () => POINTS_PAGES.orders },
  activity: { icon: 'flag', label: '已报名活动', detail: (t) => `${friendlyTime(t.at!)} · ${t.place}`, url: (t) => `${BOOKING_PAGES.detail}?id=${t.id}` },
  wishClaimed: { icon: 'heart', label: '心愿已被认领', detail: () => '志愿者会和您联系，请留意电话', url: (t) => `${WISH_DETAIL}?id=${t.id}` },
};

export function todoViews(todos: HomeTodo[]): LinkView[] {
  return todos.map((t) => {
    const k = TODO[t.kind];
    return { key: `${t.kind}-${t.id}`, icon: k.icon, label: k.label, title: t.title, detail: k.detail(t), url: k.url(t) };
  });
}

export interface NoticeView extends HomeNotice {
  when: string;
  url: string;
}

export const noticeViews = (notices: HomeNotice[]): NoticeView[] => notices.map((n) => ({ ...n, when: friendlyTime(n.at), url: n.page ?? '' }));

export function activityViews(activities: HomeActivity[]): LinkView[] {
  return activities.map((a) => ({
    key: a.id,
    icon: 'flag',
    label: a.volunteersOnly ? '志愿者活动' : '社区活动',
    title: a.title,
    detail: `${friendlyTime(a.start)} · ${a.placeName}`,
    url: `${BOOKING_PAGES.index}?tab=activity`,
  }));
}

export function volunteerViews(v: HomeVolunteer): { claims: LinkView[]; nearby: LinkView[] } {
  return {
    claims: v.claims.map((w) => ({
      key: w.id,
      icon: 'time',
      label: w.awaitingConfirmation ? '等待居民确认' : '我认领的心愿',
      title: w.title,
      detail: w.awaitingConfirmation ? '已提交完成凭证，等待居民确认' : `请在${friendlyTime(w.leaseUntil)}前完成`,
      url: `${WISH_DETAIL}?id=${w.id}`,
    })),
    nearby: v.nearby.map((w) => ({ key: w.id, icon: 'heart', label: '身边的心愿', title: w.title, detail: w.category, url: `${WISH_DETAIL}?id=${w.id}` })),
  };
}

const REVIEW = STAFF_WISH_ENTRIES.find((e) => e.key === 'wishReview')!.path!;

export function staffViews(s: HomeStaff): Array<{ key: string; label: string; count: number; url: string }> {
  return [
    { key: 'review', label: '心愿待审核', count: s.wishesToReview, url: REVIEW },
    { key: 'dispatch', label: '诉求待派单', count: s.ticketsToDispatch, url: STAFF_LISTS_PAGES.queue },
    { key: 'overdue', label: '已超时', count: s.ticketsOverdue, url: STAFF_LISTS_PAGES.queue },
    { key: 'console', label: '进入工作台', count: -1, url: STAFF_CONSOLE },
  ];
}

export interface HomeView {
  todos: LinkView[];
  notices: NoticeView[];
  activities: LinkView[];
  claims: LinkView[];
  nearby: LinkView[];
  volunteer: boolean;
  queues: ReturnType<typeof staffViews>;
  bulletin: BulletinStripView | null;
}

/** 首页's 通知公告 strip: the pinned (or newest) bulletin, marked while unread. */
export interface BulletinStripView {
  title: string;
  tags: string;
  unread: boolean;
  url: string;
}

export function bulletinStrip(b: HomeBulletin): BulletinStripView {
  const tags = [b.pinned ? '置顶' : '', b.needsConfirm ? '请确认收到' : ''].filter(Boolean);
  return { title: b.title, tags: [...tags, friendlyTime(b.publishedAt)].join(' · '), unread: b.unread, url: `${BULLETIN_PAGES.detail}?id=${b.id}` };
}

export function homeView(h: Home): HomeView {
  const v = h.volunteer ? volunteerViews(h.volunteer) : { claims: [], nearby: [] };
  return {
    todos: todoViews(h.todos),
    notices: noticeViews(h.notices),
    activities: activityViews(h.activities),
    ...v,
    volunteer: !!h.volunteer,
    queues: h.staff ? staffViews(h.staff) : [],
    bulletin: h.bulletin ? bulletinStrip(h.bulletin) : null,
  };
}
