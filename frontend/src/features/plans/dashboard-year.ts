import { fiscalYearOf } from '@/lib/fiscal-year';

/**
 * The fiscal year the dashboard opens on: the latest with any actual (the year there is something to evaluate),
 * else the latest year of the plan's period up to today (this year while the plan runs, its last year after it,
 * its first year before it starts).
 */
export function openingYear(latestActualYear: number | null, period: { periodStart: number; periodEnd: number }, today = new Date()): number {
  if (latestActualYear !== null) return latestActualYear;
  return Math.max(period.periodStart, Math.min(period.periodEnd, fiscalYearOf(today)));
}
