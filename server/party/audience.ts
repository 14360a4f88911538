import type { LatLng } from '../../typings/map';
import type { AudienceRequest, Reachable } from '../../typings/party';
import { GRIDS, type GridDoc } from '../community/model';
import { RESOURCES, type ResourceDoc } from '../lists/model';
import { distanceM } from '../map/geo';
import { docs, findMany } from '../platform/store';
import { USERS, type UserDoc } from '../user/model';
import { REGISTRATIONS, type RegistrationDoc } from './model';

/** A community's people a whistle reaches at most. */
export const MAX_REACHED = 500;
/** Who serves without a registration: volunteers and co-building units' members. */
const SERVING_ROLES = ['volunteer', 'unit_member'];

interface Fit {
  userId: string;
  name: string;
  party: boolean;
  why: string;
  /** A courier's registered grid, where they are taken to be when they gave no home grid. */
  gridId?: string;
}

/** Grid id → centre, for the grids that have one. */
async function gridCentres(communityId: string): Promise<Map<string, LatLng>> {
  const grids = await findMany<GridDoc>(GRIDS, { communityId }, { limit: 100 });
  return new Map(grids.filter((g) => g.center).map((g) => [g._id, g.center!]));
}

/**
 * Where a person is taken to be: the centre of the grid they live in (a courier without one: the
 * grid they registered to pass). Unknown (no grid, or a grid without a centre) is undefined.
 */
export async function homeOf(user: Pick<UserDoc, 'gridId' | 'communityId'>): Promise<LatLng | undefined> {
  if (!user.gridId) return undefined;
  const grid = await docs.get<GridDoc>(GRIDS, user.gridId);
  return grid && grid.communityId === user.communityId ? grid.center : undefined;
}

/**
 * Nearest first by `distance`; those whose distance is unknown come after every known one, in
 * the order they had (stable sort).
 */
export function nearestFirst<T>(items: T[], distance: (t: T) => number | undefined): T[] {
  const far = (t: T) => distance(t) ?? Number.POSITIVE_INFINITY;
  return items
    .map((t, i) => ({ t, i, d: far(t) }))
    .sort((a, b) => a.d - b.d || a.i - b.i)
    .map((x) => x.t);
}

/** Registered people who fit: with posts asked, those who took one of them; with none, all. */
function registeredFits(regs: RegistrationDoc[], posts: string[], askedAny: boolean): Fit[] {
  const out: Fit[] = [];
  for (const r of regs) {
    const party = r.kind === 'member';
    const post = r.posts.find((p) => posts.includes(p));
    if (post) out.push({ userId: r.userId, name: r.name, party, why: `岗位：${post}`, gridId: r.gridId });
    else if (!askedAny) out.push({ userId: r.userId, name: r.name, party, why: party ? '已报到党员' : '兼职网格员', gridId: r.gridId });
  }
  return out;
}

/** Volunteers and teams whose active resources offer one of the skills asked. */
function skilledFits(resources: ResourceDoc[], skills: string[]): Array<{ userId: string; why: string }> {
  const out: Array<{ userId: string; why: string }> = [];
  for (const r of resources) {
    const skill = r.categories.find((c) => skills.includes(c));
    if (!skill) continue;
    const people = r.providerKind === 'volunteer' ? [r.userId] : (r.memberIds ?? []);
    for (const userId of people) if (userId) out.push({ userId, why: `技能：${skill}` });
  }
  return out;
}

/**
 * 社区吹哨 reaches registered party members and part-time grid workers and the community's
 * volunteers who fit: a whistle asking for posts reaches those who took one of them, one asking
 * for skills (service categories) the volunteers and teams offering one in the resources list,
 * one asking for neither everyone of them. Nearest first: from the call-out's point to each
 * person's grid centre (see `homeOf`); without a point, or for people whose place is unknown,
 * in the order found, after those with a distance.
 */
export async function audienceOf(communityId: string, ask: AudienceRequest): Promise<Reachable[]> {
  const posts = ask.posts ?? [];
  const skills: string[] = ask.skills ?? [];
  const askedAny = posts.length > 0 || skills.length > 0;
  const [regs, resources, serving, centres] = await Promise.all([
    findMany<RegistrationDoc>(REGISTRATIONS, { communityId, status: 'confirmed', kind: { $in: ['member', 'courier'] } }, { orderBy: [['createdAt', 'asc']], limit: MAX_REACHED }),
    skills.length
      ? findMany<ResourceDoc>(RESOURCES, { communityId, status: 'active', providerKind: { $in: ['volunteer', 'team'] }, categories: { $in: skills } }, { limit: MAX_REACHED })
      : Promise.resolve([]),
    askedAny ? Promise.resolve([]) : findMany<UserDoc>(USERS, { communityId, grants: { $elemMatch: { communityId, role: { $in: SERVING_ROLES } } } }, { limit: MAX_REACHED }),
    gridCentres(communityId),
  ]);
  const fits = new Map<string, Fit>();
  for (const f of registeredFits(regs, posts, askedAny)) if (!fits.has(f.userId)) fits.set(f.userId, f);
  const partyIds = new Set(regs.filter((r) => r.kind === 'member').map((r) => r.userId));
  const extra = [...skilledFits(resources, skills), ...serving.map((u) => ({ userId: u._id, why: '志愿者' }))].filter((f) => !fits.has(f.userId));
  // Names and grids of everyone, from their own documents: a registration's name is from when they registered.
  const ids = [...new Set([...fits.keys(), ...extra.map((f) => f.userId)])];
  const users = ids.length ? await findMany<UserDoc>(USERS, { _id: { $in: ids } }, { limit: ids.length }) : [];
  const byId = new Map(users.filter((u) => !u.deletedAt && u.communityId === communityId).map((u) => [u._id, u]));
  for (const f of extra) {
    const u = byId.get(f.userId);
    if (u && !fits.has(u._id)) fits.set(u._id, { userId: u._id, name: u.displayName, party: partyIds.has(u._id), why: f.why });
  }
  const people = [...fits.values()].filter((f) => byId.has(f.userId)).slice(0, MAX_REACHED);
  const at = ask.location;
  const reach = people.map((f): Reachable => {
    const u = byId.get(f.userId)!;
    const home = centres.get(u.gridId ?? f.gridId ?? '');
    return { userId: f.userId, name: u.displayName || f.name, party: f.party, why: f.why, ...(at && home ? { distanceM: Math.round(distanceM(at, home)) } : {}) };
  });
  return nearestFirst(reach, (r) => r.distanceM);
}
