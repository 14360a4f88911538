/** What a page shows: loading, itself, a failure with 重试, or 无权限. */
export type PageState = 'loading' | 'ready' | 'error' | 'forbidden';

/** The start of every page behavior's data, so pages do not declare it again. */
export const pageStateData = { state: 'loading' as PageState, errorText: '' };
