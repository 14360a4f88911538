import { call, ok, uniqueOpenid } from './cloud';
import type { TestCommunity } from './map';

/** Someone of the community who lives at a building and room of its grid (a household). */
export async function householder(c: TestCommunity, name: string, building?: string, room?: string): Promise<string> {
  const openid = uniqueOpenid('cnl');
  await ok('user', { action: 'login', scene: `c=${c.code}` }, openid);
  await ok('user', { action: 'updateProfile', displayName: name }, openid);
  if (building) await ok('user', { action: 'chooseGrid', gridId: c.gridId, building, ...(room ? { room } : {}) }, openid);
  return openid;
}

/** A topic staff raise, open for comments at once. */
export async function staffTopic(c: TestCommunity, extra: Record<string, unknown> = {}): Promise<string> {
  const { topic } = await ok('council', { action: 'propose', title: '小区东侧空地建凉亭', background: '老人们希望有个遮阳避雨、下棋聊天的地方。', options: ['东侧空地', '北门花园'], area: { scope: 'community' }, ...extra }, c.admin);
  return topic.id;
}

/** Staff open a vote on the topic, closing in an hour. */
export async function openVote(c: TestCommunity, id: string, extra: Record<string, unknown> = {}) {
  return ok('council', { action: 'openVote', id, options: ['东侧空地', '北门花园'], ballot: 'secret', quorum: 2, threshold: 50, closesAt: Date.now() + 3600_000, ...extra }, c.admin);
}

export async function failure(fn: string, event: unknown, openid: string): Promise<{ code: string; message: string }> {
  const r = await call(fn, event, openid);
  if (r.ok) throw new Error(`${fn}.${(event as { action: string }).action} should have been refused`);
  return { code: r.code, message: r.message };
}
