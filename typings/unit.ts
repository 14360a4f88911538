import type { Idempotent } from './api';
import type { ProjectStatus } from './lists';

/*
 * 单位主页: a co-building unit (共建单位) as its members see it — the projects it may claim and has
 * claimed, the needs its resources fit, who of its members verify its goods, and those goods.
 */

export interface UnitProject {
  id: string;
  title: string;
  category: string;
  status: ProjectStatus;
  people: number;
  plannedStart?: string;
}

export interface UnitNeed {
  id: string;
  title: string;
  category: string;
  gridName?: string;
  createdAt: number;
}

/** A member of the unit; names are masked (张**) but to staff. */
export interface UnitPerson {
  userId: string;
  name: string;
  /** May verify pickups of the unit's goods. */
  verifier: boolean;
  /** The unit's contact (who registered it). */
  contact: boolean;
}

export interface UnitGoods {
  id: string;
  name: string;
  cost: number;
  stock: number;
  /** Pieces waiting to be picked up. */
  pending: number;
  /** Pieces picked up (核销). */
  redeemed: number;
  onShelf: boolean;
}

export interface UnitPortal {
  unit: { id: string; name: string; kind: string };
  /** The unit's confirmed registration: its 双报告 and 成员加入 open from it. */
  registrationId?: string;
  /** The caller adds and removes verifiers: the unit's contact, or staff. */
  manages: boolean;
  /** The caller may verify pickups of the unit's goods. */
  verifies: boolean;
  /** Projects recruiting a unit (认领), and those this unit holds. */
  projects: { open: UnitProject[]; claimed: UnitProject[] };
  /** Open needs of the categories the unit's active resources serve, oldest first. */
  needs: UnitNeed[];
  members: UnitPerson[];
  goods: UnitGoods[];
}

export interface UnitPortalApi {
  /** A unit member's own unit; staff name one (`unitId`). */
  unitPortal: { req: { unitId?: string }; res: UnitPortal };
  /** Adds (`verifier: true`) or removes a member who may verify the unit's goods: the contact, or staff. */
  setVerifier: { req: { unitId?: string; userId: string; verifier: boolean } & Idempotent; res: { members: UnitPerson[]; verifies: boolean } };
}
