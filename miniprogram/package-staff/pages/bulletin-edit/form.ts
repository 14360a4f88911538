import type { BulletinAttachment, BulletinAudience, BulletinInput, BulletinRole } from '../../../../typings/bulletin';

export type AudienceKind = BulletinAudience['kind'];

/** What the form holds while it is typed. */
export interface BulletinDraft {
  title: string;
  text: string;
  audienceKind: AudienceKind;
  gridIds: string[];
  roles: BulletinRole[];
  pinned: boolean;
  needsConfirm: boolean;
  urgent: boolean;
  images: string[];
  attachment: BulletinAttachment | null;
}

/** The first problem of the draft, in words; null when it can be published. */
export function draftProblem(d: BulletinDraft): string | null {
  if (!d.title.trim()) return '请填写标题';
  if (!d.text.trim()) return '请填写正文';
  if (d.audienceKind === 'grids' && !d.gridIds.length) return '请至少选择一个网格';
  if (d.audienceKind === 'roles' && !d.roles.length) return '请至少选择一种身份';
  return null;
}

export function audienceOf(d: BulletinDraft): BulletinAudience {
  if (d.audienceKind === 'grids') return { kind: 'grids', gridIds: d.gridIds };
  if (d.audienceKind === 'roles') return { kind: 'roles', roles: d.roles };
  return { kind: 'all' };
}

export function publishRequest(d: BulletinDraft): BulletinInput {
  return {
    title: d.title.trim(),
    text: d.text.trim(),
    audience: audienceOf(d),
    pinned: d.pinned,
    needsConfirm: d.needsConfirm,
    urgent: d.urgent,
    ...(d.images.length ? { images: d.images } : {}),
    ...(d.attachment ? { attachment: d.attachment } : {}),
  };
}

/** Toggles one value in a list of chosen ones. */
export const toggle = <T>(list: T[], v: T): T[] => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v]);
