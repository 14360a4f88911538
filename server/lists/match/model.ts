/**
 * The matching engine's data model. Pure: plain data in, plain data out; the `lists` function
 * loads needs and resources from the database and calls `matchNeeds`.
 */

/** GCJ-02, as WeChat's location API returns it. At community scale its offset from WGS-84 is
 * practically constant, so haversine distances between two GCJ-02 points are accurate enough. */
export interface LatLng {
  lat: number;
  lng: number;
}

/** 1 一般 · 2 较急 · 3 紧急 */
export type Urgency = 1 | 2 | 3;

export interface Need {
  id: string;
  category: string;
  gridId: string;
  location?: LatLng;
  urgency: Urgency;
  /** Epoch ms. */
  createdAt: number;
  /** How many residents want it (同求). */
  people: number;
}

export type ProviderKind = 'unit' | 'team' | 'volunteer';

/** Where a resource serves: the grids listed, or within `radiusM` of `center`, or both. */
export interface ServiceArea {
  gridIds?: string[];
  center?: LatLng;
  radiusM?: number;
}

export interface Resource {
  id: string;
  /** The co-building unit, team or volunteer offering it; load is balanced per provider. */
  providerId: string;
  providerKind: ProviderKind;
  /** Skills / service categories offered. */
  categories: string[];
  /** Needs it can take per period (1–5). */
  capacity: number;
  area: ServiceArea;
}

/** The service categories of the needs and resources lists: the contract's. */
export { SERVICE_CATEGORIES } from '../../../typings/lists';

/**
 * Pairs of categories close enough that a provider of one can usually help with the other, at a
 * lower fit than an exact skill. Symmetric.
 */
export const RELATED_CATEGORIES: ReadonlyArray<readonly [string, string]> = [
  ['助老服务', '助残服务'], ['助老服务', '陪同就医'], ['送餐助餐', '代买代办'],
  ['医疗义诊', '健康讲座'], ['医疗义诊', '陪同就医'], ['心理疏导', '矛盾调解'],
  ['儿童托管', '课业辅导'], ['文艺活动', '体育健身'], ['法律咨询', '政策咨询'],
  ['法律咨询', '矛盾调解'], ['政策咨询', '就业指导'], ['困难帮扶', '物资捐赠'],
  ['水电维修', '家电维修'], ['水电维修', '管道疏通'], ['水电维修', '房屋修缮'],
  ['环境清洁', '垃圾分类'], ['环境清洁', '绿化养护'], ['安全巡查', '消防宣传'],
  ['消防宣传', '反诈宣传'], ['电脑手机教学', '反诈宣传'],
];

/**
 * A need known only by a 微心愿's broad category goes to the matcher as `心愿·<category>`, with a
 * related pair to each service category that category covers: it fits those at the related fit,
 * and no resource ever offers it exactly.
 */
export const WISH_NEED_PREFIX = '心愿·';

export interface MatchOptions {
  /** "Now" in epoch ms, for days waited; passed in so the module stays pure and testable. */
  now: number;
  /** Related-category pairs; defaults to RELATED_CATEGORIES. Pass [] for exact skills only. */
  related?: ReadonlyArray<readonly [string, string]>;
}

/** Integer score parts of one need–resource pair; `score` is their sum. */
export interface ScoreParts {
  base: number;
  fit: number;
  proximity: number;
  urgency: number;
  waited: number;
  people: number;
}

export interface Suggestion {
  needId: string;
  resourceId: string;
  providerId: string;
  /** Pair score (the load-balance cost is counted in the result's total, per provider). */
  score: number;
  parts: ScoreParts;
  /** Reasons in Chinese, most telling first: 同网格, 技能匹配 (only an exact skill), 已等待5天, 紧急 … */
  reasons: string[];
  /** The reasons joined: "同网格 · 技能匹配 · 已等待5天 · 紧急". */
  explanation: string;
}

export interface MatchResult {
  /** In the order of the needs given. */
  suggestions: Suggestion[];
  /** Needs left without a suggestion: none feasible, or every feasible resource better used elsewhere. */
  unmatched: string[];
  /** The objective: sum of pair scores minus the providers' load-balance costs. */
  total: number;
  pairScore: number;
  loadCost: number;
  stats: MatchStats;
}

export interface MatchStats {
  needs: number;
  resources: number;
  /** Feasible need–resource pairs. */
  pairs: number;
  /** Independent sub-problems solved (connected components with at least one pair). */
  components: number;
  /** Needs in the largest component. */
  largestComponent: number;
}
