import type { components } from '@/lib/api/schema';

type Indicator = components['schemas']['IndicatorResponse'];
type SeriesRow = components['schemas']['SeriesRow'];
type Value = components['schemas']['IndicatorValueResponse'];

export function value(fiscalYear: number, kind: Value['kind'], v: number | null, extra: Partial<Value> = {}): Value {
  return { fiscalYear, kind, value: v, option: null, marker: null, version: 0, updatedAt: '2026-04-01T09:00:00+09:00', updatedBy: 'planner', source: null, ...extra };
}

export function seriesRow(fiscalYear: number, extra: Partial<SeriesRow> = {}): SeriesRow {
  return {
    option: null, fiscalYear, baseline: 1530, baselineYear: 2019, target: null, targetMarker: null, targetInForce: null,
    referenceYear: null, actual: null, actualMarker: null, achievementRate: null, grade: null, changeFromPrevious: null,
    projected: null, onTrack: null, ...extra,
  };
}

/** 地域会合等への参加（回数）, as the demo data has it. */
export function meetings(extra: Partial<Indicator> = {}): Indicator {
  return {
    code: 'kitakyushu-ikiiki2-63-1',
    planCode: 'kitakyushu-ikiiki2',
    planTitle: '第2次北九州市いきいき長寿プラン',
    nodeCode: '63',
    nodeTitle: 'いのちをつなぐネットワークの推進',
    name: '地域会合等への参加（回数）',
    unit: '回',
    direction: 'MAINTAIN',
    rationale: '地域福祉ネットワークの充実・強化が図られるため',
    notSet: false,
    notSetReason: null,
    disaggregation: null,
    values: [
      value(2019, 'BASELINE', 1530, { version: 1 }),
      value(2023, 'TARGET', null, { marker: 'MAINTAIN_BASELINE', version: 2 }),
      value(2021, 'ACTUAL', 835, { version: 3 }),
      value(2022, 'ACTUAL', 1305, { version: 4 }),
    ],
    series: [
      seriesRow(2021, { actual: 835, targetInForce: 1530, achievementRate: 54.6, grade: 'C' }),
      seriesRow(2022, { actual: 1305, targetInForce: 1530, achievementRate: 85.3, grade: 'B', changeFromPrevious: 470 }),
      seriesRow(2023, { targetMarker: 'MAINTAIN_BASELINE', targetInForce: 1530, projected: 1775, onTrack: true }),
    ],
    version: 7,
    definitionCode: null,
    ...extra,
  };
}

type StatRule = components['schemas']['SupportStatRuleResponse'];

/** 地域生活支援の相談件数（7校(地)区）: its 令和2年度 actual is counted from the support records. */
export function consultations(extra: Partial<Indicator> = {}): Indicator {
  return {
    ...meetings(),
    code: 'kitakyushu-seikatsu-consultations',
    planCode: 'kitakyushu-seikatsu',
    planTitle: '地域生活支援活動推進事業（北九州市社会福祉協議会）',
    nodeCode: '1',
    nodeTitle: '地域生活支援',
    name: '地域生活支援の相談件数（7校(地)区）',
    unit: '件',
    direction: 'INCREASE',
    rationale: '地域生活支援の記録（相談）から年度ごとに自動で集計する。',
    values: [
      value(2020, 'ACTUAL', 761, { updatedBy: 'demo', source: supportStatsSource('40100', 'CONSULTATIONS') }),
      value(2021, 'TARGET', 800, { version: 1 }),
    ],
    series: [seriesRow(2020, { baseline: null, baselineYear: null, actual: 761 }), seriesRow(2021, { baseline: null, baselineYear: null, targetInForce: 800 })],
    version: 2,
    definitionCode: null,
    ...extra,
  };
}

type ValueSource = components['schemas']['ValueSource'];
type Statistic = components['schemas']['SupportStatistic'];

/** A value's source as the API describes a support statistic. */
export function supportStatsSource(areaCode: string, statistic: Statistic, categoryCode: string | null = null): ValueSource {
  return {
    kind: 'SUPPORT_STATS',
    survey: null,
    supportStats: { areaCode, statistic, categoryCode },
    key: `support-stats:${areaCode}:${statistic}${categoryCode ? `:${categoryCode}` : ''}`,
  };
}

/** A value's source as the API describes a survey. */
export function surveySource(code: string): ValueSource {
  return { kind: 'SURVEY', survey: { code }, supportStats: null, key: `survey:${code}` };
}

export function statRule(extra: Partial<StatRule> = {}): StatRule {
  return {
    indicatorCode: 'kitakyushu-seikatsu-consultations',
    indicatorName: '地域生活支援の相談件数（7校(地)区）',
    area: { code: '40100', name: '北九州市', kind: 'CITY' },
    statistic: 'CONSULTATIONS',
    categoryCode: null,
    categoryName: null,
    source: supportStatsSource('40100', 'CONSULTATIONS'),
    updatedAt: '2026-04-01T09:00:00+09:00',
    updatedBy: 'demo',
    ...extra,
  };
}

type ValueChange = components['schemas']['ValueChangeResponse'];

/** One entry of 値の履歴 of 地域会合等への参加（回数）; `origin` and `originName` say where the change came from. */
export function valueChange(
  fiscalYear: number,
  kind: ValueChange['kind'],
  oldValue: number | null,
  newValue: number | null,
  extra: Partial<ValueChange> = {},
): ValueChange {
  return {
    indicatorCode: 'kitakyushu-ikiiki2-63-1', indicatorName: '地域会合等への参加（回数）', fiscalYear, option: null, kind,
    oldValue, oldMarker: null, newValue, newMarker: null, changedBy: 'planner', changedAt: '2026-04-01T09:00:00+09:00',
    origin: 'TYPED', originName: null, ...extra,
  };
}
