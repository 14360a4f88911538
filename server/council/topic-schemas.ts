import * as z from 'zod/mini';
import { TOPIC_STAGES } from '../../typings/council';
import { id, requestId, text } from '../core/validation';
import { cursor } from '../core/paging';
import { category, photos } from '../lists/schemas';

const topicId = id('议题编号');
const whole = (label: string, min: number, max: number) =>
  z.number({ error: `${label}须为数字` }).check(z.int(`${label}须为整数`), z.minimum(min, `${label}不能小于${min}`), z.maximum(max, `${label}不能大于${max}`));
const time = (label: string) => z.number({ error: `请选择${label}` }).check(z.int(`${label}不正确`), z.minimum(0, `${label}不正确`));
const optionList = (min: number) =>
  z.array(text('选项', 20), { error: '选项格式不正确' }).check(z.minLength(min, `至少${min}个选项`), z.maxLength(6, '最多6个选项'));

const area = z.discriminatedUnion(
  'scope',
  [
    z.object({ scope: z.literal('community') }),
    z.object({ scope: z.literal('grids'), gridIds: z.array(id('网格'), { error: '请选择网格' }).check(z.minLength(1, '请选择网格'), z.maxLength(20, '网格最多20个')) }),
    z.object({ scope: z.literal('buildings'), buildings: z.array(text('楼栋', 30), { error: '请选择楼栋' }).check(z.minLength(1, '请选择楼栋'), z.maxLength(50, '楼栋最多50个')) }),
  ],
  { error: '请选择议题涉及的范围' },
);

export const topicsSchema = z.object({ stage: z.optional(z.enum(TOPIC_STAGES, { error: '阶段不正确' })), cursor });
export const topicSchema = z.object({ id: topicId });

export const proposeSchema = z.object({
  title: text('议题', 30),
  background: text('背景说明', 500),
  photos,
  options: z.optional(optionList(0)),
  area,
  cosignersNeeded: z.optional(whole('联名人数', 0, 50)),
  requestId,
});

export const cosignSchema = z.object({ id: topicId, requestId });
export const commentSchema = z.object({ id: topicId, text: text('意见', 200), requestId });
export const moderateCommentSchema = z.object({
  id: id('意见编号'),
  show: z.boolean({ error: '请选择公开或不公开' }),
  reason: z.optional(text('不公开的原因', 60)),
  requestId,
});

export const setMeetingSchema = z.object({
  id: topicId,
  at: time('协商时间'),
  place: text('协商地点', 40),
  attendees: text('参会人员', 200),
  minutes: z.optional(text('会议纪要', 1000)),
  requestId,
});

export const openVoteSchema = z.object({
  id: topicId,
  options: optionList(2),
  ballot: z.enum(['open', 'secret'], { error: '请选择记名或无记名投票' }),
  quorum: whole('最少投票户数', 1, 100000),
  threshold: whole('通过比例', 1, 100),
  closesAt: time('截止时间'),
  requestId,
});

export const voteSchema = z.object({ id: topicId, optionId: id('选项'), requestId });
export const closeVoteSchema = z.object({ id: topicId, requestId });
export const publishSchema = z.object({ id: topicId, decision: text('决定', 300), requestId });
export const implementSchema = z.object({
  id: topicId,
  category,
  gridIds: z.optional(z.array(id('网格'), { error: '网格格式不正确' }).check(z.maxLength(20, '网格最多20个'))),
  requestId,
});

export const councilRulesSchema = z.object({});
export const setCouncilRulesSchema = z.object({ cosigners: whole('联名人数', 0, 50), requestId });
