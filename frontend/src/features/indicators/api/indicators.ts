import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { components } from '@/lib/api/schema';

export type Indicator = components['schemas']['IndicatorResponse'];
export type IndicatorValue = components['schemas']['IndicatorValueResponse'];
export type SeriesRow = components['schemas']['SeriesRow'];
export type PutValueRequest = components['schemas']['PutValueRequest'];
export type ValueKind = components['schemas']['ValueKind'];
export type Marker = components['schemas']['Marker'];
export type Direction = components['schemas']['Direction'];

const indicatorsKey = ['indicators'] as const;
export const indicatorKey = (code: string) => [...indicatorsKey, code] as const;

/** One indicator with its stored values and the derived series (達成率, 評価, 見通し). */
export function useIndicator(code: string | undefined) {
  return useQuery({
    queryKey: indicatorKey(code ?? ''),
    queryFn: async () => unwrap(await api.GET('/api/v1/indicators/{code}', { params: { path: { code: code! } } })),
    enabled: Boolean(code),
  });
}

/** Sets, replaces or clears (value and marker both null) one value of one fiscal year. */
export function usePutIndicatorValue(code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ fiscalYear, body }: { fiscalYear: number; body: PutValueRequest }) =>
      unwrap(await api.PUT('/api/v1/indicators/{code}/values/{fiscalYear}', { params: { path: { code, fiscalYear } }, body })),
    onSuccess: (indicator) => {
      queryClient.setQueryData(indicatorKey(code), indicator);
      void queryClient.invalidateQueries({ queryKey: indicatorKey(code) });
      // The dashboards and KPI lists derive from these values.
      void queryClient.invalidateQueries({ queryKey: ['kpis'] });
    },
  });
}
