import type { KeywordType, NoticeKind, NoticeKindView } from '../../typings/user';
import { ACCEPTS, formatValue, keywordType } from './keywords';
import { KIND_NAMES, NOTICE_KINDS, kindSpec, type NoticeValues } from './kinds';

/** One document per community (id = community id): the templates its admin picked. */
export const NOTICE_SETTINGS = 'notice_settings';

export interface KindConfig {
  templateId: string;
  /** Field → template keyword, e.g. { title: 'thing1', result: 'phrase2' }. */
  keywords: Record<string, string>;
  updatedBy: string;
  updatedAt: number;
}

export interface NoticeSettingsDoc {
  _id: string;
  communityId: string;
  kinds: Partial<Record<NoticeKind, KindConfig>>;
  updatedAt: number;
}

/** Template ids from 公众平台 are URL-safe base64 (43 characters today); allow some slack. */
export const TEMPLATE_ID = /^[A-Za-z0-9_-]{6,64}$/;

export function isKind(kind: string): kind is NoticeKind {
  return (KIND_NAMES as string[]).includes(kind);
}

/** The recommended keywords of a kind, as a mapping to start from. */
export function recommendedKeywords(kind: NoticeKind): Record<string, string> {
  return Object.fromEntries(Object.entries(kindSpec(kind).fields).map(([f, s]) => [f, s.keyword]));
}

/**
 * Why a field → keyword mapping cannot work for a kind, or null: every field exactly once, each
 * to a distinct keyword of a type that can carry what the field means.
 */
export function mappingProblem(kind: NoticeKind, keywords: Record<string, string>): string | null {
  const fields = kindSpec(kind).fields;
  for (const field of Object.keys(keywords)) if (!Object.hasOwn(fields, field)) return `没有这个字段：${field.slice(0, 20)}`;
  const used = new Set<string>();
  for (const [field, spec] of Object.entries(fields)) {
    const keyword = (keywords[field] ?? '').trim();
    if (!keyword) return `请填写“${spec.label}”对应的模板关键词`;
    const type = keywordType(keyword);
    if (!type) return `“${keyword.slice(0, 30)}”不是模板关键词，应形如 thing1、time2、phrase3`;
    if (!ACCEPTS[spec.type].includes(type)) return `“${spec.label}”不能放在 ${keyword}，请选 ${ACCEPTS[spec.type].map((t) => `${t}N`).join(' 或 ')} 类关键词`;
    if (used.has(keyword)) return `关键词 ${keyword} 填了两次`;
    used.add(keyword);
  }
  return null;
}

/** The `data` of a message: each field's value formatted to the rule of the keyword it goes to. */
export function messageData<K extends NoticeKind>(kind: K, keywords: Record<string, string>, values: NoticeValues<K>): Record<string, { value: string }> {
  const data: Record<string, { value: string }> = {};
  for (const [field, spec] of Object.entries(kindSpec(kind).fields)) {
    const keyword = keywords[field];
    const type = keyword ? keywordType(keyword) : null;
    if (!keyword || !type) continue;
    data[keyword] = { value: formatValue(type as KeywordType, spec.type, (values as Record<string, string | number>)[field] ?? '') };
  }
  return data;
}

export function kindView(kind: NoticeKind, config: KindConfig | undefined): NoticeKindView {
  const spec = kindSpec(kind);
  return {
    kind,
    label: spec.label,
    to: spec.to,
    recommendedTitle: spec.title,
    fields: Object.entries(spec.fields).map(([field, s]) => ({
      field,
      label: s.label,
      type: s.type,
      accepts: [...ACCEPTS[s.type]],
      recommended: { name: s.name, keyword: s.keyword },
    })),
    ...(config ? { templateId: config.templateId, keywords: config.keywords, updatedAt: config.updatedAt } : {}),
  };
}

/** The sample a test message of a kind carries; times a day from `now`. */
export function sampleValues<K extends NoticeKind>(kind: K, now: number): NoticeValues<K> {
  const fields = NOTICE_KINDS[kind].fields as Record<string, { type: string; sample?: string | number }>;
  return Object.fromEntries(
    Object.entries(fields).map(([f, s]) => [f, s.type === 'time' || s.type === 'date' ? now + 86_400_000 : s.sample ?? '测试']),
  ) as NoticeValues<K>;
}
