import { SERVICE_CATEGORIES } from '../../typings/lists';
import { countEach } from '../platform/aggregate';
import { transact } from '../platform/tx';
import type { UserDoc } from '../user/model';
import { recordEvent } from '../lists/context';
import { NEEDS, type NeedDoc } from '../lists/model';
import { SURVEYS, SURVEY_ANSWERS, type SurveyDoc } from './survey-model';

/**
 * A closed survey's 「需要哪些服务」 answers go into the needs list (source 问卷): one need per grid
 * and service category, "12户需要送餐助餐", with the count as its people, so the matcher weighs it
 * like any other need of the grid. Ids are derived from the survey, the grid and the category:
 * feeding again writes nothing new, and a need staff already moved on keeps its state.
 */

const NO_GRID = 'all';

export const surveyNeedId = (surveyId: string, gridId: string | undefined, category: string) =>
  `survey.${surveyId}.${gridId ?? NO_GRID}.${(SERVICE_CATEGORIES as readonly string[]).indexOf(category)}`;

export const surveyNeedTitle = (people: number, category: string) => `${people}户需要${category}`;

export async function feedNeeds(s: SurveyDoc, actor: UserDoc, now: number): Promise<string[]> {
  const groups = (await countEach(SURVEY_ANSWERS, { surveyId: s._id }, 'needs', 'gridId'))
    .filter((g) => (SERVICE_CATEGORIES as readonly string[]).includes(g.value))
    .sort((a, b) => b.n - a.n || a.value.localeCompare(b.value));
  return transact(async (tx) => {
    const ids: string[] = [];
    for (const g of groups) {
      const id = surveyNeedId(s._id, g.by, g.value);
      ids.push(id);
      if (await tx.get<NeedDoc>(NEEDS, id)) continue;
      const need: NeedDoc = {
        _id: id,
        communityId: s.communityId,
        source: 'survey',
        category: g.value,
        title: surveyNeedTitle(g.n, g.value),
        detail: `问卷「${s.title}」中${g.n}户选择了「${g.value}」`,
        ...(g.by ? { gridId: g.by } : {}),
        photos: [],
        urgency: 1,
        people: g.n,
        status: 'open',
        createdBy: actor._id,
        createdAt: now,
        updatedAt: now,
      };
      await tx.set(NEEDS, id, need);
      await recordEvent(tx, { communityId: s.communityId, target: 'need', targetId: id, from: null, to: 'open', actor, at: now, why: `问卷「${s.title}」结束，${need.title}` });
    }
    const cur = await tx.get<SurveyDoc>(SURVEYS, s._id);
    if (cur) await tx.set(SURVEYS, s._id, { ...cur, needIds: ids, fedAt: now });
    return ids;
  });
}
