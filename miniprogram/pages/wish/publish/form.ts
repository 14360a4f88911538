import type { WishCategory } from '../../../../typings/wish';
import { ADDRESS_MAX } from '../../../utils/address';
import type { FieldProblem } from '../../../behaviors/inline-form';
import { CONTENT_MAX, TITLE_MAX, WISH_CATEGORIES, lengthOf } from '../../../utils/wish-view';

export interface Draft {
  title: string;
  content: string;
  category: string;
  /** 楼栋/单元/室 as one line, optional. */
  address?: string;
}

/** Every problem with a draft, in the order of the fields on the page, in words a person understands. */
export function draftProblems(d: Draft): FieldProblem[] {
  const title = d.title.trim();
  const content = d.content.trim();
  const problems: FieldProblem[] = [];
  if (!title) problems.push({ field: 'title', message: '请填写心愿标题' });
  else if (lengthOf(title) > TITLE_MAX) problems.push({ field: 'title', message: `心愿标题不能超过${TITLE_MAX}个字` });
  if (!content) problems.push({ field: 'content', message: '请写一写心愿的具体内容' });
  else if (lengthOf(content) > CONTENT_MAX) problems.push({ field: 'content', message: `心愿内容不能超过${CONTENT_MAX}个字` });
  if (!WISH_CATEGORIES.includes(d.category as WishCategory)) problems.push({ field: 'category', message: '请选择心愿类别' });
  if (lengthOf(d.address ?? '') > ADDRESS_MAX) problems.push({ field: 'address', message: `地址最多${ADDRESS_MAX}字` });
  return problems;
}

/** The first problem with a draft; null when it can be sent. */
export function checkDraft(d: Draft): string | null {
  return draftProblems(d)[0]?.message ?? null;
}

/** Worth asking the server for look-alikes: a category and a few characters of title. */
export function worthMatching(d: Draft): boolean {
  return !!d.category && lengthOf(d.title.trim()) >= 2;
}
