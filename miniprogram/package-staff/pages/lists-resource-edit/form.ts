import type { CapacityPeriod, LatLng, ProviderKind, ResourceInput, ResourceView, ServiceCategory } from '../../../../typings/lists';
import { whole } from '../../../utils/lists-view';

/** Limits the server enforces; checked here so staff get an answer without a round trip. */
export const TITLE_MAX = 30;
export const DESCRIPTION_MAX = 200;
export const TEAM_MAX = 20;
export const AVAILABILITY_MAX = 60;
export const CATEGORIES_MAX = 5;
export const CAPACITY_MAX = 50;
export const RADIUS_MIN = 100;
export const RADIUS_MAX = 10000;

export type AreaMode = 'grids' | 'radius';

export interface ResourceForm {
  title: string;
  description: string;
  providerKind: ProviderKind;
  unitId: string;
  teamName: string;
  memberIds: string[];
  /** The volunteer (user id) whose service it is; kept by the server when editing. */
  userId: string;
  categories: string[];
  /** As typed. */
  capacity: string;
  period: CapacityPeriod;
  areaMode: AreaMode;
  gridIds: string[];
  center: LatLng | null;
  /** Where the center is, in words, as the map picker gave it. */
  centerText: string;
  /** Metres, as typed. */
  radius: string;
  availability: string;
}

export function emptyForm(providerKind: ProviderKind = 'unit', unitId = ''): ResourceForm {
  return {
    title: '',
    description: '',
    providerKind,
    unitId,
    teamName: '',
    memberIds: [],
    userId: '',
    categories: [],
    capacity: '3',
    period: 'week',
    areaMode: 'grids',
    gridIds: [],
    center: null,
    centerText: '',
    radius: '1000',
    availability: '',
  };
}

export function formOf(r: ResourceView): ResourceForm {
  const radius = !r.area.gridIds?.length && !!r.area.center;
  return {
    ...emptyForm(r.providerKind, r.unitId ?? ''),
    title: r.title,
    description: r.description ?? '',
    // A team's members are not shown back: they are chosen again when the team's resource is edited.
    teamName: r.providerKind === 'team' ? r.providerName : '',
    categories: [...r.categories],
    capacity: String(r.capacity),
    period: r.period,
    areaMode: radius ? 'radius' : 'grids',
    gridIds: [...(r.area.gridIds ?? [])],
    center: r.area.center ?? null,
    centerText: r.area.center ? '已设置' : '',
    radius: String(r.area.radiusM ?? 1000),
    availability: r.availability ?? '',
  };
}

/** The first thing wrong with the form, in words, or null. `editing`: the provider is already set. */
export function formProblem(form: ResourceForm, editing: boolean): string | null {
  const title = form.title.trim();
  if (!title) return '请填写资源名称';
  if (title.length > TITLE_MAX) return `资源名称最多${TITLE_MAX}个字`;
  if (form.description.trim().length > DESCRIPTION_MAX) return `资源说明最多${DESCRIPTION_MAX}个字`;
  if (form.providerKind === 'unit' && !form.unitId) return '请选择共建单位';
  if (form.providerKind === 'team') {
    const team = form.teamName.trim();
    if (!team) return '请填写服务队名称';
    if (team.length > TEAM_MAX) return `服务队名称最多${TEAM_MAX}个字`;
    if (!form.memberIds.length) return editing ? '请重新勾选队员，由队员接单' : '请至少选择一名队员，由队员接单';
  }
  if (form.providerKind === 'volunteer' && !editing && !form.userId) return '请选择志愿者';
  if (!form.categories.length) return '请至少选择一个服务类别';
  if (form.categories.length > CATEGORIES_MAX) return `服务类别最多选${CATEGORIES_MAX}个`;
  if (whole(form.capacity, 1, CAPACITY_MAX) === null) return `服务容量须为1到${CAPACITY_MAX}之间的整数`;
  if (form.areaMode === 'grids' && !form.gridIds.length) return '请选择服务的网格';
  if (form.areaMode === 'radius') {
    if (!form.center) return '请在地图上选择服务中心位置';
    if (whole(form.radius, RADIUS_MIN, RADIUS_MAX) === null) return `服务半径须为${RADIUS_MIN}到${RADIUS_MAX}米之间的整数`;
  }
  if (form.availability.trim().length > AVAILABILITY_MAX) return `服务时间最多${AVAILABILITY_MAX}个字`;
  return null;
}

export function toInput(form: ResourceForm): ResourceInput {
  const description = form.description.trim();
  const availability = form.availability.trim();
  const provider =
    form.providerKind === 'unit'
      ? { unitId: form.unitId }
      : form.providerKind === 'team'
        ? { teamName: form.teamName.trim(), memberIds: form.memberIds }
        : form.userId
          ? { userId: form.userId }
          : {};
  return {
    title: form.title.trim(),
    ...(description ? { description } : {}),
    providerKind: form.providerKind,
    ...provider,
    categories: form.categories as ServiceCategory[],
    capacity: whole(form.capacity, 1, CAPACITY_MAX) ?? 1,
    period: form.period,
    area:
      form.areaMode === 'grids'
        ? { gridIds: form.gridIds }
        : { center: form.center ?? undefined, radiusM: whole(form.radius, RADIUS_MIN, RADIUS_MAX) ?? RADIUS_MIN },
    ...(availability ? { availability } : {}),
  };
}
