import { describe, expect, it } from 'vitest';
import { indicatorYears, parseCell } from './values';

describe('parseCell', () => {
  it('reads numbers, with separators and full-width digits', () => {
    expect(parseCell('1600', '', 'ACTUAL')).toEqual({ ok: true, value: 1600, marker: null });
    expect(parseCell(' 1,305 ', '', 'ACTUAL')).toEqual({ ok: true, value: 1305, marker: null });
    expect(parseCell('１６００', '', 'TARGET')).toEqual({ ok: true, value: 1600, marker: null });
    expect(parseCell('85.3', null, 'BASELINE')).toEqual({ ok: true, value: 85.3, marker: null });
    expect(parseCell('-2', '', 'ACTUAL')).toEqual({ ok: true, value: -2, marker: null });
  });

  it('takes the marker chosen in the select over the text', () => {
    expect(parseCell('', 'MAINTAIN_BASELINE', 'TARGET')).toEqual({ ok: true, value: null, marker: 'MAINTAIN_BASELINE' });
    expect(parseCell('123', 'NOT_APPLICABLE', 'ACTUAL')).toEqual({ ok: true, value: null, marker: 'NOT_APPLICABLE' });
  });

  it('understands markers typed as they are shown', () => {
    expect(parseCell('***', '', 'ACTUAL')).toEqual({ ok: true, value: null, marker: 'NOT_APPLICABLE' });
    expect(parseCell('＊＊＊', '', 'BASELINE')).toEqual({ ok: true, value: null, marker: 'NOT_APPLICABLE' });
    expect(parseCell('現状維持', '', 'TARGET')).toEqual({ ok: true, value: null, marker: 'MAINTAIN_BASELINE' });
    expect(parseCell('前年度維持', '', 'TARGET')).toEqual({ ok: true, value: null, marker: 'MAINTAIN_PREVIOUS' });
  });

  it('treats blank as clearing the value', () => {
    expect(parseCell('', '', 'ACTUAL')).toEqual({ ok: true, value: null, marker: null });
    expect(parseCell('   ', null, 'TARGET')).toEqual({ ok: true, value: null, marker: null });
  });

  it('refuses text that is not a number and markers the kind cannot carry', () => {
    expect(parseCell('たくさん', '', 'ACTUAL')).toEqual({ ok: false, error: '数値、または記号を入力してください' });
    expect(parseCell('1.2.3', '', 'ACTUAL').ok).toBe(false);
    expect(parseCell('現状維持', '', 'ACTUAL')).toEqual({ ok: false, error: '実績値には「現状維持」を指定できません' });
    expect(parseCell('', 'MAINTAIN_PREVIOUS', 'BASELINE').ok).toBe(false);
  });
});

describe('indicatorYears', () => {
  it('spans the plan period and every year present', () => {
    const indicator = { values: [{ fiscalYear: 2019 }], series: [{ fiscalYear: 2022 }] };
    expect(indicatorYears(indicator, { periodStart: 2021, periodEnd: 2023 })).toEqual([2019, 2020, 2021, 2022, 2023]);
    expect(indicatorYears({ values: [], series: [] })).toEqual([]);
  });
});
