import type { CommunityIntro } from '../../../../typings/map';

export interface GridView {
  id: string;
  name: string;
  buildings: string;
  /** The grid worker by masked name (周**), or '' when none is assigned. */
  worker: string;
}

export interface IntroView {
  name: string;
  area: string;
  intro: string;
  photos: string[];
  places: number;
  volunteers: number;
  wishesCompleted: number;
  /** What the wish figure counts: '第3季点亮心愿' or '本季点亮心愿'. */
  wishesLabel: string;
  grids: GridView[];
}

export function toIntroView(c: CommunityIntro, image: (id: string) => string): IntroView {
  return {
    name: c.name,
    area: c.city.endsWith(c.street) ? c.city : `${c.city}${c.street}`,
    intro: c.intro,
    photos: c.photos.map(image),
    places: c.figures.places,
    volunteers: c.figures.volunteers,
    wishesCompleted: c.figures.wishesCompleted,
    wishesLabel: c.figures.season ? `${c.figures.season.name}点亮心愿` : '本季点亮心愿',
    grids: c.grids.map((g) => ({ id: g.id, name: g.name, buildings: g.buildings.join('、'), worker: g.worker?.name ?? '' })),
  };
}

/** What 联系网格员 says: the worker's number is never shown; the community's public line relays. */
export function contactText(grid: GridView, phone: string): string {
  const who = `${grid.name}的网格员${grid.worker}`;
  return phone
    ? `网格员的电话不对外公开。请拨打社区服务电话 ${phone}，由社区为您联系${who}。`
    : `网格员的电话不对外公开。请到社区党群服务中心，由工作人员为您联系${who}。`;
}
