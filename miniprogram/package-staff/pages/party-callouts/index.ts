import { freshOnShow } from '../../../behaviors/fresh-on-show';
import { pagedList, viewPage } from '../../../behaviors/paged-list';
import { managersList } from '../../../behaviors/staff-page';
import * as party from '../../../services/party';
import { formatShort } from '../../../utils/date';
import { toast } from '../../../utils/dialog';
import { type CalloutView, toCalloutView } from '../../../utils/party-view';
import { STAFF_CALLOUT_EDIT, STAFF_CALLOUT_SITE } from '../../../utils/routes';
import type { CalloutResponse } from '../../../../typings/party';
import type { Change, Tap } from '../../../base/events';

interface PersonView {
  userId: string;
  text: string;
  coming: boolean;
  checkedIn: boolean;
  absent: boolean;
}

/** Those who checked in on site count as come; staff change either way before closing. */
const personView = (r: CalloutResponse): PersonView => ({
  userId: r.userId,
  text: `${r.name}${r.party ? '（党员）' : ''} · ${r.answer === 'coming' ? '报到' : '不能到'} · ${formatShort(r.at)}${r.checkedInAt ? ' · 已签到' : ''}${r.attended === false && r.answer === 'coming' ? ' · 未到' : ''}`,
  coming: r.answer === 'coming',
  checkedIn: !!r.checkedInAt,
  absent: !r.checkedInAt,
});

/**
 * 社区吹哨 for staff: every call-out with its head counts; open one to see who answered and who
 * checked in, correct who came, and close it with a note (those who came are credited hours and
 * points once); 现场签到 shows the code to scan.
 */
Component({
  behaviors: [pagedList, managersList, freshOnShow],

  data: {
    items: [] as CalloutView[],
    openId: '',
    people: [] as PersonView[],
    note: '',
    busy: false,
  },

  methods: {
    async fetchPage(cursor?: string) {
      return viewPage(await party.callouts(cursor ? { cursor } : {}), toCalloutView);
    },

    onNew() {
      wx.navigateTo({ url: STAFF_CALLOUT_EDIT });
    },

    async onOpen(e: Tap<{ id: string }>) {
      const id = e.currentTarget.dataset.id;
      if (this.data.openId === id) return this.setData({ openId: '', people: [] });
      const res = await party.responses({ id });
      if (!res.ok) return toast(res.message);
      const view = toCalloutView(res.data.callout);
      this.setData({ openId: id, note: '', people: res.data.responses.map(personView), items: this.data.items.map((i) => (i.id === id ? view : i)) });
    },

    onSite(e: Tap<{ id: string }>) {
      wx.navigateTo({ url: `${STAFF_CALLOUT_SITE}?id=${e.currentTarget.dataset.id}` });
    },

    onAbsent(e: Tap<{ user: string }>) {
      const userId = e.currentTarget.dataset.user;
      this.setData({ people: this.data.people.map((p) => (p.userId === userId ? { ...p, absent: !p.absent } : p)) });
    },

    onNote(e: Change) {
      this.setData({ note: e.detail.value });
    },

    async onClose() {
      if (this.data.busy) return;
      const note = this.data.note.trim();
      if (!note) return toast('请写一句结束说明');
      const coming = this.data.people.filter((p) => p.coming);
      const absent = coming.filter((p) => p.absent && p.checkedIn).map((p) => p.userId);
      const present = coming.filter((p) => !p.absent && !p.checkedIn).map((p) => p.userId);
      this.setData({ busy: true });
      const res = await party.close({ id: this.data.openId, note, ...(absent.length ? { absent } : {}), ...(present.length ? { present } : {}) });
      this.setData({ busy: false });
      if (!res.ok) return toast(res.message);
      const view = toCalloutView(res.data.callout);
      this.setData({ items: this.data.items.map((i) => (i.id === view.id ? view : i)), openId: '', people: [] });
      toast(`已结束，${res.data.credited}人记积分`);
    },
  },
});
