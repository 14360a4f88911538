import { notFound } from '../core/errors';
import { DocStore, findOne } from '../platform/store';
import { recordChange } from '../platform/events';
import type { CallCtx, Member } from '../user/caller';
import type { UserDoc } from '../user/model';
import { actorLabel } from '../user/view';
import { CALLOUTS, CalloutDoc, PARTY_EVENTS, REGISTRATIONS, RegistrationDoc } from './model';

export type PartyCtx = CallCtx;
export type { Member };

/** Another community's registration or call-out is reported as missing: its existence is not ours to reveal. */
export async function loadRegistration(store: DocStore, id: string, viewer: Member): Promise<RegistrationDoc> {
  const r = await store.get<RegistrationDoc>(REGISTRATIONS, id);
  if (!r || r.communityId !== viewer.communityId) throw notFound('报到记录不存在');
  return r;
}

export async function loadCallout(store: DocStore, id: string, viewer: Member): Promise<CalloutDoc> {
  const c = await store.get<CalloutDoc>(CALLOUTS, id);
  if (!c || c.communityId !== viewer.communityId) throw notFound('吹哨事项不存在');
  return c;
}

/** A confirmed party member of the community (双报到 done): answers call-outs as 党员 and may show the badge. */
export async function partyMembership(userId: string, communityId: string): Promise<RegistrationDoc | null> {
  return findOne<RegistrationDoc>(REGISTRATIONS, { communityId, userId, kind: 'member', status: 'confirmed' });
}

/** One state change of a registration or a call-out, in its transaction (who, when, from, to, why). */
export async function recordParty(
  tx: DocStore,
  target: 'registration' | 'callout' | 'gridTask',
  targetId: string,
  communityId: string,
  from: string | null,
  to: string,
  actor: UserDoc,
  at: number,
  why?: string,
): Promise<void> {
  const by = { id: actor._id, label: actorLabel(actor, communityId) };
  await recordChange(tx, PARTY_EVENTS, { communityId, target, targetId, at, from, to, by, why });
}
