import { GRADE_LABELS, REGISTRATION_KIND_LABELS, type ReportFigures } from '../../typings/party';
import { action } from '../core/define';
import { csvPage, exportOffset } from '../core/csv';
import { maskName } from '../core/mask';
import { localDate } from '../core/time';
import { findMany } from '../platform/store';
import { assertStaff, requireMember } from '../user/caller';
import { exportReportsSchema } from './schemas';
import { REGISTRATIONS, REPORTS, type RegistrationDoc } from './model';
import { reportId, type ReportDoc } from './actions-report';
import { figuresOf, peopleOf } from './report';
import type { PartyCtx } from './context';

/** Each row reads five aggregations, so a page is smaller than the lists' exports. */
const EXPORT_PAGE = 40;
/** Subjects whose figures are read at once. */
const AT_ONCE = 8;

const HEADER = ['编号', '类别', '名称', '党组织', '人数', '点亮心愿', '办结工单', '参加活动', '吹哨报到', '服务时长（小时）', '获得积分', '居民评价数', '平均星级', '承诺完成', '评议等次', '评语', '本人确认'];

interface Row {
  r: RegistrationDoc;
  figures: ReportFigures;
  people: number;
  kept?: ReportDoc;
}

/** A confirmed report keeps its figures; any other is read from the records now, as the report page does. */
async function rowOf(r: RegistrationDoc, kept: ReportDoc | undefined, year: number): Promise<Row> {
  if (kept?.acknowledgedAt) return { r, figures: kept.figures, people: kept.people, kept };
  const people = await peopleOf(r);
  return { r, figures: await figuresOf(r.communityId, people, year), people: people.length, kept };
}

function cells({ r, figures: f, people, kept }: Row): unknown[] {
  const commitments = (kept?.acknowledgedAt ? kept.commitments : r.commitments).map((c) => `${c.title} ${c.done}/${c.target}${c.unit}`).join('；');
  const name = r.kind === 'unit' ? (r.unitName ?? r.name) : maskName(r.name);
  const appraisal = kept?.appraisal;
  return [
    r._id,
    REGISTRATION_KIND_LABELS[r.kind],
    name,
    r.branch,
    people,
    f.wishes,
    f.tickets,
    f.activities,
    f.callouts,
    Math.round((f.minutes / 60) * 10) / 10,
    f.points,
    f.ratings,
    f.averageStars,
    commitments,
    appraisal ? GRADE_LABELS[appraisal.grade] : '',
    appraisal?.comment,
    kept?.acknowledgedAt ? '已确认' : '',
  ];
}

/** 双报告 in the exports: one row per confirmed member, unit and courier of the community, in the order they registered. */
export const exportReports = action(exportReportsSchema, async function exportReports(ctx: PartyCtx, input) {
  const user = await requireMember(ctx.openid);
  assertStaff(user, '只有社区工作人员可以导出年度报告');
  const offset = exportOffset(input.cursor);
  const subjects = await findMany<RegistrationDoc>(REGISTRATIONS, { communityId: user.communityId, status: 'confirmed' }, { orderBy: [['createdAt', 'asc'], ['_id', 'asc']], skip: offset, limit: EXPORT_PAGE + 1 });
  const ids = subjects.map((r) => reportId(r._id, input.year));
  const kept = new Map((ids.length ? await findMany<ReportDoc>(REPORTS, { _id: { $in: ids } }, { limit: ids.length }) : []).map((k) => [k._id, k]));
  const rows: Row[] = [];
  for (let i = 0; i < Math.min(subjects.length, EXPORT_PAGE); i += AT_ONCE) {
    const batch = subjects.slice(i, Math.min(i + AT_ONCE, EXPORT_PAGE));
    rows.push(...(await Promise.all(batch.map((r) => rowOf(r, kept.get(reportId(r._id, input.year)), input.year)))));
  }
  const page = csvPage(HEADER, rows, offset, cells, subjects.length > EXPORT_PAGE);
  return { filename: `party-reports-${input.year}-${localDate(ctx.now)}.csv`, ...page };
});
