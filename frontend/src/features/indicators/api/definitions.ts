import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { components } from '@/lib/api/schema';
import { indicatorKey, type Indicator } from './indicators';

export type IndicatorDefinition = components['schemas']['IndicatorDefinition'];
export type CreateIndicatorDefinitionRequest = components['schemas']['CreateIndicatorDefinitionRequest'];
export type KpiComparison = components['schemas']['KpiComparison'];
export type KpiComparisonItem = components['schemas']['KpiComparisonItem'];
export type OlderPopulation = components['schemas']['OlderPopulation'];

export const definitionsKey = ['indicator-definitions'] as const;
/** Under ['kpis'], so a change to any value (which invalidates ['kpis']) refreshes the comparison too. */
const compareKey = (definition: string, fiscalYear: number) => ['kpis', 'compare', definition, fiscalYear] as const;

/** 共通の指標定義 (GET /indicator-definitions), by code, each with how many indicators are linked to it. */
export function useIndicatorDefinitions(enabled = true) {
  return useQuery({
    queryKey: definitionsKey,
    queryFn: async () => unwrap(await api.GET('/api/v1/indicator-definitions')).items,
    enabled,
  });
}

/** Every city's value of the indicator linked to a definition, for one fiscal year (GET /kpis/compare). */
export function useKpiComparison(definition: string | undefined, fiscalYear: number) {
  return useQuery({
    queryKey: compareKey(definition ?? '', fiscalYear),
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/kpis/compare', { params: { query: { definition: definition!, fiscalYear } } })),
    enabled: Boolean(definition),
  });
}

/** 共通の指標定義をつくる (ADMIN, PLANNER); 409 when the code is taken. */
export function useCreateIndicatorDefinition() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: CreateIndicatorDefinitionRequest) => unwrap(await api.POST('/api/v1/indicator-definitions', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: definitionsKey }),
  });
}

/** A city's 65歳以上人口 for a fiscal year (ADMIN, PLANNER): the comparison is then per 10,000 older residents. */
export function usePutOlderPopulation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ area, fiscalYear, population }: { area: string; fiscalYear: number; population: number }) =>
      unwrap(await api.PUT('/api/v1/older-populations/{area}/{fiscalYear}', { params: { path: { area, fiscalYear } }, body: { population } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['kpis', 'compare'] }),
  });
}

/**
 * Links an indicator to a definition, or unlinks it with null (ADMIN, PLANNER). The indicator's `definitionCode`
 * takes the answer at once and the indicator is read again; the definitions' counts and the comparisons too.
 */
export function useLinkIndicatorDefinition(indicatorCode: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (definition: string | null) =>
      unwrap(await api.PUT('/api/v1/indicators/{code}/definition', { params: { path: { code: indicatorCode } }, body: { definition } })),
    onSuccess: (link) => {
      queryClient.setQueryData<Indicator>(indicatorKey(indicatorCode), (i) => i && { ...i, definitionCode: link.definition });
      void queryClient.invalidateQueries({ queryKey: indicatorKey(indicatorCode) });
      void queryClient.invalidateQueries({ queryKey: definitionsKey });
      void queryClient.invalidateQueries({ queryKey: ['kpis', 'compare'] });
    },
  });
}
