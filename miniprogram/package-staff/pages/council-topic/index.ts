import { retryKeyed } from '../../../behaviors/retry-key';
import { managersOnly, staffPage } from '../../../behaviors/staff-page';
import * as council from '../../../services/council';
import { sendOnce } from '../../../services/retry';
import { inShanghai, shanghaiDate } from '../../../utils/date';
import { tell, toast } from '../../../utils/dialog';
import { SERVICE_CATEGORIES } from '../../../utils/lists-view';
import { type TopicPageView, toTopicPageView } from '../../../utils/council-view';
import type { Result } from '../../../../typings/api';
import type { Topic } from '../../../../typings/council';
import type { Change, Tap } from '../../../base/events';
import { meetingOf, meetingProblem, voteOf, voteProblem } from './form';

/**
 * 推进议事 for staff: hold the meeting (and add its minutes), open the vote (options, open or
 * secret ballot, quorum, threshold, how long), close it, publish the result with the decision,
 * and turn the decision into a project on the projects list.
 */
Component({
  behaviors: [staffPage, retryKeyed],

  data: {
    id: '',
    topic: null as TopicPageView | null,
    date: shanghaiDate(Date.now(), 1),
    time: '19:00',
    place: '',
    attendees: '',
    minutes: '',
    options: '',
    ballot: 'secret',
    quorum: '30',
    threshold: 50,
    thresholds: [50, 67],
    days: 7,
    dayChoices: [1, 3, 7, 14],
    decision: '',
    cosigners: '',
    categories: SERVICE_CATEGORIES,
    category: '',
    busy: false,
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      void this.start(query);
    },

    async start(query: Record<string, string | undefined>) {
      if (query.id) this.setData({ id: query.id });
      if (!(await this.ensureStaff(managersOnly))) return;
      await this.reload();
    },

    async reload() {
      const [res, rules] = await Promise.all([council.topic({ id: this.data.id }), council.councilRules({})]);
      if (!res.ok) return this.setData({ state: 'error', errorText: res.message });
      if (rules.ok) this.setData({ cosigners: String(rules.data.rules.cosigners) });
      this.show(res.data.topic);
    },

    show(t: Topic) {
      const m = t.meeting;
      this.setData({
        state: 'ready',
        topic: toTopicPageView(t),
        ...(m ? { place: m.place, attendees: m.attendees, minutes: m.minutes ?? '', date: shanghaiDate(m.at), time: inShanghai(m.at).format('HH:mm') } : {}),
        ...(!this.data.options && t.suggestedOptions.length >= 2 ? { options: t.suggestedOptions.join('\n') } : {}),
      });
    },

    onField(e: Change<{ field: string }>) {
      this.setData({ [e.currentTarget.dataset.field]: e.detail.value });
    },

    onPick(e: Tap<{ field: string; value: string | number }>) {
      const { field, value } = e.currentTarget.dataset;
      this.setData({ [field]: value });
    },

    async send(what: string, done: string, call: (requestId: (change: unknown) => string) => Promise<Result<{ topic: Topic }>>) {
      if (this.data.busy) return;
      const res = await sendOnce(this, this.retryKey(), call);
      if (!res) return;
      if (!res.ok) return tell(what, res.message);
      this.show(res.data.topic);
      toast(done);
    },

    async onMeeting() {
      const { date, time, place, attendees, minutes } = this.data;
      const draft = { date, time, place, attendees, minutes };
      const problem = meetingProblem(draft);
      if (problem) return toast(problem);
      const req = { id: this.data.id, ...meetingOf(draft) };
      await this.send('未能保存会议', '协商会议已保存', (requestId) => council.setMeeting({ ...req, requestId: requestId(req) }));
    },

    async onOpenVote() {
      const { options, ballot, quorum, threshold, days } = this.data;
      const draft = { options, ballot: ballot as 'open' | 'secret', quorum, threshold: Number(threshold), days: Number(days) };
      const problem = voteProblem(draft);
      if (problem) return toast(problem);
      const req = voteOf(this.data.id, draft, Date.now());
      await this.send('未能发起表决', '表决已开始', (requestId) => council.openVote({ ...req, requestId: requestId({ ...req, closesAt: 0 }) }));
    },

    async onCloseVote() {
      const req = { id: this.data.id };
      await this.send('未能结束表决', '表决已结束，已计票', (requestId) => council.closeVote({ ...req, requestId: requestId({ ...req, close: true }) }));
    },

    async onPublish() {
      const decision = this.data.decision.trim();
      if (!decision) return toast('请写明社区的决定');
      const req = { id: this.data.id, decision };
      await this.send('未能公示', '结果已公示', (requestId) => council.publish({ ...req, requestId: requestId(req) }));
    },

    /** 社区议事规则: how many co-signers a resident's proposal needs from now on. */
    async onRules() {
      const text = this.data.cosigners.trim();
      if (!/^\d{1,2}$/.test(text) || Number(text) > 50) return toast('联名人数请填写0到50');
      const req = { cosigners: Number(text) };
      const res = await sendOnce(this, this.retryKey(), (requestId) => council.setCouncilRules({ ...req, requestId: requestId(req) }));
      if (!res) return;
      if (!res.ok) return tell('未能保存', res.message);
      toast(`居民提议需${res.data.rules.cosigners}人联名`);
    },

    async onImplement() {
      const category = this.data.category as (typeof SERVICE_CATEGORIES)[number];
      if (!category) return toast('请选择项目的服务类别');
      const req = { id: this.data.id, category };
      await this.send('未能转为项目', '已转为项目，列入项目清单', (requestId) => council.implement({ ...req, requestId: requestId(req) }));
    },
  },
});
