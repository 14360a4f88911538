import { checkText } from '../platform/openapi';

/**
 * Whether a resident's text may go out. Fails closed: when WeChat's check errors or does not
 * answer in time, the text is held for staff review, never published unchecked.
 */
export type Screening = { verdict: 'pass' } | { verdict: 'risky' } | { verdict: 'held'; reason: string };

/** Short, so a resident is not left waiting on a slow check: the text is held instead. */
export const SCREEN_TIMEOUT_MS = 3000;

export const HELD_UNCHECKED = '内容安全检查暂不可用，待人工审核';
export const HELD_REVIEW = '内容安全检查建议人工复核';

/** What a held item carries, for staff to see why it waits for them. */
export interface Hold {
  reason: string;
  at: number;
}

export async function screenText(text: string, openid: string): Promise<Screening> {
  try {
    const verdict = await checkText(text, openid, SCREEN_TIMEOUT_MS);
    if (verdict === 'review') return { verdict: 'held', reason: HELD_REVIEW };
    return { verdict };
  } catch (e) {
    console.warn(`[screen] content check unavailable, holding for review: ${(e as Error).message}`);
    return { verdict: 'held', reason: HELD_UNCHECKED };
  }
}

/** The hold to store on an item, or nothing when it passed. */
export function holdOf(s: Screening, now: number): Hold | undefined {
  return s.verdict === 'held' ? { reason: s.reason, at: now } : undefined;
}
