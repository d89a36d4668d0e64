import { describe, expect, it } from 'vitest';
import { currentFiscalYear, fiscalYearOf, formatFiscalYear, japaneseFiscalYear } from './fiscal-year';

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

describe('currentFiscalYear', () => {
  it.each([
    ['2027-03-31T14:59:59Z', 2026], // 23:59:59 on 31 March in Tokyo
    ['2027-03-31T15:00:00Z', 2027], // midnight, 1 April in Tokyo (still 31 March in UTC)
    ['2026-04-01T00:00:00+09:00', 2026],
    ['2026-03-31T23:59:59+09:00', 2025],
    ['2026-12-31T16:00:00Z', 2026], // 1 January 2027 in Tokyo: the year's last quarter
  ])('reads %s as fiscal year %i in Japan', (instant, expected) => {
    expect(currentFiscalYear(new Date(instant))).toBe(expected);
  });
});
