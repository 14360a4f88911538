import * as z from 'zod/mini';
import { id, requestId } from '../core/validation';
import { location } from '../map/schemas';
import { posts, skills } from './schemas';

/** Who a whistle would reach: the draft's posts, skills and point. */
export const audienceSchema = z.object({ posts: z.optional(posts), skills: z.optional(skills), location: z.optional(location) });

/** The scanned QR text or the 6 digits typed by hand. */
const siteCode = z.string({ error: '请输入签到码' }).check(z.trim(), z.minLength(1, '请输入签到码'), z.maxLength(120, '签到码不正确'), z.regex(/^[\w:?=.-]+$/, '签到码不正确'));

export const checkInSchema = z.object({ id: id('吹哨编号'), code: z.optional(siteCode), userId: z.optional(id('签到人员')), requestId });
