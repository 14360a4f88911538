import type { Doc } from '../emulator/db/codec';
import { KIND_NAMES } from '../server/notify/kinds';
import { NOTICE_SETTINGS, NoticeSettingsDoc, recommendedKeywords } from '../server/notify/settings';
import { DEMO_COMMUNITY, DEMO_USERS } from './community';

/** The local stand-in template id of a kind: wishReviewed → tmpl-wish-reviewed (the outbox takes any id). */
export const demoTemplateId = (kind: string) => `tmpl-${kind.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/** Every kind on, with the stand-in ids and the recommended template's keywords. */
export function allNoticesOn(communityId: string, by: string, now: number): NoticeSettingsDoc {
  const kinds = Object.fromEntries(KIND_NAMES.map((k) => [k, { templateId: demoTemplateId(k), keywords: recommendedKeywords(k), updatedBy: by, updatedAt: now }]));
  return { _id: communityId, communityId, kinds, updatedAt: now };
}

/**
 * The demo community sends every message, so the preview asks for subscriptions and the outbox
 * fills as people use it. A real community's admin enters its own templates on the notice
 * settings page.
 */
export function seedNotices(put: (coll: string, doc: Doc) => void, now: number): void {
  const admin = DEMO_USERS.find((u) => u.grants.some((g) => g.role === 'admin'))!;
  put(NOTICE_SETTINGS, allNoticesOn(DEMO_COMMUNITY._id, admin._id, now) as unknown as Doc);
}

/** What the community tells everyone on 首页 (社区通知), from its own work in the source reports. */
export function seedCommunityNotices(put: (coll: string, doc: Doc) => void, now: number): void {
  const notices = [
    { key: 'wishes', title: '“点亮微心愿”征集中', body: '家里有难处、有小心愿，可以在“点亮微心愿”里发布，党员志愿服务队会来认领。', ago: 2 },
    { key: 'desk', title: '党群服务中心周末照常开放', body: '社保医保、证明开具等事项周六上午照常办理，也可以预约上门帮办。', ago: 26 },
  ];
  for (const n of notices) {
    put('notices', { _id: `nt_demo_${n.key}`, communityId: DEMO_COMMUNITY._id, to: 'all', title: n.title, body: n.body, at: now - n.ago * 3600_000 });
  }
}
