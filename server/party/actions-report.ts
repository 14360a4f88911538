import { GRADE_LABELS, REGISTRATION_KIND_LABELS, type Report } from '../../typings/party';
import { action } from '../core/define';
import { forbidden, precondition } from '../core/errors';
import { PAGE_MAX, offsetOf, pageOf } from '../core/paging';
import { docs, findMany, type DocStore } from '../platform/store';
import { transact } from '../platform/tx';
import { once, requestKey } from '../platform/idempotency';
import { assertStaff, isStaff, requireMember } from '../user/caller';
import { actorLabel } from '../user/view';
import { grantFor } from '../user/model';
import { acknowledgeSchema, appraiseSchema, reportSchema, reportsSchema } from './schemas';
import { REGISTRATIONS, REPORTS, RegistrationDoc } from './model';
import { loadRegistration, recordParty, type Member, type PartyCtx } from './context';
import { figuresOf, peopleOf } from './report';

export type ReportDoc = Report & { _id: string; communityId: string };

export const reportId = (subjectId: string, year: number) => `${subjectId}.${year}`;

/** The caller's own confirmed registration: as a party member first, else as a unit's contact, else as a courier. */
async function ownSubject(communityId: string, userId: string): Promise<RegistrationDoc> {
  const rows = await findMany<RegistrationDoc>(REGISTRATIONS, { communityId, userId, status: 'confirmed' }, { limit: 3 });
  const order = ['member', 'unit', 'courier'];
  const own = rows.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind))[0];
  if (!own) throw precondition('完成报到并经社区确认后才有年度报告');
  return own;
}

/** A member of the unit a report is about: their services count in it, so they read it (only its contact confirms it). */
const ofUnit = (user: Member, subject: RegistrationDoc) => subject.kind === 'unit' && !!subject.unitId && grantFor(user, 'unit_member')?.unitId === subject.unitId;

/** The registration a report is about: the one named (its owner's or, for staff, any of the community), or the caller's own. */
async function subjectOf(user: Member, subjectId: string | undefined, staffMay: boolean, unitMay = false): Promise<RegistrationDoc> {
  if (!subjectId) return ownSubject(user.communityId, user._id);
  const subject = await loadRegistration(docs, subjectId, user);
  if (subject.userId !== user._id && !(staffMay && isStaff(user)) && !(unitMay && ofUnit(user, subject))) throw forbidden('只能查看自己的年度报告');
  if (subject.status !== 'confirmed') throw precondition('该报到尚未确认，没有年度报告');
  return subject;
}

const toReport = ({ _id, communityId: _community, ...r }: ReportDoc): Report => r;

/**
 * 双报告: a registered member's or unit's year, generated from the records each time it is asked
 * for, until its owner confirms it; staff's appraisal stays with it. The owner and staff read it,
 * and a unit's report its members too.
 */
export const report = action(reportSchema, async function report(ctx: PartyCtx, input) {
  const user = await requireMember(ctx.openid);
  const subject = await subjectOf(user, input.subjectId, true, true);
  const id = reportId(subject._id, input.year);
  const kept = await docs.get<ReportDoc>(REPORTS, id);
  if (kept?.acknowledgedAt) return { report: toReport(kept) };
  const people = await peopleOf(subject);
  const figures = await figuresOf(subject.communityId, people, input.year);
  const fresh: ReportDoc = {
    ...(kept ?? {}),
    _id: id,
    communityId: subject.communityId,
    subjectId: subject._id,
    kind: subject.kind,
    name: subject.kind === 'unit' ? (subject.unitName ?? subject.name) : subject.name,
    year: input.year,
    figures,
    people: people.length,
    commitments: subject.commitments,
    generatedAt: ctx.now,
  };
  await docs.set(REPORTS, id, fresh);
  return { report: toReport(fresh) };
});

/** Changes a kept report in a transaction under the caller's requestId; it must have been generated. */
async function changeReport(user: Member, action: string, id: string, requestId: string | undefined, change: (r: ReportDoc, tx: DocStore) => Promise<ReportDoc>): Promise<Report> {
  const saved = await transact((tx) =>
    once(tx, requestKey(user._id, 'party', action, requestId), async () => {
      const r = await tx.get<ReportDoc>(REPORTS, id);
      if (!r) throw precondition('请先生成该年度报告');
      const next = await change(r, tx);
      await tx.set(REPORTS, id, next);
      return next;
    }),
  );
  return toReport(saved);
}

export const appraise = action(appraiseSchema, async function appraise(ctx: PartyCtx, input) {
  const user = await requireMember(ctx.openid);
  assertStaff(user);
  const subject = await loadRegistration(docs, input.subjectId, user);
  const report = await changeReport(user, 'appraise', reportId(subject._id, input.year), input.requestId, async (r, tx) => {
    if (r.acknowledgedAt) throw precondition('报告已经本人确认，不能再修改评议');
    const appraisal = { grade: input.grade, gradeLabel: GRADE_LABELS[input.grade], comment: input.comment, by: actorLabel(user, user.communityId), at: ctx.now };
    await recordParty(tx, 'registration', subject._id, subject.communityId, r.appraisal?.grade ?? null, input.grade, user, ctx.now, `${input.year}年度评议：${input.comment}`);
    return { ...r, appraisal };
  });
  return { report };
});

export const acknowledge = action(acknowledgeSchema, async function acknowledge(ctx: PartyCtx, input) {
  const user = await requireMember(ctx.openid);
  const subject = await subjectOf(user, input.subjectId, false);
  const report = await changeReport(user, 'acknowledge', reportId(subject._id, input.year), input.requestId, async (r, tx) => {
    if (!r.appraisal) throw precondition('社区评议后再确认报告');
    if (r.acknowledgedAt) return r;
    await recordParty(tx, 'registration', subject._id, subject.communityId, 'appraised', 'acknowledged', user, ctx.now, `确认${input.year}年度报告`);
    return { ...r, acknowledgedAt: ctx.now };
  });
  return { report };
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
      return {
        subjectId: r._id,
        kind: r.kind,
        kindLabel: REGISTRATION_KIND_LABELS[r.kind],
        name: r.kind === 'unit' ? (r.unitName ?? r.name) : r.name,
        branch: r.branch,
        figures: k?.figures,
        generatedAt: k?.generatedAt,
        gradeLabel: k?.appraisal?.gradeLabel,
        acknowledged: !!k?.acknowledgedAt,
      };
    }),
  };
});
