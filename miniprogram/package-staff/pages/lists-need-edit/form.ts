import type { ListsApi, NeedDetail, NeedInput, ServiceCategory, Urgency, VisitGroup } from '../../../../typings/lists';
import { whole } from '../../../utils/lists-view';

/** Limits the server enforces; checked here so staff get an answer without a round trip. */
export const TITLE_MAX = 30;
export const DETAIL_MAX = 500;
export const ADDRESS_MAX = 60;
export const WHO_MAX = 30;
export const PEOPLE_MAX = 500;

export interface NeedForm {
  /** '' when the visit was not one of 五必访. */
  visitGroup: string;
  category: string;
  title: string;
  detail: string;
  urgency: Urgency;
  /** As typed. */
  people: string;
  gridId: string;
  address: string;
  /** Who was visited, in a few words (王大爷，82岁独居); kept at the head of the detail. */
  who: string;
}

export function emptyForm(gridId = ''): NeedForm {
  return { visitGroup: '', category: '', title: '', detail: '', urgency: 1, people: '1', gridId, address: '', who: '' };
}

export function formOf(n: NeedDetail): NeedForm {
  return {
    visitGroup: n.visitGroup ?? '',
    category: n.category,
    title: n.title,
    detail: n.detail ?? '',
    urgency: n.urgency,
    people: String(n.people),
    gridId: n.gridId ?? '',
    address: n.address ?? '',
    who: '',
  };
}

function detailOf(form: NeedForm): string {
  const who = form.who.trim();
  const detail = form.detail.trim();
  return who ? `被走访人：${who}${detail ? `\n${detail}` : ''}` : detail;
}

/** The first thing wrong with the form, in words, or null. */
export function formProblem(form: NeedForm): string | null {
  if (!form.category) return '请选择服务类别';
  const title = form.title.trim();
  if (!title) return '请填写需求标题';
  if (title.length > TITLE_MAX) return `需求标题最多${TITLE_MAX}个字`;
  if (!form.gridId) return '请选择所在网格';
  if (whole(form.people, 1, PEOPLE_MAX) === null) return `涉及人数须为1到${PEOPLE_MAX}之间的整数`;
  if (form.who.trim().length > WHO_MAX) return `被走访人最多${WHO_MAX}个字`;
  if (detailOf(form).length > DETAIL_MAX) return `需求内容最多${DETAIL_MAX}个字`;
  if (form.address.trim().length > ADDRESS_MAX) return `地址最多${ADDRESS_MAX}个字`;
  return null;
}

export function toInput(form: NeedForm): NeedInput {
  const detail = detailOf(form);
  const address = form.address.trim();
  return {
    category: form.category as ServiceCategory,
    title: form.title.trim(),
    gridId: form.gridId,
    urgency: form.urgency,
    people: whole(form.people, 1, PEOPLE_MAX) ?? 1,
    ...(detail ? { detail } : {}),
    ...(address ? { address } : {}),
    ...(form.visitGroup ? { visitGroup: form.visitGroup as VisitGroup } : {}),
  };
}

type Patch = NonNullable<ListsApi['updateNeed']['req']['patch']>;

/** What changed against the need as loaded; a wish's words stay the resident's. Null when nothing did. */
export function patchOf(before: NeedDetail, form: NeedForm): Patch | null {
  const input = toInput(form);
  const patch: Patch = {};
  if (input.category !== before.category) patch.category = input.category;
  if (before.source !== 'wish' && input.title !== before.title) patch.title = input.title;
  if (before.source !== 'wish' && (input.detail ?? '') !== (before.detail ?? '') && input.detail) patch.detail = input.detail;
  if (input.urgency !== before.urgency) patch.urgency = input.urgency;
  if (input.people !== before.people) patch.people = input.people;
  if (input.gridId !== (before.gridId ?? '')) patch.gridId = input.gridId;
  return Object.keys(patch).length ? patch : null;
}
