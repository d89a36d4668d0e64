import { describe, expect, it } from 'vitest';
import { actualSourceOf, describeSource, ruleProblemField, ruleReason, statisticsFor, supportStatsSummary, type ValueSource } from './source';

const survey = (code: string): ValueSource => ({ kind: 'SURVEY', survey: { code }, supportStats: null, key: `survey:${code}` });
const stats = (areaCode: string, statistic: 'CONSULTATIONS' | 'CATEGORY_SHARE', categoryCode: string | null = null): ValueSource => ({
  kind: 'SUPPORT_STATS',
  survey: null,
  supportStats: { areaCode, statistic, categoryCode },
  key: `support-stats:${areaCode}:${statistic}${categoryCode ? `:${categoryCode}` : ''}`,
});

const rule = {
  source: stats('40100', 'CATEGORY_SHARE', 'GARBAGE'),
  area: { code: '40100', name: '北九州市' },
  statistic: 'CATEGORY_SHARE',
  categoryCode: 'GARBAGE',
  categoryName: 'ゴミ出し',
};

describe('describeSource', () => {
  it('links a survey value to its survey', () => {
    const info = describeSource(survey('kumamoto-r6'), 2023)!;
    expect(info.badge).toBe('アンケートから算出');
    expect(info.href).toBe('/surveys/kumamoto-r6');
    expect(info.reason).toContain('ここでは変更できません');
  });

  it('names the area and category from the rule that made the value, and links the year’s statistics', () => {
    const info = describeSource(rule.source, 2020, rule)!;
    expect(info.badge).toBe('支援統計から自動集計');
    expect(info.detail).toBe('北九州市（40100）のゴミ出しの割合');
    expect(info.href).toBe('/support/stats?area=40100&fiscalYear=2020');
    expect(info.reason).toBe('北九州市（40100）のゴミ出しの割合から自動集計した値のため、ここでは変更できません。相談や調整の記録が変わると自動で更新されます。');
  });

  it('falls back to the codes when the rule is another one (an old source)', () => {
    expect(describeSource(stats('40101', 'CONSULTATIONS'), 2020, rule)!.detail).toBe('地域 40101の相談件数');
    expect(describeSource(null, 2020, rule)).toBeNull();
    expect(describeSource({ kind: 'OTHER', survey: null, supportStats: null, key: 'x:y' }, 2020)!.href).toBeNull();
  });
});

describe('supportStatsSummary and ruleReason', () => {
  it('speak of the statistic in Japanese', () => {
    expect(supportStatsSummary({ areaCode: '40100', statistic: 'SUPPORTERS_ACTIVE', categoryCode: null }, { areaName: '北九州市' })).toBe(
      '北九州市（40100）の活動中の担い手',
    );
    expect(supportStatsSummary({ areaCode: '40100', statistic: 'CATEGORY_SHARE', categoryCode: 'GARBAGE' })).toBe('地域 40100のGARBAGEの割合');
    expect(ruleReason(rule)).toBe('実績値は北九州市（40100）のゴミ出しの割合から自動集計します。ここでは入力できません。');
  });
});

describe('statisticsFor', () => {
  it('offers a share to % indicators and the counts to the others', () => {
    expect(statisticsFor('%')).toEqual(['CATEGORY_SHARE']);
    expect(statisticsFor(' % ')).toEqual(['CATEGORY_SHARE']);
    expect(statisticsFor('件')).toEqual(['CONSULTATIONS', 'ADJUSTMENTS', 'SUPPORTERS_REGISTERED', 'SUPPORTERS_ACTIVE', 'COUNSELORS']);
    expect(statisticsFor(null)).toHaveLength(5);
  });
});

describe('actualSourceOf', () => {
  it('finds the stored actual of the year and option', () => {
    const sourceOf = actualSourceOf([
      { fiscalYear: 2020, kind: 'ACTUAL', option: null, source: stats('40100', 'CONSULTATIONS') },
      { fiscalYear: 2020, kind: 'TARGET', option: null, source: null },
      { fiscalYear: 2021, kind: 'ACTUAL', option: null, source: null },
    ]);
    expect(sourceOf(2020, null)?.badge).toBe('支援統計から自動集計');
    expect(sourceOf(2021, null)).toBeNull();
    expect(sourceOf(2022, null)).toBeNull();
    expect(sourceOf(2020, '月4回以上')).toBeNull();
  });
});

describe('ruleProblemField', () => {
  it('puts a refusal next to the field it is about', () => {
    expect(ruleProblemField({ type: '/problems/area-not-found' })).toBe('areaCode');
    expect(ruleProblemField({ type: '/problems/ambiguous-area' })).toBe('areaCode');
    expect(ruleProblemField({ type: '/problems/indicator-unit-mismatch' })).toBe('statistic');
    expect(ruleProblemField({ type: '/problems/unknown-category' })).toBe('categoryCode');
    expect(ruleProblemField({ type: '/problems/validation-failed', errors: [{ field: 'putSupportStatRule.request.categoryCode' }] })).toBe('categoryCode');
    expect(ruleProblemField({ type: '/problems/indicator-not-found' })).toBeNull();
    expect(ruleProblemField(undefined)).toBeNull();
  });
});
