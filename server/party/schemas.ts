import * as z from 'zod/mini';
import { id, requestId, text } from '../core/validation';
import { cursor } from '../core/paging';
import { location } from '../map/schemas';
import { category } from '../lists/schemas';
import { exportCursor } from '../core/csv';
import { SERVICE_CATEGORIES } from '../../typings/lists';

export const kind = z.enum(['member', 'unit', 'courier'], { error: '报到类别不正确' });
export const status = z.enum(['pending', 'confirmed', 'rejected'], { error: '报到状态不正确' });

const post = text('岗位名称', 12);
export const posts = z.array(post, { error: '岗位须为列表' }).check(z.maxLength(20, '岗位最多20个'));

const mobile = z.string({ error: '请填写手机号' }).check(z.trim(), z.regex(/^1[3-9]\d{9}$/, '手机号格式不正确'));

const commitment = z.strictObject(
  {
    title: text('承诺事项', 30),
    target: z.number({ error: '目标须为数字' }).check(z.int('目标须为整数'), z.minimum(1, '目标至少为1'), z.maximum(10000, '目标不能超过10000')),
    unit: text('计量单位', 4),
  },
  { error: '承诺事项格式不正确' },
);

export const registerSchema = z.object({
  kind,
  branch: z.optional(text('所在党组织', 40)),
  workUnit: z.optional(text('工作单位', 40)),
  phone: mobile,
  posts: z.optional(posts),
  showBadge: z.optional(z.boolean({ error: '亮身份须为是或否' })),
  contact: z.optional(text('联系人', 20)),
  resources: z.optional(z.array(text('可提供的资源', 30), { error: '资源须为列表' }).check(z.maxLength(10, '资源最多10项'))),
  offers: z.optional(
    z.array(z.strictObject({ title: text('可提供的资源', 30), category }, { error: '可提供的资源格式不正确' }), { error: '资源须为列表' }).check(z.maxLength(10, '资源最多10项')),
  ),
  commitments: z.optional(z.array(commitment, { error: '承诺事项须为列表' }).check(z.maxLength(10, '承诺事项最多10项'))),
  gridId: z.optional(id('网格')),
  requestId,
});

export const registrationsSchema = z.object({ status: z.optional(status), kind: z.optional(kind), cursor });
export const decideSchema = z.object({ id: id('报到编号'), requestId });
export const rejectSchema = z.object({ id: id('报到编号'), reason: text('原因', 60), requestId });
export const progressSchema = z.object({
  id: id('报到编号'),
  commitmentId: id('承诺事项'),
  done: z.number({ error: '完成数须为数字' }).check(z.int('完成数须为整数'), z.minimum(0, '完成数不能为负'), z.maximum(100000, '完成数过大')),
  requestId,
});
export const setPostsSchema = z.object({ posts: posts.check(z.minLength(1, '请至少保留一个岗位')), requestId });

/** Service categories (技能) a call-out asks for, as the resources list names them. */
export const skills = z.array(z.enum(SERVICE_CATEGORIES, { error: '技能类别不正确' }), { error: '技能须为列表' }).check(z.maxLength(10, '技能最多10项'));

const epoch = (label: string) => z.number({ error: `${label}须为时间` }).check(z.int(`${label}须为时间`), z.minimum(0, `${label}不正确`));

export const calloutSchema = z.object({
  title: text('吹哨事项', 30),
  detail: z.optional(text('说明', 200)),
  place: text('地点', 40),
  location: z.optional(location),
  start: epoch('开始时间'),
  end: epoch('结束时间'),
  needed: z.number({ error: '需要人数须为数字' }).check(z.int('需要人数须为整数'), z.minimum(1, '至少需要1人'), z.maximum(100, '一次吹哨最多100人')),
  posts: z.optional(posts),
  skills: z.optional(skills),
  urgency: z.optional(z.enum(['normal', 'urgent'], { error: '紧急程度不正确' })),
  requestId,
});

export const calloutsSchema = z.object({ status: z.optional(z.enum(['open', 'closed'], { error: '状态不正确' })), cursor });
export const calloutIdSchema = z.object({ id: id('吹哨编号') });
export const respondSchema = z.object({ id: id('吹哨编号'), answer: z.enum(['coming', 'declined'], { error: '请选择报到或不能到' }), requestId });
export const closeSchema = z.object({
  id: id('吹哨编号'),
  note: text('情况说明', 200),
  absent: z.optional(z.array(id('未到人员'), { error: '未到人员须为列表' }).check(z.maxLength(100, '未到人员最多100人'))),
  present: z.optional(z.array(id('到场人员'), { error: '到场人员须为列表' }).check(z.maxLength(100, '到场人员最多100人'))),
  requestId,
});

const year = z.number({ error: '年份须为数字' }).check(z.int('年份须为整数'), z.minimum(2000, '年份不正确'), z.maximum(2100, '年份不正确'));
const subjectId = z.string({ error: '报告对象不正确' }).check(z.regex(/^[\w.-]{1,200}$/, '报告对象不正确'));
export const reportSchema = z.object({ subjectId: z.optional(subjectId), year });
export const reportsSchema = z.object({ year, kind: z.optional(kind), cursor });
export const appraiseSchema = z.object({
  subjectId,
  year,
  grade: z.enum(['excellent', 'good', 'pass', 'fail'], { error: '请选择评议等次' }),
  comment: text('评语', 200),
  requestId,
});
export const acknowledgeSchema = z.object({ subjectId: z.optional(subjectId), year, requestId });

export const unitSchema = z.object({ id: id('报到编号') });
export const unitJoinSchema = z.object({ id: id('报到编号'), requestId });
export const joinSchema = z.object({ code: z.string({ error: '请输入加入码' }).check(z.minLength(4, '加入码不正确'), z.maxLength(20, '加入码不正确')), requestId });
export const exportReportsSchema = z.object({ year, cursor: z.optional(z.string({ error: '分页参数不正确' }).check(z.regex(exportCursor, '分页参数不正确'))) });
export const vanguardSchema = z.object({ branch: z.optional(text('所在党组织', 40)), year: z.optional(year) });

export const unitPortalSchema = z.object({ unitId: z.optional(id('共建单位')) });
export const setVerifierSchema = z.object({
  unitId: z.optional(id('共建单位')),
  userId: id('成员'),
  verifier: z.boolean({ error: '请说明是指定还是取消核销人员' }),
  requestId,
});
