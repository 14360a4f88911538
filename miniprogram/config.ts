/** Where the mini-program finds its backend. `local` talks HTTP to `npm start`'s local cloud. */
export interface AppConfig {
  mode: 'local' | 'cloud';
  /** CloudBase environment id, used in `cloud` mode. */
  cloudEnv: string;
  /** Base URL of the local cloud, used in `local` mode (DevTools with domain checks off). */
  localCloudUrl: string;
  /**
   * Subscribe-message template ids (公众平台 → 订阅消息), the same ones the wish function sends with
   * (TEMPLATE_WISH_*, TEMPLATE_BOOKING_* … on the server). An empty id is never asked for.
   */
  templates: {
    wishReviewed: string;
    wishClaimed: string;
    wishFulfilled: string;
    wishConfirmed: string;
    bookingReminder: string;
    bookingPromoted: string;
    errandUpdated: string;
    activityReminder: string;
    activityCancelled: string;
    ticketUpdated: string;
  };
}

const config: AppConfig = {
  mode: 'local',
  cloudEnv: '',
  localCloudUrl: 'http://127.0.0.1:3000',
  templates: {
    wishReviewed: 'tmpl-wish-reviewed',
    wishClaimed: 'tmpl-wish-claimed',
    wishFulfilled: 'tmpl-wish-fulfilled',
    wishConfirmed: 'tmpl-wish-confirmed',
    bookingReminder: 'tmpl-booking-reminder',
    bookingPromoted: 'tmpl-booking-promoted',
    errandUpdated: 'tmpl-errand-updated',
    activityReminder: 'tmpl-activity-reminder',
    activityCancelled: 'tmpl-activity-cancelled',
    ticketUpdated: 'tmpl-ticket-updated',
  },
};

export default config;
