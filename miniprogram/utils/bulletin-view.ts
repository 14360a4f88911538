import type { Bulletin, BulletinItem } from '../../typings/bulletin';
import { friendlyTime } from './date';

/** A row of 通知公告 as shown: tags (置顶, 需确认, 紧急) and when, in words. */
export interface BulletinItemView extends BulletinItem {
  tags: string[];
  when: string;
  /** 已确认收到 / 请确认收到 for those that ask for it. */
  confirmText: string;
}

export function bulletinItemView(b: BulletinItem, now = Date.now()): BulletinItemView {
  const tags = [b.pinned ? '置顶' : '', b.urgent ? '紧急' : '', b.status === 'withdrawn' ? '已撤回' : ''].filter(Boolean);
  const confirmText = b.needsConfirm ? (b.confirmed ? '已确认收到' : '请确认收到') : '';
  return { ...b, tags, when: friendlyTime(b.publishedAt, now), confirmText };
}

export type BulletinView = Bulletin &
  BulletinItemView & {
    paragraphs: string[];
    edited: string;
  };

export function bulletinView(b: Bulletin, now = Date.now()): BulletinView {
  return {
    ...b,
    ...bulletinItemView(b, now),
    paragraphs: b.text.split(/\n+/).filter((p) => p.trim()),
    edited: b.editedAt ? `${friendlyTime(b.editedAt, now)}修改` : '',
  };
}
