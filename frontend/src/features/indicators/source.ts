import { links } from '@/config/paths';
import type { components } from '@/lib/api/schema';

export type SupportStatistic = components['schemas']['SupportStatistic'];

/** 支援統計 as the 地域生活支援 staff name them. */
export const STATISTIC_LABELS: Record<SupportStatistic, string> = {
  CONSULTATIONS: '相談件数',
  ADJUSTMENTS: '需給調整件数',
  CATEGORY_SHARE: '種類別の割合',
  SUPPORTERS_REGISTERED: '登録している担い手',
  SUPPORTERS_ACTIVE: '活動中の担い手',
  COUNSELORS: '地域生活支援相談員',
  ACTIVITY_MINUTES: '延べ活動時間（分）',
};

/** The counts (件数・人数); 相談員 is the number in the districts' 取り組み概要. */
const COUNTS: readonly SupportStatistic[] = ['CONSULTATIONS', 'ADJUSTMENTS', 'SUPPORTERS_REGISTERED', 'SUPPORTERS_ACTIVE', 'COUNSELORS'];

export function statisticLabel(statistic: string): string {
  return statistic in STATISTIC_LABELS ? STATISTIC_LABELS[statistic as SupportStatistic] : statistic;
}

/**
 * The statistics an indicator can take, as the API allows them: a share (種類別の割合, in %) only for an
 * indicator whose unit is %, the counts (件数・人数, 地域生活支援相談員 among them) only for the others.
 */
export function statisticsFor(unit: string | null | undefined): SupportStatistic[] {
  return unit?.trim() === '%' ? ['CATEGORY_SHARE'] : [...COUNTS];
}

/** Where a computed (not typed) indicator value comes from: the API takes its key apart for us. */
export type ValueSource = components['schemas']['ValueSource'];

/** What a rule from GET /support-stat-rules adds to a bare source: the names of its area and category. */
export interface RuleNames {
  source: ValueSource;
  area: { code: string; name: string };
  categoryName: string | null;
}

/** 「〇〇市（市のコード）の相談件数」, 「〇〇校区（コード）のゴミ出しの割合」; the code alone when the name is unknown. */
export function supportStatsSummary(
  s: { areaCode: string; statistic: string; categoryCode: string | null },
  names: { areaName?: string | null; categoryName?: string | null } = {},
): string {
  const area = names.areaName ? `${names.areaName}（${s.areaCode}）` : `地域 ${s.areaCode}`;
  const what =
    s.statistic === 'CATEGORY_SHARE' && s.categoryCode ? `${names.categoryName ?? s.categoryCode}の割合` : statisticLabel(s.statistic);
  return `${area}の${what}`;
}

export const SOURCE_BADGES: Record<ValueSource['kind'], string> = {
  SURVEY: 'アンケートから算出',
  SUPPORT_STATS: '支援統計から自動集計',
  OTHER: '自動で算出',
};

/** Everything the grid and the tables show about a derived value. */
export interface SourceInfo {
  kind: ValueSource['kind'];
  /** The badge: 「アンケートから算出」 / 「支援統計から自動集計」. */
  badge: string;
  /** What it was computed from, e.g. 「〇〇市（市のコード）の相談件数」 or 「アンケート（アンケートのコード）」. */
  detail: string;
  /** Why the cell cannot be typed into, for the hover text and screen readers. */
  reason: string;
  /** Where the figures behind it can be seen: the survey, or the 地区の統計 of the area and year. */
  href: string | null;
}

/** Describes a value's source (null when a person typed it); the rule, when it made this source, names the area. */
export function describeSource(source: ValueSource | null | undefined, fiscalYear: number, rule?: RuleNames | null): SourceInfo | null {
  if (!source) return null;
  if (source.kind === 'SURVEY' && source.survey) {
    const code = source.survey.code;
    return {
      kind: source.kind,
      badge: SOURCE_BADGES.SURVEY,
      detail: `アンケート ${code}`,
      reason: `市民アンケート（${code}）の得点帯の割合から算出した値のため、ここでは変更できません。アンケートのページで、データか算出の設定を変えてください。`,
      href: links.survey(code),
    };
  }
  if (source.kind === 'SUPPORT_STATS' && source.supportStats) {
    const stats = source.supportStats;
    const named = rule && rule.source.key === source.key ? rule : null;
    const detail = supportStatsSummary(stats, { areaName: named?.area.name, categoryName: named?.categoryName });
    return {
      kind: source.kind,
      badge: SOURCE_BADGES.SUPPORT_STATS,
      detail,
      reason: `${detail}から自動集計した値のため、ここでは変更できません。相談や調整の記録が変わると自動で更新されます。`,
      href: links.supportStats(stats.areaCode, fiscalYear),
    };
  }
  return {
    kind: 'OTHER',
    badge: SOURCE_BADGES.OTHER,
    detail: source.key,
    reason: `${source.key} から算出した値のため、ここでは変更できません。`,
    href: null,
  };
}

/** Why an actual without a value yet cannot be typed either: the rule will write it. */
export function ruleReason(rule: RuleNames & { statistic: string; categoryCode: string | null }): string {
  const summary = supportStatsSummary(
    { areaCode: rule.area.code, statistic: rule.statistic, categoryCode: rule.categoryCode },
    { areaName: rule.area.name, categoryName: rule.categoryName },
  );
  return `実績値は${summary}から自動集計します。ここでは入力できません。`;
}

/** For the 達成状況 table: the source of each year's stored actual (and option), described. */
export function actualSourceOf(
  values: readonly { fiscalYear: number; kind: string; option: string | null; source: ValueSource | null }[],
  rule?: RuleNames | null,
): (fiscalYear: number, option: string | null) => SourceInfo | null {
  return (fiscalYear, option) => {
    const v = values.find((x) => x.kind === 'ACTUAL' && x.fiscalYear === fiscalYear && (x.option ?? null) === (option ?? null));
    return describeSource(v?.source, fiscalYear, rule);
  };
}

export type RuleField = 'areaCode' | 'statistic' | 'categoryCode';

/**
 * The field of the rule form a refusal is about, by its problem type (area-not-found → 地域,
 * indicator-unit-mismatch → 統計, unknown-category → 困りごとの種類) or its field errors; null when none.
 */
export function ruleProblemField(problem: { type?: string; errors?: { field: string }[] } | undefined): RuleField | null {
  if (!problem) return null;
  const slug = problem.type?.split('/').pop();
  if (slug === 'area-not-found' || slug === 'ambiguous-area') return 'areaCode';
  if (slug === 'indicator-unit-mismatch') return 'statistic';
  if (slug === 'unknown-category') return 'categoryCode';
  const fields: RuleField[] = ['areaCode', 'statistic', 'categoryCode'];
  const field = problem.errors?.map((e) => fields.find((f) => e.field === f || e.field.endsWith(`.${f}`))).find(Boolean);
  return field ?? null;
}
