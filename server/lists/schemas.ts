import * as z from 'zod/mini';
import { SERVICE_CATEGORIES, SPECIAL_GROUPS, VISIT_GROUPS } from '../../typings/lists';
import { requestId, text } from '../core/validation';

export { requestId };

/** Ids of the lists: letters, digits, _ - and . (wish needs are `wish.<wishId>`); never an object or an operator. */
export const docId = (label: string) => z.string({ error: `缺少${label}` }).check(z.regex(/^[\w-][\w.-]{0,79}$/, `${label}不正确`));

export const category = z.enum(SERVICE_CATEGORIES, { error: '请选择服务类别' });
export const categoryFilter = z.enum(SERVICE_CATEGORIES, { error: '服务类别筛选不正确' });
export const urgency = z.union([z.literal(1), z.literal(2), z.literal(3)], { error: '紧急程度须为1（一般）、2（较急）或3（紧急）' });
export const people = z.number({ error: '人数须为数字' }).check(z.int('人数须为整数'), z.minimum(1, '人数至少为1'), z.maximum(500, '人数不能超过500'));
export const visitGroup = z.enum(VISIT_GROUPS, { error: '走访对象类别不正确' });
export const specialGroup = z.enum(SPECIAL_GROUPS, { error: '特殊群体须为空巢独居老人、残疾人、困难群众或留守妇女儿童' });

export const location = z.object(
  {
    lat: z.number({ error: '纬度须为数字' }).check(z.minimum(-90, '纬度不正确'), z.maximum(90, '纬度不正确')),
    lng: z.number({ error: '经度须为数字' }).check(z.minimum(-180, '经度不正确'), z.maximum(180, '经度不正确')),
  },
  { error: '位置格式不正确' },
);

export const photoId = z.string({ error: '图片编号不正确' }).check(z.regex(/^cloud:\/\/[\w.\-/\u4e00-\u9fa5]{1,200}$/, '图片须先上传'));
export const photos = z.optional(z.array(photoId, { error: '图片格式不正确' }).check(z.maxLength(6, '最多上传6张图片')));

export const reason = (label = '原因') => text(label, 200);
export const date = z.string({ error: '日期格式须为 YYYY-MM-DD' }).check(z.regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式须为 YYYY-MM-DD'));

export const ticketKind = z.enum(['simple', 'complex', 'difficult'], { error: '事项类型须为简单、复杂或疑难' });
