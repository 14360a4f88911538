import type { LatLng, ListsApi, ServiceCategory, SpecialGroup, Urgency } from '../../../../typings/lists';
import type { FieldProblem } from '../../../behaviors/inline-form';
import { OTHER_CATEGORY, SERVICE_CATEGORIES } from '../../../utils/lists-view';
import { TICKET_LIMITS } from '../../../utils/ticket-view';

/** A 诉求 as typed on the page. */
export interface RequestDraft {
  category: string;
  title: string;
  detail: string;
  urgency: number;
  /** As typed: digits. */
  people: string;
  address: string;
  location: LatLng | null;
  photos: string[];
  /** 特殊群体 the person belongs to, or '' (most people). */
  special: string;
}

/** 特殊群体: answered first, without fail. '' is 都不是. */
export const SPECIAL_CHOICES: Array<{ value: SpecialGroup | ''; label: string }> = [
  { value: '', label: '都不是' },
  { value: '空巢独居老人', label: '空巢独居老人' },
  { value: '残疾人', label: '残疾人' },
  { value: '困难群众', label: '困难群众' },
  { value: '留守妇女儿童', label: '留守妇女儿童' },
];

export const URGENCY_CHOICES: Array<{ value: Urgency; label: string; hint: string }> = [
  { value: 1, label: '一般', hint: '不影响日常生活' },
  { value: 2, label: '较急', hint: '近几天要解决' },
  { value: 3, label: '紧急', hint: '有安全隐患，要尽快处理' },
];

const L = TICKET_LIMITS;

/** Every problem with the draft, in the order of the fields on the page, in words a person understands. */
export function requestProblems(d: RequestDraft): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (field: string, message: string) => problems.push({ field, message });
  const title = d.title.trim();
  if (!title) add('title', '请用一句话写明要反映的问题');
  else if (title.length > L.title) add('title', `标题不能超过${L.title}个字`);
  if (d.detail.trim().length > L.detail) add('detail', `具体情况不能超过${L.detail}个字`);
  else if (d.category === OTHER_CATEGORY && !d.detail.trim()) add('detail', '选择“其他”时，请在具体情况里写明要反映什么');
  if (!(SERVICE_CATEGORIES as readonly string[]).includes(d.category)) add('category', '请选择诉求类别');
  if (![1, 2, 3].includes(d.urgency)) add('urgency', '请选择紧急程度');
  const people = d.people.trim();
  if (!/^\d{1,3}$/.test(people) || Number(people) < 1 || Number(people) > L.people) add('people', `涉及人数请填写1到${L.people}之间的整数`);
  if (!SPECIAL_CHOICES.some((c) => c.value === d.special)) add('special', '请选择是否属于特殊群体');
  if (d.address.trim().length > L.address) add('address', `地址不能超过${L.address}个字`);
  if (d.photos.length > L.photos) add('photos', `最多上传${L.photos}张照片`);
  return problems;
}

/** The first problem with the draft; null when it can be sent. */
export function requestProblem(d: RequestDraft): string | null {
  return requestProblems(d)[0]?.message ?? null;
}

/** What `submitRequest` is sent for a draft that has no problem. */
export function requestOf(d: RequestDraft): ListsApi['submitRequest']['req'] {
  const detail = d.detail.trim();
  const address = d.address.trim();
  return {
    category: d.category as ServiceCategory,
    title: d.title.trim(),
    ...(detail ? { detail } : {}),
    urgency: d.urgency as Urgency,
    people: Number(d.people.trim()),
    ...(address ? { address } : {}),
    ...(d.location ? { location: d.location } : {}),
    ...(d.photos.length ? { photos: d.photos } : {}),
    ...(d.special ? { special: d.special as SpecialGroup } : {}),
  };
}
