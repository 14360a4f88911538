import { pagedList, viewPage } from '../../../behaviors/paged-list';
import { managersList } from '../../../behaviors/staff-page';
import { freshOnShow } from '../../../behaviors/fresh-on-show';
import * as council from '../../../services/survey';
import { STAFF_SURVEY_PAGES } from '../../../utils/routes';
import { SURVEY_STATUS_LABELS, type SurveyCard } from '../../../../typings/survey';
import { deadlineText } from '../../../pages/council/survey/view';
import type { Tap } from '../../../base/events';

interface RowView {
  id: string;
  title: string;
  status: string;
  draft: boolean;
  line: string;
}

const toRow = (s: SurveyCard): RowView => ({
  id: s.id,
  title: s.title,
  status: s.ended && s.status === 'open' ? '已截止' : SURVEY_STATUS_LABELS[s.status],
  draft: s.status === 'draft',
  line: [`${s.questionCount}题`, s.targetLabel, s.status === 'draft' ? '' : `${s.respondents ?? 0}人已填`, deadlineText(s)].filter(Boolean).join(' · '),
});

/** 问卷调查 for staff: every survey of the community, drafts to finish, the others' results. */
Component({
  behaviors: [pagedList, managersList, freshOnShow],

  data: { items: [] as RowView[] },

  methods: {
    async fetchPage(cursor?: string) {
      return viewPage(await council.surveys({ scope: 'all', ...(cursor ? { cursor } : {}) }), toRow);
    },

    onNew() {
      wx.navigateTo({ url: STAFF_SURVEY_PAGES.edit });
    },

    onOpen(e: Tap<{ id: string; draft: boolean }>) {
      const { id, draft } = e.currentTarget.dataset;
      wx.navigateTo({ url: `${draft ? STAFF_SURVEY_PAGES.edit : STAFF_SURVEY_PAGES.results}?id=${id}` });
    },
  },
});
