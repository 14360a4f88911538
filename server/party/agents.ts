import type { DocStore } from '../platform/store';
import { findMany } from '../platform/store';
import { groupSum } from '../platform/aggregate';
import { USERS, type UserDoc } from '../user/model';
import { TICKETS } from '../lists/model';
import { ERRANDS } from '../booking/model';
import { REGISTRATIONS, RegistrationDoc, registrationId } from './model';

/** The post (岗位) that lets a registered person be assigned errands and tickets: 红色代办员. */
export const AGENT_POST = '红色代办员';

/** A confirmed party member of the community who holds the 红色代办员 post, read in the caller's transaction. */
export async function redAgentOf(store: DocStore, communityId: string, userId: string): Promise<RegistrationDoc | null> {
  const r = await store.get<RegistrationDoc>(REGISTRATIONS, registrationId(communityId, userId, 'member'));
  return r?.status === 'confirmed' && r.posts.includes(AGENT_POST) ? r : null;
}

/** Everyone of the community who holds the 红色代办员 post now, the longest registered first. */
export async function redAgents(communityId: string): Promise<RegistrationDoc[]> {
  return findMany<RegistrationDoc>(REGISTRATIONS, { communityId, kind: 'member', status: 'confirmed', posts: AGENT_POST }, { orderBy: [['createdAt', 'asc']], limit: 200 });
}

/**
 * What each person has in hand in the community: tickets dispatched to them or accepted, and
 * errands accepted, not yet done. Two aggregations, run at once; someone with nothing in hand is not in the map.
 */
export async function heldWork(communityId: string, userIds: string[]): Promise<Map<string, number>> {
  const $in = userIds;
  const [tickets, errands] = await Promise.all([
    groupSum(TICKETS, { match: { communityId, 'assignee.userId': { $in }, status: { $in: ['dispatched', 'accepted'] } }, by: 'assignee.userId', sum: {} }),
    groupSum(ERRANDS, { match: { communityId, assigneeId: { $in }, status: 'accepted' }, by: 'assigneeId', sum: {} }),
  ]);
  const load = new Map<string, number>();
  for (const r of [...tickets, ...errands]) load.set(r._id, (load.get(r._id) ?? 0) + r.n);
  return load;
}

/** A 红色代办员 as staff pick them: real name, the grid they live in, and what they have in hand. */
export interface AgentOnRoster {
  userId: string;
  name: string;
  gridId?: string;
  /** Tickets dispatched or accepted, and errands accepted, not yet done. */
  load: number;
}

/**
 * The community's 红色代办员 for staff choosing whom to send: who holds the post, where they live
 * and their current load, the least loaded first. Three reads, run at once after the roster.
 */
export async function agentRoster(communityId: string): Promise<AgentOnRoster[]> {
  const agents = await redAgents(communityId);
  if (!agents.length) return [];
  const $in = agents.map((a) => a.userId);
  const [users, load] = await Promise.all([findMany<UserDoc>(USERS, { _id: { $in } }, { limit: $in.length }), heldWork(communityId, $in)]);
  const home = new Map(users.filter((u) => u.communityId === communityId).map((u) => [u._id, u.gridId]));
  return agents
    .filter((a) => home.has(a.userId))
    .map((a) => ({ userId: a.userId, name: a.name, ...(home.get(a.userId) ? { gridId: home.get(a.userId) } : {}), load: load.get(a.userId) ?? 0 }))
    .sort((x, y) => x.load - y.load);
}
