import * as z from 'zod/mini';
import { PLACE_CATEGORIES } from '../../typings/map';
import { id, requestId, text } from '../core/validation';
import { periods, weeklyHoursFields } from '../core/hours';

export const placeId = id('地点编号');
export const category = z.enum(PLACE_CATEGORIES, { error: '地点类别不正确' });

const coordinate = (label: string, max: number) =>
  z.number({ error: `${label}须为数字` }).check(z.minimum(-max, `${label}超出范围`), z.maximum(max, `${label}超出范围`));

/** A GCJ-02 point; nothing but the two numbers. */
export const location = z.strictObject({ lat: coordinate('纬度', 90), lng: coordinate('经度', 180) }, { error: '位置须为 { lat, lng } 数字坐标' });

export const hours = z.strictObject(
  {
    ...weeklyHoursFields('闭馆日期'),
    holiday: z.optional(periods),
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
