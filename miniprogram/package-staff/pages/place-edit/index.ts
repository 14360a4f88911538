import { editPage } from '../../../behaviors/edit-page';
import { retryKeyed } from '../../../behaviors/retry-key';
import type { Result } from '../../../../typings/api';
import type { ManagePlaceReq, OpeningHours, PlaceDetail } from '../../../../typings/map';
import { managersOnly, staffPage } from '../../../behaviors/staff-page';
import { pickLocation } from '../../../services/location';
import * as map from '../../../services/map';
import { PLACE_CATEGORIES } from '../../../utils/map-view';
import { NAME_MAX, ADDRESS_MAX, INTRO_MAX, NOTE_MAX, PHOTO_MAX, type PlaceForm, changesOf, emptyForm, formOf, formProblem, locationOf, toInput } from './form';
import { type DayMode, WEEKDAYS, copyDay, defaultRows, editRow, toRows } from './hours';
import { ask, toast } from '../../../utils/dialog';
import type { Change, Tap } from '../../../base/events';

type TimeField = 'from' | 'to' | 'lunchFrom' | 'lunchTo';
type PlaceResult = Result<{ place: PlaceDetail }>;

Component({
  behaviors: [editPage, retryKeyed, staffPage],

  data: {
    /** Empty when adding a new place. */
    id: '',
    status: 'active' as 'active' | 'closed',
    closedReason: '',
    form: emptyForm(),
    rows: defaultRows(),
    categories: PLACE_CATEGORIES,
    limits: { name: NAME_MAX, address: ADDRESS_MAX, intro: INTRO_MAX, note: NOTE_MAX, photos: PHOTO_MAX },
    /** 修改说明, kept with the change. */
    reason: '',
    closeReason: '',
    saving: false,
    /** The place as loaded, to send only what changed. */
    original: null as PlaceDetail | null,
  },

  methods: {
    titles() {
      return { create: '新增地点', edit: '编辑地点' };
    },

    async start() {
      // The server decides every change; this spares others a form that would be refused.
      if (!(await this.ensureStaff(managersOnly))) return;
      if (!this.data.id) return this.setData({ state: 'ready' });
      const res = await map.place({ id: this.data.id });
      if (!res.ok) return this.setData({ state: 'error', errorText: res.message });
      this.show(res.data.place);
    },

    show(p: PlaceDetail) {
      this.setData({
        state: 'ready',
        original: p,
        status: p.status,
        closedReason: p.closedReason ?? '',
        form: formOf(p),
        rows: p.hours ? toRows(p.hours.week) : defaultRows(),
        reason: '',
        closeReason: '',
      });
    },

    onField(e: Change<{ field: keyof PlaceForm }>) {
      this.setData({ [`form.${e.currentTarget.dataset.field}`]: e.detail.value });
    },

    onCategory(e: Tap<{ value: string }>) {
      this.setData({ 'form.category': e.currentTarget.dataset.value });
    },

    onCalendar(e: Tap<{ value: OpeningHours['calendar'] }>) {
      this.setData({ 'form.calendar': e.currentTarget.dataset.value });
    },

    onPhotos(e: WechatMiniprogram.CustomEvent<{ ids: string[] }>) {
      this.setData({ 'form.photos': e.detail.ids });
    },

    async onPickLocation() {
      const near = locationOf(this.data.form) ?? undefined;
      const picked = await pickLocation(near);
      if (!picked) return toast('没有选到位置，也可以直接填写纬度和经度');
      this.setData({
        'form.lat': picked.location.lat.toFixed(6),
        'form.lng': picked.location.lng.toFixed(6),
        ...(!this.data.form.address.trim() && picked.address ? { 'form.address': picked.address.slice(0, ADDRESS_MAX) } : {}),
      });
    },

    onMode(e: Tap<{ index: number; mode: DayMode }>) {
      const { index, mode } = e.currentTarget.dataset;
      this.setData({ [`rows[${index}]`]: editRow(this.data.rows[index], { mode }) });
    },

    onLunch(e: Tap<{ index: number }>) {
      const i = e.currentTarget.dataset.index;
      this.setData({ [`rows[${i}]`]: editRow(this.data.rows[i], { lunch: !this.data.rows[i].lunch }) });
    },

    onTime(e: Change<{ index: number; field: TimeField }>) {
      const { index, field } = e.currentTarget.dataset;
      this.setData({ [`rows[${index}]`]: editRow(this.data.rows[index], { [field]: e.detail.value }) });
    },

    onCopyWorkdays() {
      this.setData({ rows: copyDay(this.data.rows, '1', ['2', '3', '4', '5']) });
    },

    onCopyAll() {
      this.setData({ rows: copyDay(this.data.rows, '1', WEEKDAYS) });
    },

    onReason(e: Change) {
      this.setData({ reason: e.detail.value });
    },

    onCloseReason(e: Change) {
      this.setData({ closeReason: e.detail.value });
    },

    async onSave() {
      if (this.data.saving) return;
      const { form, rows } = this.data;
      const problem = formProblem(form, rows);
      if (problem) return toast(problem);
      const before = this.data.original;
      const input = toInput(form, rows, before?.hours);
      if (!before) {
        const res = await this.send({ op: 'create', place: input });
        if (!res.ok) return;
        toast('已添加到社区地图');
        return void wx.redirectTo({ url: `/pages/map/place/index?id=${res.data.place.id}` });
      }
      const changes = changesOf(before, input);
      if (!Object.keys(changes).length) return toast('没有修改的内容');
      const reason = this.data.reason.trim();
      const res = await this.send({ op: 'update', id: before.id, changes, ...(reason ? { reason } : {}) });
      if (res.ok) toast('已保存');
    },

    async onClosePlace() {
      const before = this.data.original;
      const reason = this.data.closeReason.trim();
      if (!before || this.data.saving) return;
      if (!reason) return toast('请填写关闭原因');
      if (!(await ask('关闭地点', `关闭后居民在地图上将看不到“${before.name}”。确定关闭吗？`, '关闭地点'))) return;
      const res = await this.send({ op: 'close', id: before.id, reason });
      if (res.ok) toast('已关闭，地图上不再显示');
    },

    async onReopen() {
      const before = this.data.original;
      if (!before || this.data.saving) return;
      const res = await this.send({ op: 'reopen', id: before.id });
      if (res.ok) toast('已重新开放，地图上恢复显示');
    },

    /**
     * Runs one change; on success the form shows the place as it now is. Sent again unchanged after a
     * failure (a lost connection), it carries the same requestId, so it is applied at most once.
     */
    async send(req: ManagePlaceReq): Promise<PlaceResult> {
      const key = this.retryKey();
      this.setData({ saving: true });
      const res = await map.managePlace({ ...req, requestId: key.for(req) });
      this.setData({ saving: false });
      if (!res.ok) {
        toast(res.message);
        return res;
      }
      key.settle();
      this.show(res.data.place);
      return res;
    },
  },
});
