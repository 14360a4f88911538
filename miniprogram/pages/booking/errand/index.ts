import { retryKeyed } from '../../../behaviors/retry-key';
import { memberPage } from '../../../behaviors/member-page';
import type { Service } from '../../../../typings/booking';
import * as booking from '../../../services/booking';
import { offerNotice } from '../../../services/subscribe';
import { sendOnce } from '../../../services/retry';
import { addDays, shanghaiDate } from '../../../utils/date';
import { ask, tell, toast } from '../../../utils/dialog';
import { BOOKING_PAGES, COMMON_PAPERS, ERRAND_LIMITS, VISIT_WINDOWS } from '../../../utils/booking';
import { type ServiceView, toServiceView } from '../../../utils/booking-view';
import { type ErrandDraft, errandProblem, errandRequest, withPaper } from './form';
import type { Change, Tap } from '../../../base/events';

/** Pages of services looked through for the one asked for (a community has a handful). */
const PAGES_LOOKED = 3;

/**
 * 代办 / 上门帮办 request: what to handle and the papers handed over; for a home visit the address
 * and a wished time window. Then the offer of progress notices, and the errand's page.
 */
Component({
  behaviors: [retryKeyed, memberPage],

  data: {
    serviceId: '',
    service: null as ServiceView | null,
    homeVisit: false,
    description: '',
    papers: [] as string[],
    paperChoices: COMMON_PAPERS.map((name) => ({ name, on: false })),
    paperInput: '',
    phone: '',
    hasPhone: false,
    address: '',
    /** The building from the profile, where a 代办's address starts. */
    building: '',
    preferredTime: '',
    date: '',
    dateStart: '',
    dateEnd: '',
    windows: VISIT_WINDOWS,
    windowKey: 'am',
    limits: ERRAND_LIMITS,
    busy: false,
    refusal: '',
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      const serviceId = query.serviceId ?? query.id ?? '';
      if (!serviceId) return this.setData({ state: 'error', errorText: '服务不存在或已下线' });
      const today = shanghaiDate();
      this.setData({ serviceId, date: addDays(today, 1), dateStart: today, dateEnd: addDays(today, ERRAND_LIMITS.visitDays) });
      void this.start();
    },

    async start() {
      const me = await this.ensureMember();
      if (!me) return;
      this.setData({ hasPhone: !!me.phone, building: me.building ?? '' });
      const found = await this.findService();
      if (typeof found === 'string') return this.setData({ state: 'error', errorText: found });
      if (found.kind === 'appointment') return wx.redirectTo({ url: `${BOOKING_PAGES.service}?id=${found.id}` });
      const service = toServiceView(found);
      wx.setNavigationBarTitle({ title: service.name });
      this.setData({ state: 'ready', service, homeVisit: found.kind === 'home_visit' });
    },

    async findService(): Promise<Service | string> {
      let cursor: string | undefined;
      for (let i = 0; i < PAGES_LOOKED; i++) {
        const res = await booking.services(cursor ? { cursor } : {});
        if (!res.ok) return res.message;
        const hit = res.data.items.find((s) => s.id === this.data.serviceId);
        if (hit) return hit;
        cursor = res.data.next;
        if (!cursor) break;
      }
      return '服务不存在或已暂停受理';
    },

    onField(e: WechatMiniprogram.CustomEvent<{ value: string }, Record<string, never>, { field: string }>) {
      this.setData({ [e.currentTarget.dataset.field]: e.detail.value });
    },

    onPaper(e: Tap<{ index: number }>) {
      const i = Number(e.currentTarget.dataset.index);
      const choice = this.data.paperChoices[i];
      if (!choice) return;
      const papers = choice.on ? this.data.papers.filter((p) => p !== choice.name) : withPaper(this.data.papers, choice.name);
      if (typeof papers === 'string') return toast(papers);
      this.setData({ papers, [`paperChoices[${i}].on`]: !choice.on });
    },

    onAddPaper() {
      const papers = withPaper(this.data.papers, this.data.paperInput);
      if (typeof papers === 'string') return toast(papers);
      this.setData({ papers, paperInput: '', paperChoices: this.data.paperChoices.map((c) => ({ ...c, on: papers.includes(c.name) })) });
    },

    onRemovePaper(e: Tap<{ name: string }>) {
      const name = e.currentTarget.dataset.name;
      const papers = this.data.papers.filter((p) => p !== name);
      this.setData({ papers, paperChoices: this.data.paperChoices.map((c) => ({ ...c, on: papers.includes(c.name) })) });
    },

    onVisit(e: WechatMiniprogram.CustomEvent<{ address: string; preferredTime: string }>) {
      this.setData({ address: e.detail.address, preferredTime: e.detail.preferredTime });
    },

    onDate(e: Change) {
      this.setData({ date: e.detail.value });
    },

    onWindow(e: Tap<{ key: string }>) {
      this.setData({ windowKey: e.currentTarget.dataset.key });
    },

    draft(): ErrandDraft {
      const w = VISIT_WINDOWS.find((x) => x.key === this.data.windowKey) ?? VISIT_WINDOWS[0];
      const { description, papers, phone, address, date, preferredTime } = this.data;
      return { description, papers, phone, address, date, from: w.from, to: w.to, preferredTime };
    },

    async onSubmit() {
      const { service, busy, homeVisit } = this.data;
      if (busy || !service) return;
      const kind = homeVisit ? 'home_visit' : 'proxy';
      const draft = this.draft();
      const problem = errandProblem(draft, kind);
      if (problem) return toast(problem);
      this.setData({ busy: true, refusal: '' });
      const w = VISIT_WINDOWS.find((x) => x.key === this.data.windowKey);
      const lines = [service.name, `事项：${draft.description.trim()}`];
      if (draft.papers.length) lines.push(`材料：${draft.papers.join('、')}`);
      if (homeVisit) lines.push(`上门：${draft.date} ${w?.label ?? ''}`, `地址：${draft.address.trim()}`);
      else lines.push(`请将材料交到${service.placeName}`);
      if (!homeVisit && draft.address.trim()) lines.push(`地址：${draft.address.trim()}`);
      if (!homeVisit && draft.preferredTime) lines.push(`方便的时间：${draft.preferredTime}`);
      if (!(await ask('确认提交', lines.join('\n'), '确认提交'))) return this.setData({ busy: false });

      const req = errandRequest(this.data.serviceId, draft, kind);
      const res = await sendOnce(this, this.retryKey(), (rid) => booking.requestErrand({ ...req, requestId: rid(req) }), { title: '没有收到提交结果', again: '请再点一次，不会重复提交' });
      if (!res) return;
      if (!res.ok) {
        this.setData({ refusal: res.message });
        return tell('未能提交', res.message);
      }
      const id = res.data.errand.id;
      offerNotice('已提交', '社区受理、办结时通知您，好吗？', ['errandUpdated'], () => wx.redirectTo({ url: `${BOOKING_PAGES.detail}?id=${id}` }));
    },

  },
});
