import type { WishCategory } from '../../../../typings/wish';
import { ADDRESS_MAX } from '../../../utils/address';
import { CONTENT_MAX, TITLE_MAX, WISH_CATEGORIES, lengthOf } from '../../../utils/wish-view';

export interface Draft {
  title: string;
  content: string;
  category: string;
  /** 楼栋/单元/室 as one line, optional. */
  address?: string;
}

/** The first problem with a draft, in words a person understands; null when it can be sent. */
export function checkDraft(d: Draft): string | null {
  const title = d.title.trim();
  const content = d.content.trim();
  if (!title) return '请填写心愿标题';
  if (lengthOf(title) > TITLE_MAX) return `心愿标题不能超过${TITLE_MAX}个字`;
  if (!content) return '请写一写心愿的具体内容';
  if (lengthOf(content) > CONTENT_MAX) return `心愿内容不能超过${CONTENT_MAX}个字`;
  if (!WISH_CATEGORIES.includes(d.category as WishCategory)) return '请选择心愿类别';
  if (lengthOf(d.address ?? '') > ADDRESS_MAX) return `地址最多${ADDRESS_MAX}字`;
  return null;
}

/** Worth asking the server for look-alikes: a category and a few characters of title. */
export function worthMatching(d: Draft): boolean {
  return !!d.category && lengthOf(d.title.trim()) >= 2;
}
