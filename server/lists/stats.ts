import type { TicketStats } from '../../typings/lists';
import { isOverdue, timeliness, type TimedTicket } from './deadlines';

/**
 * The dispatch statistics, pure. Over the tickets raised in a period (cancelled ones left out):
 *   completion rate   resolved or closed / all
 *   on-time rate      completed within every deadline / (that + late), where late counts tickets
 *                     completed after a deadline AND tickets still open past one; open tickets not
 *                     yet due are not counted either way
 *   satisfaction      average stars, and the share rated 4–5, of the rated
 */

export type StatTicket = TimedTicket & { rating?: { stars: number }; reopenCount: number };

const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 1000) / 1000 : null);

export function ticketStats(tickets: StatTicket[], now: number): TicketStats {
  let n = 0;
  let completed = 0;
  let onTime = 0;
  let late = 0;
  let overdueOpen = 0;
  let rated = 0;
  let stars = 0;
  let satisfied = 0;
  let reopened = 0;
  for (const t of tickets) {
    if (t.status === 'cancelled') continue;
    n++;
    if (t.status === 'resolved' || t.status === 'closed') completed++;
    const on = timeliness(t, now);
    if (on === 'on_time') onTime++;
    if (on === 'late') late++;
    if (isOverdue(t, now)) overdueOpen++;
    if (t.rating) {
      rated++;
      stars += t.rating.stars;
      if (t.rating.stars >= 4) satisfied++;
    }
    if (t.reopenCount > 0) reopened++;
  }
  return {
    tickets: n,
    completed,
    completionRate: ratio(completed, n),
    onTime,
    late,
    onTimeRate: ratio(onTime, onTime + late),
    overdueOpen,
    rated,
    avgStars: rated ? Math.round((stars / rated) * 100) / 100 : null,
    satisfactionRate: ratio(satisfied, rated),
    reopened,
  };
}
