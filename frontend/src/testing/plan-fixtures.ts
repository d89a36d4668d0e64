import type { components } from '@/lib/api/schema';

type Plan = components['schemas']['PlanResponse'];
type PlanTreeNode = components['schemas']['PlanTreeNode'];
type PlanChange = components['schemas']['PlanChange'];
type RoleLegendEntry = components['schemas']['RoleLegendEntry'];

/** ◎ 実施主体 ○ 連携・協力: the legend of a plan that prints none of its own. */
export const standardLegend = (): RoleLegendEntry[] => [
  { symbol: '◎', meaning: '実施主体', role: 'LEAD' },
  { symbol: '○', meaning: '連携・協力', role: 'PARTNER' },
];

/** 第2次北九州市いきいき長寿プラン (令和3〜5年度), as the demo data has it. */
export function ikiiki(extra: Partial<Plan> = {}): Plan {
  return {
    code: 'kitakyushu-ikiiki2', title: '第2次北九州市いきいき長寿プラン', kind: 'ELDERLY_CARE_INSURANCE',
    city: { code: '40100', name: '北九州市', kind: 'CITY' }, periodStart: 2021, periodEnd: 2023, vision: null, status: 'ACTIVE',
    levels: ['目標', '施策の方向性', '取組'], actors: [], gradeThresholds: { a: 100, b: 80, c: 50 }, linkedPlans: [], legend: standardLegend(),
    contacts: [], publishedAt: null, version: 0,
    ...extra,
  };
}

export function treeNode(code: string, title: string, extra: Partial<PlanTreeNode> = {}): PlanTreeNode {
  return {
    code, title, summary: null, activityUnit: null, depth: 0, level: null, roles: [], legend: [], legendInForce: standardLegend(), indicators: [],
    children: [], version: 0, mainTarget: null, ...extra,
  };
}

/** ② > 1 > 63 いのちをつなぐネットワークの推進, with its indicator 地域会合等への参加（回数）. */
export function ikiikiTree(): PlanTreeNode[] {
  return [
    treeNode('②', '高齢者と家族、地域がつながり、支え合うまち', {
      children: [
        treeNode('1', '見守り合い・支え合いの地域づくり', {
          depth: 1,
          children: [
            treeNode('63', 'いのちをつなぐネットワークの推進', {
              depth: 2,
              indicators: [{ code: 'kitakyushu-ikiiki2-63-1', name: '地域会合等への参加（回数）', unit: '回', direction: 'MAINTAIN', notSet: false, notSetReason: null }],
            }),
          ],
        }),
      ],
    }),
  ];
}

export function planChange(record: string, key: string, field: string, oldValue: string | null, newValue: string | null, extra: Partial<PlanChange> = {}): PlanChange {
  return { record, key, field, oldValue, newValue, changedBy: 'planner', changedAt: '2026-04-01T09:00:00+09:00', ...extra };
}
