import type { Doc } from '../db/codec';
import { KIND_NAMES } from '../../server/notify/kinds';
import { NOTICE_SETTINGS, NoticeSettingsDoc, recommendedKeywords } from '../../server/notify/settings';
import { DEMO_COMMUNITY, DEMO_USERS } from './demo';

/** The local stand-in template id of a kind: wishReviewed → tmpl-wish-reviewed (the outbox takes any id). */
export const demoTemplateId = (kind: string) => `tmpl-${kind.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/**
 * The demo community sends every message, each with the recommended template's keywords, so the
 * preview asks for subscriptions and the outbox fills as people use it. A real community's admin
 * enters the ids of its own templates on the notice settings page.
 */
export function seedNotices(put: (coll: string, doc: Doc) => void, now: number): void {
  const admin = DEMO_USERS.find((u) => u.grants.some((g) => g.role === 'admin'))!;
  const kinds = Object.fromEntries(
    KIND_NAMES.map((k) => [k, { templateId: demoTemplateId(k), keywords: recommendedKeywords(k), updatedBy: admin._id, updatedAt: now }]),
  );
  const doc: NoticeSettingsDoc = { _id: DEMO_COMMUNITY._id, communityId: DEMO_COMMUNITY._id, kinds, updatedAt: now };
  put(NOTICE_SETTINGS, doc as unknown as Doc);
}
