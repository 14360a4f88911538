import * as z from 'zod/mini';
import { ACTIVITY_CATEGORIES, SERVICE_KINDS } from '../../typings/booking';
import { id, requestId, text } from '../core/validation';
import { isDate } from '../core/time';
import { wallTime as time, weeklyHoursFields } from '../core/hours';

export { id, requestId, text };

const int = (label: string, min: number, max: number) =>
  z.number({ error: `${label}须为数字` }).check(z.int(`${label}须为整数`), z.minimum(min, `${label}不能小于${min}`), z.maximum(max, `${label}不能大于${max}`));

export const date = z.string({ error: '日期须为 YYYY-MM-DD' }).check(z.refine(isDate, '日期须为 YYYY-MM-DD'));

export const serviceHours = z.strictObject(weeklyHoursFields('停诊日期'), { error: '开放时间格式不正确' });

const appointmentFields = {
  durationMinutes: int('每个时段的分钟数', 10, 240),
  capacity: int('每个时段可预约人数', 1, 200),
  hours: serviceHours,
  horizonDays: int('可提前预约天数', 1, 30),
  cancelCutoffMinutes: int('取消截止提前分钟数', 0, 2880),
  waitlistMax: int('候补人数', 0, 50),
};

export const appointmentInput = z.strictObject(
  {
    durationMinutes: appointmentFields.durationMinutes,
    capacity: appointmentFields.capacity,
    hours: appointmentFields.hours,
    horizonDays: z.optional(appointmentFields.horizonDays),
    cancelCutoffMinutes: z.optional(appointmentFields.cancelCutoffMinutes),
    waitlistMax: z.optional(appointmentFields.waitlistMax),
  },
  { error: '预约设置格式不正确' },
);

export const appointmentChanges = z.strictObject(
  {
    durationMinutes: z.optional(appointmentFields.durationMinutes),
    capacity: z.optional(appointmentFields.capacity),
    hours: z.optional(appointmentFields.hours),
    horizonDays: z.optional(appointmentFields.horizonDays),
    cancelCutoffMinutes: z.optional(appointmentFields.cancelCutoffMinutes),
    waitlistMax: z.optional(appointmentFields.waitlistMax),
  },
  { error: '预约设置格式不正确' },
);

export const serviceKind = z.enum(SERVICE_KINDS, { error: '服务类型须为 appointment、proxy 或 home_visit' });

export const serviceInput = z.strictObject(
  {
    kind: serviceKind,
    name: text('服务名称', 20),
    description: z.optional(text('服务说明', 300)),
    placeId: id('地点编号'),
    appointment: z.optional(appointmentInput),
  },
  { error: '服务信息格式不正确' },
);

export const serviceChanges = z.strictObject(
  {
    name: z.optional(text('服务名称', 20)),
    description: z.optional(text('服务说明', 300)),
    placeId: z.optional(id('地点编号')),
    appointment: z.optional(appointmentChanges),
  },
  { error: '修改内容格式不正确' },
);

const serviceId = id('服务编号');

export const manageServiceInput = z.discriminatedUnion(
  'op',
  [
    z.object({ op: z.literal('create'), service: serviceInput, requestId }),
    z.object({ op: z.literal('update'), id: serviceId, changes: serviceChanges, reason: z.optional(text('修改说明', 200)), requestId }),
    z.object({ op: z.literal('pause'), id: serviceId, reason: text('暂停原因', 200), requestId }),
    z.object({ op: z.literal('resume'), id: serviceId, reason: z.optional(text('说明', 200)), requestId }),
  ],
  { error: '操作类型须为 create、update、pause 或 resume' },
);

export const slotIdInput = z.string({ error: '请选择预约时段' }).check(z.regex(/^[\w-]{1,64}\.\d{4}-\d{2}-\d{2}\.\d{4}$/, '预约时段不正确'));

/** What a scan read, or what was typed; parsed by codes.parseScan. */
export const scanInput = z.string({ error: '请扫描或输入签到码' }).check(z.maxLength(200, '签到码不正确'), z.trim(), z.minLength(1, '请扫描或输入签到码'));

export const phone = z.string({ error: '联系电话须为文字' }).check(z.regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, '请输入正确的联系电话'));

export const timeWindow = z.strictObject({ date, from: time(false), to: time(true) }, { error: '上门时间须为 { date, from, to }' });

export const papers = z.array(text('材料名称', 20), { error: '材料清单须为列表' }).check(z.maxLength(10, '材料最多10项'));

export const activityCategory = z.enum(ACTIVITY_CATEGORIES, { error: '请选择活动类别' });

export const activityInput = z.strictObject(
  {
    title: text('活动名称', 30),
    category: activityCategory,
    description: text('活动内容', 500),
    placeId: id('地点编号'),
    date,
    from: time(false),
    to: time(true),
    capacity: int('招募人数', 1, 200),
    audience: z.optional(z.enum(['volunteers', 'everyone'], { error: '报名范围须为 volunteers 或 everyone' })),
    waitlistMax: z.optional(int('候补人数', 0, 50)),
    cancelCutoffMinutes: z.optional(int('取消截止提前分钟数', 0, 2880)),
  },
  { error: '活动信息格式不正确' },
);

export const publishActivityInput = z.discriminatedUnion(
  'op',
  [
    z.object({ op: z.literal('create'), activity: activityInput, requestId }),
    z.object({ op: z.literal('cancel'), id: id('活动编号'), reason: text('取消原因', 200), requestId }),
  ],
  { error: '操作类型须为 create 或 cancel' },
);

export const stars = int('评分', 1, 5);
/** Time a 红色代办员 spent on an errand, in minutes (at most a working day). */
export const errandMinutes = int('办理用时', 1, 480);
