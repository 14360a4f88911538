import { retryKeyed } from '../../../behaviors/retry-key';
import { managersOnly, staffPage } from '../../../behaviors/staff-page';
import * as party from '../../../services/party';
import { saveOnce } from '../../../services/retry';
import { pickLocation } from '../../../services/location';
import { shanghaiDate } from '../../../utils/date';
import { toast } from '../../../utils/dialog';
import { SERVICE_CATEGORIES } from '../../../utils/lists-view';
import type { ServiceCategory } from '../../../../typings/lists';
import type { LatLng } from '../../../../typings/map';
import type { PartyApi, Reachable, Urgency } from '../../../../typings/party';
import type { Change, Tap } from '../../../base/events';

export interface CalloutDraft {
  title: string;
  place: string;
  detail: string;
  date: string;
  from: string;
  to: string;
  needed: string;
  posts: string[];
  skills: ServiceCategory[];
  location: LatLng | null;
  urgency: Urgency;
}

/** 李卫东（党员）· 岗位：平安巡逻 · 350米 */
export function reachableText(p: Reachable): string {
  const far = p.distanceM === undefined ? '' : p.distanceM < 1000 ? ` · ${p.distanceM}米` : ` · ${(p.distanceM / 1000).toFixed(1)}公里`;
  return `${p.name}${p.party ? '（党员）' : ''} · ${p.why}${far}`;
}

/** A Shanghai wall-clock date and time as an instant (China keeps UTC+8 all year). */
const instant = (date: string, time: string) => Date.parse(`${date}T${time}:00+08:00`);

/** The first problem of the draft, in words; null when it can be sent. */
export function calloutProblem(d: CalloutDraft, now: number): string | null {
  if (!d.title.trim()) return '请写明吹哨事项';
  if (!d.place.trim()) return '请填写地点';
  if (!/^\d{1,3}$/.test(d.needed.trim()) || Number(d.needed) < 1 || Number(d.needed) > 100) return '需要人数请填写1到100';
  if (d.to <= d.from) return '结束时间须晚于开始时间';
  if (instant(d.date, d.to) <= now) return '结束时间已过';
  return null;
}

export function calloutOf(d: CalloutDraft): PartyApi['callout']['req'] {
  const detail = d.detail.trim();
  return {
    title: d.title.trim(),
    place: d.place.trim(),
    ...(detail ? { detail } : {}),
    start: instant(d.date, d.from),
    end: instant(d.date, d.to),
    needed: Number(d.needed.trim()),
    posts: d.posts,
    ...(d.skills.length ? { skills: d.skills } : {}),
    ...(d.location ? { location: d.location } : {}),
    urgency: d.urgency,
  };
}

/**
 * 吹哨: what, where (a place, a point on the map), when, how many, which posts or skills, how
 * urgent; 可通知 shows who it would reach, nearest first, before it is blown.
 */
Component({
  behaviors: [staffPage, retryKeyed],

  data: {
    offeredPosts: [] as string[],
    title: '',
    place: '',
    detail: '',
    date: shanghaiDate(),
    from: '19:00',
    to: '21:00',
    needed: '10',
    posts: [] as string[],
    skillsOffered: SERVICE_CATEGORIES,
    skills: [] as ServiceCategory[],
    location: null as LatLng | null,
    pointText: '',
    urgency: 'normal' as Urgency,
    saving: false,
    refusal: '',
    audienceText: '',
    audience: [] as Array<{ userId: string; text: string }>,
  },

  methods: {
    onLoad() {
      void this.start();
    },

    async start() {
      if (!(await this.ensureStaff(managersOnly))) return;
      const res = await party.posts();
      if (!res.ok) return this.setData({ state: 'error', errorText: res.message });
      this.setData({ state: 'ready', offeredPosts: res.data.posts });
    },

    onField(e: Change<{ field: string }>) {
      this.setData({ [e.currentTarget.dataset.field]: e.detail.value, refusal: '' });
    },

    onPost(e: Tap<{ value: string }>) {
      const post = e.currentTarget.dataset.value;
      this.setData({ posts: this.data.posts.includes(post) ? this.data.posts.filter((p) => p !== post) : [...this.data.posts, post] });
    },

    onSkill(e: Tap<{ value: ServiceCategory }>) {
      const skill = e.currentTarget.dataset.value;
      this.setData({ skills: this.data.skills.includes(skill) ? this.data.skills.filter((s) => s !== skill) : [...this.data.skills, skill] });
    },

    async onPickPoint() {
      const picked = await pickLocation(this.data.location ?? undefined);
      if (!picked) return;
      this.setData({ location: picked.location, pointText: picked.name || picked.address || '已选位置', ...(this.data.place.trim() ? {} : { place: picked.name.slice(0, 40) }) });
    },

    /** 可通知: who the whistle as drafted would reach, nearest first. */
    async onAudience() {
      const { posts, skills, location } = this.data;
      const res = await party.audience({ ...(posts.length ? { posts } : {}), ...(skills.length ? { skills } : {}), ...(location ? { location } : {}) });
      if (!res.ok) return toast(res.message);
      const { people, total } = res.data;
      this.setData({
        audienceText: total ? `可通知 ${total} 人${total > people.length ? `，最近的 ${people.length} 人如下` : ''}` : '没有符合条件的人，请换岗位或技能',
        audience: people.map((p) => ({ userId: p.userId, text: reachableText(p) })),
      });
    },

    onUrgency(e: Tap<{ value: Urgency }>) {
      this.setData({ urgency: e.currentTarget.dataset.value });
    },

    async onSubmit() {
      if (this.data.saving) return;
      const d = this.data;
      const draft: CalloutDraft = {
        title: d.title,
        place: d.place,
        detail: d.detail,
        date: d.date,
        from: d.from,
        to: d.to,
        needed: d.needed,
        posts: d.posts,
        skills: d.skills,
        location: d.location,
        urgency: d.urgency,
      };
      const problem = calloutProblem(draft, Date.now());
      if (problem) {
        this.setData({ refusal: problem });
        return toast(problem);
      }
      const saved = await saveOnce(this, this.retryKey(), calloutOf(draft), party.callout, { title: '未能吹哨' });
      if (!saved) return;
      toast('已吹哨');
      wx.navigateBack({ delta: 1 });
    },
  },
});
