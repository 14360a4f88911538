import type { SystemStatus } from '../../../../typings/user';
import { staffPage } from '../../../behaviors/staff-page';
import * as user from '../../../services/user';
import { formatDateTime } from '../../../utils/date';
import { heldLines, timerLines, type TimerLine } from './view';

/**
 * Admin: 系统状态 — each timer's last run, result and duration; the community's messages that did
 * not go in the last 7 days and why; content held because the check could not be made; failed calls
 * per function. One call.
 */
Component({
  behaviors: [staffPage],

  data: {
    timers: [] as TimerLine[],
    failures: { total: 0, byReason: [] as SystemStatus['sendFailures']['byReason'], latest: [] as Array<SystemStatus['sendFailures']['latest'][number] & { key: string; time: string }> },
    held: [] as Array<{ key: string; text: string }>,
    heldTotal: 0,
    errors: [] as Array<SystemStatus['errors'][number] & { key: string }>,
    checkedAt: '',
  },

  methods: {
    onLoad() {
      void this.start();
    },

    async start() {
      if (!(await this.ensureStaff((me) => me.roles.includes('admin')))) return;
      const res = await user.systemStatus();
      if (!res.ok) return this.setData({ state: 'error', errorText: res.message });
      const s = res.data;
      this.setData({
        state: 'ready',
        timers: timerLines(s),
        failures: { ...s.sendFailures, latest: s.sendFailures.latest.map((f, i) => ({ ...f, key: String(i), time: formatDateTime(f.at) })) },
        held: heldLines(s),
        heldTotal: s.held.wishes + s.held.tickets + s.held.registrations + s.held.errands,
        errors: s.errors.map((e) => ({ ...e, key: `${e.fn}-${e.code}` })),
        checkedAt: formatDateTime(s.checkedAt),
      });
    },

    onPullDownRefresh() {
      void this.start().then(() => wx.stopPullDownRefresh());
    },
  },
});
