import type { PreviewProfile } from '../emulator/preview/html';
import { DEMO_COMMUNITY } from './community';
import { DEMO_OPENIDS } from './index';

const ROLE_NAMES: Record<string, string> = {
  volunteer: '志愿者',
  unit_member: '共建单位',
  grid_worker: '网格员',
  county: '县委包案干部',
  staff: '社区工作者',
  admin: '管理员',
};

/** The demo community's people in the preview's account switch, and its centre as the phone's place. */
export function demoPreview(): PreviewProfile {
  const [longitude, latitude] = DEMO_COMMUNITY.center.coordinates;
  return {
    accounts: DEMO_OPENIDS.map((u) => ({ openid: u.openid, label: `${u.name}（${u.roles.map((r) => ROLE_NAMES[r] ?? r).join('、') || '居民'}）` })),
    defaultOpenid: 'demo-resident',
    location: { latitude, longitude, name: DEMO_COMMUNITY.name },
  };
}
