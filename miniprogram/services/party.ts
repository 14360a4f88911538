import type { PartyApi } from '../../typings/party';
import { actionsOf, call } from './transport';

const { read, write } = actionsOf<PartyApi>('party');

export const register = write('register');
export const mine = () => call<PartyApi, 'mine'>('party', 'mine', {});
export const registrations = read('registrations');
export const confirm = write('confirm');
export const reject = write('reject');
export const posts = () => call<PartyApi, 'posts'>('party', 'posts', {});
export const setPosts = write('setPosts');
export const callouts = read('callouts');
export const callout = write('callout');
export const responses = read('responses');
export const respond = write('respond');
export const close = write('close');
export const report = read('report');
export const reports = read('reports');
export const appraise = write('appraise');
export const acknowledge = write('acknowledge');
export const progress = write('progress');
export const gridTasks = read('gridTasks');
export const publishGridTask = write('publishGridTask');
export const claimGridTask = write('claimGridTask');
export const finishGridTask = write('finishGridTask');
export const confirmGridTask = write('confirmGridTask');
export const cancelGridTask = write('cancelGridTask');
