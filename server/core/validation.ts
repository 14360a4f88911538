import * as z from 'zod/mini';
import { PREFERRED_TIMES } from '../../typings/contact';
import { isDate } from './time';

/** The first problem of a failed parse, in Chinese. Schemas carry their own messages. */
export function zodMessage(error: z.core.$ZodError): string {
  const issue = error.issues[0];
  if (!issue) return '参数不正确';
  const field = issue.path.join('.');
  if (issue.message && /[\u4e00-\u9fa5]/.test(issue.message)) return issue.message;
  if (issue.code === 'invalid_type') return field ? `缺少或错误的参数：${field}` : '参数类型不正确';
  return field ? `参数不正确：${field}` : '参数不正确';
}

/** A client-made idempotency key. */
export const requestId = z.optional(
  z.string({ error: 'requestId 须为字符串' }).check(z.regex(/^[\w-]{8,64}$/, 'requestId 格式不正确')),
);

/** Text typed by a person: trimmed, not blank, bounded. */
export const text = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .check(z.maxLength(max * 4, `${label}不能超过${max}个字`), z.trim(), z.minLength(1, `请填写${label}`), z.maxLength(max, `${label}不能超过${max}个字`));

export const id = (label: string) => z.string({ error: `缺少${label}` }).check(z.regex(/^[\w-]{1,64}$/, `${label}不正确`));

/** Where a helper comes to (楼栋/单元/室), as one line. */
export const homeAddress = z.optional(text('地址', 60));
/** One of the usual times, or a day (YYYY-MM-DD). */
const PREFERRED_TIME_MESSAGE = '方便的时间须为工作日白天、周末、晚上、随时或一个日期';
export const preferredTime = z.optional(
  z.string({ error: PREFERRED_TIME_MESSAGE }).check(z.refine((v) => (PREFERRED_TIMES as readonly string[]).includes(v) || isDate(v), PREFERRED_TIME_MESSAGE)),
);
