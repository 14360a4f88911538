import type {
  CapacityPeriod,
  NeedCard,
  NeedSource,
  NeedStatus,
  ProjectPermission,
  ProjectStatus,
  ProjectView,
  ProviderKind,
  ResourceStatus,
  ResourceView,
  Urgency,
} from '../../typings/lists';

// Runtime copies: DevTools cannot load modules outside miniprogramRoot, so only types come from typings/.

/** The service categories of needs and resources (the matching engine's). */
export const SERVICE_CATEGORIES = [
  '助老服务', '助残服务', '送餐助餐', '代买代办', '陪同就医',
  '医疗义诊', '健康讲座', '心理疏导', '儿童托管', '课业辅导',
  '文艺活动', '体育健身', '电脑手机教学', '法律咨询', '政策咨询',
  '矛盾调解', '就业指导', '困难帮扶', '物资捐赠', '水电维修',
  '家电维修', '管道疏通', '房屋修缮', '环境清洁', '绿化养护',
  '垃圾分类', '安全巡查', '消防宣传', '反诈宣传', '理发义剪',
  '停车', '电梯', '公共设施维修', '其他',
] as const;

/**
 * What residents report most, offered first on 我要反映 so few people need the whole list; 停车,
 * 电梯 and 公共设施维修 go to the 小区's property company (红色物业), 其他 asks for a description.
 */
export const COMMON_REQUEST_CATEGORIES: readonly string[] = ['水电维修', '公共设施维修', '环境清洁', '停车', '电梯', '管道疏通', '房屋修缮', '安全巡查', '矛盾调解', '助老服务', '政策咨询', '其他'];

/** The category whose request must say what it is about. */
export const OTHER_CATEGORY = '其他';


/** 五必访: the groups grid workers must visit. */
export const VISIT_GROUPS = ['困难人群', '流动人口', '空巢独居老人', '特殊人群', '留守妇女儿童'] as const;

export const NEED_STATUS_LABELS: Record<NeedStatus, string> = {
  open: '待对接',
  assigned: '已派单',
  in_progress: '办理中',
  in_project: '已纳入项目',
  done: '已完成',
  closed: '已关闭',
};

export const NEED_SOURCE_LABELS: Record<NeedSource, string> = { wish: '心愿', request: '诉求', visit: '走访', grid: '网格发现', survey: '问卷' };

export const URGENCY_LABELS: Record<Urgency, string> = { 1: '一般', 2: '较急', 3: '紧急' };

export const PROVIDER_KIND_LABELS: Record<ProviderKind, string> = { unit: '共建单位', team: '志愿服务队', volunteer: '个人志愿者' };

export const RESOURCE_STATUS_LABELS: Record<ResourceStatus, string> = { active: '服务中', paused: '已暂停', retired: '已下架' };

export const PROJECT_STATUS_LABELS: Record<ProjectStatus, string> = {
  planned: '筹备中',
  recruiting: '招募中',
  in_progress: '实施中',
  done: '已完成',
  cancelled: '已取消',
};

export const PERIOD_LABELS: Record<CapacityPeriod, string> = { week: '每周', month: '每月' };

/** The colour of a status tag (classes of the shared staff styles). */
export type Tone = 'open' | 'wait' | 'done' | 'off' | 'warn';

const NEED_TONES: Record<NeedStatus, Tone> = { open: 'open', assigned: 'wait', in_progress: 'wait', in_project: 'wait', done: 'done', closed: 'off' };
const RESOURCE_TONES: Record<ResourceStatus, Tone> = { active: 'done', paused: 'wait', retired: 'off' };
const PROJECT_TONES: Record<ProjectStatus, Tone> = { planned: 'wait', recruiting: 'open', in_progress: 'wait', done: 'done', cancelled: 'off' };

/** A filter choice: '' stands for 全部. */
export interface Choice {
  value: string;
  label: string;
}

/** The choices of one filter, led by 全部 when `all` names it. */
export function choicesOf(labels: Record<string, string>, all?: string): Choice[] {
  return [...(all ? [{ value: '', label: all }] : []), ...Object.entries(labels).map(([value, label]) => ({ value, label }))];
}

export const NEED_STATUS_CHOICES = choicesOf(NEED_STATUS_LABELS, '全部');
export const NEED_SOURCE_CHOICES = choicesOf(NEED_SOURCE_LABELS, '全部来源');
/** The server lists one status at a time, 服务中 unless asked. */
export const RESOURCE_STATUS_CHOICES = choicesOf(RESOURCE_STATUS_LABELS);
export const PROVIDER_KIND_CHOICES = choicesOf(PROVIDER_KIND_LABELS, '全部提供方');
export const PROJECT_STATUS_CHOICES = choicesOf(PROJECT_STATUS_LABELS, '全部');
/** What people outside the staff may see of the projects list (the server refuses the rest to them). */
export const PUBLIC_PROJECT_STATUSES: ProjectStatus[] = ['recruiting', 'in_progress', 'done'];

/** 0 → '今天登记', 5 → '已等待5天'. */
export function waitedText(days: number): string {
  return days > 0 ? `已等待${days}天` : '今天登记';
}

/** '本周已接 2/5' or '本月已接 0/10'. */
export function capacityText(used: number, capacity: number, period: CapacityPeriod): string {
  return `${period === 'week' ? '本周' : '本月'}已接 ${used}/${capacity}`;
}

/** '每周可接5件' */
export function capacityRule(capacity: number, period: CapacityPeriod): string {
  return `${PERIOD_LABELS[period]}可接${capacity}件`;
}

export interface NeedCardView extends NeedCard {
  statusLabel: string;
  sourceLabel: string;
  urgencyLabel: string;
  tone: Tone;
  waited: string;
  /** 心愿 needs change on the wish wall, not on the lists. */
  canClose: boolean;
  canReopen: boolean;
  canEdit: boolean;
}

export function toNeedCardView(n: NeedCard): NeedCardView {
  const own = n.source !== 'wish';
  return {
    ...n,
    statusLabel: NEED_STATUS_LABELS[n.status] ?? n.status,
    sourceLabel: NEED_SOURCE_LABELS[n.source] ?? n.source,
    urgencyLabel: URGENCY_LABELS[n.urgency] ?? '',
    tone: NEED_TONES[n.status] ?? 'off',
    waited: waitedText(n.waitedDays),
    canClose: own && n.status === 'open',
    canReopen: own && n.status === 'closed',
    canEdit: n.status !== 'done' && n.status !== 'closed',
  };
}

export interface ResourceCardView extends ResourceView {
  kindLabel: string;
  statusLabel: string;
  tone: Tone;
  categoriesText: string;
  capacityText: string;
  /** The period's capacity is taken. */
  full: boolean;
  canPause: boolean;
  canResume: boolean;
  canRetire: boolean;
}

export function toResourceCardView(r: ResourceView): ResourceCardView {
  return {
    ...r,
    kindLabel: PROVIDER_KIND_LABELS[r.providerKind] ?? r.providerKind,
    statusLabel: RESOURCE_STATUS_LABELS[r.status] ?? r.status,
    tone: RESOURCE_TONES[r.status] ?? 'off',
    categoriesText: r.categories.join('、'),
    capacityText: capacityText(r.used, r.capacity, r.period),
    full: r.used >= r.capacity,
    canPause: r.editable && r.status === 'active',
    canResume: r.editable && r.status === 'paused',
    canRetire: r.editable && r.status !== 'retired',
  };
}

export interface ProjectCardView extends ProjectView {
  statusLabel: string;
  tone: Tone;
  gridsText: string;
  /** '2025-03-01 至 2025-04-30', or one end, or ''. */
  datesText: string;
  unitText: string;
  may: Record<ProjectPermission, boolean>;
}

export function datesText(start?: string, end?: string): string {
  if (start && end) return `${start} 至 ${end}`;
  if (start) return `${start} 开始`;
  if (end) return `${end} 前完成`;
  return '';
}

export function toProjectCardView(p: ProjectView): ProjectCardView {
  const may = { edit: false, publish: false, claim: false, start: false, complete: false, cancel: false };
  for (const c of p.can) may[c] = true;
  return {
    ...p,
    statusLabel: PROJECT_STATUS_LABELS[p.status] ?? p.status,
    tone: PROJECT_TONES[p.status] ?? 'off',
    gridsText: p.gridNames.join('、'),
    datesText: datesText(p.plannedStart, p.plannedEnd),
    unitText: p.ownerUnit ? p.ownerUnit.name : p.status === 'recruiting' ? '待共建单位认领' : '未认领',
    may,
  };
}

/** A whole number typed into a form, within [min, max], or null. */
export function whole(text: string, min: number, max: number): number | null {
  const t = text.trim();
  if (!/^\d{1,6}$/.test(t)) return null;
  const n = Number(t);
  return n >= min && n <= max ? n : null;
}

/** Adds or takes back one choice of a multi-select. */
export function toggled(list: string[], value: string): string[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}

/** On/off of each choice, for the chips of a multi-select. */
export function onMap(list: string[]): Record<string, boolean> {
  return Object.fromEntries(list.map((v) => [v, true]));
}
