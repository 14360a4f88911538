import * as z from 'zod/mini';
import { RULE_KEYS } from '../../typings/points';
import { id, requestId, text } from '../core/validation';

const int = (label: string, min: number, max: number) =>
  z.number({ error: `${label}须为数字` }).check(z.int(`${label}须为整数`), z.minimum(min, `${label}须在${min}到${max}之间`), z.maximum(max, `${label}须在${min}到${max}之间`));

export const points = int('积分', 1, 1000);
export const reason = (label = '原因') => text(label, 100);
export const ruleKey = z.enum(RULE_KEYS, { error: '积分规则不正确' });
export const rulePoints = int('规则分值', 0, 1000);
export const goodsId = id('商品编号');
export const orderId = id('订单编号');
export const quantity = int('数量', 1, 99);

export const goodsFields = {
  name: text('商品名称', 30),
  description: z.optional(text('商品介绍', 200)),
  photo: z.optional(z.string({ error: '图片编号不正确' }).check(z.regex(/^cloud:\/\/[\w.\-/\u4e00-\u9fa5]{1,200}$/, '图片须先上传'))),
  cost: int('所需积分', 1, 100000),
  unitId: z.optional(id('共建单位')),
  pickupPlace: text('领取地点', 50),
  perPersonLimit: z.optional(int('每人限兑数量', 1, 99)),
};

/** The pickup code as typed (8 digits) or as read from the QR by wx.scanCode. */
export const QR_PREFIX = 'honglin://pickup/';
export const pickupCode = z
  .string({ error: '请输入提货码' })
  .check(z.trim(), z.regex(/^(?:honglin:\/\/pickup\/)?\d{8}$/, '提货码须为8位数字'));

export function codeOf(input: string): string {
  return input.startsWith(QR_PREFIX) ? input.slice(QR_PREFIX.length) : input;
}

export { id, requestId };
