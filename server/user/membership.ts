import type { CommunityDoc, GridDoc } from '../community/model';
import type { FormerGrant, UserDoc } from './model';

/** Where a poster or a choice puts a person: a community and, when known, one of its grids. */
export interface Place {
  community: CommunityDoc;
  grid?: GridDoc;
}

/** What login answers when a scanned poster points somewhere other than where the person is. */
export interface MoveOffer {
  communityId: string;
  communityName: string;
  gridId?: string;
  gridName?: string;
  scene: string;
}

/**
 * How a scanned place relates to where the person is: `join` (no community yet, or no grid yet in
 * the same community: nothing to lose, so no question), `offer` (another community, or another
 * grid than the one they are in: ask first), `stay` (the same place, or a community poster of
 * their own community).
 */
export function sceneOutcome(user: Pick<UserDoc, 'communityId' | 'gridId'>, place: Place): 'join' | 'offer' | 'stay' {
  if (!user.communityId) return 'join';
  if (user.communityId !== place.community._id) return 'offer';
  if (!place.grid || place.grid._id === user.gridId) return 'stay';
  return user.gridId ? 'offer' : 'join';
}

export function moveOffer(place: Place, scene: string): MoveOffer {
  return {
    communityId: place.community._id,
    communityName: place.community.name,
    ...(place.grid ? { gridId: place.grid._id, gridName: place.grid.name } : {}),
    scene,
  };
}

/**
 * The person moved to a place. Within a community only the grid changes (a community poster keeps
 * the grid they had). To another community: roles granted in the old one stay behind, kept as
 * former grants for the record, so moving back later does not bring them back (a county officer's
 * grants are the exception: they oversee communities, wherever they live); what they did
 * there (wishes, ledger, tickets) stays where it was.
 */
export function moveTo(user: UserDoc, place: Place, now: number, via?: string): UserDoc {
  const sameCommunity = user.communityId === place.community._id;
  const next: UserDoc = { ...user, communityId: place.community._id, updatedAt: now };
  if (via) next.joinedVia = via;
  if (place.grid) {
    next.gridId = place.grid._id;
    if (place.grid._id !== user.gridId) delete next.building;
  } else if (!sameCommunity) {
    delete next.gridId;
    delete next.building;
  }
  if (!sameCommunity && user.communityId) {
    // A county officer oversees communities rather than lives in one: county grants go with them.
    const stays = (g: UserDoc['grants'][number]) => g.communityId === place.community._id || g.role === 'county';
    const left = user.grants.filter((g) => !stays(g));
    next.grants = user.grants.filter(stays);
    if (left.length) next.formerGrants = [...(user.formerGrants ?? []), ...left.map((g): FormerGrant => ({ ...g, endedAt: now, why: '迁出社区' }))];
  }
  return next;
}
