/**
 * The seeds a randomized test runs: a fixed one, and one from the clock so each run explores a
 * new case (printed, to replay it). `NAME=<seed>` replays one; `NAME=1-200` (or `1,5,9`) sweeps
 * many in one process, to look for seeds that fail.
 */
export function seedsFrom(env: string | undefined, fixed: number): number[] {
  if (!env) return [fixed, Date.now() % 1e9];
  const out: number[] = [];
  for (const part of env.split(',')) {
    const m = /^\s*(\d+)\s*(?:-\s*(\d+))?\s*$/.exec(part);
    if (!m) throw new Error(`seed list "${env}": use a number, a range 1-200, or a comma list`);
    const [lo, hi] = [Number(m[1]), Number(m[2] ?? m[1])];
    for (let s = lo; s <= hi; s++) out.push(s);
  }
  return out;
}
