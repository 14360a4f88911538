import type { HomeNotice, NoticeKind } from '../../typings/user';
import type { Page } from '../../typings/api';
import { afterCursor, keysetPage, type Order } from '../core/paging';
import type { SideRead } from '../platform/aggregate';
import { docs, findMany, type DocData, type DocStore } from '../platform/store';
import type { Member } from '../user/caller';
import type { NoticeValues } from './kinds';
import { notify } from './outbox';

/*
 * Notices people read in the app: to the whole community (`to: 'all'`) on 首页, or to one person
 * (`to: <userId>`), such as a volunteer whose claim was taken back, with the reason. A subscribe
 * message may go with it, but it reaches only those who agreed to one; the notice stays.
 */

export const NOTICES = 'notices';
export const EVERYONE = 'all';

export interface NoticeDoc {
  _id: string;
  communityId: string;
  /** 'all', or the user id of the one person it is for. */
  to: string;
  title: string;
  body: string;
  /** The page it is about, opened on a tap. */
  page?: string;
  at: number;
}

export function noticeHomeReads(user: Member) {
  return {
    notices: { from: NOTICES, where: { communityId: user.communityId, to: { $in: [EVERYONE, user._id] } }, orderBy: [['at', 'desc']], limit: 5 },
  } satisfies Record<string, SideRead>;
}

export function homeNotices(rows: DocData[]): HomeNotice[] {
  return (rows as unknown as NoticeDoc[]).map((n) => ({ id: n._id, title: n.title, body: n.body, at: n.at, mine: n.to !== EVERYONE, ...(n.page ? { page: n.page } : {}) }));
}

/**
 * Writes a notice under an id made of what it is about (`key`), so a repeat of the same event
 * (a retried timer, a resent request) leaves one notice, not two.
 */
export async function post(store: DocStore, key: string, notice: Omit<NoticeDoc, '_id'>): Promise<void> {
  await store.set(NOTICES, `nt_${key}`, notice);
}

/**
 * Tells one person: the notice in the app, and the subscribe message of `kind` if their community
 * sends it. Best effort after the change committed: a failure is logged, never undoes the change.
 */
export async function tell<K extends NoticeKind>(
  person: { userId: string; communityId: string },
  key: string,
  notice: { title: string; body: string; page: string; at: number },
  kind: K,
  values: NoticeValues<K>,
): Promise<void> {
  try {
    await post(docs, key, { communityId: person.communityId, to: person.userId, ...notice });
  } catch (e) {
    console.warn(`[notice] ${key} to ${person.userId} not written: ${(e as Error).message}`);
  }
  await notify(person.userId, kind, notice.page.replace(/^\//, ''), values);
}

/** The notices to one person, newest first (我的消息). */
const INBOX_ORDER: Order = [['at', 'desc'], ['_id', 'desc']];

/** A page of the notices to one person here, newest first; an inbox grows for years, so pages follow the last notice's key. */
export async function noticesTo(userId: string, communityId: string, cursor: string | undefined, size: number): Promise<Page<HomeNotice>> {
  const where = { communityId, to: userId };
  const after = afterCursor(cursor, INBOX_ORDER);
  const rows = await findMany<NoticeDoc>(NOTICES, after ? { ...where, $or: after } : where, { orderBy: INBOX_ORDER, limit: size + 1 });
  const page = keysetPage(rows, size, INBOX_ORDER, (r) => r as unknown as DocData);
  return { ...page, items: homeNotices(page.items) };
}

/** The latest notices to one person in every community they have been in, for 我的数据. */
export async function allNoticesTo(userId: string, limit: number): Promise<NoticeDoc[]> {
  return findMany<NoticeDoc>(NOTICES, { to: userId }, { orderBy: [['at', 'desc']], limit });
}
