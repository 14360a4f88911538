import { elderPage } from '../../../behaviors/elder-page';
import { freshOnShow } from '../../../behaviors/fresh-on-show';
import { memberPage } from '../../../behaviors/member-page';
import { pagedList, viewPage } from '../../../behaviors/paged-list';
import * as council from '../../../services/survey';
import { SURVEY_PAGES } from '../../../utils/routes';
import type { SurveyCard } from '../../../../typings/survey';
import type { Tap } from '../../../base/events';
import { deadlineText } from '../survey/view';

interface CardView {
  id: string;
  title: string;
  deadline: string;
  countText: string;
  answered: boolean;
  ended: boolean;
}

function toCardView(s: SurveyCard): CardView {
  return { id: s.id, title: s.title, deadline: deadlineText(s), countText: `共${s.questionCount}题`, answered: s.answered, ended: s.ended };
}

/** 问卷调查: the surveys the community asks me, the soonest deadline first, then those I answered. */
Component({
  behaviors: [elderPage, memberPage, pagedList, freshOnShow],

  data: {
    items: [] as CardView[],
  },

  methods: {
    onLoad() {
      void this.start();
    },

    async fetchPage(cursor?: string) {
      return viewPage(await council.surveys(cursor ? { cursor } : {}), toCardView);
    },

    onOpen(e: Tap<{ id: string }>) {
      wx.navigateTo({ url: `${SURVEY_PAGES.survey}?id=${e.currentTarget.dataset.id}` });
    },
  },
});
