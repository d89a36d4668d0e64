import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { components } from '@/lib/api/schema';

export type PlanSummary = components['schemas']['PlanSummary'];
export type Plan = components['schemas']['PlanResponse'];
export type PlanTree = components['schemas']['PlanTree'];
export type PlanTreeNode = components['schemas']['PlanTreeNode'];
export type PlanActor = components['schemas']['PlanActorDto'];
export type NodeRole = components['schemas']['RoleDto'];

export const plansKey = ['plans'] as const;

/** 計画一覧. */
export function usePlans() {
  return useQuery({
    queryKey: [...plansKey, 'list'],
    queryFn: async () => unwrap(await api.GET('/api/v1/plans')).items ?? [],
  });
}

/** One plan (header, period, levels, actors). */
export function usePlan(code: string | undefined) {
  return useQuery({
    queryKey: [...plansKey, 'detail', code],
    queryFn: async () => unwrap(await api.GET('/api/v1/plans/{plan}', { params: { path: { plan: code! } } })),
    enabled: Boolean(code),
  });
}

/** The whole tree of a plan with its role matrix and the indicators of each node. */
export function usePlanTree(code: string | undefined) {
  return useQuery({
    queryKey: [...plansKey, 'tree', code],
    queryFn: async () => unwrap(await api.GET('/api/v1/plans/{plan}/tree', { params: { path: { plan: code! } } })),
    enabled: Boolean(code),
  });
}
