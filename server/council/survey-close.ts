import { findMany, type DocStore } from '../platform/store';
import { transact } from '../platform/tx';
import { recordChange } from '../platform/events';
import { SYSTEM } from '../user/caller';
import type { UserDoc } from '../user/model';
import { actorLabel } from '../user/view';
import { SURVEYS, SURVEY_EVENTS, type SurveyDoc } from './survey-model';
import { feedNeeds } from './survey-needs';

/** Surveys one timer run closes: a community has a handful; more wait for the next run. */
const PER_RUN = 20;
/** An answer is judged by the time its call began, so one sent just before the deadline may commit just after: wait for it. */
const LATE_ANSWER_MS = 5 * 60 * 1000;

export async function recordSurvey(tx: DocStore, s: SurveyDoc, from: string | null, actor: UserDoc, at: number, why: string): Promise<void> {
  await recordChange(tx, SURVEY_EVENTS, { communityId: s.communityId, target: 'survey', targetId: s._id, at, from, to: s.status, by: { id: actor._id, label: actorLabel(actor, s.communityId) }, why });
}

/** Closes an open survey in the transaction: no answer commits after it. */
export async function closeIn(tx: DocStore, cur: SurveyDoc, actor: UserDoc, at: number, why: string): Promise<SurveyDoc> {
  const next: SurveyDoc = { ...cur, status: 'closed', closedAt: at, updatedAt: at };
  await tx.set(SURVEYS, cur._id, next);
  await recordSurvey(tx, next, 'open', actor, at, why);
  return next;
}

/**
 * Timer: surveys past their deadline close by themselves, and their needs go on the list, so a
 * survey staff forgot still feeds the matcher; a close whose feeding did not finish is finished.
 */
export async function closeDueSurveys(now: number): Promise<{ closed: number; fed: number }> {
  const [due, unfed] = await Promise.all([
    findMany<SurveyDoc>(SURVEYS, { status: 'open', deadline: { $lte: now - LATE_ANSWER_MS } }, { orderBy: [['deadline', 'asc']], limit: PER_RUN }),
    findMany<SurveyDoc>(SURVEYS, { status: 'closed', fedAt: { $exists: false } }, { limit: PER_RUN }),
  ]);
  let closed = 0;
  const toFeed = [...unfed];
  for (const s of due) {
    const done = await transact(async (tx) => {
      const cur = await tx.get<SurveyDoc>(SURVEYS, s._id);
      if (!cur || cur.status !== 'open' || (cur.deadline ?? Infinity) > now - LATE_ANSWER_MS) return null;
      return closeIn(tx, cur, SYSTEM, now, '已到截止时间，问卷自动结束');
    });
    if (done) {
      closed++;
      toFeed.push(done);
    }
  }
  for (const s of toFeed) await feedNeeds(s, SYSTEM, now);
  return { closed, fed: toFeed.length };
}
