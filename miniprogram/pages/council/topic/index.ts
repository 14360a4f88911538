import { detailPage } from '../../../behaviors/detail-page';
import { elderPage } from '../../../behaviors/elder-page';
import { retryKeyed } from '../../../behaviors/retry-key';
import * as council from '../../../services/council';
import { sendOnce } from '../../../services/retry';
import { tell, toast } from '../../../utils/dialog';
import { STAFF_COUNCIL_TOPIC } from '../../../utils/routes';
import { type TopicPageView, toTopicPageView } from '../../../utils/council-view';
import type { Topic } from '../../../../typings/council';
import type { Change, Tap } from '../../../base/events';

const COMMENT_MAX = 200;
const HIDE_REASON = '经社区审核不予公开';

/**
 * One 议题 for every resident concerned: where it stands (联名 → 征集 → 协商 → 表决 → 公示 → 落实),
 * 联名 with its count, the comments and a box to add one, the vote with one big button per option
 * (one vote per household), the result as bars once the vote is closed, the decision and the
 * project it became.
 */
Component({
  behaviors: [elderPage, detailPage, retryKeyed],

  data: {
    goneText: '议题不存在',
    topic: null as TopicPageView | null,
    text: '',
    commentMax: COMMENT_MAX,
    busy: false,
  },

  methods: {
    fetchDetail() {
      return council.topic({ id: this.data.id });
    },

    show({ topic }: { topic: Topic }) {
      this.setData({ state: 'ready', topic: toTopicPageView(topic) });
    },

    async onCosign() {
      if (this.data.busy) return;
      const id = this.data.id;
      const res = await sendOnce(this, this.retryKey(), (requestId) => council.cosign({ id, requestId: requestId({ id, cosign: true }) }));
      if (!res) return;
      if (!res.ok) return tell('未能联名', res.message);
      this.show(res.data);
      toast(res.data.topic.stage === 'signing' ? '已联名' : '联名已满，议题开始征集意见');
    },

    onText(e: Change) {
      this.setData({ text: e.detail.value });
    },

    async onComment() {
      if (this.data.busy) return;
      const text = this.data.text.trim();
      if (!text) return toast('请先写下您的意见');
      const change = { id: this.data.id, text };
      const res = await sendOnce(this, this.retryKey(), (requestId) => council.comment({ ...change, requestId: requestId(change) }));
      if (!res) return;
      if (!res.ok) return tell('意见未提交', res.message);
      this.setData({ text: '' });
      toast(res.data.comment.held ? '已提交，等社区审核后公开' : '意见已提交');
      await this.reload();
    },

    async onVote(e: Tap<{ option: string; label: string }>) {
      if (this.data.busy) return;
      const { option, label } = e.currentTarget.dataset;
      const change = { id: this.data.id, optionId: option };
      const res = await sendOnce(this, this.retryKey(), (requestId) => council.vote({ ...change, requestId: requestId(change) }));
      if (!res) return;
      if (!res.ok) {
        void this.reload();
        return tell('未能投票', res.message);
      }
      this.show(res.data);
      toast(`已投“${label}”`);
    },

    /** Staff decide on a held comment: shown to all, or kept from others with the reason its author reads. */
    async onModerate(e: Tap<{ id: string; show: 'yes' | 'no' }>) {
      if (this.data.busy) return;
      const { id, show } = e.currentTarget.dataset;
      const change = show === 'yes' ? { id, show: true } : { id, show: false, reason: HIDE_REASON };
      const res = await sendOnce(this, this.retryKey(), (requestId) => council.moderateComment({ ...change, requestId: requestId(change) }));
      if (!res) return;
      if (!res.ok) return tell('未能审核', res.message);
      toast(show === 'yes' ? '已公开' : '已设为不公开');
      await this.reload();
    },

    onManage() {
      wx.navigateTo({ url: `${STAFF_COUNCIL_TOPIC}?id=${this.data.id}` });
    },
  },
});
