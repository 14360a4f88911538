import { defineFunction } from '../core/define';
import { callerOpenid } from '../platform/cloud';
import * as actions from './actions';
import * as notices from './actions-notices';
import * as door from './actions-door';
import * as residents from './actions-residents';
import * as roles from './actions-roles';
import * as account from './actions-account';
import * as posters from './actions-poster';
import * as homeScreen from './actions-home';
import * as prefs from './actions-prefs';
import { auditLog } from './actions-audit';
import { systemStatus } from './actions-status';
import { watchSystem } from '../status/watch';
import type { UserCtx } from './lookup';
import type { UserApi } from '../../typings/user';

export const userFunction = defineFunction<UserApi, UserCtx>('user', {
  login: door.login,
  me: actions.me,
  notices: notices.notices,
  noticeSettings: notices.noticeSettings,
  setNoticeSettings: notices.setNoticeSettings,
  testNotice: notices.testNotice,
  bindCommunity: door.bindCommunity,
  skipWelcome: door.skipWelcome,
  setPrefs: prefs.setPrefs,
  grids: door.grids,
  chooseGrid: door.chooseGrid,
  qrcode: posters.qrcode,
  poster: posters.poster,
  residents: residents.residents,
  moveResident: residents.moveResident,
  revokeRole: roles.revokeRole,
  auditLog,
  systemStatus,
  updateProfile: actions.updateProfile,
  memberCode: actions.memberCode,
  createInvite: actions.createInvite,
  redeemInvite: actions.redeemInvite,
  myData: account.myData,
  deleteAccount: account.deleteAccount,
  home: homeScreen.home,
  inbox: homeScreen.inbox,
}, async () => ({ openid: callerOpenid(), now: Date.now() }));

/** Timer triggers, declared in cloudfunctions/user/config.json. */
export const userTimers: Record<string, () => Promise<unknown>> = {
  watchSystem: () => watchSystem(Date.now()),
};
