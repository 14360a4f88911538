import { sendOnce } from '../../../services/retry';
import { inlineForm } from '../../../behaviors/inline-form';
import { detailPage, pick } from '../../../behaviors/detail-page';
import { retryKeyed } from '../../../behaviors/retry-key';
import type { Result } from '../../../../typings/api';
import type { TicketDetail } from '../../../../typings/lists';
import * as lists from '../../../services/lists';
import { imageUrl } from '../../../services/storage';
import { ask, tell, toast } from '../../../utils/dialog';
import { STAR_WORDS } from '../../../utils/booking';
import { LISTS_PAGES, STAFF_LISTS_PAGES } from '../../../utils/routes';
import {
  LOW_STARS,
  TICKET_FORMS,
  TICKET_LIMITS,
  type TicketDetailView,
  type TicketFormKey,
  type TicketFormSpec,
  dueLine,
  ratingProblem,
  forResident,
  toTicketDetailView,
} from '../../../utils/ticket-view';
import type { Tap } from '../../../base/events';
import { elderPage } from '../../../behaviors/elder-page';

type Changed = Result<{ ticket: TicketDetail; pointsAwarded?: number }>;

const LOW_RATE_PLACEHOLDER = '请写明哪里没有解决好（必填）';

/**
 * 工单详情: what every ticket notice opens. The resident follows their 诉求 and rates it; whoever it
 * was dispatched to accepts and resolves it. Buttons follow the server's `can` only.
 */
Component({
  behaviors: [elderPage, detailPage, inlineForm, retryKeyed],

  data: {
    goneText: '这件事的记录找不到了，可能已被删除',
    ticket: null as TicketDetailView | null,
    busy: false,
    refusal: '',
    form: '' as TicketFormKey | '',
    formSpec: null as TicketFormSpec | null,
    formText: '',
    formPhotos: [] as string[],
    placeholder: '',
    stars: 5,
    starWord: STAR_WORDS[5],
    starList: [1, 2, 3, 4, 5],
    lowStars: false,
    photoMax: TICKET_LIMITS.photos,
  },

  methods: {
    async fetchDetail() {
      return pick(await lists.ticket({ id: this.data.id }), (d) => d.ticket);
    },

    show(t: TicketDetail) {
      const view = toTicketDetailView(t, imageUrl);
      this.setData({ state: 'ready', ticket: t.mine ? forResident(view) : view });
    },

    /**
     * Runs one change with the page's retry key: a lost answer and the same tap again is the same
     * request. Refusals are shown in the server's words, and the ticket as it now is.
     */
    async run(title: string, change: (requestId: (c: unknown) => string) => Promise<Changed>, done: (data: { ticket: TicketDetail; pointsAwarded?: number }) => string) {
      if (this.data.busy) return;
      this.setData({ refusal: '' });
      const res = await sendOnce(this, this.retryKey(), change);
      if (!res) return;
      if (!res.ok) {
        this.setData({ refusal: res.message });
        tell(title, res.message);
        if (res.code === 'CONFLICT' || res.code === 'FAILED_PRECONDITION' || res.code === 'FORBIDDEN') await this.reload();
        return;
      }
      this.show(res.data.ticket);
      this.setData({ form: '', formSpec: null });
      toast(done(res.data));
    },

    onAccept() {
      const id = this.data.id;
      void this.run('未能接单', (rid) => lists.accept({ id, requestId: rid({ op: 'accept', id }) }), ({ ticket }) => {
        const due = dueLine(ticket);
        return due ? `已接单，${due}` : '已接单';
      });
    },

    /** 催办: whoever works it is reminded at once; the deadlines run on as before. */
    onHurry() {
      const id = this.data.id;
      void this.run('未能催办', (rid) => lists.hurry({ id, requestId: rid({ op: 'hurry', id }) }), () => '已催办，办理人会收到提醒');
    },

    onOpenForm(e: Tap<{ form: TicketFormKey }>) {
      const form = e.currentTarget.dataset.form;
      const spec = TICKET_FORMS[form];
      if (!spec) return;
      this.setData({ form, formSpec: spec, formText: '', formPhotos: [], placeholder: spec.placeholder, stars: 5, starWord: STAR_WORDS[5], lowStars: false, refusal: '' });
    },

    onStar(e: Tap<{ stars: number }>) {
      const stars = Number(e.currentTarget.dataset.stars);
      const lowStars = stars <= LOW_STARS;
      this.setData({ stars, starWord: STAR_WORDS[stars], lowStars, placeholder: lowStars ? LOW_RATE_PLACEHOLDER : TICKET_FORMS.rate.placeholder });
    },

    async onSubmitForm() {
      const { form, formSpec, id, busy } = this.data;
      if (!form || !formSpec || busy) return;
      const text = this.data.formText.trim();
      if (form === 'rate') return this.submitRating(text);
      if (formSpec.required && !text) return toast(formSpec.missing);
      if (text.length > formSpec.max) return toast(`最多${formSpec.max}个字`);
      if (form === 'resolve') {
        const photos = this.data.formPhotos;
        const req = { id, note: text, ...(photos.length ? { photos } : {}) };
        return this.run('未能办结', (rid) => lists.resolve({ ...req, requestId: rid({ op: 'resolve', ...req }) }), () => '已办结，等待居民评价');
      }
      if (form === 'escalate') {
        const yes = await ask('提级包案', '提级后这件事由社区书记包案办理，办理时限按疑难问题重新计算。确定提级吗？', '确认提级');
        if (!yes) return;
        return this.run('未能提级', (rid) => lists.escalate({ id, reason: text, requestId: rid({ op: 'escalate', id, reason: text }) }), () => '已提级，社区书记会接手办理');
      }
      if (form === 'escalateCounty') {
        const yes = await ask('提级县(区)委包案', '提级后由县(区)委包案干部接手办理，社区和居民仍可查看进展。确定提级吗？', '确认提级');
        if (!yes) return;
        return this.run('未能提级', (rid) => lists.escalateCounty({ id, reason: text, requestId: rid({ op: 'escalateCounty', id, reason: text }) }), () => '已提交县(区)级包案');
      }
      if (form === 'note') {
        return this.run('未能保存', (rid) => lists.countyNote({ id, note: text, requestId: rid({ op: 'note', id, note: text }) }), () => '已记录包案进展');
      }
      const mine = this.data.ticket?.mine;
      const yes = await ask(mine ? '撤销诉求' : '撤销工单', mine ? '撤销后社区将不再办理这件事。确定撤销吗？' : '撤销后工单不再办理，居民会收到通知。确定撤销吗？', '确认撤销', '不撤销');
      if (!yes) return;
      await this.run('未能撤销', (rid) => lists.cancel({ id, reason: text, requestId: rid({ op: 'cancel', id, reason: text }) }), () => '已撤销');
    },

    /** 1–2 stars send the ticket back to be worked again: the resident says why and confirms first. */
    async submitRating(text: string) {
      const { id, stars } = this.data;
      const problem = ratingProblem(stars, text);
      if (problem) return toast(problem);
      const low = stars <= LOW_STARS;
      if (low && !(await ask('退回重新办理', `您评价了${stars}星。提交后会退回办理人重新办理。确定提交吗？`, '确定退回'))) return;
      const req = { id, stars, ...(text ? (low ? { reason: text } : { comment: text }) : {}) };
      await this.run('未能评价', (rid) => lists.rate({ ...req, requestId: rid({ op: 'rate', ...req }) }), ({ pointsAwarded }) => {
        if (low) return '已退回重新办理，社区会督促办好';
        return pointsAwarded && pointsAwarded > 0 ? `感谢评价，办理人获得${pointsAwarded}积分` : '感谢您的评价';
      });
    },

    onDispatch() {
      wx.navigateTo({ url: `${STAFF_LISTS_PAGES.queue}?id=${this.data.id}` });
    },

    onWish() {
      const wishId = this.data.ticket?.wishId;
      if (wishId) wx.navigateTo({ url: `/pages/wish/detail/index?id=${wishId}` });
    },

    onPreview(e: Tap<{ url: string; group: 'photos' | 'resolution' }>) {
      const { url, group } = e.currentTarget.dataset;
      const t = this.data.ticket;
      const urls = group === 'resolution' ? (t?.resolution?.photos ?? []) : (t?.photos ?? []);
      wx.previewImage({ current: url, urls });
    },

    onMine() {
      wx.navigateTo({ url: LISTS_PAGES.mine });
    },

  },
});
