import { REGISTRATION_KIND_LABELS, type Report } from '../../typings/party';
import { action } from '../core/define';
import { forbidden, precondition } from '../core/errors';
import { PAGE_MAX, offsetOf, pageOf } from '../core/paging';
import { docs, findMany } from '../platform/store';
import { assertStaff, isStaff, requireMember } from '../user/caller';
import { reportSchema, reportsSchema } from './schemas';
import { REGISTRATIONS, REPORTS, RegistrationDoc } from './model';
import { loadRegistration, type PartyCtx } from './context';
import { figuresOf, peopleOf } from './report';

type ReportDoc = Report & { _id: string; communityId: string };

const reportId = (subjectId: string, year: number) => `${subjectId}.${year}`;

/** The caller's own confirmed registration: as a party member first, else as a unit's contact, else as a courier. */
async function ownSubject(communityId: string, userId: string): Promise<RegistrationDoc> {
  const rows = await findMany<RegistrationDoc>(REGISTRATIONS, { communityId, userId, status: 'confirmed' }, { limit: 3 });
  const order = ['member', 'unit', 'courier'];
  const own = rows.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind))[0];
  if (!own) throw precondition('完成报到并经社区确认后才有年度报告');
  return own;
}

/**
 * 双报告: a registered member's or unit's year, generated from the records each time it is asked
 * for. The owner and staff read it; the figures are kept for the staff list.
 */
export const report = action(reportSchema, async function report(ctx: PartyCtx, input) {
  const user = await requireMember(ctx.openid);
  let subject: RegistrationDoc;
  if (input.subjectId) {
    subject = await loadRegistration(docs, input.subjectId, user);
    if (subject.userId !== user._id && !isStaff(user)) throw forbidden('只能查看自己的年度报告');
    if (subject.status !== 'confirmed') throw precondition('该报到尚未确认，没有年度报告');
  } else subject = await ownSubject(user.communityId, user._id);
  const people = await peopleOf(subject);
  const figures = await figuresOf(subject.communityId, people, input.year);
  const out: Report = {
    subjectId: subject._id,
    kind: subject.kind,
    name: subject.kind === 'unit' ? (subject.unitName ?? subject.name) : subject.name,
    year: input.year,
    figures,
    people: people.length,
    commitments: subject.commitments,
    generatedAt: ctx.now,
  };
  await docs.set(REPORTS, reportId(subject._id, input.year), { ...out, communityId: subject.communityId });
  return { report: out };
});

export const reports = action(reportsSchema, async function reports(ctx: PartyCtx, input) {
  const user = await requireMember(ctx.openid);
  assertStaff(user);
  const offset = offsetOf(input.cursor);
  const where = { communityId: user.communityId, status: 'confirmed', ...(input.kind ? { kind: input.kind } : {}) };
  const rows = await findMany<RegistrationDoc>(REGISTRATIONS, where, { orderBy: [['createdAt', 'asc']], skip: offset, limit: PAGE_MAX + 1 });
  const page = pageOf(rows, offset, PAGE_MAX);
  const ids = page.items.map((r) => reportId(r._id, input.year));
  const kept = ids.length ? await findMany<ReportDoc>(REPORTS, { _id: { $in: ids } }, { limit: PAGE_MAX }) : [];
  const byId = new Map(kept.map((k) => [k._id, k]));
  return {
    ...page,
    items: page.items.map((r) => {
      const k = byId.get(reportId(r._id, input.year));
      return { subjectId: r._id, kind: r.kind, kindLabel: REGISTRATION_KIND_LABELS[r.kind], name: r.kind === 'unit' ? (r.unitName ?? r.name) : r.name, branch: r.branch, figures: k?.figures, generatedAt: k?.generatedAt };
    }),
  };
});
