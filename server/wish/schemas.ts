import * as z from 'zod/mini';
import { WISH_CATEGORIES } from '../../typings/wish';
import { id, requestId, text } from '../core/validation';

export const wishId = { id: id('心愿编号'), requestId };
export const category = z.enum(WISH_CATEGORIES, { error: '请选择心愿类别' });
export const photos = z.optional(
  z
    .array(z.string({ error: '图片编号不正确' }).check(z.regex(/^cloud:\/\/[\w.\-/\u4e00-\u9fa5]{1,200}$/, '图片须先上传')), { error: '图片格式不正确' })
    .check(z.maxLength(6, '最多上传6张图片')),
);
export const reason = (label = '原因') => text(label, 200);
