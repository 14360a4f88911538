import * as z from 'zod/mini';
import { PLACE_CATEGORIES } from '../../typings/map';
import { id, requestId, text } from '../core/validation';
import { isDate } from '../core/time';
import { periodsProblem } from './hours';

export const placeId = id('地点编号');
export const category = z.enum(PLACE_CATEGORIES, { error: '地点类别不正确' });

const coordinate = (label: string, max: number) =>
  z.number({ error: `${label}须为数字` }).check(z.minimum(-max, `${label}超出范围`), z.maximum(max, `${label}超出范围`));

/** A GCJ-02 point; nothing but the two numbers. */
export const location = z.strictObject({ lat: coordinate('纬度', 90), lng: coordinate('经度', 180) }, { error: '位置须为 { lat, lng } 数字坐标' });

const time = z.string({ error: '时间须为 HH:mm 格式' }).check(z.regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, '时间须为 HH:mm 格式（结束可为24:00）'));

const period = z.strictObject({ from: time, to: time }, { error: '开放时段须为 { from, to }' });

export const periods = z.array(period, { error: '开放时段须为列表' }).check(
  z.maxLength(4, '一天最多4个开放时段'),
  z.superRefine((ps, ctx) => {
    const problem = periodsProblem(ps);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, input: ps });
  }),
);

const date = z.string({ error: '日期须为 YYYY-MM-DD' }).check(z.refine(isDate, '日期须为 YYYY-MM-DD'));

export const hours = z.strictObject(
  {
    week: z.strictObject(
      {
        '1': z.optional(periods),
        '2': z.optional(periods),
        '3': z.optional(periods),
        '4': z.optional(periods),
        '5': z.optional(periods),
        '6': z.optional(periods),
        '7': z.optional(periods),
      },
      { error: '每周开放时间须按周一(1)到周日(7)填写' },
    ),
    calendar: z.enum(['working_days', 'every_day'], { error: '请选择节假日安排：随工作日或每天开放' }),
    holiday: z.optional(periods),
    makeup: z.optional(periods),
    closedDates: z.optional(z.array(date, { error: '闭馆日期须为列表' }).check(z.maxLength(60, '闭馆日期最多60个'))),
    note: z.optional(text('开放时间说明', 60)),
  },
  { error: '开放时间格式不正确' },
);

/** Public numbers: 座机 (0515-85212345), 服务热线 (12348, 400-…), or a mobile the place publishes. */
export const phone = z.string({ error: '电话须为字符串' }).check(
  z.regex(/^(0\d{2,3}-?\d{7,8}(-\d{1,6})?|1[3-9]\d{9}|1\d{4}|[48]00-?\d{3}-?\d{4})$/, '电话号码格式不正确'),
);

const photos = z
  .array(z.string({ error: '图片编号不正确' }).check(z.regex(/^cloud:\/\/[\w.\-/\u4e00-\u9fa5]{1,200}$/, '图片须先上传')), { error: '图片格式不正确' })
  .check(z.maxLength(6, '最多上传6张图片'));

const services = z.array(text('服务项目', 20), { error: '服务项目须为列表' }).check(z.maxLength(20, '服务项目最多20项'));

const fields = {
  name: text('地点名称', 30),
  category,
  address: text('地址', 60),
  location,
  hours,
  services,
};

export const placeInput = z.strictObject(
  {
    ...fields,
    phone: z.optional(phone),
    intro: z.optional(text('简介', 300)),
    photos: z.optional(photos),
    gridId: z.optional(id('网格')),
  },
  { error: '地点信息格式不正确' },
);

export const placeChanges = z.strictObject(
  {
    name: z.optional(fields.name),
    category: z.optional(category),
    address: z.optional(fields.address),
    location: z.optional(location),
    hours: z.optional(hours),
    services: z.optional(services),
    phone: z.optional(z.nullable(phone)),
    intro: z.optional(z.nullable(text('简介', 300))),
    photos: z.optional(photos),
    gridId: z.optional(z.nullable(id('网格'))),
  },
  { error: '修改内容格式不正确' },
);

export const managePlaceInput = z.discriminatedUnion(
  'op',
  [
    z.object({ op: z.literal('create'), place: placeInput, requestId }),
    z.object({ op: z.literal('update'), id: placeId, changes: placeChanges, reason: z.optional(text('修改说明', 200)), requestId }),
    z.object({ op: z.literal('close'), id: placeId, reason: text('关闭原因', 200), requestId }),
    z.object({ op: z.literal('reopen'), id: placeId, reason: z.optional(text('说明', 200)), requestId }),
  ],
  { error: '操作类型须为 create、update、close 或 reopen' },
);
