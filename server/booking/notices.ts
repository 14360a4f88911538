import { notify } from '../notify/outbox';

/** The page a subscribe message opens: one detail page for bookings (bk_), errands (er_) and sign-ups (su_). */
export const detailPage = (id: string) => `pages/booking/detail/index?id=${id}`;

export interface Promoted {
  userId: string;
  id: string;
  title: string;
  start: number;
  end: number;
}

/** Tells the people who moved up from a waitlist. After the commit, best effort. */
export async function tellPromoted(promoted: Promoted[]): Promise<void> {
  await Promise.all(
    promoted.map((p) => notify(p.userId, 'bookingPromoted', detailPage(p.id), { title: p.title, start: p.start, note: '候补成功，请按时前往' })),
  );
}
