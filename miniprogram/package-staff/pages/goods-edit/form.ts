import type { Goods, GoodsInput, ManageGoods } from '../../../../typings/points';

/** Limits the server enforces; checked here so staff get an answer without a round trip. */
export const NAME_MAX = 30;
export const DESCRIPTION_MAX = 200;
export const PLACE_MAX = 50;
export const COST_MAX = 100000;
export const STOCK_MAX = 10000;
export const LIMIT_MAX = 99;

export interface GoodsForm {
  name: string;
  description: string;
  /** Zero or one cloud file id. */
  photos: string[];
  /** As typed. */
  cost: string;
  stock: string;
  perPersonLimit: string;
  pickupPlace: string;
  /** '' when the community itself provides it. */
  unitId: string;
}

export function emptyForm(): GoodsForm {
  return { name: '', description: '', photos: [], cost: '', stock: '', perPersonLimit: '1', pickupPlace: '', unitId: '' };
}

export function formOf(g: Goods): GoodsForm {
  return {
    name: g.name,
    description: g.description ?? '',
    photos: g.photo ? [g.photo] : [],
    cost: String(g.cost),
    stock: String(g.stock),
    perPersonLimit: String(g.perPersonLimit),
    pickupPlace: g.pickupPlace,
    unitId: g.unitId ?? '',
  };
}

function whole(text: string, min: number, max: number): number | null {
  const t = text.trim();
  if (!/^\d{1,6}$/.test(t)) return null;
  const n = Number(t);
  return n >= min && n <= max ? n : null;
}

/** The first thing wrong with the form, in words, or null. `creating` also checks the stock. */
export function formProblem(form: GoodsForm, creating: boolean): string | null {
  const name = form.name.trim();
  if (!name) return '请填写商品名称';
  if (name.length > NAME_MAX) return `商品名称最多${NAME_MAX}个字`;
  if (form.description.trim().length > DESCRIPTION_MAX) return `商品介绍最多${DESCRIPTION_MAX}个字`;
  if (whole(form.cost, 1, COST_MAX) === null) return `所需积分须为1到${COST_MAX}之间的整数`;
  if (creating && whole(form.stock, 0, STOCK_MAX) === null) return `库存须为0到${STOCK_MAX}之间的整数`;
  if (whole(form.perPersonLimit, 1, LIMIT_MAX) === null) return `每人限兑须为1到${LIMIT_MAX}之间的整数`;
  const place = form.pickupPlace.trim();
  if (!place) return '请填写领取地点';
  if (place.length > PLACE_MAX) return `领取地点最多${PLACE_MAX}个字`;
  return null;
}

/** What create sends. Call after formProblem() says nothing is wrong. */
export function toCreate(form: GoodsForm): ManageGoods {
  const description = form.description.trim();
  const input: GoodsInput = {
    name: form.name.trim(),
    cost: Number(form.cost.trim()),
    pickupPlace: form.pickupPlace.trim(),
    perPersonLimit: Number(form.perPersonLimit.trim()),
    ...(description ? { description } : {}),
    ...(form.photos[0] ? { photo: form.photos[0] } : {}),
    ...(form.unitId ? { unitId: form.unitId } : {}),
  };
  return { op: 'create', stock: Number(form.stock.trim()), ...input };
}

/** Only what changed, for edit; null when nothing did. Stock changes go through 补货, not here. */
export function toEdit(before: Goods, form: GoodsForm, reason: string): ManageGoods | null {
  const after = formOf(before);
  const changes: Record<string, unknown> = {};
  if (form.name.trim() !== after.name) changes.name = form.name.trim();
  if (form.description.trim() !== after.description && form.description.trim()) changes.description = form.description.trim();
  if ((form.photos[0] ?? '') !== (after.photos[0] ?? '') && form.photos[0]) changes.photo = form.photos[0];
  if (Number(form.cost.trim()) !== before.cost) changes.cost = Number(form.cost.trim());
  if (Number(form.perPersonLimit.trim()) !== before.perPersonLimit) changes.perPersonLimit = Number(form.perPersonLimit.trim());
  if (form.pickupPlace.trim() !== after.pickupPlace) changes.pickupPlace = form.pickupPlace.trim();
  if (form.unitId !== after.unitId) changes.unitId = form.unitId || null;
  if (!Object.keys(changes).length) return null;
  return { op: 'edit', id: before.id, ...changes, ...(reason.trim() ? { reason: reason.trim() } : {}) } as ManageGoods;
}

export interface ProviderChoice {
  /** '' for the community itself. */
  unitId: string;
  name: string;
}

/** The community, then each 共建单位 that already provides goods (there is no list of units to pick from). */
export function providerChoices(communityName: string, goods: Goods[], current?: Goods): ProviderChoice[] {
  const units = new Map<string, string>();
  for (const g of current ? [current, ...goods] : goods) if (g.unitId && !units.has(g.unitId)) units.set(g.unitId, g.provider);
  return [{ unitId: '', name: `${communityName}（社区提供）` }, ...[...units].map(([unitId, name]) => ({ unitId, name }))];
}
