import type { ServiceKind, TimeWindow } from '../../../../typings/booking';
import { ERRAND_LIMITS } from '../../../utils/booking';

export interface ErrandDraft {
  description: string;
  papers: string[];
  phone: string;
  address: string;
  date: string;
  from: string;
  to: string;
  /** 工作日白天 / 周末 / 晚上 / 随时 for a 代办, optional. */
  preferredTime?: string;
}

export const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

/** What is wrong with the draft, in words, or '' when it can be sent. */
export function errandProblem(d: ErrandDraft, kind: ServiceKind): string {
  const description = d.description.trim();
  if (!description) return '请说明要办理的事项';
  if (description.length > ERRAND_LIMITS.description) return `事项说明最多${ERRAND_LIMITS.description}字`;
  if (d.papers.length > ERRAND_LIMITS.papers) return `材料最多${ERRAND_LIMITS.papers}项`;
  if (d.phone.trim() && !PHONE.test(d.phone.trim())) return '请输入正确的联系电话';
  if (d.address.trim().length > ERRAND_LIMITS.address) return `地址最多${ERRAND_LIMITS.address}字`;
  if (kind === 'home_visit') {
    if (!d.address.trim()) return '请填写上门地址';
    if (!d.date || !d.from || !d.to) return '请选择希望上门的日期和时间';
  }
  return '';
}

/** The request as the server takes it (without the requestId). */
export function errandRequest(serviceId: string, d: ErrandDraft, kind: ServiceKind) {
  const window: TimeWindow | undefined = kind === 'home_visit' ? { date: d.date, from: d.from, to: d.to } : undefined;
  return {
    serviceId,
    description: d.description.trim(),
    ...(d.papers.length ? { papers: d.papers } : {}),
    ...(d.phone.trim() ? { contactPhone: d.phone.trim() } : {}),
    ...(d.address.trim() ? { address: d.address.trim() } : {}),
    ...(kind === 'home_visit' ? { window } : d.preferredTime ? { preferredTime: d.preferredTime } : {}),
  };
}

/** Adds a paper unless it is empty, too long or already listed; the new list, or a problem. */
export function withPaper(papers: string[], name: string): string[] | string {
  const p = name.trim();
  if (!p) return '请输入材料名称';
  if (p.length > ERRAND_LIMITS.paper) return `材料名称最多${ERRAND_LIMITS.paper}字`;
  if (papers.includes(p)) return papers;
  if (papers.length >= ERRAND_LIMITS.papers) return `材料最多${ERRAND_LIMITS.papers}项`;
  return [...papers, p];
}
