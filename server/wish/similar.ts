/** Character bigrams: Chinese has no spaces, and short wishes share few whole words. */
function bigrams(text: string): Set<string> {
  const chars = [...text.replace(/[\s\p{P}\p{S}]/gu, '')];
  const out = new Set<string>();
  for (let i = 0; i < chars.length - 1; i++) out.add(chars[i] + chars[i + 1]);
  if (chars.length === 1) out.add(chars[0]);
  return out;
}

/** Overlap of two texts in [0, 1] (Dice coefficient of bigrams). */
export function similarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (!x.size || !y.size) return 0;
  let common = 0;
  for (const g of x) if (y.has(g)) common++;
  return (2 * common) / (x.size + y.size);
}

export const SIMILAR_THRESHOLD = 0.35;

/** Candidates ordered by how alike their title (and some of the content) is to the draft. */
export function rankSimilar<T extends { title: string; content: string }>(draft: { title: string; content?: string }, candidates: T[], limit = 5): T[] {
  const score = (c: T) => Math.max(similarity(draft.title, c.title), similarity(`${draft.title}${draft.content ?? ''}`, `${c.title}${c.content}`));
  return candidates
    .map((c) => [score(c), c] as const)
    .filter(([s]) => s >= SIMILAR_THRESHOLD)
    .sort((p, q) => q[0] - p[0])
    .slice(0, limit)
    .map(([, c]) => c);
}
