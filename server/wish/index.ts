import { defineFunction } from '../core/define';
import { callerOpenid } from '../platform/cloud';
import * as post from './actions-post';
import * as claiming from './actions-claim';
import * as staff from './actions-staff';
import * as queries from './queries';
import type { WishCtx } from './context';
import type { WishApi } from '../../typings/wish';

export const wishFunction = defineFunction<WishApi, WishCtx>(
  'wish',
  {
    publish: post.publish,
    similar: post.similar,
    want: post.want,
    withdraw: post.withdraw,
    dispute: post.dispute,
    confirm: post.confirm,
    rate: post.rate,
    claim: claiming.claim,
    release: claiming.release,
    submitProof: claiming.submitProof,
    revoke: claiming.revoke,
    review: staff.review,
    clearHold: staff.clearHold,
    takedown: staff.takedown,
    openSeason: staff.openSeason,
    list: queries.list,
    get: queries.get,
    contact: queries.contact,
    mine: queries.mine,
    queue: queries.queue,
    stats: queries.stats,
  },
  async () => ({ openid: callerOpenid(), now: Date.now() }),
);

/** Timer triggers, declared in cloudfunctions/wish/config.json. */
export const wishTimers: Record<string, () => Promise<unknown>> = {
  expireLeases: () => claiming.expireLeases(Date.now()),
};
