import type { Booking } from '../../../../typings/booking';
import { type BookingView, toBookingView } from '../../../utils/booking-view';

export interface ServiceGroup {
  serviceId: string;
  serviceName: string;
  placeName: string;
  rows: BookingView[];
}

/** A day's bookings (in time order) grouped per service, services in order of their first booking. */
export function groupByService(bookings: Booking[]): ServiceGroup[] {
  const groups: ServiceGroup[] = [];
  for (const b of bookings) {
    let g = groups.find((x) => x.serviceId === b.serviceId);
    if (!g) groups.push((g = { serviceId: b.serviceId, serviceName: b.serviceName, placeName: b.placeName, rows: [] }));
    g.rows.push(toBookingView(b));
  }
  return groups;
}

export const SUMMARY_LABELS: Array<{ key: 'booked' | 'checked_in' | 'no_show' | 'waitlisted' | 'cancelled'; label: string }> = [
  { key: 'booked', label: '待签到' },
  { key: 'checked_in', label: '已签到' },
  { key: 'no_show', label: '未到' },
  { key: 'waitlisted', label: '候补' },
  { key: 'cancelled', label: '已取消' },
];
