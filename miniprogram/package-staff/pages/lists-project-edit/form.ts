import type { ListsApi, NeedCard, ProjectDetail, ServiceCategory } from '../../../../typings/lists';

/** Limits the server enforces; checked here so staff get an answer without a round trip. */
export const TITLE_MAX = 30;
export const DESCRIPTION_MAX = 500;
export const GRIDS_MAX = 20;
export const NEEDS_MAX = 50;

export interface ProjectForm {
  title: string;
  description: string;
  category: string;
  gridIds: string[];
  /** YYYY-MM-DD or ''. */
  plannedStart: string;
  plannedEnd: string;
}

type SaveProject = ListsApi['saveProject']['req'];
type Create = Extract<SaveProject, { op: 'create' }>['project'];
type Update = Extract<SaveProject, { op: 'update' }>['project'];

export function emptyForm(): ProjectForm {
  return { title: '', description: '', category: '', gridIds: [], plannedStart: '', plannedEnd: '' };
}

export function formOf(p: ProjectDetail): ProjectForm {
  return { title: p.title, description: p.description, category: p.category, gridIds: [...p.gridIds], plannedStart: p.plannedStart ?? '', plannedEnd: p.plannedEnd ?? '' };
}

/**
 * A new project opened with needs to bundle (a project suggestion: same grid, same category):
 * the category and grids they share, unless the opener said.
 */
export function formForNeeds(needs: NeedCard[], category = '', gridId = ''): ProjectForm {
  const counts = new Map<string, number>();
  for (const n of needs) counts.set(n.category, (counts.get(n.category) ?? 0) + 1);
  const common = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
  const grids = gridId ? [gridId] : [...new Set(needs.map((n) => n.gridId).filter((g): g is string => !!g))];
  return { ...emptyForm(), category: category || common, gridIds: grids.slice(0, GRIDS_MAX) };
}

/** Ids of ?needIds=a,b, without blanks and repeats. */
export function parseNeedIds(text: string | undefined): string[] {
  return [...new Set((text ?? '').split(',').map((s) => s.trim()).filter(Boolean))];
}

/** The first thing wrong with the form, in words, or null. */
export function formProblem(form: ProjectForm, needCount: number): string | null {
  const title = form.title.trim();
  if (!title) return '请填写项目名称';
  if (title.length > TITLE_MAX) return `项目名称最多${TITLE_MAX}个字`;
  const description = form.description.trim();
  if (!description) return '请填写项目说明';
  if (description.length > DESCRIPTION_MAX) return `项目说明最多${DESCRIPTION_MAX}个字`;
  if (!form.category) return '请选择服务类别';
  if (!form.gridIds.length) return '请选择项目覆盖的网格';
  if (form.gridIds.length > GRIDS_MAX) return `网格最多选${GRIDS_MAX}个`;
  if (form.plannedStart && form.plannedEnd && form.plannedEnd < form.plannedStart) return '计划结束日期不能早于开始日期';
  if (needCount > NEEDS_MAX) return `一个项目最多包含${NEEDS_MAX}条需求`;
  return null;
}

export function toCreate(form: ProjectForm, needIds: string[]): Create {
  return {
    title: form.title.trim(),
    description: form.description.trim(),
    category: form.category as ServiceCategory,
    gridIds: form.gridIds,
    ...(needIds.length ? { needIds } : {}),
    ...(form.plannedStart ? { plannedStart: form.plannedStart } : {}),
    ...(form.plannedEnd ? { plannedEnd: form.plannedEnd } : {}),
  };
}

/** What changed against the project as loaded, and the needs to add; null when nothing did. */
export function toUpdate(before: ProjectDetail, form: ProjectForm, addNeedIds: string[]): Update | null {
  const patch: Update = {};
  const title = form.title.trim();
  const description = form.description.trim();
  if (title !== before.title) patch.title = title;
  if (description !== before.description) patch.description = description;
  if (form.plannedStart && form.plannedStart !== before.plannedStart) patch.plannedStart = form.plannedStart;
  if (form.plannedEnd && form.plannedEnd !== before.plannedEnd) patch.plannedEnd = form.plannedEnd;
  const fresh = addNeedIds.filter((id) => !before.needs.some((n) => n.id === id));
  if (fresh.length) patch.addNeedIds = fresh;
  return Object.keys(patch).length ? patch : null;
}
