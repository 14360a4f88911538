import type { NoticeKind, NoticeKindView } from '../../../../typings/user';
import { retryKeyed } from '../../../behaviors/retry-key';
import { staffPage } from '../../../behaviors/staff-page';
import * as notices from '../../../services/notices';
import { sendOnce } from '../../../services/retry';
import { forgetTemplates } from '../../../services/subscribe';
import { toast } from '../../../utils/dialog';
import type { Change, Tap } from '../../../base/events';

interface FieldItem {
  field: string;
  label: string;
  keyword: string;
  recommendedName: string;
  recommendedKeyword: string;
  /** 'phraseN 或 thingN' */
  accepts: string;
}

interface KindItem {
  kind: NoticeKind;
  label: string;
  to: string;
  recommendedTitle: string;
  templateId: string;
  /** The template id the server has; '' while the kind is off. */
  saved: string;
  fields: FieldItem[];
  result: string;
  resultBad: boolean;
  sentLines: string[];
}

function item(v: NoticeKindView): KindItem {
  return {
    kind: v.kind,
    label: v.label,
    to: v.to,
    recommendedTitle: v.recommendedTitle,
    templateId: v.templateId ?? '',
    saved: v.templateId ?? '',
    fields: v.fields.map((f) => ({
      field: f.field,
      label: f.label,
      keyword: v.keywords?.[f.field] ?? f.recommended.keyword,
      recommendedName: f.recommended.name,
      recommendedKeyword: f.recommended.keyword,
      accepts: f.accepts.map((a) => `${a}N`).join(' 或 '),
    })),
    result: '',
    resultBad: false,
    sentLines: [],
  };
}

/**
 * Admin: the community's subscribe-message templates. Each kind of message gets a template id
 * from 公众平台 and the keyword each of its fields goes to; 发送测试 sends a sample to the admin.
 */
Component({
  behaviors: [retryKeyed, staffPage],

  data: {
    kinds: [] as KindItem[],
    busy: false,
  },

  methods: {
    onLoad() {
      void this.start();
    },

    onRetry() {
      this.setData({ state: 'loading' });
      void this.start();
    },

    async start() {
      if (!(await this.ensureStaff((me) => me.roles.includes('admin')))) return;
      const res = await notices.noticeSettings();
      if (!res.ok) return this.setData(res.code === 'FORBIDDEN' ? { state: 'forbidden' } : { state: 'error', errorText: res.message });
      this.setData({ state: 'ready', kinds: res.data.kinds.map(item) });
    },

    indexOf(kind: NoticeKind): number {
      return this.data.kinds.findIndex((k) => k.kind === kind);
    },

    onTemplateId(e: Change<{ kind: NoticeKind; field?: string }>) {
      const i = this.indexOf(e.currentTarget.dataset.kind);
      if (i >= 0) this.setData({ [`kinds[${i}].templateId`]: e.detail.value.trim() });
    },

    onKeyword(e: Change<{ kind: NoticeKind; field?: string }>) {
      const i = this.indexOf(e.currentTarget.dataset.kind);
      const j = i >= 0 ? this.data.kinds[i].fields.findIndex((f) => f.field === e.currentTarget.dataset.field) : -1;
      if (j >= 0) this.setData({ [`kinds[${i}].fields[${j}].keyword`]: e.detail.value.trim() });
    },

    async onSave(e: Tap<{ kind: NoticeKind }>) {
      const i = this.indexOf(e.currentTarget.dataset.kind);
      if (i < 0 || this.data.busy) return;
      const k = this.data.kinds[i];
      const req = { kind: k.kind, templateId: k.templateId, keywords: Object.fromEntries(k.fields.map((f) => [f.field, f.keyword])) };
      const res = await sendOnce(this, this.retryKey(), (rid) => notices.setNoticeSettings({ ...req, requestId: rid(req) }), { again: '请再点一次，不会重复保存' });
      if (!res) return;
      if (!res.ok) return this.setData({ [`kinds[${i}].result`]: res.message, [`kinds[${i}].resultBad`]: true, [`kinds[${i}].sentLines`]: [] });
      forgetTemplates();
      const saved = item(res.data.kind);
      this.setData({ [`kinds[${i}]`]: { ...saved, result: saved.saved ? '已保存，可点“发送测试”看看效果' : '已停用，这类消息不再发送' } });
      toast(saved.saved ? '已保存' : '已停用');
    },

    /** Asks WeChat to let the admin receive this template (in the tap, as it requires), then sends a sample. */
    onTest(e: Tap<{ kind: NoticeKind }>) {
      const i = this.indexOf(e.currentTarget.dataset.kind);
      if (i < 0 || this.data.busy) return;
      const k = this.data.kinds[i];
      if (!k.saved) return toast('请先填写模板ID并保存');
      if (k.templateId !== k.saved) return toast('模板ID有改动，请先保存');
      wx.requestSubscribeMessage({ tmplIds: [k.saved], complete: () => void this.sendTest(i) });
    },

    async sendTest(i: number) {
      const k = this.data.kinds[i];
      this.setData({ busy: true });
      const res = await notices.testNotice({ kind: k.kind });
      this.setData({ busy: false });
      if (!res.ok) return this.setData({ [`kinds[${i}].result`]: res.message, [`kinds[${i}].resultBad`]: true, [`kinds[${i}].sentLines`]: [] });
      const lines = Object.entries(res.data.data ?? {}).map(([keyword, v]) => `${keyword}：${v.value}`);
      this.setData({ [`kinds[${i}].result`]: res.data.message, [`kinds[${i}].resultBad`]: !res.data.sent, [`kinds[${i}].sentLines`]: lines });
    },
  },
});
