/** When a resident would like to be visited or called: one of these, or a date (YYYY-MM-DD). */
export const PREFERRED_TIMES = ['工作日白天', '周末', '晚上', '随时'] as const;
export type PreferredTime = (typeof PREFERRED_TIMES)[number];

/**
 * Whom a task helps, as its live handler sees it (the claimer of a wish, the assigned worker of an
 * errand, the worker of a dispatched ticket), and only while the task is live; everyone else, and
 * the handler once it ends, gets none. The full phone is read on tap, by `contact`.
 */
export interface TaskContact {
  /** The resident's real name. */
  name: string;
  /** 138****4501; absent when there is no number to call (or the resident kept it back). */
  phoneMasked?: string;
  address?: string;
  /** For 导航 (`wx.openLocation`), when the task has a place on the map. */
  location?: { lat: number; lng: number };
  /** 工作日白天 / 周末 / 晚上 / 随时, or a date. */
  preferredTime?: string;
}

/** The full number, for one call; every answer is written to the contact audit log. */
export interface ContactPhone {
  phone: string;
}
