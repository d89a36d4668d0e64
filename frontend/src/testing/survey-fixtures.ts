import type { components } from '@/lib/api/schema';

type S = components['schemas'];
type Band = S['SurveyBand'];

export function me(roles: S['Role'][]): S['MeResponse'] {
  return { subject: 'u', displayName: '利用者', kind: 'USER', roles, scopes: [], districts: [], mustChangePassword: false, external: false };
}

const LABELS: Record<Band, string> = {
  SCORE_3: '3点（決してない）',
  SCORE_4_6: '4〜6点（ほとんどない）',
  SCORE_7_9: '7〜9点（時々ある）',
  SCORE_10_12: '10〜12点（常にある）',
  NO_ANSWER: '無回答',
};

/** Shares in the API's order (score order), as the API sends them. */
export function shares(percent: Record<Band, number | null>, count?: Record<Band, number>): S['BandShare'][] {
  return (['SCORE_3', 'SCORE_4_6', 'SCORE_7_9', 'SCORE_10_12', 'NO_ANSWER'] as const).map((band) => ({
    band,
    label: LABELS[band],
    count: count ? count[band] : null,
    percent: percent[band],
  }));
}

const kumamoto: S['AreaRef'] = { code: '43100', name: '熊本市', kind: 'CITY' };

export const nationalR5: S['SurveyResponse'] = {
  code: 'national-r5',
  title: '孤独・孤立の実態把握に関する全国調査（R5）',
  fiscalYear: 2023,
  area: null,
  conductedBy: '内閣府',
  instrument: 'UCLA3',
  dataSource: 'PUBLISHED',
  respondents: null,
  distribution: shares({ SCORE_10_12: 6.9, SCORE_7_9: 40.1, SCORE_4_6: 38.5, SCORE_3: 13.7, NO_ANSWER: 0.8 }),
  attributes: [],
  referenceCode: null,
  referenceTitle: null,
  feeds: null,
  version: 0,
  updatedAt: '2026-11-22T09:05:00+09:00',
  updatedBy: 'demo',
};

export const kumamotoR6: S['SurveyResponse'] = {
  ...nationalR5,
  code: 'kumamoto-r6',
  title: '第5次熊本市地域福祉計画 策定アンケート（R6）',
  area: kumamoto,
  conductedBy: '熊本市',
  distribution: shares({ SCORE_10_12: 3.1, SCORE_7_9: 34.3, SCORE_4_6: 31.9, SCORE_3: 28.2, NO_ANSWER: 2.4 }),
  referenceCode: 'national-r5',
  referenceTitle: nationalR5.title,
  feeds: {
    indicatorCode: 'kumamoto-5th-iv-3',
    indicatorName: '孤独感の程度が高い市民の割合',
    planCode: 'kumamoto-5th',
    bands: ['SCORE_7_9', 'SCORE_10_12'],
    value: 37.4,
  },
  version: 2,
};

export const kumamotoResponses: S['SurveyResponse'] = {
  ...nationalR5,
  code: 'kumamoto-r6-responses',
  title: '熊本市 市民アンケート 個票（デモ用の架空データ）',
  area: kumamoto,
  conductedBy: '熊本市（架空）',
  dataSource: 'RESPONSES',
  respondents: 864,
  distribution: shares(
    { SCORE_10_12: 3.1, SCORE_7_9: 34.3, SCORE_4_6: 31.9, SCORE_3: 28.2, NO_ANSWER: 2.4 },
    { SCORE_10_12: 27, SCORE_7_9: 296, SCORE_4_6: 276, SCORE_3: 244, NO_ANSWER: 21 },
  ),
  attributes: ['年代', '性別', '区'],
  referenceCode: 'kumamoto-r6',
  referenceTitle: kumamotoR6.title,
  version: 1,
};

/** A survey registered a moment ago: no data yet. */
export function emptySurvey(dataSource: S['DataSource'], extra: Partial<S['SurveyResponse']> = {}): S['SurveyResponse'] {
  return {
    ...nationalR5,
    code: 'kumamoto-r7',
    title: '熊本市 市民アンケート（R7）',
    fiscalYear: 2025,
    area: kumamoto,
    conductedBy: '熊本市',
    dataSource,
    respondents: null,
    distribution: [],
    referenceCode: 'national-r5',
    referenceTitle: nationalR5.title,
    ...extra,
  };
}

export const comparisonR6: S['SurveyComparison'] = {
  surveyCode: 'kumamoto-r6',
  surveyTitle: kumamotoR6.title,
  referenceCode: 'national-r5',
  referenceTitle: nationalR5.title,
  rows: [
    { band: 'SCORE_3', label: LABELS.SCORE_3, percent: 28.2, referencePercent: 13.7, differencePoints: 14.5 },
    { band: 'SCORE_4_6', label: LABELS.SCORE_4_6, percent: 31.9, referencePercent: 38.5, differencePoints: -6.6 },
    { band: 'SCORE_7_9', label: LABELS.SCORE_7_9, percent: 34.3, referencePercent: 40.1, differencePoints: -5.8 },
    { band: 'SCORE_10_12', label: LABELS.SCORE_10_12, percent: 3.1, referencePercent: 6.9, differencePoints: -3.8 },
    { band: 'NO_ANSWER', label: LABELS.NO_ANSWER, percent: 2.4, referencePercent: 0.8, differencePoints: 1.6 },
  ],
};

function cell(band: Band, count: number | null, percent: number | null, suppressed = false): S['BreakdownCell'] {
  return { band, count, percent, suppressed };
}

/** By 年代: 20代 has small cells (hidden, and one more so they cannot be worked out), 10代 is hidden whole. */
export const byAge: S['SurveyBreakdown'] = {
  surveyCode: 'kumamoto-r6-responses',
  attribute: '年代',
  minimumCell: 10,
  groups: [
    {
      value: '10代',
      respondents: null,
      suppressed: true,
      cells: [cell('SCORE_3', null, null, true), cell('SCORE_4_6', null, null, true), cell('SCORE_7_9', null, null, true), cell('SCORE_10_12', null, null, true), cell('NO_ANSWER', null, null, true)],
    },
    {
      value: '20代',
      respondents: 88,
      suppressed: false,
      cells: [cell('SCORE_3', 24, 27.3), cell('SCORE_4_6', 27, 30.7), cell('SCORE_7_9', 31, 35.2), cell('SCORE_10_12', null, null, true), cell('NO_ANSWER', null, null, true)],
    },
    {
      value: '70歳以上',
      respondents: 210,
      suppressed: false,
      cells: [cell('SCORE_3', 60, 28.6), cell('SCORE_4_6', 66, 31.4), cell('SCORE_7_9', 62, 29.5), cell('SCORE_10_12', 12, 5.7), cell('NO_ANSWER', 10, 4.8)],
    },
  ],
};

export function importReport(extra: Partial<S['SurveyImportReport']> = {}): S['SurveyImportReport'] {
  return {
    committed: false,
    respondents: 4,
    attributes: ['年代', '区'],
    ignoredColumns: ['氏名'],
    distribution: shares(
      { SCORE_10_12: 25, SCORE_7_9: 25, SCORE_4_6: 50, SCORE_3: 0, NO_ANSWER: 0 },
      { SCORE_10_12: 1, SCORE_7_9: 1, SCORE_4_6: 2, SCORE_3: 0, NO_ANSWER: 0 },
    ),
    errorCount: 0,
    errors: [],
    ...extra,
  };
}
