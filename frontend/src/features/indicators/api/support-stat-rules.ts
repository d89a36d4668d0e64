import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { components } from '@/lib/api/schema';
import { indicatorKey } from './indicators';

export type SupportStatRule = components['schemas']['SupportStatRuleResponse'];
export type SupportStatRuleRequest = components['schemas']['SupportStatRuleRequest'];

const rulesKey = ['support-stat-rules'] as const;

/**
 * The rule that makes an indicator's actuals the support statistics of an area, if there is one
 * (GET /support-stat-rules, filtered here). The API lets ADMIN, PLANNER, APPROVER and VIEWER read them.
 */
export function useSupportStatRule(indicatorCode: string | undefined, enabled = true) {
  return useQuery({
    queryKey: rulesKey,
    queryFn: async () => unwrap(await api.GET('/api/v1/support-stat-rules')).items,
    select: (rules) => rules.find((r) => r.indicatorCode === indicatorCode) ?? null,
    enabled: enabled && Boolean(indicatorCode),
  });
}

/** Sets (or replaces) and removes the rule; both rewrite the indicator's actuals, so the indicator and the KPIs reload. */
export function useSupportStatRuleMutations(indicatorCode: string) {
  const queryClient = useQueryClient();
  const onSuccess = () => {
    void queryClient.invalidateQueries({ queryKey: rulesKey });
    void queryClient.invalidateQueries({ queryKey: indicatorKey(indicatorCode) });
    void queryClient.invalidateQueries({ queryKey: ['kpis'] });
  };
  const put = useMutation({
    mutationFn: async (body: SupportStatRuleRequest) =>
      unwrap(await api.PUT('/api/v1/indicators/{code}/support-stat-rule', { params: { path: { code: indicatorCode } }, body })),
    onSuccess,
  });
  const remove = useMutation({
    mutationFn: async () => {
      unwrap(await api.DELETE('/api/v1/indicators/{code}/support-stat-rule', { params: { path: { code: indicatorCode } } }));
    },
    onSuccess,
  });
  return { put, remove };
}
