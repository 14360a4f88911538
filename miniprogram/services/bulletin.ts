import type { BulletinApi } from '../../typings/bulletin';
import { actionsOf } from './transport';

const { read, write } = actionsOf<BulletinApi>('bulletin');

export const publish = write('publish');
export const edit = write('edit');
export const withdraw = write('withdraw');
export const list = read('list');
export const get = read('get');
export const confirm = write('confirm');
export const manage = read('manage');
export const counts = read('counts');
