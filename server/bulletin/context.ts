import { invalid, notFound, precondition } from '../core/errors';
import { screenText } from '../core/screen';
import type { DocStore } from '../platform/store';
import { isStaff, type CallCtx, type Member } from '../user/caller';
import { isFor } from './audience';
import { BULLETINS, type BulletinDoc } from './model';

export type BulletinCtx = CallCtx;

export const STAFF_ONLY = '只有本社区的工作人员可以发布和管理通知公告';

/**
 * A bulletin the viewer may open: one of their community; residents only those for them and not
 * withdrawn. Anything else is reported as missing.
 */
export async function loadBulletin(store: DocStore, id: string, viewer: Member): Promise<BulletinDoc> {
  const b = await store.get<BulletinDoc>(BULLETINS, id);
  if (!b || b.communityId !== viewer.communityId) throw notFound('通知不存在或已撤回');
  if (!isStaff(viewer) && (b.status !== 'published' || !isFor(b.to, viewer))) throw notFound('通知不存在或已撤回');
  return b;
}

/**
 * A bulletin reaches the whole community at once, so its words are checked as residents' published
 * text is; one that fails, or cannot be checked now (the check fails closed), is not published.
 */
export async function screenBulletin(words: string, openid: string): Promise<void> {
  const s = await screenText(words, openid);
  if (s.verdict === 'risky') throw invalid('通知内容含有不适宜的词语，请修改后再发布');
  if (s.verdict === 'held') throw precondition(`${s.reason}，这条通知未发布，请稍后再试`);
}
