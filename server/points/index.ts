import { defineFunction } from '../core/define';
import { callerOpenid } from '../platform/cloud';
import * as ledger from './actions-ledger';
import * as mall from './actions-mall';
import * as orders from './actions-orders';
import * as board from './actions-board';
import { account } from './actions-account';
import { reconcileNightly } from './nightly';
import type { PointsCtx } from './context';
import type { PointsApi } from '../../typings/points';

export const pointsFunction = defineFunction<PointsApi, PointsCtx>(
  'points',
  {
    balance: ledger.balance,
    history: ledger.history,
    rules: ledger.rules,
    setRules: ledger.setRules,
    award: ledger.award,
    reverse: ledger.reverse,
    goods: mall.goods,
    goodsDetail: mall.goodsDetail,
    manageGoods: mall.manageGoods,
    audit: mall.auditLog,
    redeem: orders.redeem,
    orders: orders.orders,
    cancelOrder: orders.cancelOrder,
    verify: orders.verify,
    leaderboard: board.leaderboard,
    account,
    reconcile: board.reconcile,
  },
  async () => ({ openid: callerOpenid(), now: Date.now() }),
);

/** Timer triggers, declared in cloudfunctions/points/config.json. */
export const pointsTimers: Record<string, () => Promise<unknown>> = {
  expireOrders: () => orders.expireOrders(Date.now()),
  reconcileNightly: () => reconcileNightly(Date.now()),
};
