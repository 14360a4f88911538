import type { PointsApi } from '../../typings/points';
import { call } from './transport';

type Req<A extends keyof PointsApi> = PointsApi[A]['req'];

const read = <A extends keyof PointsApi & string>(action: A) => (req: Req<A>) => call<PointsApi, A>('points', action, req);
const write = <A extends keyof PointsApi & string>(action: A) => (req: Req<A>) =>
  call<PointsApi, A>('points', action, req, { mutating: true });

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
export const redeem = write('redeem');
export const orders = read('orders');
export const cancelOrder = write('cancelOrder');
export const verify = write('verify');
export const leaderboard = read('leaderboard');
export const reconcile = () => call<PointsApi, 'reconcile'>('points', 'reconcile', {});
