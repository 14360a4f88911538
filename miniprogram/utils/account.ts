/** Pages about a person's own data and rights, linked from 我的, the welcome and the privacy popup. */
export const AGREEMENT_PAGE = '/pages/user/agreement/index';
export const PRIVACY_PAGE = '/pages/user/privacy/index';
export const MY_DATA_PAGE = '/pages/user/data/index';

/** The word a person types to confirm 注销, so it never happens by a stray tap. */
export const DELETE_WORD = '注销';

/** Whether what was typed is the confirmation word (spaces around it are forgiven). */
export function confirmsDeletion(typed: string): boolean {
  return typed.trim() === DELETE_WORD;
}
