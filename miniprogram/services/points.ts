import type { PointsApi } from '../../typings/points';
import { actionsOf, call } from './transport';

const { read, write } = actionsOf<PointsApi>('points');

export const balance = () => call<PointsApi, 'balance'>('points', 'balance', {});
export const history = read('history');
export const rules = () => call<PointsApi, 'rules'>('points', 'rules', {});
export const setRules = write('setRules');
export const award = write('award');
export const reverse = write('reverse');
export const goods = read('goods');
export const goodsDetail = read('goodsDetail');
export const manageGoods = write('manageGoods');
export const audit = read('audit');
export const account = read('account');
export const redeem = write('redeem');
export const orders = read('orders');
export const cancelOrder = write('cancelOrder');
export const verify = write('verify');
export const leaderboard = read('leaderboard');
export const reconcile = () => call<PointsApi, 'reconcile'>('points', 'reconcile', {});
