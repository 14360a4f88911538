import { retryKeyed } from '../../../behaviors/retry-key';
import { managersOnly, staffPage } from '../../../behaviors/staff-page';
import { instanceState } from '../../../base/instance';
import * as party from '../../../services/party';
import { sendOnce } from '../../../services/retry';
import { tell, toast } from '../../../utils/dialog';
import { type CalloutView, toCalloutView } from '../../../utils/party-view';
import type { Tap } from '../../../base/events';
import { type SiteRow, siteRows } from './view';

/** How often the counts are read again while the page is shown: people arrive in a few minutes. */
export const POLL_MS = 4000;

const own = instanceState(() => ({ timer: undefined as ReturnType<typeof setInterval> | undefined }));

/**
 * 现场签到 (staff, ?id=): the call-out's QR and its 6 digits for those who answered 报到 to scan
 * or type, the 报到 and 已签到 counts read again every few seconds while the page is shown, and
 * 代签到 for someone without a phone.
 */
Component({
  behaviors: [staffPage, retryKeyed],

  data: {
    id: '',
    callout: null as CalloutView | null,
    code: '',
    qr: '',
    rows: [] as SiteRow[],
    busy: false,
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ id: query.id ?? '' });
      void this.start();
    },

    onShow() {
      const state = own(this);
      if (!state.timer) state.timer = setInterval(() => void this.refresh(), POLL_MS);
    },

    onHide() {
      this.stopPolling();
    },

    onUnload() {
      this.stopPolling();
    },

    stopPolling() {
      const state = own(this);
      if (state.timer) clearInterval(state.timer);
      state.timer = undefined;
    },

    async onPullDownRefresh() {
      await this.reload();
      wx.stopPullDownRefresh();
    },

    async start() {
      if (!(await this.ensureStaff(managersOnly))) return this.stopPolling();
      await this.reload();
    },

    /** A quiet read while the page is shown: a failure waits for the next one. */
    async refresh() {
      if (this.data.state === 'ready' && !this.data.busy) await this.reload(true);
    },

    async reload(quiet = false) {
      const res = await party.responses({ id: this.data.id });
      if (!res.ok) {
        if (quiet) return;
        return this.setData({ state: 'error', errorText: res.message });
      }
      const { callout, responses, site } = res.data;
      if (callout.status !== 'open') this.stopPolling();
      this.setData({ state: 'ready', callout: toCalloutView(callout), code: site?.code ?? '', qr: site?.qr ?? '', rows: siteRows(responses) });
    },

    async onHandCheckIn(e: Tap<{ user: string }>) {
      if (this.data.busy) return;
      const userId = e.currentTarget.dataset.user;
      const id = this.data.id;
      const res = await sendOnce(this, this.retryKey(), (requestId) => party.checkIn({ id, userId, requestId: requestId({ id, userId }) }));
      if (!res) return;
      if (!res.ok) return tell('未能签到', res.message);
      toast(`${res.data.response.name} 已签到`);
      await this.reload();
    },
  },
});
