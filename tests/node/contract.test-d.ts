/**
 * Type-level test, checked by `npm run typecheck` (jest does not run it): `defineFunction` holds
 * each action to the domain's contract in typings/. Every `@ts-expect-error` below must stay an
 * error; if the check weakens, tsc reports the directive as unused and the typecheck fails.
 */
import * as z from 'zod/mini';
import { action, defineFunction } from '../../server/core/define';

interface Ctx {
  openid: string;
}

interface NoteApi {
  get: { req: { id: string }; res: { note: { id: string; text: string } } };
  add: { req: { text: string; requestId?: string }; res: { id: string } };
}

const makeContext = async (): Promise<Ctx> => ({ openid: 'o' });
const get = action(z.object({ id: z.string() }), async function get(_ctx: Ctx, input) {
  return { note: { id: input.id, text: '' } };
});
const add = action(z.object({ text: z.string(), requestId: z.optional(z.string()) }), async function add(_ctx: Ctx) {
  return { id: 'n1' };
});

// The contract met: compiles.
defineFunction<NoteApi, Ctx>('note', { get, add }, makeContext);

// A response that drifted: `text` renamed on the server.
const getDrifted = action(z.object({ id: z.string() }), async function get(_ctx: Ctx, input) {
  return { note: { id: input.id, body: '' } };
});
// @ts-expect-error the handler's result is not NoteApi['get']['res']
defineFunction<NoteApi, Ctx>('note', { get: getDrifted, add }, makeContext);

// A request that drifted: the schema yields a number where the contract says string.
const addDrifted = action(z.object({ text: z.number() }), async function add(_ctx: Ctx) {
  return { id: 'n1' };
});
// @ts-expect-error the schema's output is not NoteApi['add']['req']
defineFunction<NoteApi, Ctx>('note', { get, add: addDrifted }, makeContext);

// @ts-expect-error an action of the contract is missing
defineFunction<NoteApi, Ctx>('note', { get }, makeContext);

// @ts-expect-error an action the contract does not know
defineFunction<NoteApi, Ctx>('note', { get, add, remove: add }, makeContext);

// A request field the schema refuses: the contract allows any string, the schema one word.
const addNarrow = action(z.object({ text: z.enum(['a']), requestId: z.optional(z.string()) }), async function add(_ctx: Ctx) {
  return { id: 'n1' };
});
// @ts-expect-error NoteApi['add']['req'] is not what the schema takes
defineFunction<NoteApi, Ctx>('note', { get, add: addNarrow }, makeContext);
