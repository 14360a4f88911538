import { defineFunction } from '../core/define';
import { callerOpenid } from '../platform/cloud';
import * as actions from './actions';

export const userFunction = defineFunction('user', {
  login: actions.login,
  me: actions.me,
  bindCommunity: actions.bindCommunity,
  updateProfile: actions.updateProfile,
  createInvite: actions.createInvite,
  redeemInvite: actions.redeemInvite,
  qrcode: actions.qrcode,
}, async () => ({ openid: callerOpenid(), now: Date.now() }));
