import * as z from 'zod/mini';
import { BULLETIN_ROLES } from '../../typings/bulletin';
import { id, requestId, text } from '../core/validation';
import { cursor } from '../core/paging';
import { photoId } from '../lists/schemas';

export const bulletinId = id('通知编号');

const images = z.array(photoId, { error: '图片格式不正确' }).check(z.maxLength(9, '最多上传9张图片'));

const fileId = z.string({ error: '附件编号不正确' }).check(z.regex(/^cloud:\/\/[\w.\-/\u4e00-\u9fa5]{1,200}$/, '附件须先上传'));
const attachment = z.strictObject({ fileId, name: text('附件名称', 60) }, { error: '附件须为 { fileId, name }' });

const audience = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('all') }),
    z.strictObject({ kind: z.literal('grids'), gridIds: z.array(id('网格'), { error: '请选择网格' }).check(z.minLength(1, '请至少选择一个网格'), z.maxLength(50, '网格太多')) }),
    z.strictObject({
      kind: z.literal('roles'),
      roles: z.array(z.enum(BULLETIN_ROLES, { error: '身份不正确' }), { error: '请选择身份' }).check(z.minLength(1, '请至少选择一种身份')),
    }),
  ],
  { error: '通知范围须为全体居民、网格或身份' },
);

const title = text('标题', 30);
const body = text('正文', 2000);
const flag = (label: string) => z.boolean({ error: `${label}须为是或否` });

export const publishSchema = z.object({
  title,
  text: body,
  images: z.optional(images),
  attachment: z.optional(attachment),
  audience,
  pinned: z.optional(flag('置顶')),
  needsConfirm: z.optional(flag('需要确认收到')),
  urgent: z.optional(flag('紧急通知')),
  requestId,
});

export const editSchema = z.object({
  id: bulletinId,
  changes: z.strictObject(
    {
      title: z.optional(title),
      text: z.optional(body),
      images: z.optional(images),
      attachment: z.optional(z.nullable(attachment)),
      pinned: z.optional(flag('置顶')),
      needsConfirm: z.optional(flag('需要确认收到')),
    },
    { error: '修改内容格式不正确' },
  ),
  requestId,
});

export const withdrawSchema = z.object({ id: bulletinId, reason: text('撤回原因', 100), requestId });
export const byIdSchema = z.object({ id: bulletinId });
export const confirmSchema = z.object({ id: bulletinId, requestId });
export const pageSchema = z.object({ cursor });
