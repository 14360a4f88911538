import type { ProposeTopic, TopicArea } from '../../../../typings/council';
import type { FieldProblem } from '../../../behaviors/inline-form';

export const TOPIC_LIMITS = { title: 30, background: 500, option: 20, options: 6 };

export type AreaChoice = 'community' | 'grid' | 'building';

/** A proposal as typed: options one per line. */
export interface ProposeDraft {
  title: string;
  background: string;
  options: string;
  area: AreaChoice;
  photos: string[];
}

export interface Home {
  gridId?: string;
  building?: string;
}

export function optionsOf(text: string): string[] {
  return text.split(/\n|；|;/).map((s) => s.trim()).filter(Boolean);
}

export function proposeProblems(d: ProposeDraft, home: Home): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (field: string, message: string) => problems.push({ field, message });
  const L = TOPIC_LIMITS;
  const title = d.title.trim();
  if (!title) add('title', '请用一句话写明要商量的事');
  else if (title.length > L.title) add('title', `议题不能超过${L.title}个字`);
  const background = d.background.trim();
  if (!background) add('background', '请写一写为什么要商量这件事');
  else if (background.length > L.background) add('background', `背景说明不能超过${L.background}个字`);
  const options = optionsOf(d.options);
  if (options.length > L.options) add('options', `建议方案最多${L.options}个`);
  else if (options.some((o) => o.length > L.option)) add('options', `每个方案不能超过${L.option}个字`);
  if (d.area === 'grid' && !home.gridId) add('area', '您还没有选择所在网格，请先在“我住哪里”选好');
  if (d.area === 'building' && !home.building) add('area', '您还没有选择所住楼栋，请先在“我住哪里”选好');
  return problems;
}

function areaOf(choice: AreaChoice, home: Home): TopicArea {
  if (choice === 'grid' && home.gridId) return { scope: 'grids', gridIds: [home.gridId] };
  if (choice === 'building' && home.building) return { scope: 'buildings', buildings: [home.building] };
  return { scope: 'community' };
}

export function proposalOf(d: ProposeDraft, home: Home): ProposeTopic {
  const options = optionsOf(d.options);
  return {
    title: d.title.trim(),
    background: d.background.trim(),
    ...(d.photos.length ? { photos: d.photos } : {}),
    ...(options.length ? { options } : {}),
    area: areaOf(d.area, home),
  };
}
