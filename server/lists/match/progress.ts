import type { SolveProgress } from './instance';

/**
 * A solve's progress as plain JSON, to be stored between two invocations: the integer arrays as
 * base64 of their little-endian bytes (a tenth of the size of a JSON array of numbers).
 */
export interface StoredProgress {
  component: number;
  assigned: string;
  flow?: { pot: string; assigned: string; next: number };
}

const toB64 = (a: Int32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');

function fromB64(s: string): Int32Array {
  const b = Buffer.from(s, 'base64');
  // Copied out: a Buffer may sit at an offset that is not a multiple of 4 in its pool.
  const out = new Int32Array(b.length / 4);
  new Uint8Array(out.buffer).set(b);
  return out;
}

export function storeProgress(p: SolveProgress): StoredProgress {
  return {
    component: p.component,
    assigned: toB64(p.assigned),
    ...(p.flow && { flow: { pot: toB64(p.flow.pot), assigned: toB64(p.flow.assigned), next: p.flow.next } }),
  };
}

export function loadProgress(s: StoredProgress): SolveProgress {
  return {
    component: s.component,
    assigned: fromB64(s.assigned),
    ...(s.flow && { flow: { pot: fromB64(s.flow.pot), assigned: fromB64(s.flow.assigned), next: s.flow.next } }),
  };
}
