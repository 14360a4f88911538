import type { WishApi } from '../../typings/wish';
import { actionsOf } from './transport';

const { read, write } = actionsOf<WishApi>('wish');

export const publish = write('publish');
export const similar = read('similar');
export const want = write('want');
export const review = write('review');
export const list = read('list');
export const get = read('get');
export const contact = read('contact');
export const claim = write('claim');
export const release = write('release');
export const revoke = write('revoke');
export const submitProof = write('submitProof');
export const confirm = write('confirm');
export const dispute = write('dispute');
export const rate = write('rate');
export const withdraw = write('withdraw');
export const takedown = write('takedown');
export const clearHold = write('clearHold');
export const mine = read('mine');
export const queue = read('queue');
export const stats = read('stats');
export const openSeason = write('openSeason');
