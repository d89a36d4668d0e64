import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { components } from '@/lib/api/schema';

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
 * The definition an indicator is linked to, if any. The indicator's own answer does not say, so it is found in the
 * comparisons of the definitions that have any indicator linked (one request each; there are few). `fiscalYear` only
 * picks which comparison to read: every linked indicator is listed whatever the year.
 */
export function useLinkedDefinition(indicatorCode: string, definitions: readonly IndicatorDefinition[] | undefined, fiscalYear: number) {
  const candidates = (definitions ?? []).filter((d) => d.indicators > 0);
  const results = useQueries({
    queries: candidates.map((d) => ({
      queryKey: compareKey(d.code, fiscalYear),
      queryFn: async () => unwrap(await api.GET('/api/v1/kpis/compare', { params: { query: { definition: d.code, fiscalYear } } })),
    })),
  });
  const pending = definitions === undefined || results.some((r) => r.isPending);
  const found = results.find((r) => r.data?.items.some((i) => i.indicatorCode === indicatorCode));
  return { pending, definition: found?.data?.definition.code ?? null };
}

/** Links an indicator to a definition, or unlinks it with null (ADMIN, PLANNER). */
export function useLinkIndicatorDefinition(indicatorCode: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (definition: string | null) =>
      unwrap(await api.PUT('/api/v1/indicators/{code}/definition', { params: { path: { code: indicatorCode } }, body: { definition } })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: definitionsKey });
      void queryClient.invalidateQueries({ queryKey: ['kpis', 'compare'] });
    },
  });
}
