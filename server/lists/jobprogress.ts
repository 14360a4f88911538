import { docs, findMany } from '../platform/store';
import type { Need, Resource, StoredProgress } from './match';
import { PROGRESS, type NeedDoc, type ResourceDoc } from './model';

/**
 * What a match job keeps between invocations when its solve does not fit in one: the lists it
 * started from (so every slice solves the very same instance, whatever changes meanwhile) and the
 * solver's progress. Ids are fixed by the job, so writing again after a crash overwrites, never
 * duplicates; the state document is written after the input, so its presence means the input is
 * whole. All of it is removed when the job finishes.
 */

/** A need as the job matches it, with what its suggestion shows. */
export interface InputNeed {
  m: Need;
  title: string;
  /** The listed category (a wish's need is matched by its wish's category). */
  category: string;
  source: NeedDoc['source'];
}

export interface InputResource {
  m: Resource;
  title: string;
  providerName: string;
}

export interface JobInput {
  needs: InputNeed[];
  resources: InputResource[];
}

interface InputChunk {
  _id: string;
  jobId: string;
  index: number;
  needs?: InputNeed[];
  resources?: InputResource[];
}

export interface ProgressState {
  _id: string;
  jobId: string;
  communityId: string;
  /** The `now` the scores were computed at (days waited). */
  now: number;
  chunks: number;
  /** Solver time spent in the slices so far. */
  solveMs: number;
  progress?: StoredProgress;
}

/** Needs or resources per input document (a few hundred KB each). */
const INPUT_CHUNK = 1000;

const stateId = (jobId: string) => `${jobId}.state`;

export async function saveInput(jobId: string, communityId: string, now: number, input: JobInput): Promise<ProgressState> {
  const chunks: InputChunk[] = [];
  for (let k = 0; k < input.needs.length; k += INPUT_CHUNK) chunks.push({ _id: '', jobId, index: 0, needs: input.needs.slice(k, k + INPUT_CHUNK) });
  for (let k = 0; k < input.resources.length; k += INPUT_CHUNK) chunks.push({ _id: '', jobId, index: 0, resources: input.resources.slice(k, k + INPUT_CHUNK) });
  for (const [index, c] of chunks.entries()) await docs.set(PROGRESS, `${jobId}.in${index}`, { ...c, _id: `${jobId}.in${index}`, index });
  const state: ProgressState = { _id: stateId(jobId), jobId, communityId, now, chunks: chunks.length, solveMs: 0 };
  await docs.set(PROGRESS, state._id, state);
  return state;
}

export async function loadState(jobId: string): Promise<ProgressState | null> {
  return docs.get<ProgressState>(PROGRESS, stateId(jobId));
}

export async function loadInput(state: ProgressState): Promise<JobInput> {
  const ids = Array.from({ length: state.chunks }, (_, k) => `${state.jobId}.in${k}`);
  const rows = ids.length ? await findMany<InputChunk>(PROGRESS, { _id: { $in: ids } }, { limit: ids.length }) : [];
  if (rows.length !== state.chunks) throw new Error(`match job ${state.jobId}: ${rows.length} of ${state.chunks} input chunks`);
  rows.sort((a, b) => a.index - b.index);
  return { needs: rows.flatMap((c) => c.needs ?? []), resources: rows.flatMap((c) => c.resources ?? []) };
}

export async function saveProgress(state: ProgressState): Promise<void> {
  await docs.set(PROGRESS, state._id, state);
}

export async function clearProgress(state: ProgressState): Promise<void> {
  for (let k = 0; k < state.chunks; k++) await docs.remove(PROGRESS, `${state.jobId}.in${k}`);
  await docs.remove(PROGRESS, state._id);
}

export function inputNeed(n: NeedDoc, m: Need): InputNeed {
  return { m, title: n.title, category: n.category, source: n.source };
}

export function inputResource(r: ResourceDoc, m: Resource, providerName: string): InputResource {
  return { m, title: r.title, providerName };
}
