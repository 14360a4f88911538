import * as z from 'zod/mini';
import { QUESTION_KINDS } from '../../typings/survey';
import { id, requestId, text } from '../core/validation';
import { cursor } from '../core/paging';

const surveyId = id('问卷编号');
const ROLES = ['volunteer', 'unit_member', 'grid_worker', 'county', 'staff', 'admin'] as const;

const question = z.object({
  kind: z.enum(QUESTION_KINDS, { error: '题型须为单选、多选、打分、简答或需要哪些服务' }),
  title: text('题目', 60),
  options: z.optional(z.array(text('选项', 20)).check(z.maxLength(12, '一道题最多12个选项'))),
  optional: z.optional(z.boolean({ error: '是否选答须为是或否' })),
});

export const saveSurveySchema = z.object({
  id: z.optional(surveyId),
  title: text('问卷标题', 40),
  intro: z.optional(text('问卷说明', 300)),
  questions: z.array(question, { error: '请添加题目' }).check(z.minLength(1, '请至少添加一道题'), z.maxLength(20, '一份问卷最多20道题')),
  requestId,
});

const target = z.discriminatedUnion(
  'scope',
  [
    z.object({ scope: z.literal('community') }),
    z.object({ scope: z.literal('grids'), gridIds: z.array(id('网格')).check(z.minLength(1, '请选择网格'), z.maxLength(50, '网格太多')) }),
    z.object({ scope: z.literal('roles'), roles: z.array(z.enum(ROLES, { error: '身份不正确' })).check(z.minLength(1, '请选择身份'), z.maxLength(ROLES.length, '身份重复')) }),
  ],
  { error: '面向对象须为全体、网格或身份' },
);

export const publishSurveySchema = z.object({
  id: surveyId,
  target,
  deadline: z.number({ error: '截止时间须为时间' }).check(z.int('截止时间须为时间'), z.minimum(0, '截止时间不正确')),
  requestId,
});

export const closeSurveySchema = z.object({ id: surveyId, requestId });
export const surveySchema = z.object({ id: surveyId });
export const surveyResultsSchema = z.object({ id: surveyId });
export const exportSurveySchema = z.object({ id: surveyId, cursor });

export const surveysSchema = z.object({
  scope: z.optional(z.enum(['mine', 'all'], { error: '范围须为 mine 或 all' })),
  cursor,
});

const value = z.union(
  [
    z.null(),
    z.number({ error: '答案须为选项或分数' }).check(z.int('答案须为选项或分数')),
    z.array(z.number().check(z.int('答案须为选项')), { error: '答案须为选项' }).check(z.maxLength(12, '选项太多')),
    z.string().check(z.maxLength(800, '回答不能超过200个字')),
  ],
  { error: '答案格式不正确' },
);

export const answerSchema = z.object({
  id: surveyId,
  answers: z.array(value, { error: '请填写答案' }).check(z.maxLength(20, '答案太多')),
  requestId,
});
