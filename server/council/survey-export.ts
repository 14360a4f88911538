import type { AnswerValue, Question } from '../../typings/survey';
import { action } from '../core/define';
import { csvPage, exportOffset } from '../core/csv';
import { dayjs, localDate, ZONE } from '../core/time';
import { docs, findMany } from '../platform/store';
import { assertStaff, requireMember, type CallCtx } from '../user/caller';
import { gridNames } from '../lists/context';
import { notFound } from '../core/errors';
import { SURVEYS, SURVEY_ANSWERS, type SurveyAnswerDoc, type SurveyDoc } from './survey-model';
import { exportSurveySchema } from './survey-schemas';

const EXPORT_PAGE = 500;

/** An answer as a person reads it: the options' words, the score, the text. */
function answerText(q: Question, v: AnswerValue | null): string {
  if (v === null || v === '') return '';
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.map((k) => q.options[k]).join('、');
  return q.kind === 'scale' ? String(v) : (q.options[v] ?? '');
}

/** 导出: one row per answer, in the order they came, without who answered (the grid only). */
export const exportSurvey = action(exportSurveySchema, async function exportSurvey(ctx: CallCtx, input) {
  const user = await requireMember(ctx.openid);
  assertStaff(user, '只有社区工作人员可以导出问卷');
  const s = await docs.get<SurveyDoc>(SURVEYS, input.id);
  if (!s || s.communityId !== user.communityId) throw notFound('问卷不存在');
  const offset = exportOffset(input.cursor);
  const [rows, names] = await Promise.all([
    findMany<SurveyAnswerDoc>(SURVEY_ANSWERS, { surveyId: s._id }, { orderBy: [['at', 'asc'], ['_id', 'asc']], skip: offset, limit: EXPORT_PAGE + 1 }),
    gridNames(s.communityId),
  ]);
  const header = ['序号', '网格', '提交时间', ...s.questions.map((q, i) => `${i + 1}. ${q.title}`)];
  let n = offset;
  const cells = (a: SurveyAnswerDoc) => [++n, a.gridId ? (names.get(a.gridId) ?? '') : '', dayjs(a.at).tz(ZONE).format('YYYY-MM-DD HH:mm'), ...s.questions.map((q, i) => answerText(q, a.values[i] ?? null))];
  const page = csvPage(header, rows.slice(0, EXPORT_PAGE), offset, cells, rows.length > EXPORT_PAGE);
  return { filename: `survey-${s._id}-${localDate(ctx.now)}.csv`, ...page };
});
