import type { Doc } from '../emulator/db/codec';
import type { BulletinDoc } from '../server/bulletin/model';
import { DEMO_COMMUNITY } from './community';

const HOUR = 3600_000;

/**
 * 通知公告 of the demo community: a pinned 停水 notice that asks residents to answer 收到 (the
 * kind of notice the seeds' communities post on their 社区公告栏), and an ordinary one.
 */
export function seedBulletins(put: (coll: string, doc: Doc) => void, now: number): void {
  const common = { communityId: DEMO_COMMUNITY._id, images: [] as string[], status: 'published' as const, byUserId: 'u_demo_staff', byLabel: '社区工作者' };
  const bulletins: BulletinDoc[] = [
    {
      ...common,
      _id: 'bl_demo_water',
      title: '本周六冷冻厂宿舍、海晏花园停水通知',
      text: '因自来水公司主管网维修，本周六8:00至17:00，冷冻厂宿舍1—4幢、海晏花园5—8幢停止供水。请居民提前储水，关好水龙头。独居老人家中如需送水，请联系网格员或拨打社区服务电话0515-85212345。\n看到通知请点“确认收到”，方便网格员掌握通知到户情况。',
      audience: { kind: 'grids', gridIds: ['g_beihai_1', 'g_beihai_2'] },
      to: ['grid:g_beihai_1', 'grid:g_beihai_2'],
      audienceLabel: '第一网格（冷冻厂宿舍）、第二网格（海晏花园）',
      pinned: true,
      needsConfirm: true,
      urgent: false,
      publishedAt: now - 3 * HOUR,
    },
    {
      ...common,
      _id: 'bl_demo_vaccine',
      title: '老年人免费体检预约开始',
      text: '东台市人民医院将于下月到社区党群服务中心开展65岁以上老年人免费体检，可在“预约服务”中选择时段，行动不便的老人可申请上门帮办。',
      audience: { kind: 'all' },
      to: ['all'],
      audienceLabel: '全体居民',
      pinned: false,
      needsConfirm: false,
      urgent: false,
      publishedAt: now - 26 * HOUR,
    },
  ];
  for (const b of bulletins) put('bulletins', b as unknown as Doc);
}
