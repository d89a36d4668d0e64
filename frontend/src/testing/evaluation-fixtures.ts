import type { components } from '@/lib/api/schema';

type Evaluation = components['schemas']['EvaluationResponse'];
type PlanTreeNode = components['schemas']['PlanTreeNode'];

export const plan = {
  code: 'kitakyushu-ikiiki2', title: '第2次北九州市いきいき長寿プラン', kind: 'ELDERLY_CARE_INSURANCE',
  city: { code: '40100', name: '北九州市', kind: 'CITY' }, periodStart: 2021, periodEnd: 2023, vision: null, status: 'ACTIVE',
  levels: ['目標', '施策の方向性', '取組'], actors: [], gradeThresholds: { a: 100, b: 80, c: 50 }, linkedPlans: [],
  legend: [
    { symbol: '◎', meaning: '実施主体', role: 'LEAD' },
    { symbol: '○', meaning: '連携・協力', role: 'PARTNER' },
  ],
  contacts: [],
  version: 0,
} as const;

export function me(roles: string[]) {
  return { subject: 'u', displayName: 'u', kind: 'USER', roles, scopes: [], districts: [], mustChangePassword: false, external: false };
}

export function treeNode(code: string, title: string, extra: Partial<PlanTreeNode> = {}): PlanTreeNode {
  return {
    code, title, summary: null, activityUnit: null, depth: 0, level: null, roles: [], legend: [], legendInForce: [...plan.legend], indicators: [],
    children: [], version: 0, mainTarget: null, ...extra,
  };
}

export const tree = {
  plan,
  nodes: [
    treeNode('②', '高齢者と家族、地域がつながり、支え合うまち', {
      children: [
        treeNode('1', '見守り合い・支え合いの地域づくり', {
          depth: 1,
          children: [
            treeNode('62', '住民主体による居場所づくり', {
              depth: 2,
              level: '取組',
              indicators: [{ code: 'kitakyushu-ikiiki2-62-1', name: 'サロン助成団体数', unit: '団体', direction: 'INCREASE', notSet: false, notSetReason: null }],
            }),
          ],
        }),
      ],
    }),
  ],
};

export function evaluation(extra: Partial<Evaluation> = {}): Evaluation {
  return {
    planCode: plan.code,
    nodeCode: '62',
    nodeTitle: '住民主体による居場所づくり',
    fiscalYear: 2022,
    resultText: 'サロン活動への助成を行った。',
    futureDirection: '担い手の確保に取り組む。',
    direction: 'CONTINUE',
    selfGrade: 'B',
    status: 'DRAFT',
    editable: true,
    version: 3,
    updatedAt: '2026-11-22T09:05:00+09:00',
    updatedBy: 'planner',
    transitions: [],
    ...extra,
  };
}
