import type { UserApi } from '../../typings/user';
import { call } from './transport';

type Req<A extends keyof UserApi> = UserApi[A]['req'];

/** Subscribe-message templates: the configured ones any member may be asked for, and the admin's settings. */
export const notices = () => call<UserApi, 'notices'>('user', 'notices', {});
export const noticeSettings = () => call<UserApi, 'noticeSettings'>('user', 'noticeSettings', {});
export const setNoticeSettings = (req: Req<'setNoticeSettings'>) =>
  call<UserApi, 'setNoticeSettings'>('user', 'setNoticeSettings', req, { mutating: true });
export const testNotice = (req: Req<'testNotice'>) => call<UserApi, 'testNotice'>('user', 'testNotice', req, { mutating: true });
