import type { NoticeKind } from '../../../typings/user';
import { recommendedKeywords } from '../../../server/notify/settings';
import { demoTemplateId } from '../../../demo/notices';
import { ok } from './cloud';

export const BOOKING_NOTICES: NoticeKind[] = ['bookingReminder', 'bookingPromoted', 'errandUpdated', 'activityReminder', 'activityCancelled'];
export const LISTS_NOTICES: NoticeKind[] = ['ticketDispatched', 'ticketUpdated', 'ticketDeadline', 'ticketEscalated'];

/**
 * The community's admin configures templates on the notice settings action, each with the
 * recommended keywords and the local stand-in id (tmpl-booking-reminder …), as the demo has them.
 */
export async function configureNotices(admin: string, kinds: NoticeKind[]): Promise<void> {
  for (const kind of kinds) {
    await ok('user', { action: 'setNoticeSettings', kind, templateId: demoTemplateId(kind), keywords: recommendedKeywords(kind) }, admin);
  }
}
