import { describe, expect, it } from 'vitest';
import { openingYear } from './dashboard-year';

describe('openingYear', () => {
  const period = { periodStart: 2024, periodEnd: 2026 };

  it('is the latest year with an actual when there is one', () => {
    expect(openingYear(2024, period, new Date(2025, 5, 1))).toBe(2024);
  });

  it('is otherwise the latest year of the period up to today', () => {
    expect(openingYear(null, period, new Date(2025, 5, 1))).toBe(2025);
    // 31 March 2026 is still 令和7年度 (2025).
    expect(openingYear(null, period, new Date(2026, 2, 31))).toBe(2025);
    expect(openingYear(null, period, new Date(2030, 0, 1))).toBe(2026);
    expect(openingYear(null, period, new Date(2023, 0, 1))).toBe(2024);
  });
});
