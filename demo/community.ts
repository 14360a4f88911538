/**
 * The demo community, drawn from the seed reports: 东台市东台镇北海社区, where the party-member
 * volunteer team lights up micro-wishes for empty-nest elderly people.
 */
export const DEMO_COMMUNITY = {
  _id: 'c_beihai',
  code: 'beihai',
  name: '北海社区',
  city: '江苏省盐城市东台市',
  district: '东台市',
  street: '东台镇',
  intro:
    '北海社区坚持党建引领，推行“社区—网格—楼栋”三级治理，党员志愿服务队常年为空巢老人点亮微心愿，' +
    '在职党员“双报到”、共建单位结对共建，打造15分钟便民生活圈。',
  center: { type: 'Point', coordinates: [120.3205, 32.8531] },
};

export const DEMO_GRIDS = [
  { _id: 'g_beihai_1', code: 'g1', name: '第一网格（冷冻厂宿舍）', buildings: ['1幢', '2幢', '3幢', '4幢'], center: { lat: 32.854, lng: 120.3196 } },
  { _id: 'g_beihai_2', code: 'g2', name: '第二网格（海晏花园）', buildings: ['5幢', '6幢', '7幢', '8幢'], center: { lat: 32.8536, lng: 120.3217 } },
  { _id: 'g_beihai_3', code: 'g3', name: '第三网格（北海新村）', buildings: ['9幢', '10幢', '11幢'], center: { lat: 32.8522, lng: 120.3201 } },
  { _id: 'g_beihai_4', code: 'g4', name: '第四网格（范公路沿街）', buildings: ['商铺A区', '商铺B区'], center: { lat: 32.8529, lng: 120.3228 } },
  { _id: 'g_beihai_5', code: 'g5', name: '第五网格（望海苑）', buildings: ['12幢', '13幢', '14幢', '15幢'], center: { lat: 32.8515, lng: 120.3185 } },
  { _id: 'g_beihai_6', code: 'g6', name: '第六网格（西溪小区）', buildings: ['16幢', '17幢', '18幢'], center: { lat: 32.8547, lng: 120.3176 } },
];

export const DEMO_UNITS = [
  { _id: 'unit_hospital', name: '东台市人民医院', kind: '医院' },
  { _id: 'unit_power', name: '国网东台市供电公司', kind: '企业' },
  { _id: 'unit_school', name: '东台市实验小学', kind: '学校' },
  { _id: 'unit_court', name: '东台市人民法院', kind: '机关' },
];

type DemoRole = 'volunteer' | 'unit_member' | 'grid_worker' | 'county' | 'staff' | 'admin';

export const DEMO_USERS: Array<{
  openid: string;
  _id: string;
  displayName: string;
  phone: string;
  gridId: string;
  grants: Array<{ role: DemoRole; gridId?: string; unitId?: string }>;
}> = [
  { openid: 'demo-resident', _id: 'u_demo_resident', displayName: '王桂英', phone: '13851234501', gridId: 'g_beihai_1', grants: [] },
  { openid: 'demo-volunteer', _id: 'u_demo_volunteer', displayName: '李建华', phone: '13851234502', gridId: 'g_beihai_2', grants: [{ role: 'volunteer' }] },
  { openid: 'demo-unit', _id: 'u_demo_unit', displayName: '孙医生', phone: '13851234503', gridId: 'g_beihai_3', grants: [{ role: 'unit_member', unitId: 'unit_hospital' }] },
  { openid: 'demo-gridworker', _id: 'u_demo_gridworker', displayName: '周海燕', phone: '13851234504', gridId: 'g_beihai_1', grants: [{ role: 'grid_worker', gridId: 'g_beihai_1' }] },
  { openid: 'demo-staff', _id: 'u_demo_staff', displayName: '陈书记', phone: '13851234505', gridId: 'g_beihai_2', grants: [{ role: 'staff' }] },
  { openid: 'demo-admin', _id: 'u_demo_admin', displayName: '系统管理员', phone: '13851234506', gridId: 'g_beihai_2', grants: [{ role: 'admin' }, { role: 'staff' }] },
  // 县委包案干部: works the cases the community sends up to the county (疑难问题提级包案).
  { openid: 'demo-county', _id: 'u_demo_county', displayName: '吴卫东', phone: '13851234507', gridId: 'g_beihai_2', grants: [{ role: 'county' }] },
];
