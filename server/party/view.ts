import { REGISTRATION_KIND_LABELS, REGISTRATION_STATUS_LABELS, type Callout, type CalloutResponse, type Registration } from '../../typings/party';
import { maskName } from '../core/mask';
import { dayjs, ZONE } from '../core/time';
import { offerResourceId } from '../lists/unit-offers';
import type { CalloutDoc, RegistrationDoc, ResponseDoc } from './model';

/** '12月9日 19:00-21:00' (or across days '12月9日 19:00 - 12月10日 07:00'), Asia/Shanghai. */
export function whenLabel(start: number, end: number): string {
  const a = dayjs(start).tz(ZONE);
  const b = dayjs(end).tz(ZONE);
  return a.format('YYYY-MM-DD') === b.format('YYYY-MM-DD') ? `${a.format('M月D日 HH:mm')}-${b.format('HH:mm')}` : `${a.format('M月D日 HH:mm')} - ${b.format('M月D日 HH:mm')}`;
}

/** Staff and the owner see the name and phone; nobody else sees a registration at all. */
export function toRegistration(r: RegistrationDoc, gridName?: string): Registration {
  return {
    id: r._id,
    kind: r.kind,
    kindLabel: REGISTRATION_KIND_LABELS[r.kind],
    status: r.status,
    statusLabel: REGISTRATION_STATUS_LABELS[r.status],
    name: r.name,
    phone: r.phone,
    branch: r.branch,
    workUnit: r.workUnit,
    posts: r.posts,
    showBadge: r.showBadge,
    unitName: r.unitName,
    contact: r.contact,
    resources: r.resources,
    offers: (r.offers ?? []).map((o) => ({ ...o, ...(r.status === 'confirmed' ? { resourceId: offerResourceId(r._id, o.id) } : {}) })),
    commitments: r.commitments,
    gridId: r.gridId,
    gridName,
    reason: r.reason,
    createdAt: r.createdAt,
    decidedAt: r.decidedAt,
  };
}

export function toCallout(c: CalloutDoc, viewerId: string, mine?: ResponseDoc | null): Callout {
  return {
    id: c._id,
    title: c.title,
    detail: c.detail,
    place: c.place,
    location: c.location,
    start: c.start,
    end: c.end,
    when: whenLabel(c.start, c.end),
    needed: c.needed,
    coming: c.comingIds.length,
    posts: c.posts,
    urgency: c.urgency,
    status: c.status,
    full: c.comingIds.length >= c.needed,
    mine: mine?.userId === viewerId ? mine.answer : undefined,
    note: c.note,
    createdAt: c.createdAt,
  };
}

export function toResponse(r: ResponseDoc, staff: boolean): CalloutResponse {
  return { userId: r.userId, name: staff ? r.name : maskName(r.name), answer: r.answer, at: r.at, attended: r.attended, party: r.party };
}
