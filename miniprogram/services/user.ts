import type { UserApi } from '../../typings/user';
import { call } from './transport';

type Req<A extends keyof UserApi> = UserApi[A]['req'];

export const login = (req: Req<'login'> = {}) => call<UserApi, 'login'>('user', 'login', req);
export const me = () => call<UserApi, 'me'>('user', 'me', {});
export const bindCommunity = (req: Req<'bindCommunity'>) =>
  call<UserApi, 'bindCommunity'>('user', 'bindCommunity', req, { mutating: true });
export const updateProfile = (req: Req<'updateProfile'>) =>
  call<UserApi, 'updateProfile'>('user', 'updateProfile', req, { mutating: true });
export const createInvite = (req: Req<'createInvite'>) =>
  call<UserApi, 'createInvite'>('user', 'createInvite', req, { mutating: true });
export const redeemInvite = (req: Req<'redeemInvite'>) =>
  call<UserApi, 'redeemInvite'>('user', 'redeemInvite', req, { mutating: true });
export const qrcode = (req: Req<'qrcode'>) => call<UserApi, 'qrcode'>('user', 'qrcode', req, { mutating: true });
export const skipWelcome = () => call<UserApi, 'skipWelcome'>('user', 'skipWelcome', {}, { mutating: true });
export const setPrefs = (req: Req<'setPrefs'>) => call<UserApi, 'setPrefs'>('user', 'setPrefs', req, { mutating: true });
export const grids = () => call<UserApi, 'grids'>('user', 'grids', {});
export const chooseGrid = (req: Req<'chooseGrid'>) => call<UserApi, 'chooseGrid'>('user', 'chooseGrid', req, { mutating: true });
/** Reads the 会员号, given on first asking (asking twice gives the same number). */
export const memberCode = () => call<UserApi, 'memberCode'>('user', 'memberCode', {});
export const residents = (req: Req<'residents'> = {}) => call<UserApi, 'residents'>('user', 'residents', req);
export const moveResident = (req: Req<'moveResident'>) =>
  call<UserApi, 'moveResident'>('user', 'moveResident', req, { mutating: true });
export const systemStatus = () => call<UserApi, 'systemStatus'>('user', 'systemStatus', {});
export const auditLog = (req: Req<'auditLog'>) => call<UserApi, 'auditLog'>('user', 'auditLog', req);
export const revokeRole = (req: Req<'revokeRole'>) => call<UserApi, 'revokeRole'>('user', 'revokeRole', req, { mutating: true });
export const poster = (req: Req<'poster'> = {}) => call<UserApi, 'poster'>('user', 'poster', req);
export const home = () => call<UserApi, 'home'>('user', 'home', {});
export const inbox = (req: Req<'inbox'> = {}) => call<UserApi, 'inbox'>('user', 'inbox', req);
export const myData = () => call<UserApi, 'myData'>('user', 'myData', {});
export const deleteAccount = () => call<UserApi, 'deleteAccount'>('user', 'deleteAccount', { confirm: '注销' }, { mutating: true });
