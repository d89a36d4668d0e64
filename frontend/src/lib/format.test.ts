import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatEraDate, formatJapanDateTime, formatJapanTime, formatMinutes, formatNumber } from './format';

describe('formatNumber', () => {
  it('groups thousands', () => {
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(999)).toBe('999');
    expect(formatNumber(1234)).toBe('1,234');
    expect(formatNumber(1234567)).toBe('1,234,567');
    expect(formatNumber(-9876543)).toBe('-9,876,543');
    expect(formatNumber(12345.67)).toBe('12,345.67');
  });

  it('shows a missing value as a dash, never as zero', () => {
    expect(formatNumber(null)).toBe('—');
    expect(formatNumber(undefined)).toBe('—');
  });
});

describe('formatDate', () => {
  it('writes dates the Japanese way', () => {
    expect(formatDate('2026-11-22')).toBe('2026年11月22日');
    expect(formatDate(new Date(2026, 0, 5))).toBe('2026年1月5日');
    expect(formatDate(null)).toBe('—');
  });
});

describe('formatDateTime', () => {
  it('adds the time of day as HH:mm', () => {
    expect(formatDateTime(new Date(2026, 10, 22, 9, 5))).toBe('2026年11月22日 09:05');
    expect(formatDateTime(null)).toBe('—');
    expect(formatDateTime('nonsense')).toBe('—');
  });
});

describe('formatEraDate', () => {
  it('writes dates in the Japanese era', () => {
    expect(formatEraDate('2023-06-30')).toBe('令和5年6月30日');
    expect(formatEraDate('2019-05-01')).toBe('令和元年5月1日');
    expect(formatEraDate('2019-04-30')).toBe('平成31年4月30日');
    expect(formatEraDate('1989-01-08')).toBe('平成元年1月8日');
    expect(formatEraDate(undefined)).toBe('—');
  });
});

describe('formatJapanTime', () => {
  it('reads the clock in Japan whatever the offset given', () => {
    expect(formatJapanTime('2026-12-02T05:05:00Z')).toBe('14:05');
    expect(formatJapanTime('2026-12-01T15:00:00Z')).toBe('00:00');
    expect(formatJapanTime(null)).toBe('—');
  });
});

describe('formatJapanDateTime', () => {
  it('reads a timestamp on a clock in Japan, whatever its offset', () => {
    expect(formatJapanDateTime('2026-12-02T05:05:00Z')).toBe('2026年12月2日 14:05');
    expect(formatJapanDateTime('2026-12-02T14:05:00+09:00')).toBe('2026年12月2日 14:05');
    // Late evening in UTC is the next morning in Japan.
    expect(formatJapanDateTime('2026-11-30T23:30:00Z')).toBe('2026年12月1日 08:30');
    expect(formatJapanDateTime('2026-12-01T15:00:00Z')).toBe('2026年12月2日 00:00');
    expect(formatJapanDateTime(null)).toBe('—');
    expect(formatJapanDateTime('nonsense')).toBe('—');
  });
});

describe('formatMinutes', () => {
  it('writes minutes as hours and minutes', () => {
    expect(formatMinutes(75)).toBe('1時間15分');
    expect(formatMinutes(750)).toBe('12時間30分');
    expect(formatMinutes(120)).toBe('2時間');
    expect(formatMinutes(45)).toBe('45分');
    expect(formatMinutes(0)).toBe('0分');
    expect(formatMinutes(60 * 1234 + 5)).toBe('1,234時間5分');
    expect(formatMinutes(null)).toBe('—');
  });
});
