import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { components } from '@/lib/api/schema';
import { supportKey } from '@/lib/api/support-key';

export type SupportStats = components['schemas']['SupportStats'];

/** Aggregates for a district, a ward or the city in one fiscal year (no personal data). */
export function useSupportStats(area: string, fiscalYear: number) {
  return useQuery({
    queryKey: [...supportKey, 'stats', area, fiscalYear],
    queryFn: async () => unwrap(await api.GET('/api/v1/support-stats', { params: { query: { area, fiscalYear } } })),
    enabled: Boolean(area) && Number.isInteger(fiscalYear),
  });
}

/** The fiscal years with records for an area, newest first (this year alone when there are none yet). */
export function useSupportStatsYears(area: string) {
  return useQuery({
    queryKey: [...supportKey, 'stats-years', area],
    queryFn: async () => unwrap(await api.GET('/api/v1/support-stats/years', { params: { query: { area } } })),
    enabled: Boolean(area),
  });
}
