import type { Hold } from '../core/screen';
import type { ServiceCategory } from '../../typings/lists';
import type { Answer, CalloutStatus, Commitment, RegistrationKind, RegistrationStatus, ReportFigures, UnitOffer, Urgency } from '../../typings/party';

export const REGISTRATIONS = 'party_registrations';
/** The community's post list (岗位), one document per community. */
export const POSTS = 'party_posts';
export const CALLOUTS = 'party_callouts';
export const RESPONSES = 'party_responses';
/** Who changed a registration or a call-out, when and why. */
export const PARTY_EVENTS = 'party_events';
/** The last generated figures of a year's report, per subject (`<registration id>.<year>`). */
export const REPORTS = 'party_reports';
/** 志愿服务证明 as issued: what a scan of its QR is checked against. */
export const CERTIFICATES = 'party_certificates';
/** A unit's join code → its registration, one document per code (`UnitCodeDoc`). */
export const UNIT_CODES = 'party_unit_codes';

/**
 * One registration per person, kind and community (`registrationId`), so two taps of 提交 make one
 * document; a rejected one may be sent again.
 */
export interface RegistrationDoc {
  _id: string;
  communityId: string;
  userId: string;
  kind: RegistrationKind;
  status: RegistrationStatus;
  /** The person's name when they registered (staff see it; others see it masked). */
  name: string;
  phone: string;
  branch?: string;
  workUnit?: string;
  posts: string[];
  showBadge: boolean;
  unitId?: string;
  unitName?: string;
  contact?: string;
  resources: string[];
  /** Unit: what it offers with the category; ids come from the titles, so a resubmission keeps them. */
  offers?: Array<UnitOffer & { id: string }>;
  /** Unit: the code its members join with, made on first asking once confirmed. */
  joinCode?: string;
  commitments: Commitment[];
  gridId?: string;
  /** The content check could not be made: staff read it before confirming. */
  hold?: Hold;
  reason?: string;
  decidedBy?: string;
  decidedAt?: number;
  createdAt: number;
  updatedAt: number;
}

export const registrationId = (communityId: string, userId: string, kind: RegistrationKind) => `${communityId}-${userId}-${kind}`;

export interface CalloutDoc {
  _id: string;
  communityId: string;
  title: string;
  detail?: string;
  place: string;
  location?: { lat: number; lng: number };
  start: number;
  end: number;
  needed: number;
  /**
   * Who answered 报到, in order: the head count is its length, read and written in the answer's
   * transaction, so it never passes `needed`.
   */
  comingIds: string[];
  posts: string[];
  /** Service categories (技能) asked for; absent on call-outs from before skills were asked. */
  skills?: ServiceCategory[];
  urgency: Urgency;
  status: CalloutStatus;
  /** The 现场签到 code (6 digits), in its QR and typed by hand. */
  code?: string;
  /** Who checked in on site, in order; changed in the check-in's transaction. */
  arrivedIds?: string[];
  /** Open ones first, the soonest first, then closed ones, the latest first (see `sortKey`). */
  sortKey: number;
  note?: string;
  createdBy: string;
  createdAt: number;
  closedAt?: number;
  updatedAt: number;
}

/** One per call-out and person (`<callout>.<user>`): their latest answer. */
export interface ResponseDoc {
  _id: string;
  communityId: string;
  calloutId: string;
  userId: string;
  name: string;
  answer: Answer;
  /** A confirmed party member when they answered (亮身份 on the staff list). */
  party: boolean;
  at: number;
  /** Checked in on site: when, and by the code (self) or by staff. */
  checkedInAt?: number;
  checkedInBy?: 'self' | 'staff';
  /** Set when the call-out closed: came (credited) or did not. */
  attended?: boolean;
  minutes?: number;
  closedAt?: number;
}

export const responseId = (calloutId: string, userId: string) => `${calloutId}.${userId}`;

export interface PostsDoc {
  _id: string;
  posts: string[];
  updatedBy: string;
  updatedAt: number;
}

export interface UnitCodeDoc {
  _id: string;
  communityId: string;
  registrationId: string;
  unitId: string;
  createdBy: string;
  createdAt: number;
}

export interface CertificateDoc {
  _id: string;
  communityId: string;
  communityName: string;
  userId: string;
  name: string;
  from: string;
  to: string;
  figures: ReportFigures;
  issuedAt: number;
}
