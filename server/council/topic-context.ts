import { createHash } from 'node:crypto';
import type { TopicArea } from '../../typings/council';
import { notFound } from '../core/errors';
import type { DocStore } from '../platform/store';
import { transact } from '../platform/tx';
import { once, requestKey } from '../platform/idempotency';
import type { CallCtx, Member } from '../user/caller';
import { actorLabel } from '../user/view';
import { TOPICS, type StageEntry, type TopicDoc } from './topic-model';

export type CouncilCtx = CallCtx;
export type { Member };

/** Another community's topic is reported as missing: its existence is not ours to reveal. */
export async function loadTopic(store: DocStore, id: string, viewer: Member): Promise<TopicDoc> {
  const t = await store.get<TopicDoc>(TOPICS, id);
  if (!t || t.communityId !== viewer.communityId) throw notFound('议题不存在');
  return t;
}

/** Whether the person lives where the topic reaches: only they co-sign and vote. */
export function concerns(area: TopicArea, user: Member): boolean {
  if (area.scope === 'community') return true;
  if (area.scope === 'grids') return !!user.gridId && area.gridIds.includes(user.gridId);
  return !!user.building && area.buildings.includes(user.building);
}

export function areaLabel(area: TopicArea, gridNames: Map<string, string>): string {
  if (area.scope === 'community') return '全社区';
  if (area.scope === 'grids') return area.gridIds.map((g) => gridNames.get(g) ?? '网格').join('、');
  return area.buildings.join('、');
}

/** 2单元 301室 → 2单元301: the same room however it was typed. */
function roomKey(room: string): string {
  return room.replace(/\s+/g, '').replace(/室$/, '').toUpperCase();
}

/**
 * A household is a registered address, building and room; absent until the person has given both.
 * Its key is a hash, so a ballot's id says nothing of who lives there.
 */
export function householdOf(user: Member): { key: string; label: string } | null {
  if (!user.building || !user.room) return null;
  const key = createHash('sha256').update(`${user.communityId}|${user.building}|${roomKey(user.room)}`).digest('hex').slice(0, 24);
  return { key, label: `${user.building}${user.room}` };
}

export function ballotId(topicId: string, householdKey: string): string {
  return `${topicId}.${householdKey}`;
}

export function stageEntry(topic: Pick<TopicDoc, 'communityId'>, stage: StageEntry['stage'], actor: Member, at: number, why?: string): StageEntry {
  return { stage, at, byId: actor._id, by: actorLabel(actor, topic.communityId), ...(why ? { why } : {}) };
}

/** One change of a topic in one transaction; a resent request changes nothing again. Gives its id. */
export async function changeTopic(
  ctx: CouncilCtx,
  user: Member,
  name: string,
  input: { id: string; requestId?: string },
  apply: (tx: DocStore, t: TopicDoc) => Promise<TopicDoc>,
): Promise<string> {
  return transact((tx) =>
    once(tx, requestKey(user._id, 'council', name, input.requestId), async () => {
      const t = await loadTopic(tx, input.id, user);
      const next = await apply(tx, t);
      await tx.set(TOPICS, t._id, { ...next, updatedAt: ctx.now });
      return t._id;
    }),
  );
}
