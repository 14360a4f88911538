import type { Bulletin, BulletinItem, BulletinManaged } from '../../typings/bulletin';
import type { BulletinDoc, BulletinReadDoc } from './model';

const EXCERPT = 40;

export function toItem(b: BulletinDoc, read: BulletinReadDoc | undefined): BulletinItem {
  const flat = b.text.replace(/\s+/g, ' ').trim();
  return {
    id: b._id,
    title: b.title,
    excerpt: flat.length > EXCERPT ? `${flat.slice(0, EXCERPT)}…` : flat,
    pinned: b.pinned,
    needsConfirm: b.needsConfirm,
    urgent: b.urgent,
    publishedAt: b.publishedAt,
    status: b.status,
    read: !!read,
    confirmed: read?.confirmed === 1,
  };
}

/** The whole bulletin; `forCaller`: the caller is one it is for, who may answer 收到. */
export function toBulletin(b: BulletinDoc, read: BulletinReadDoc | undefined, forCaller: boolean): Bulletin {
  return {
    ...toItem(b, read),
    text: b.text,
    images: b.images,
    ...(b.attachment ? { attachment: b.attachment } : {}),
    audience: b.audience,
    audienceLabel: b.audienceLabel,
    byLabel: b.byLabel,
    ...(b.editedAt ? { editedAt: b.editedAt } : {}),
    canConfirm: forCaller && b.status === 'published' && b.needsConfirm && read?.confirmed !== 1,
  };
}

export function toManaged(b: BulletinDoc, counts: { reads: number; confirms: number }): BulletinManaged {
  return { ...toItem(b, undefined), audienceLabel: b.audienceLabel, ...counts };
}
