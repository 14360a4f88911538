import { instanceState } from '../base/instance';

/** What a page shows: loading, itself, a failure with 重试, or 无权限. */
export type PageState = 'loading' | 'ready' | 'error' | 'forbidden';

/** The start of every page behavior's data, so pages do not declare it again. */
export const pageStateData = { state: 'loading' as PageState, errorText: '' };

/** The query a page opened with, kept for 重试 to start it again the same way. */
export const openedWith = instanceState<Record<string, string | undefined>>(() => ({}));
