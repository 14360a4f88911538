import type { WorkCalendar } from '../core/calendar';
import { conflict } from '../core/errors';
import { maskName } from '../core/mask';
import type { DocStore } from '../platform/store';
import type { Member } from '../user/caller';
import type { UserDoc } from '../user/model';
import { record } from '../wish/context';
import { LIVE, WISHES, type WishDoc } from '../wish/model';
import { NEEDS, TICKETS, type NeedDoc, type TicketDoc } from './model';
import { commitTicket, mayWork, setNeedStatus, workerKeysOf } from './tickets';
import { missed } from './deadlines';
import { wishNeedId } from './wishsync';

/**
 * One live handler per need. A wish that became a need is worked either on the wall, by whoever
 * claimed it, or through the ticket staff dispatched, by its assignee; never by both. Each side
 * reads and writes the other's document in its own transaction (the claim the need, the dispatch
 * the wish), so a claim and a dispatch at once conflict and exactly one of them commits.
 */

/** A ticket somebody is assigned to and has not finished with. */
const HANDLING: TicketDoc['status'][] = ['dispatched', 'accepted', 'resolved'];

/** Refuses a dispatch of a wish someone holds on the wall, naming who. */
export function assertNotClaimed(w: WishDoc | null): void {
  if (w?.claim && LIVE.includes(w.status)) throw conflict(`这个心愿已由${maskName(w.claim.name)}在心愿墙认领，不能再派单`);
}

/**
 * In the claim's transaction. A need dispatched to someone else refuses the claim, naming them; the
 * assignee's own claim is their ticket accepted, by them. Otherwise the need leaves the matcher and
 * the dispatch queue (in progress, with a note). A wish not yet on the list needs nothing: the sync
 * lists it as in progress.
 */
export async function claimWishNeed(tx: DocStore, w: WishDoc, user: Member, at: number, cal: WorkCalendar): Promise<void> {
  const need = await tx.get<NeedDoc>(NEEDS, wishNeedId(w._id));
  if (!need) return;
  const t = need.ticketId ? await tx.get<TicketDoc>(TICKETS, need.ticketId) : null;
  if (t?.assignee && HANDLING.includes(t.status)) {
    if (!mayWork(user, t)) throw conflict(`这个心愿已由社区派单给${t.assignee.label}办理，不能再认领`);
    if (t.status === 'dispatched') {
      const accepted: TicketDoc = { ...t, status: 'accepted', acceptedAt: at, acceptedBy: user._id, late: t.late || missed(t, at), updatedAt: at };
      await commitTicket(tx, cal, t, accepted, user, at, '在心愿墙认领，接单办理', undefined, { wishStatus: 'claimed' });
    }
    return;
  }
  if (need.status !== 'open') return;
  await setNeedStatus(tx, need._id, 'in_progress', user, at, `${maskName(user.displayName)}已在心愿墙认领，不再参与匹配和派单`, { wishStatus: 'claimed' });
}

/**
 * In the dispatch's transaction: refuses if the wish is claimed on the wall; else takes it off the
 * wall for everyone but the assignee, with a note on its timeline.
 */
export async function takeWishOffWall(tx: DocStore, t: TicketDoc, actor: UserDoc, at: number): Promise<void> {
  if (!t.wishId || !t.assignee) return;
  const w = await tx.get<WishDoc>(WISHES, t.wishId);
  assertNotClaimed(w);
  if (!w || w.status !== 'open') return;
  const dispatch = { ticketId: t._id, label: t.assignee.label, workerKeys: workerKeysOf(t.assignee), at };
  await record(tx, w, { ...w, dispatch, updatedAt: at }, actor, at, `社区已派单给${t.assignee.label}办理，心愿不再接受其他认领`);
}
