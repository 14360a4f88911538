import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Doc } from '../../../emulator/db/codec';
import { seedDemo } from '../../../demo';
import { startLocalCloud, type LocalCloud } from '../../../emulator/server';
import { generateInstance } from '../../../scripts/bench-match';
import type { NeedDoc, ResourceDoc } from '../../../server/lists/model';

export const MATCH_COMMUNITY = 'c_beihai';

export type Instance = ReturnType<typeof generateInstance>;

/** A generated need as the needs list stores it (source 走访, open). */
export function needDoc(n: Instance['needs'][number]): NeedDoc {
  return {
    _id: n.id, communityId: MATCH_COMMUNITY, source: 'visit', category: n.category, title: `需求${n.id}`, gridId: n.gridId, ...(n.location ? { location: n.location } : {}),
    photos: [], urgency: n.urgency, people: n.people, status: 'open', createdBy: 'seed', createdAt: n.createdAt, updatedAt: n.createdAt,
  };
}

function resourceDoc(r: Instance['resources'][number]): ResourceDoc {
  return { _id: r.id, communityId: MATCH_COMMUNITY, title: `资源${r.id}`, providerKind: r.providerKind, providerId: r.providerId, providerName: `提供方${r.providerId}`, categories: r.categories, capacity: r.capacity, period: 'month', area: r.area, status: 'active', createdBy: 'seed', createdAt: 0, updatedAt: 0 };
}

/**
 * A local cloud of the test's own whose demo community holds only a generated instance's lists
 * (its own needs and resources cleared), and a caller of its `lists` function.
 */
export async function matchCloud(inst: Instance): Promise<{ cloud: LocalCloud; lists: (event: Record<string, unknown>, openid: string) => Promise<any> }> {
  const cloud = await startLocalCloud({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'honglin-match-')), build: false, maxInstances: 2 });
  seedDemo(cloud.db.store);
  const demoLists = ['needs', 'resources'].flatMap((coll) => [...cloud.db.store.collection(coll).keys()].map((id) => ({ coll, id, doc: null })));
  cloud.db.store.commit(demoLists);
  cloud.db.store.commit([
    ...inst.needs.map((n) => ({ coll: 'needs', id: n.id, doc: needDoc(n) as unknown as Doc })),
    ...inst.resources.map((r) => ({ coll: 'resources', id: r.id, doc: resourceDoc(r) as unknown as Doc })),
  ]);
  const lists = async (event: Record<string, unknown>, openid: string): Promise<any> => {
    const res = await fetch(`${cloud.url}/fn/lists`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-openid': openid }, body: JSON.stringify(event) });
    const body: any = await res.json();
    if (!body.ok) throw new Error(`${String(event.action)}: ${body.code} ${body.message}`);
    return body.data;
  };
  return { cloud, lists };
}
