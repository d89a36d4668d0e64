import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { components } from '@/lib/api/schema';
import { plansKey } from './plans';

export type PlanChange = components['schemas']['PlanChange'];

/**
 * How the plan, its nodes and its indicators' definitions changed after a moment (ISO 8601), newest first
 * (at most 5,000). The values of the indicators are another endpoint (/indicator-value-changes).
 */
export function usePlanChanges(plan: string | undefined, since: string | undefined) {
  return useQuery({
    queryKey: [...plansKey, 'changes', plan, since],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/plans/{plan}/changes', { params: { path: { plan: plan! }, query: { since: since! } } })).items,
    enabled: Boolean(plan) && Boolean(since),
  });
}
