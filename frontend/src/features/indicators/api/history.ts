import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { components } from '@/lib/api/schema';
import { indicatorKey } from './indicators';

export type ValueChange = components['schemas']['ValueChangeResponse'];

/**
 * 値の履歴 of one indicator: every change of its values, newest first (who, when, old → new). Under the
 * indicator's key, so a saved value reloads it. The API lets ADMIN, PLANNER, APPROVER and VIEWER read it.
 */
export function useIndicatorHistory(code: string | undefined, enabled = true) {
  return useQuery({
    queryKey: [...indicatorKey(code ?? ''), 'history'],
    queryFn: async () => unwrap(await api.GET('/api/v1/indicators/{code}/history', { params: { path: { code: code! } } })).items,
    enabled: enabled && Boolean(code),
  });
}

/** The changes of the values of every indicator of a plan after a moment (ISO 8601), newest first (at most 5,000). */
export function usePlanValueChanges(plan: string | undefined, since: string | undefined) {
  return useQuery({
    queryKey: ['indicators', 'value-changes', plan, since],
    queryFn: async () => unwrap(await api.GET('/api/v1/indicator-value-changes', { params: { query: { plan: plan!, since: since! } } })).items,
    enabled: Boolean(plan) && Boolean(since),
  });
}
