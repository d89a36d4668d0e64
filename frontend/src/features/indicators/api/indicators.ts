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

export type CreateIndicatorRequest = components['schemas']['CreateIndicatorRequest'];
export type UpdateIndicatorRequest = components['schemas']['UpdateIndicatorRequest'];
export type Disaggregation = components['schemas']['Disaggregation'];

/** One value to write after the definition: `cell` names the input it came from, to show a refusal there. */
export interface ValueWrite {
  fiscalYear: number;
  body: PutValueRequest;
  cell: string;
}

/** What 指標を追加 / 編集 sends, in order: the definition (new or changed, or neither), then the values. */
export interface IndicatorSave {
  code: string;
  create?: CreateIndicatorRequest;
  update?: UpdateIndicatorRequest;
  values: readonly ValueWrite[];
}

/**
 * A refusal part-way through a save: `error` is the API's, `cell` the value it refused (none: the definition),
 * `saved` the indicator as far as it was saved (a new one exists from then on, and its values have new versions).
 */
export class IndicatorSaveError extends Error {
  constructor(
    readonly error: unknown,
    readonly saved: Indicator | null,
    readonly cell?: string,
  ) {
    super(error instanceof Error ? error.message : 'save failed');
    this.name = 'IndicatorSaveError';
  }
}

/**
 * Creates or updates an indicator (POST /indicators, PUT /indicators/{code} with its version), then writes its
 * baseline and targets one by one (PUT /indicators/{code}/values/{fiscalYear}, each with the version it was read at).
 */
export function useSaveIndicator() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ code, create, update, values }: IndicatorSave) => {
      let saved: Indicator | null = null;
      try {
        if (create) saved = unwrap(await api.POST('/api/v1/indicators', { body: create }));
        else if (update) saved = unwrap(await api.PUT('/api/v1/indicators/{code}', { params: { path: { code } }, body: update }));
      } catch (error) {
        throw new IndicatorSaveError(error, null);
      }
      for (const v of values) {
        try {
          saved = unwrap(
            await api.PUT('/api/v1/indicators/{code}/values/{fiscalYear}', { params: { path: { code, fiscalYear: v.fiscalYear } }, body: v.body }),
          );
        } catch (error) {
          throw new IndicatorSaveError(error, saved, v.cell);
        }
      }
      return saved ?? unwrap(await api.GET('/api/v1/indicators/{code}', { params: { path: { code } } }));
    },
    onSettled: (_data, _error, { code }) => {
      void queryClient.invalidateQueries({ queryKey: indicatorKey(code) });
      void queryClient.invalidateQueries({ queryKey: ['kpis'] });
    },
  });
}
