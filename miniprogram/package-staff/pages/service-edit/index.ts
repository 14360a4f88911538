import { editPage } from '../../../behaviors/edit-page';
import { retryKeyed } from '../../../behaviors/retry-key';
import type { ManageServiceReq, Service } from '../../../../typings/booking';
import type { WeekdayKey } from '../../../../typings/map';
import { managersOnly, staffPage } from '../../../behaviors/staff-page';
import * as booking from '../../../services/booking';
import * as map from '../../../services/map';
import { sendOnce } from '../../../services/retry';
import { ask, tell, toast } from '../../../utils/dialog';
import { SERVICE_KIND_LABELS } from '../../../utils/booking';
import { SERVICE_LIMITS, type ServiceDraft, WEEKDAYS, draftOf, emptyDraft, serviceChanges, serviceInput, serviceProblem } from './form';
import type { Change, Tap } from '../../../base/events';

const KINDS = (['appointment', 'proxy', 'home_visit'] as const).map((k) => ({ value: k, label: SERVICE_KIND_LABELS[k] }));
const CALENDARS = [
  { value: 'working_days', label: '随法定工作日（节假日休息，调休上班）' },
  { value: 'every_day', label: '节假日照常开放' },
];

/** Staff: a new service (no id) or an existing one to change, pause or resume. */
Component({
  behaviors: [editPage, retryKeyed, staffPage],

  data: {
    id: '',
    original: null as { hoursNote: string; paused: boolean; pausedReason: string } | null,
    form: emptyDraft() as ServiceDraft,
    /** Weekdays as chips, with whether each is open. */
    weekdays: WEEKDAYS.map((w) => ({ ...w, on: ['1', '2', '3', '4', '5'].includes(w.key) })),
    hoursEdited: false,
    kinds: KINDS,
    calendars: CALENDARS,
    places: [] as Array<{ id: string; name: string }>,
    limits: SERVICE_LIMITS,
    reason: '',
    busy: false,
  },

  methods: {
    titles() {
      return { create: '新增服务', edit: '编辑服务' };
    },

    async start() {
      if (!(await this.ensureStaff(managersOnly))) return;
      const [places, found] = await Promise.all([map.places({}), this.data.id ? this.findService() : Promise.resolve(null)]);
      if (!places.ok) return this.setData({ state: 'error', errorText: places.message });
      this.setData({ places: places.data.items.map((p) => ({ id: p.id, name: p.name })) });
      if (typeof found === 'string') return this.setData({ state: 'error', errorText: found });
      if (found) this.fill(found);
      this.setData({ state: 'ready' });
    },

    async findService(): Promise<Service | string> {
      let cursor: string | undefined;
      for (let i = 0; i < 5; i++) {
        const res = await booking.services({ includePaused: true, ...(cursor ? { cursor } : {}) });
        if (!res.ok) return res.message;
        const hit = res.data.items.find((s) => s.id === this.data.id);
        if (hit) return hit;
        cursor = res.data.next;
        if (!cursor) break;
      }
      return '服务不存在';
    },

    fill(s: Service) {
      const form = draftOf(s);
      const places = this.data.places.some((p) => p.id === s.placeId) ? this.data.places : [...this.data.places, { id: s.placeId, name: s.placeName }];
      this.setData({
        form,
        places,
        weekdays: WEEKDAYS.map((w) => ({ ...w, on: form.days.includes(w.key) })),
        original: { hoursNote: s.hoursNote ?? '', paused: s.status === 'paused', pausedReason: s.pausedReason ?? '' },
      });
    },

    onField(e: WechatMiniprogram.CustomEvent<{ value: string }, Record<string, never>, { field: string; hours?: boolean }>) {
      const { field, hours } = e.currentTarget.dataset;
      this.setData({ [`form.${field}`]: e.detail.value, ...(hours ? { hoursEdited: true } : {}) });
    },

    onPick(e: Tap<{ field: string; value: string; hours?: boolean }>) {
      const { field, value, hours } = e.currentTarget.dataset;
      if (field === 'kind' && this.data.id) return; // the kind of a service stays
      this.setData({ [`form.${field}`]: value, ...(hours ? { hoursEdited: true } : {}) });
    },

    onToggle(e: Tap<{ field: 'am' | 'pm' }>) {
      const field = e.currentTarget.dataset.field;
      this.setData({ [`form.${field}`]: !this.data.form[field], hoursEdited: true });
    },

    onDay(e: Tap<{ index: number }>) {
      const i = Number(e.currentTarget.dataset.index);
      const weekdays = this.data.weekdays.map((w, j) => (j === i ? { ...w, on: !w.on } : w));
      const days = weekdays.filter((w) => w.on).map((w) => w.key as WeekdayKey);
      this.setData({ weekdays, 'form.days': days, hoursEdited: true });
    },

    onReason(e: Change) {
      this.setData({ reason: e.detail.value });
    },

    async send(req: ManageServiceReq, done: string) {
      this.setData({ busy: true });
      const res = await sendOnce(this, this.retryKey(), (rid) => booking.manageService({ ...req, requestId: rid(req) }), { title: '没有收到保存结果', again: '请再点一次，不会重复保存' });
      if (!res) return;
      if (!res.ok) return tell('未能保存', res.message);
      toast(done);
      wx.navigateBack({ delta: 1 });
    },

    async onSave() {
      if (this.data.busy) return;
      const { form, id, hoursEdited } = this.data;
      const hours = !id || hoursEdited;
      const problem = serviceProblem(form, hours);
      if (problem) return toast(problem);
      if (!id) return this.send({ op: 'create', service: serviceInput(form) }, '服务已添加');
      const reason = this.data.reason.trim();
      await this.send({ op: 'update', id, changes: serviceChanges(form, hours), ...(reason ? { reason } : {}) }, '已保存');
    },

    async onPause() {
      const reason = this.data.reason.trim();
      if (this.data.busy) return;
      if (!reason) return toast('请在“说明”里填写暂停原因');
      if (!(await ask('暂停服务', `暂停后居民不能再预约或申请。已有的预约不受影响。\n原因：${reason}`, '暂停服务'))) return;
      await this.send({ op: 'pause', id: this.data.id, reason }, '服务已暂停');
    },

    async onResume() {
      if (this.data.busy) return;
      const reason = this.data.reason.trim();
      await this.send({ op: 'resume', id: this.data.id, ...(reason ? { reason } : {}) }, '服务已恢复');
    },
  },
});
