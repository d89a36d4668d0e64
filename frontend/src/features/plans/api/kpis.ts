import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { components } from '@/lib/api/schema';

export type KpiRow = components['schemas']['KpiRow'];
export type KpiSummary = components['schemas']['KpiSummary'];

export const kpisKey = ['kpis'] as const;

/**
 * Counts by grade and the rows of one plan and fiscal year, worst first (the dashboard). Without a year the API
 * chooses: the latest year with any actual, else the latest year of the period up to today (the answer says which).
 */
export function useKpiSummary(plan: string | undefined, fiscalYear: number | undefined) {
  return useQuery({
    queryKey: [...kpisKey, 'summary', plan, fiscalYear ?? 'latest'],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/kpis/summary', { params: { query: { plan: plan!, ...(fiscalYear !== undefined ? { fiscalYear } : {}) } } })),
    enabled: Boolean(plan),
  });
}
