import { describe, expect, it } from 'vitest';
import { fiscalYearOf, formatFiscalYear, japaneseFiscalYear } from './fiscal-year';

describe('formatFiscalYear', () => {
  it.each([
    [2022, '令和4年度 (2022)'],
    [2019, '令和元年度 (2019)'],
    [2018, '平成30年度 (2018)'],
    [1989, '平成元年度 (1989)'],
    [1988, '昭和63年度 (1988)'],
    [2026, '令和8年度 (2026)'],
  ])('names fiscal year %i as %s', (year, expected) => {
    expect(formatFiscalYear(year)).toBe(expected);
  });

  it('rejects a fractional year', () => {
    expect(() => japaneseFiscalYear(2022.5)).toThrow(RangeError);
  });
});

describe('fiscalYearOf', () => {
  it('starts the fiscal year on 1 April', () => {
    expect(fiscalYearOf(new Date(2023, 2, 31))).toBe(2022);
    expect(fiscalYearOf(new Date(2023, 3, 1))).toBe(2023);
  });
});
