import { docs } from '../platform/store';
import { sendSubscribeMessage } from '../platform/openapi';
import { USERS, UserDoc } from '../user/model';

/** Subscribe-message templates, configured per deployment; the keys are what the code speaks of. */
export const TEMPLATES = {
  wishReviewed: process.env.TEMPLATE_WISH_REVIEWED ?? 'tmpl-wish-reviewed',
  wishClaimed: process.env.TEMPLATE_WISH_CLAIMED ?? 'tmpl-wish-claimed',
  wishFulfilled: process.env.TEMPLATE_WISH_FULFILLED ?? 'tmpl-wish-fulfilled',
  wishConfirmed: process.env.TEMPLATE_WISH_CONFIRMED ?? 'tmpl-wish-confirmed',
  bookingPromoted: process.env.TEMPLATE_BOOKING_PROMOTED ?? 'tmpl-booking-promoted',
  bookingReminder: process.env.TEMPLATE_BOOKING_REMINDER ?? 'tmpl-booking-reminder',
  errandUpdated: process.env.TEMPLATE_ERRAND_UPDATED ?? 'tmpl-errand-updated',
  activityReminder: process.env.TEMPLATE_ACTIVITY_REMINDER ?? 'tmpl-activity-reminder',
  activityCancelled: process.env.TEMPLATE_ACTIVITY_CANCELLED ?? 'tmpl-activity-cancelled',
  // lists: dispatch tickets (集单—派单—接单—办结—评单), deadline warnings and escalations
  ticketDispatched: process.env.TEMPLATE_TICKET_DISPATCHED ?? 'tmpl-ticket-dispatched',
  ticketUpdated: process.env.TEMPLATE_TICKET_UPDATED ?? 'tmpl-ticket-updated',
  ticketDeadline: process.env.TEMPLATE_TICKET_DEADLINE ?? 'tmpl-ticket-deadline',
  ticketEscalated: process.env.TEMPLATE_TICKET_ESCALATED ?? 'tmpl-ticket-escalated',
} as const;

/**
 * Tells a person something happened. Best effort: a person who has not subscribed, or a
 * platform hiccup, must not undo the change that already committed.
 */
export async function notify(userId: string, template: keyof typeof TEMPLATES, page: string, fields: Record<string, string>): Promise<void> {
  try {
    const user = await docs.get<UserDoc>(USERS, userId);
    if (!user) return;
    const data = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, { value: v.slice(0, 20) }]));
    await sendSubscribeMessage(user.openid, TEMPLATES[template], page, data);
  } catch (e) {
    console.warn(`[notify] ${template} to ${userId} not sent: ${(e as Error).message}`);
  }
}
