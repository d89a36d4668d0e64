import type { components } from '@/lib/api/schema';
import { formatFiscalYear } from '@/lib/fiscal-year';

export type PlanKind = components['schemas']['PlanKind'];

export const PLAN_KIND_LABELS: Record<PlanKind, string> = {
  COMMUNITY_WELFARE: '地域福祉計画',
  COMMUNITY_WELFARE_ACTIVITY: '地域福祉活動計画',
  ELDERLY_CARE_INSURANCE: '高齢者保健福祉計画・介護保険事業計画',
  DISABILITY: '障害福祉計画',
  OTHER: 'その他',
};

/** The kinds in the order they are offered (the order of the labels above). */
export const PLAN_KINDS = Object.keys(PLAN_KIND_LABELS) as PlanKind[];

export type PlanStatus = components['schemas']['PlanStatus'];

export const PLAN_STATUS_LABELS: Record<PlanStatus, string> = {
  DRAFT: '策定中',
  ACTIVE: '計画期間中',
  CLOSED: '終了',
};

export function planKindLabel(kind: string): string {
  return kind in PLAN_KIND_LABELS ? PLAN_KIND_LABELS[kind as PlanKind] : kind;
}

/** 2024, 2031 → "令和6年度 (2024)〜令和13年度 (2031)". */
export function formatPeriod(start: number, end: number): string {
  return `${formatFiscalYear(start)}〜${formatFiscalYear(end)}`;
}

/** Every fiscal year from start to end, inclusive. */
export function yearsBetween(start: number, end: number): number[] {
  const years: number[] = [];
  for (let y = start; y <= end; y++) years.push(y);
  return years;
}
