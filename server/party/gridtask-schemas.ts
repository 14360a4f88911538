import * as z from 'zod/mini';
import { id, requestId, text } from '../core/validation';
import { cursor } from '../core/paging';
import { photos } from '../lists/schemas';

const taskId = { id: id('任务编号'), requestId };

export const gridTasksSchema = z.object({
  scope: z.optional(z.enum(['open', 'mine', 'all'], { error: '范围须为 open、mine 或 all' })),
  status: z.optional(z.enum(['open', 'claimed', 'done', 'confirmed', 'cancelled'], { error: '任务状态不正确' })),
  cursor,
});

export const publishGridTaskSchema = z.object({
  gridId: id('网格'),
  title: text('任务名称', 30),
  detail: z.optional(text('任务说明', 200)),
  place: text('地点', 40),
  dueAt: z.number({ error: '完成时间须为时间' }).check(z.int('完成时间须为时间'), z.minimum(0, '完成时间不正确')),
  points: z.number({ error: '积分须为数字' }).check(z.int('积分须为整数'), z.minimum(1, '积分至少为1'), z.maximum(50, '一项任务最多50积分')),
  requestId,
});

export const claimGridTaskSchema = z.object(taskId);
export const confirmGridTaskSchema = z.object(taskId);
export const finishGridTaskSchema = z.object({ ...taskId, note: text('完成情况', 200), photos });
export const cancelGridTaskSchema = z.object({ ...taskId, reason: text('撤销原因', 60) });
