import type { ListsApi } from '../../typings/lists';
import { call } from './transport';

type Req<A extends keyof ListsApi> = ListsApi[A]['req'];

const read = <A extends keyof ListsApi & string>(action: A) => (req: Req<A>) => call<ListsApi, A>('lists', action, req);
const write = <A extends keyof ListsApi & string>(action: A) => (req: Req<A>) =>
  call<ListsApi, A>('lists', action, req, { mutating: true });

export const submitRequest = write('submitRequest');
export const addNeed = write('addNeed');
export const updateNeed = write('updateNeed');
export const needs = read('needs');
export const need = read('need');
export const saveResource = write('saveResource');
export const resources = read('resources');
export const resource = read('resource');
export const saveProject = write('saveProject');
export const claimProject = write('claimProject');
export const projects = read('projects');
export const project = read('project');
export const match = write('match');
export const matchResult = read('matchResult');
export const decide = write('decide');
export const dispatch = write('dispatch');
export const accept = write('accept');
export const resolve = write('resolve');
export const rate = write('rate');
export const escalate = write('escalate');
export const cancel = write('cancel');
export const escalateCounty = write('escalateCounty');
export const countyQueue = read('countyQueue');
export const countyNote = write('countyNote');
export const tickets = read('tickets');
export const ticket = read('ticket');
export const overdue = read('overdue');
export const assignees = read('assignees');
export const stats = read('stats');
export const exportCsv = read('export');
export const settings = read('settings');
export const setSettings = write('setSettings');
