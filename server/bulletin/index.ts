import { defineFunction } from '../core/define';
import { callerOpenid } from '../platform/cloud';
import type { BulletinApi } from '../../typings/bulletin';
import type { BulletinCtx } from './context';
import { confirm, get, list } from './actions-resident';
import { counts, edit, manage, publish, withdraw } from './actions-staff';

/** 通知公告: staff tell the community (or some grids, some roles); residents read and answer 收到. */
export const bulletinFunction = defineFunction<BulletinApi, BulletinCtx>(
  'bulletin',
  { publish, edit, withdraw, list, get, confirm, manage, counts },
  async () => ({ openid: callerOpenid(), now: Date.now() }),
);
