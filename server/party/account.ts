import { findMany } from '../platform/store';
import { eachInTransaction } from '../platform/tx';
import type { UserDoc } from '../user/model';
import { DELETED_NAME } from '../user/forget';
import { recordParty } from './context';
import { CALLOUTS, CERTIFICATES, CalloutDoc, REGISTRATIONS, RESPONSES, RegistrationDoc, ResponseDoc, type CertificateDoc } from './model';
import { GRID_TASKS, type GridTaskDoc } from './gridtask-model';

const WHY = '本人已注销账号，姓名和电话已清除';

/**
 * 注销: registrations keep their kind, branch and history for the community's reports, without
 * the name, phone or contact; one still waiting is withdrawn. Answers lose the name, and a place
 * taken on a call-out still open goes back; so does a grid task claimed and not yet reported done
 * (one done or confirmed keeps its record, without the name). 志愿服务证明 keep their figures
 * (a scan still checks them) without the name.
 */
export async function leaveParty(user: UserDoc, at: number): Promise<void> {
  await eachInTransaction<RegistrationDoc>(REGISTRATIONS, { userId: user._id, name: { $ne: DELETED_NAME } }, async (tx, id) => {
    const r = await tx.get<RegistrationDoc>(REGISTRATIONS, id);
    if (!r || r.name === DELETED_NAME) return;
    const { contact: _c, ...rest } = r;
    const status = r.status === 'pending' ? 'rejected' : r.status;
    await tx.set(REGISTRATIONS, id, { ...rest, name: DELETED_NAME, phone: '', status, ...(status !== r.status ? { reason: WHY } : {}), updatedAt: at });
    await recordParty(tx, 'registration', id, r.communityId, r.status, status, user, at, WHY);
  });
  await eachInTransaction<ResponseDoc>(RESPONSES, { userId: user._id, name: { $ne: DELETED_NAME } }, async (tx, id) => {
    const r = await tx.get<ResponseDoc>(RESPONSES, id);
    if (!r || r.name === DELETED_NAME) return;
    const c = await tx.get<CalloutDoc>(CALLOUTS, r.calloutId);
    const open = c?.status === 'open' && c.comingIds.includes(user._id);
    if (c && open) {
      const others = (ids: string[]) => ids.filter((u) => u !== user._id);
      await tx.set(CALLOUTS, c._id, { ...c, comingIds: others(c.comingIds), arrivedIds: others(c.arrivedIds ?? []), updatedAt: at });
    }
    await tx.set(RESPONSES, id, { ...r, name: DELETED_NAME, ...(open ? { answer: 'declined' as const } : {}) });
  });
  await eachInTransaction<GridTaskDoc>(GRID_TASKS, { claimerId: user._id, claimerName: { $ne: DELETED_NAME } }, async (tx, id) => {
    const t = await tx.get<GridTaskDoc>(GRID_TASKS, id);
    if (!t || t.claimerId !== user._id || t.claimerName === DELETED_NAME) return;
    if (t.status === 'claimed') {
      const { claimerId: _c, claimerName: _n, claimedAt: _a, ...open } = t;
      await tx.set(GRID_TASKS, id, { ...open, status: 'open', updatedAt: at });
      await recordParty(tx, 'gridTask', id, t.communityId, 'claimed', 'open', user, at, WHY);
      return;
    }
    await tx.set(GRID_TASKS, id, { ...t, claimerName: DELETED_NAME });
  });
  await eachInTransaction<CertificateDoc>(CERTIFICATES, { userId: user._id, name: { $ne: DELETED_NAME } }, async (tx, id) => {
    const c = await tx.get<CertificateDoc>(CERTIFICATES, id);
    if (c && c.name !== DELETED_NAME) await tx.set(CERTIFICATES, id, { ...c, name: DELETED_NAME });
  });
}

const MAX = 100;

/** 我的数据: the person's own 报到 registrations, call-out answers (with each call-out's title) and grid tasks claimed, latest 100 each. */
export async function partyRecordsOf(userId: string): Promise<{ registrations: RegistrationDoc[]; answers: Array<ResponseDoc & { title: string }>; gridTasks: GridTaskDoc[] }> {
  const [registrations, answers, gridTasks] = await Promise.all([
    findMany<RegistrationDoc>(REGISTRATIONS, { userId }, { orderBy: [['createdAt', 'desc']], limit: MAX }),
    findMany<ResponseDoc>(RESPONSES, { userId }, { orderBy: [['at', 'desc']], limit: MAX }),
    findMany<GridTaskDoc>(GRID_TASKS, { claimerId: userId }, { orderBy: [['updatedAt', 'desc']], limit: MAX }),
  ]);
  const ids = [...new Set(answers.map((a) => a.calloutId))];
  const callouts = ids.length ? await findMany<CalloutDoc>(CALLOUTS, { _id: { $in: ids } }, { limit: MAX }) : [];
  const titles = new Map(callouts.map((c) => [c._id, c.title]));
  return { registrations, answers: answers.map((a) => ({ ...a, title: titles.get(a.calloutId) ?? '社区吹哨' })), gridTasks };
}
