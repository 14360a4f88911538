import type { Result } from '../../../../typings/api';
import type { ListsApi, MatchJobView, ProjectSuggestionView, ServiceCategory } from '../../../../typings/lists';
import { instanceState } from '../../../base/instance';
import { pagedList } from '../../../behaviors/paged-list';
import { retryKeyed } from '../../../behaviors/retry-key';
import { staffPage } from '../../../behaviors/staff-page';
import * as lists from '../../../services/lists';
import { sendOnce } from '../../../services/retry';
import { tell, toast } from '../../../utils/dialog';
import { LISTS_PAGES } from '../../../utils/routes';
import { isManager } from '../../../utils/labels';
import { capacityText } from '../../../utils/lists-view';
import {
  MATCH_POLL_MS,
  type JobCardView,
  type ProjectIdeaView,
  type SuggestionCardView,
  jobBusy,
  toJobCardView,
  toProjectIdeaView,
  toSuggestionCardView,
} from './view';
import type { Change, Tap } from '../../../base/events';

interface Polling {
  timer: ReturnType<typeof setTimeout> | null;
  /** The page is gone: no more polling. */
  gone: boolean;
}

const polling = instanceState<Polling>(() => ({ timer: null, gone: false }));

interface ResourceChoice {
  id: string;
  label: string;
  capacity: string;
  full: boolean;
}

type Decide = ListsApi['decide']['req'];

const REASON_MAX = 200;

/**
 * 智能匹配: staff run the matching of open needs to resources with capacity left (a background job
 * the page watches), then take each explained suggestion — 采纳 dispatches a ticket to the
 * suggested provider, 调整 to another resource of theirs, 不采纳 keeps the need open with a reason.
 * Groups of similar needs are offered as projects.
 */
Component({
  behaviors: [pagedList, retryKeyed, staffPage],

  lifetimes: {
    detached() {
      const i = polling(this);
      i.gone = true;
      if (i.timer) clearTimeout(i.timer);
      i.timer = null;
    },
  },

  data: {
    job: null as JobCardView | null,
    projects: [] as ProjectIdeaView[],
    starting: false,
    /** The suggestion whose panel is open, and which panel. */
    openId: '',
    mode: '' as '' | 'adjust' | 'reject',
    text: '',
    choices: [] as ResourceChoice[],
    choicesLoading: false,
    resourceId: '',
    busy: false,
  },

  methods: {
    onLoad() {
      void this.start();
    },

    async start() {
      const me = await this.ensureStaff((m) => isManager(m.roles));
      if (me) await this.reload();
    },

    onRetry() {
      this.setData({ state: 'loading' });
      void this.start();
    },

    /** The first page also brings the job and the project suggestions. */
    async fetchPage(cursor?: string): Promise<Result<{ items: SuggestionCardView[]; next?: string }>> {
      const jobId = this.data.job?.id;
      const res = await lists.matchResult({ ...(jobId ? { jobId } : {}), ...(cursor ? { cursor } : {}) });
      if (!res.ok) return res;
      if (!cursor) this.showJob(res.data.job, res.data.projects);
      return { ok: true, data: { items: res.data.items.map(toSuggestionCardView), next: res.data.next } };
    },

    showJob(job: MatchJobView | null, projects: ProjectSuggestionView[]) {
      this.setData({ job: job ? toJobCardView(job) : null, projects: projects.map(toProjectIdeaView) });
      if (jobBusy(job)) this.schedule();
    },

    schedule() {
      const i = polling(this);
      if (i.timer || i.gone) return;
      i.timer = setTimeout(() => {
        i.timer = null;
        void this.poll();
      }, MATCH_POLL_MS);
    },

    /** Asks after the running job; its first page of suggestions comes with the answer once it is done. */
    async poll() {
      const jobId = this.data.job?.id;
      if (!jobId || polling(this).gone) return;
      const res = await lists.matchResult({ jobId });
      if (polling(this).gone) return;
      if (!res.ok) {
        // A dropped connection is worth another try; a refusal is not.
        if (res.code === 'INTERNAL') return this.schedule();
        return toast(res.message);
      }
      this.showJob(res.data.job, res.data.projects);
      if (res.data.job?.status === 'done') this.setData({ items: res.data.items.map(toSuggestionCardView), next: res.data.next ?? '' });
    },

    /** 开始匹配: a repeated tap (or a retry after a lost answer) is the same run. */
    async onStart() {
      if (this.data.starting || this.data.job?.busy) return;
      this.setData({ starting: true });
      const key = this.retryKey();
      const res = await lists.match({ requestId: key.for({ op: 'match' }) });
      this.setData({ starting: false });
      if (!res.ok) {
        if (res.code === 'INTERNAL') return tell('没有收到结果', `${res.message}。请再点一次，不会重复运行。`);
        key.settle();
        return tell('未能开始匹配', res.message);
      }
      key.settle();
      const { job } = res.data;
      this.setData({ job: toJobCardView(job), items: [], next: '', projects: [], openId: '', mode: '' });
      if (job.status === 'done') return this.reload();
      if (jobBusy(job)) this.schedule();
    },

    // ---------------------------------------------------------------- decisions

    item(id: string): SuggestionCardView | undefined {
      return (this.data.items as SuggestionCardView[]).find((x) => x.id === id);
    },

    async onAccept(e: Tap<{ id: string }>) {
      const id = e.currentTarget.dataset.id;
      await this.decide({ id, decision: 'accept' }, '已采纳，已生成工单并派单');
    },

    async onPanel(e: Tap<{ id: string; mode: 'adjust' | 'reject' }>) {
      const { id, mode } = e.currentTarget.dataset;
      if (this.data.openId === id && this.data.mode === mode) return this.setData({ openId: '', mode: '' });
      this.setData({ openId: id, mode, text: '', resourceId: '', choices: [] });
      if (mode === 'adjust') await this.loadChoices(id);
    },

    /** Other active resources of the need's category, the suggested one left out. */
    async loadChoices(id: string) {
      const s = this.item(id);
      if (!s) return;
      this.setData({ choicesLoading: true });
      const res = await lists.resources({ status: 'active', category: s.need.category as ServiceCategory });
      this.setData({ choicesLoading: false });
      if (!res.ok) return toast(res.message);
      if (this.data.openId !== id) return;
      const choices = res.data.items
        .filter((r) => r.id !== s.resource.id)
        .map((r) => ({ id: r.id, label: `${r.providerName} · ${r.title}`, capacity: capacityText(r.used, r.capacity, r.period), full: r.used >= r.capacity }));
      this.setData({ choices });
    },

    onChoice(e: Tap<{ id: string }>) {
      this.setData({ resourceId: e.currentTarget.dataset.id });
    },

    onText(e: Change) {
      this.setData({ text: e.detail.value });
    },

    async onSubmitPanel() {
      const { openId: id, mode, resourceId } = this.data;
      if (!id || !mode) return;
      if (mode === 'adjust') {
        if (!resourceId) return toast('请选择改派的资源');
        return this.decide({ id, decision: 'adjust', resourceId }, '已调整，已生成工单并派单');
      }
      const reason = this.data.text.trim();
      if (!reason) return toast('请填写不采纳的原因');
      if (reason.length > REASON_MAX) return toast(`原因最多${REASON_MAX}个字`);
      await this.decide({ id, decision: 'reject', reason }, '已记录，需求仍在清单中等待对接');
    },

    /** One decision; the card shows the answer in place, so the list keeps its order. */
    async decide(req: Omit<Decide, 'requestId'>, done: string) {
      if (this.data.busy) return;
      const res = await sendOnce(this, this.retryKey(), (rid) => lists.decide({ ...req, requestId: rid(req) }));
      if (!res) return;
      if (!res.ok) return tell('未能办理', res.message);
      const view = toSuggestionCardView(res.data.suggestion);
      const i = (this.data.items as SuggestionCardView[]).findIndex((x) => x.id === view.id);
      this.setData({ ...(i >= 0 ? { [`items[${i}]`]: view } : {}), openId: '', mode: '', text: '' });
      toast(done);
    },

    onTicket(e: Tap<{ id: string }>) {
      wx.navigateTo({ url: `${LISTS_PAGES.ticket}?id=${e.currentTarget.dataset.id}` });
    },

    onProject(e: Tap<{ key: string }>) {
      const p = this.data.projects.find((x) => x.key === e.currentTarget.dataset.key);
      if (p) wx.navigateTo({ url: p.url });
    },
  },
});
