/**
 * Arc lists kept sorted by a stale key, so a search reads only the few arcs that can still be
 * short: most arcs out of a need lead to resources priced far above what the search can afford.
 *
 * The true reduced cost of arc t out of node u is π(u) + base − val(t) − π(res(t)). Potentials of
 * resources only ever decrease, so key(t) = −val(t) − π(res(t)) taken at any earlier time is a
 * lower bound of the current −val(t) − π(res(t)). A row sorted by key can therefore be cut at the
 * first arc whose bound already reaches the search's limit. Bounds drift as prices move: a row
 * whose bounds let several arcs through that their true cost did not is re-keyed where it was read.
 *
 * Layout, for the cache: arc t is arcs[4t .. 4t+3] = key, resource, value, ref, so reading an arc
 * touches one line, and each row's least key is also kept in `least`, a small array a search can
 * test without touching the row at all (most rows it meets have nothing to offer).
 */
/** Beyond any key or reduced distance. */
export const FAR = 0x3fffffff;

/** Where each field of an arc sits in its four slots; `ref` is what the caller needs back about
 * the arc: a pair index, or an offset into a shared row. */
export const ARC = { KEY: 0, RES: 1, VAL: 2, REF: 3 } as const;
const { KEY, RES, VAL, REF } = ARC;

export class SortedRows {
  /** Row i is arcs start[i] .. start[i+1] (in arcs, not array slots). */
  readonly start: Int32Array;
  readonly arcs: Int32Array;
  readonly least: Int32Array;

  /** Row i copies the range `pick(i)` = [from, to) of the pair arrays, keyed at −value. */
  constructor(rows: number, pick: (row: number) => readonly [number, number], res: Int32Array, val: Int32Array, ref: (pair: number, row: number) => number) {
    this.start = new Int32Array(rows + 1);
    let longest = 0;
    for (let i = 0; i < rows; i++) {
      const [a, b] = pick(i);
      this.start[i + 1] = this.start[i] + (b - a);
      longest = Math.max(longest, b - a);
    }
    this.arcs = new Int32Array(4 * this.start[rows]);
    this.least = new Int32Array(rows);
    // Each row in order of value, highest first: a native numeric sort of (−value, position) packed
    // into one double, as insertion sort would be quadratic on rows in no particular order.
    const order = new Float64Array(longest);
    for (let i = 0; i < rows; i++) {
      const [a, b] = pick(i);
      const n = b - a;
      for (let k = 0; k < n; k++) order[k] = (2 ** 31 - val[a + k]) * 2 ** 21 + k;
      const sorted = order.subarray(0, n).sort();
      for (let k = 0, t = 4 * this.start[i]; k < n; k++, t += 4) {
        // The position is the low 21 bits; floor and multiply are exact here, and far cheaper than %.
        const x = sorted[k];
        const e = a + (x - Math.floor(x * 2 ** -21) * 2 ** 21);
        this.arcs[t + KEY] = -val[e];
        this.arcs[t + RES] = res[e];
        this.arcs[t + VAL] = val[e];
        this.arcs[t + REF] = ref(e, i);
      }
      this.least[i] = n > 0 ? this.arcs[4 * this.start[i]] : FAR;
    }
  }

  /** Scratch for rekey: the arcs read, re-keyed and sorted, before they merge back. */
  private read = new Int32Array(256);

  /**
   * Re-keys row i's arcs up to `upTo` (exclusive, the arcs a search just read) against the current
   * resource potentials (resource r at pot[res0 + r]), and puts the row back in order: the arcs
   * read are sorted apart (they were in order and moved little, so insertion sort is quick), then
   * merged with the rest, which is read only as far as the largest new key reaches.
   */
  rekey(i: number, upTo: number, pot: Int32Array, res0: number) {
    const arcs = this.arcs;
    const a = 4 * this.start[i];
    const b = 4 * this.start[i + 1];
    const n = upTo - a;
    if (this.read.length < n) this.read = new Int32Array(Math.max(n, 2 * this.read.length));
    const read = this.read;
    for (let t = 0; t < n; t += 4) {
      const k = -arcs[a + t + 2] - pot[res0 + arcs[a + t + 1]];
      const r = arcs[a + t + 1];
      const v = arcs[a + t + 2];
      const f = arcs[a + t + 3];
      let j = t;
      for (; j > 0 && read[j - 4] > k; j -= 4) {
        read[j] = read[j - 4];
        read[j + 1] = read[j - 3];
        read[j + 2] = read[j - 2];
        read[j + 3] = read[j - 1];
      }
      read[j] = k;
      read[j + 1] = r;
      read[j + 2] = v;
      read[j + 3] = f;
    }
    // Merge: the write point never passes the unread rest, so the row is its own output. Arcs are
    // copied field by field: a loop or copyWithin per arc measured slower in this hot path.
    let w = a;
    let x = 0;
    let y = upTo;
    while (x < n) {
      if (y < b && arcs[y] < read[x]) {
        arcs[w] = arcs[y];
        arcs[w + 1] = arcs[y + 1];
        arcs[w + 2] = arcs[y + 2];
        arcs[w + 3] = arcs[y + 3];
        y += 4;
      } else {
        arcs[w] = read[x];
        arcs[w + 1] = read[x + 1];
        arcs[w + 2] = read[x + 2];
        arcs[w + 3] = read[x + 3];
        x += 4;
      }
      w += 4;
    }
    this.least[i] = b > a ? arcs[a] : FAR;
  }
}
