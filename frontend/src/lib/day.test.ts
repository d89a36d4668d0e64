import { describe, expect, it } from 'vitest';
import { dayOf, isDay, monthsBefore, startOfDay } from './day';

describe('days of a date input', () => {
  it('reads and writes the day in the browser time zone', () => {
    expect(dayOf(new Date(2026, 2, 1, 23, 59))).toBe('2026-03-01');
    expect(isDay('2026-02-28')).toBe(true);
    expect(isDay('2026-02-30')).toBe(false);
    expect(isDay('2026/02/28')).toBe(false);
    expect(isDay('')).toBe(false);
  });

  it('goes back whole months, to the last day of a shorter month', () => {
    expect(dayOf(monthsBefore(new Date(2026, 11, 2), 3))).toBe('2026-09-02');
    expect(dayOf(monthsBefore(new Date(2026, 4, 31), 3))).toBe('2026-02-28');
    expect(dayOf(monthsBefore(new Date(2026, 1, 15), 3))).toBe('2025-11-15');
  });

  it('gives the moment a day begins, with the offset of the time zone, as the API reads it', () => {
    const since = startOfDay('2026-03-01');
    expect(since).toMatch(/^2026-03-01T00:00:00[+-]\d{2}:\d{2}$/);
    expect(Date.parse(since)).toBe(new Date(2026, 2, 1).getTime());
  });
});
