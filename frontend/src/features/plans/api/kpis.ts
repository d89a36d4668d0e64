import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { components } from '@/lib/api/schema';

export type KpiRow = components['schemas']['KpiRow'];
export type KpiSummary = components['schemas']['KpiSummary'];
type KpiPage = components['schemas']['KpiPage'];

export const kpisKey = ['kpis'] as const;

/** Counts by grade and the rows of one plan and fiscal year, worst first (the dashboard). */
export function useKpiSummary(plan: string | undefined, fiscalYear: number | undefined) {
  return useQuery({
    queryKey: [...kpisKey, 'summary', plan, fiscalYear],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/kpis/summary', { params: { query: { plan: plan!, fiscalYear: fiscalYear! } } })),
    enabled: Boolean(plan) && fiscalYear !== undefined,
  });
}

/** The latest fiscal year in which any indicator of the plan has an actual (number or marker), or null. */
export function useLatestActualYear(plan: string | undefined, enabled = true) {
  return useQuery({
    queryKey: [...kpisKey, 'latest-actual', plan],
    queryFn: async () => {
      let latest: number | null = null;
      let cursor: string | undefined;
      // Follows the cursor; the plans are small, so this is one page in practice.
      for (let page = 0; page < 20; page++) {
        // The operation can also answer CSV; this call asks for JSON (the client's Accept header).
        const body = unwrap(await api.GET('/api/v1/kpis', { params: { query: { plan: plan!, cursor } } })) as KpiPage;
        for (const r of body.items ?? []) {
          if ((r.actual !== null || r.actualMarker !== null) && (latest === null || r.fiscalYear > latest)) latest = r.fiscalYear;
        }
        if (!body.nextCursor) break;
        cursor = body.nextCursor;
      }
      return latest;
    },
    enabled: Boolean(plan) && enabled,
  });
}
