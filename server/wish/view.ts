import type { WishCard, WishDetail, WishEvent, WishPermission } from '../../typings/wish';
import { maskName } from '../core/mask';
import { UserDoc, hasRole } from '../user/model';
import { LIVE, RESIDENT_SILENCE_DAYS, WishDoc, WishEventDoc } from './model';
import { canMove } from './machine';
import { DAY_MS } from '../core/time';
import { taskContact } from '../user/contact';

export function toCard(w: WishDoc, gridName?: string): WishCard {
  return {
    id: w._id,
    title: w.title,
    category: w.category,
    status: w.status,
    publisher: maskName(w.publisherName),
    gridName,
    wants: w.wants,
    photos: w.photos,
    createdAt: w.createdAt,
    season: w.seasonNumber,
    claimer: w.claim ? maskName(w.claim.name) : undefined,
    ...(w.claim?.party ? { claimerParty: true } : {}),
    excerpt: [...w.content].slice(0, 60).join(''),
    proofAt: w.proof?.at,
    heldReason: (w.hold ?? w.proof?.hold ?? w.rating?.hold)?.reason,
  };
}

/** Held text is read by its author and staff only, until staff release it. */
function visibleProof(w: WishDoc, viewer: UserDoc) {
  if (!w.proof) return undefined;
  const { hold, ...proof } = w.proof;
  if (!hold) return proof;
  return w.claim?.userId === viewer._id || isStaffOf(viewer, w) ? { ...proof, held: true } : { ...proof, note: '', held: true };
}

function visibleRating(w: WishDoc, viewer: UserDoc) {
  if (!w.rating) return undefined;
  const { stars, comment, hold } = w.rating;
  if (!hold) return { stars, comment };
  return { stars, comment: w.publisherId === viewer._id || isStaffOf(viewer, w) ? comment : undefined, held: true };
}

export function isStaffOf(user: UserDoc, w: Pick<WishDoc, 'communityId'>): boolean {
  return user.communityId === w.communityId && hasRole(user, 'staff', 'admin');
}

export function mayClaim(user: UserDoc, w: WishDoc): boolean {
  return user.communityId === w.communityId && hasRole(user, 'volunteer', 'unit_member') && w.publisherId !== user._id;
}

/** Dispatched to someone the user is not (the claim then answers who has it). */
export function dispatchedElsewhere(user: UserDoc, w: WishDoc): boolean {
  if (!w.dispatch || w.status !== 'open') return false;
  const mine = [`user:${user._id}`, ...user.grants.filter((g) => g.role === 'unit_member' && g.communityId === w.communityId && g.unitId).map((g) => `unit:${g.unitId}`)];
  return !w.dispatch.workerKeys.some((k) => mine.includes(k));
}

/** Staff may confirm alone only after the resident has let the proof sit unanswered. */
export function staffMayConfirm(w: WishDoc, now: number): boolean {
  return !!w.proof && now - w.proof.at >= RESIDENT_SILENCE_DAYS * DAY_MS;
}

export function permissions(user: UserDoc, w: WishDoc, now: number): WishPermission[] {
  const mine = w.publisherId === user._id;
  const claimer = w.claim?.userId === user._id;
  const staff = isStaffOf(user, w);
  const can: WishPermission[] = [];
  if (staff && canMove(w.status, 'approve')) can.push('review');
  if (staff && w.held && !canMove(w.status, 'approve')) can.push('clearHold');
  if (mayClaim(user, w) && canMove(w.status, 'claim') && !dispatchedElsewhere(user, w)) can.push('claim');
  if (!mine && user.communityId === w.communityId && w.status === 'open' && !w.wantedBy.includes(user._id)) can.push('want');
  if (claimer && canMove(w.status, 'release')) can.push('release');
  if (claimer && canMove(w.status, 'submitProof')) can.push('submitProof');
  if (staff && canMove(w.status, 'revoke')) can.push('revoke');
  if (canMove(w.status, 'confirm') && (mine || (staff && staffMayConfirm(w, now)))) can.push('confirm');
  if (mine && canMove(w.status, 'dispute')) can.push('dispute');
  if (mine && w.status === 'completed' && !w.rating) can.push('rate');
  if (mine && canMove(w.status, 'withdraw')) can.push('withdraw');
  if (staff && canMove(w.status, 'takedown')) can.push('takedown');
  return can;
}

export function toEvent(e: WishEventDoc): WishEvent {
  return { at: e.at, from: e.from, to: e.to, by: e.byLabel, why: e.why };
}

/** The claimer, while the claim is live: the one person who may reach the publisher. */
export function reachesPublisher(viewer: UserDoc, w: WishDoc): boolean {
  return w.claim?.userId === viewer._id && LIVE.includes(w.status);
}

export function toDetail(
  w: WishDoc,
  viewer: UserDoc,
  now: number,
  extra: { gridName?: string; events: WishEventDoc[]; publisherPhone?: string },
): WishDetail {
  const claimedByMe = w.claim?.userId === viewer._id;
  const mine = w.publisherId === viewer._id;
  const card = toCard(w, extra.gridName);
  return {
    ...card,
    // Staff act on the wish by the people's real names.
    publisher: isStaffOf(viewer, w) ? w.publisherName : card.publisher,
    ...(w.claim && isStaffOf(viewer, w) ? { claimer: w.claim.name } : {}),
    content: w.content,
    timeline: extra.events.map(toEvent),
    ...(reachesPublisher(viewer, w)
      ? { contact: taskContact({ name: w.publisherName, phone: w.showPhone ? extra.publisherPhone : undefined, address: w.address, preferredTime: w.preferredTime }) }
      : {}),
    proof: visibleProof(w, viewer),
    leaseUntil: claimedByMe || isStaffOf(viewer, w) ? w.claim?.leaseUntil : undefined,
    rating: visibleRating(w, viewer),
    rejectReason: mine || isStaffOf(viewer, w) ? w.rejectReason : undefined,
    pointsAwarded: w.pointsAwarded,
    can: permissions(viewer, w, now),
    mine,
    claimedByMe,
    wantedByMe: w.wantedBy.includes(viewer._id),
  };
}

