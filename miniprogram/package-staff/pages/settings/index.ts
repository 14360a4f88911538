import type { DeadlineHours, ListsSettings } from '../../../../typings/lists';
import { retryKeyed } from '../../../behaviors/retry-key';
import { staffPage } from '../../../behaviors/staff-page';
import * as lists from '../../../services/lists';
import * as user from '../../../services/user';
import { saveOnce } from '../../../services/retry';
import { toast } from '../../../utils/dialog';
import { STAFF_SETTINGS_LINKS } from '../../../utils/routes';
import type { Tap } from '../../../base/events';
import { instanceState } from '../../../base/instance';

interface Person {
  id: string;
  name: string;
}

interface GridRow {
  id: string;
  name: string;
  /** The leader chosen (saved or not yet), '' for none. */
  leaderId: string;
  leader: string;
}

const DEADLINE_CHOICES: Array<{ value: DeadlineHours; label: string; hint: string }> = [
  { value: 'natural', label: '按自然时计', hint: '简单事项从受理起24小时内办结，节假日照常计时' },
  { value: 'working', label: '按工作日计', hint: '节假日和周末不计入24小时' },
];

/** What was saved, to send only what changed. */
interface Saved {
  secretaryId: string;
  leaders: Record<string, string>;
  deadlineHours: DeadlineHours;
}

function savedOf(s: ListsSettings): Saved {
  return { secretaryId: s.secretary?.id ?? '', leaders: Object.fromEntries(s.gridLeaders.map((l) => [l.gridId, l.id])), deadlineHours: s.deadlineHours };
}

const saved = instanceState<{ value: Saved }>(() => ({ value: { secretaryId: '', leaders: {}, deadlineHours: 'natural' } }));

/**
 * Admin: who takes what goes up (网格长 per grid, the community's 书记), how the 24-hour deadline of
 * simple matters is counted, and the way to the other settings pages (subscribe templates, seasons,
 * the holiday calendar). Leaders and the secretary are picked by real name from the community's staff.
 */
Component({
  behaviors: [retryKeyed, staffPage],

  data: {
    staff: [] as Person[],
    grids: [] as GridRow[],
    secretaryId: '',
    secretary: '',
    /** The grid whose leader is being picked. */
    picking: '',
    pickingSecretary: false,
    deadlineHours: 'natural' as DeadlineHours,
    deadlineChoices: DEADLINE_CHOICES,
    links: STAFF_SETTINGS_LINKS,
    saving: false,
  },

  methods: {
    onLoad() {
      void this.start();
    },

    async start() {
      if (!(await this.ensureStaff((me) => me.roles.includes('admin')))) return;
      const [settings, grids, staff] = await Promise.all([lists.settings({}), user.grids(), user.residents({ role: 'staff' })]);
      const failed = [settings, grids, staff].find((r) => !r.ok);
      if (failed && !failed.ok) return this.setData({ state: 'error', errorText: failed.message });
      if (!settings.ok || !grids.ok || !staff.ok) return;
      const people = staff.data.items.map((p) => ({ id: p.id, name: p.displayName }));
      const labels = new Map<string, string>([
        ...settings.data.settings.gridLeaders.map((l) => [l.id, l.label] as [string, string]),
        ...(settings.data.settings.secretary ? [[settings.data.settings.secretary.id, settings.data.settings.secretary.label] as [string, string]] : []),
      ]);
      const nameOf = (id: string) => people.find((p) => p.id === id)?.name ?? labels.get(id) ?? '';
      const was = (saved(this).value = savedOf(settings.data.settings));
      this.setData({
        state: 'ready',
        staff: people,
        grids: grids.data.grids.map((g) => ({ id: g.id, name: g.name, leaderId: was.leaders[g.id] ?? '', leader: nameOf(was.leaders[g.id] ?? '') })),
        secretaryId: was.secretaryId,
        secretary: nameOf(was.secretaryId),
        deadlineHours: was.deadlineHours,
      });
    },

    onPickLeader(e: Tap<{ id: string }>) {
      const id = e.currentTarget.dataset.id;
      this.setData({ picking: this.data.picking === id ? '' : id, pickingSecretary: false });
    },

    onPickSecretary() {
      this.setData({ pickingSecretary: !this.data.pickingSecretary, picking: '' });
    },

    onChoose(e: Tap<{ id: string }>) {
      const person = this.data.staff.find((p) => p.id === e.currentTarget.dataset.id);
      if (!person) return;
      if (this.data.pickingSecretary) return this.setData({ secretaryId: person.id, secretary: person.name, pickingSecretary: false });
      this.setData({ grids: this.data.grids.map((g) => (g.id === this.data.picking ? { ...g, leaderId: person.id, leader: person.name } : g)), picking: '' });
    },

    onDeadline(e: Tap<{ value: DeadlineHours }>) {
      this.setData({ deadlineHours: e.currentTarget.dataset.value });
    },

    onLink(e: Tap<{ path: string }>) {
      wx.navigateTo({ url: e.currentTarget.dataset.path });
    },

    async onSave() {
      if (this.data.saving) return;
      const s = saved(this).value;
      const gridLeaders = Object.fromEntries(this.data.grids.filter((g) => g.leaderId && g.leaderId !== s.leaders[g.id]).map((g) => [g.id, g.leaderId]));
      const req = {
        ...(this.data.secretaryId && this.data.secretaryId !== s.secretaryId ? { secretaryId: this.data.secretaryId } : {}),
        ...(Object.keys(gridLeaders).length ? { gridLeaders } : {}),
        ...(this.data.deadlineHours !== s.deadlineHours ? { deadlineHours: this.data.deadlineHours } : {}),
      };
      if (!Object.keys(req).length) return toast('设置没有改动');
      const done = await saveOnce(this, this.retryKey(), req, lists.setSettings);
      if (!done) return;
      saved(this).value = savedOf(done.settings);
      toast('社区设置已保存');
    },
  },
});
