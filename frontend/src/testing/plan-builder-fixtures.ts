import type { components } from '@/lib/api/schema';
import { jsonResponse, mockFetch } from './mock-fetch';

type S = components['schemas'];

export function meWith(roles: S['Role'][]): S['MeResponse'] {
  return { subject: 'planner', displayName: '計画担当', kind: 'USER', roles, scopes: [], districts: [], mustChangePassword: false, external: false } as S['MeResponse'];
}

/** 第5次熊本市地域福祉計画, as the builder starts it: six actor columns, four levels. */
export const kumamotoPlan: S['PlanResponse'] = {
  code: 'kumamoto-5th',
  title: '第5次熊本市地域福祉計画',
  kind: 'COMMUNITY_WELFARE',
  city: { code: '43100', name: '熊本市', kind: 'CITY' },
  periodStart: 2024,
  periodEnd: 2031,
  vision: null,
  status: 'ACTIVE',
  levels: ['基本方針', '取組の視点', '取組', '事業'],
  actors: [
    { key: 'city', name: '市' },
    { key: 'council', name: '市社協' },
    { key: 'minsei', name: '民生委員' },
  ],
  gradeThresholds: { a: 100, b: 80, c: 50 },
  linkedPlans: [],
  legend: [
    { symbol: '◎', meaning: '実施主体', role: 'LEAD' },
    { symbol: '○', meaning: '連携・協力', role: 'PARTNER' },
  ],
  contacts: [],
  publishedAt: null,
  version: 0,
};

/** A role as the API keeps it: the symbol as printed (its meaning is read through the legend in force). */
export interface StoredRole {
  actor: string;
  symbol: string;
  statement: string | null;
}

/** A node as the builder's fake API keeps it (its children and indicators nested, as the tree gives them). */
export interface StoredNode {
  code: string;
  title: string;
  summary: string | null;
  activityUnit: string | null;
  /** 取組の主な対象. */
  mainTarget: string | null;
  roles: StoredRole[];
  /** Its own legend; empty: the one above it holds. */
  legend: S['RoleLegendEntry'][];
  indicators: S['NodeIndicatorSummary'][];
  children: StoredNode[];
  version: number;
  /** Values hanging on the node's indicators, for the counts of a refused delete. */
  values?: number;
}

export function stored(code: string, title: string, extra: Partial<StoredNode> = {}): StoredNode {
  return { code, title, summary: null, activityUnit: null, mainTarget: null, roles: [], legend: [], indicators: [], children: [], version: 0, ...extra };
}

/** A role cell as the API reads it: through the legend in force, a symbol it does not list flagged, never mapped. */
function cell(role: StoredRole, legend: S['RoleLegendEntry'][]): S['RoleCell'] {
  const entry = legend.find((e) => e.symbol === role.symbol);
  return { actor: role.actor, symbol: role.symbol, role: entry?.role ?? null, meaning: entry?.meaning ?? null, inLegend: Boolean(entry), statement: role.statement };
}

function toTree(nodes: StoredNode[], plan: S['PlanResponse'], depth = 0, inherited: S['RoleLegendEntry'][] = plan.legend): S['PlanTreeNode'][] {
  return nodes.map((n) => {
    const inForce = n.legend.length > 0 ? n.legend : inherited;
    return {
      code: n.code,
      title: n.title,
      summary: n.summary,
      activityUnit: n.activityUnit,
      mainTarget: n.mainTarget,
      depth,
      level: plan.levels[depth] ?? null,
      roles: n.roles.map((r) => cell(r, inForce)),
      legend: n.legend,
      legendInForce: inForce,
      indicators: n.indicators,
      children: toTree(n.children, plan, depth + 1, inForce),
      version: n.version,
    };
  });
}

/** The legend in force at a node: its own, else its nearest ancestor's, else the plan's. */
function legendAt(nodes: StoredNode[], code: string | null | undefined, plan: S['PlanResponse']): S['RoleLegendEntry'][] {
  const path: StoredNode[] = [];
  const walk = (list: StoredNode[]): boolean =>
    list.some((n) => {
      path.push(n);
      if (n.code === code || walk(n.children)) return true;
      path.pop();
      return false;
    });
  if (code) walk(nodes);
  return [...path].reverse().find((n) => n.legend.length > 0)?.legend ?? plan.legend;
}

/** Roles as written (by symbol, or by kind: the legend's symbol for it), kept by symbol. */
function storedRoles(roles: S['RoleDto'][], legend: S['RoleLegendEntry'][]): StoredRole[] {
  return roles.map((r) => ({ actor: r.actor, symbol: r.symbol ?? legend.find((e) => e.role === r.role)!.symbol, statement: r.statement ?? null }));
}

function find(nodes: StoredNode[], code: string, parent: StoredNode | null = null): { node: StoredNode; siblings: StoredNode[]; parent: StoredNode | null } | null {
  for (const node of nodes) {
    if (node.code === code) return { node, siblings: nodes, parent };
    const inner = find(node.children, code, node);
    if (inner) return inner;
  }
  return null;
}

const stale = { type: '/problems/stale-version', title: '競合しています', status: 409, detail: '項目 は他の人が先に更新しました。' };

/**
 * The plan API over a tree kept in memory as the server keeps it: versions checked and moved on, moves among
 * siblings and between parents, 409 node-in-use (with its counts) while indicators hang on a node, indicators with
 * their values. `conflictOnce` answers the next write to that node with a stale-version 409, as if someone else saved
 * it first.
 */
export function builderBackend({
  roles = ['PLANNER'] as S['Role'][],
  plan: initial = kumamotoPlan,
  nodes = [] as StoredNode[],
  findings = [] as S['FindingResponse'][],
}: { roles?: S['Role'][]; plan?: S['PlanResponse']; nodes?: StoredNode[]; findings?: S['FindingResponse'][] } = {}) {
  const state = { nodes, plan: initial, findings, conflictOnce: null as string | null, treeReads: 0 };
  const code = initial.code;
  const indicators = new Map<string, S['IndicatorResponse']>();
  const fetched = mockFetch(async (request) => {
    const url = new URL(request.url);
    const path = decodeURIComponent(url.pathname);
    const method = request.method;
    if (path === '/api/v1/me') return jsonResponse(meWith(roles));
    const plan = state.plan;
    if (path === `/api/v1/plans/${code}/tree`) {
      state.treeReads++;
      return jsonResponse({ plan, nodes: toTree(state.nodes, plan) });
    }
    if (path === `/api/v1/plans/${code}/findings` && method === 'GET') return jsonResponse({ items: state.findings });
    if (path === `/api/v1/plans/${code}` && method === 'PUT') {
      const body: S['UpdatePlanRequest'] = await request.json();
      if (body.version !== plan.version) return jsonResponse(stale, 409);
      const { version, ...fields } = body;
      state.plan = { ...plan, ...fields, linkedPlans: body.linkedPlans ?? plan.linkedPlans, legend: body.legend ?? plan.legend, contacts: body.contacts ?? plan.contacts, version: version + 1 };
      return jsonResponse(state.plan);
    }
    if (path === `/api/v1/plans/${code}/nodes` && method === 'POST') {
      const body: S['CreateNodeRequest'] = await request.json();
      const legend = body.legend ?? [];
      const inherited = legendAt(state.nodes, body.parentCode, plan);
      const roles = storedRoles(body.roles ?? [], legend.length > 0 ? legend : inherited);
      const node = stored(body.code, body.title, { summary: body.summary ?? null, activityUnit: body.activityUnit ?? null, mainTarget: body.mainTarget || null, roles, legend });
      const list = body.parentCode ? find(state.nodes, body.parentCode)!.node.children : state.nodes;
      list.push(node);
      return jsonResponse(toTree([node], plan, 0, inherited)[0], 201);
    }
    const move = new RegExp(`^/api/v1/plans/${code}/nodes/(.+)/move$`).exec(path);
    if (move && method === 'POST') {
      const body: S['MoveNodeRequest'] = await request.json();
      const at = find(state.nodes, move[1])!;
      if (state.conflictOnce === at.node.code || body.version !== at.node.version) {
        state.conflictOnce = null;
        return jsonResponse(stale, 409);
      }
      at.siblings.splice(at.siblings.indexOf(at.node), 1);
      const target = body.parentCode ? find(state.nodes, body.parentCode)!.node.children : state.nodes;
      target.splice(Math.min(body.position, target.length), 0, at.node);
      at.node.version++;
      return new Response(null, { status: 201 });
    }
    const one = new RegExp(`^/api/v1/plans/${code}/nodes/(.+)$`).exec(path);
    if (one) {
      const at = find(state.nodes, one[1])!;
      if (method === 'PUT') {
        const body: S['UpdateNodeRequest'] = await request.json();
        if (state.conflictOnce === at.node.code || body.version !== at.node.version) {
          state.conflictOnce = null;
          return jsonResponse(stale, 409);
        }
        const legend = body.legend ?? at.node.legend;
        const inForce = legend.length > 0 ? legend : legendAt(state.nodes, at.parent?.code, plan);
        Object.assign(at.node, {
          code: body.code, title: body.title, summary: body.summary ?? null, activityUnit: body.activityUnit ?? null, legend, roles: storedRoles(body.roles, inForce),
          // Omitted or null: unchanged; "": cleared.
          mainTarget: body.mainTarget == null ? at.node.mainTarget : body.mainTarget || null,
        });
        at.node.version++;
        return new Response(null, { status: 204 });
      }
      if (method === 'DELETE') {
        const inUse = at.node.indicators.length;
        if (inUse > 0 && url.searchParams.get('cascade') !== 'true') {
          const counts = { nodes: at.node.children.length, indicators: inUse, values: at.node.values ?? 0, evaluations: 0 };
          return jsonResponse(
            {
              type: '/problems/node-in-use',
              title: '競合しています',
              status: 409,
              detail: `項目「${at.node.title}」には 成果指標 ${inUse} 件、指標の値 ${counts.values} 件 があるため削除できません。まとめて削除するには cascade=true を指定してください。`,
              counts,
            },
            409,
          );
        }
        at.siblings.splice(at.siblings.indexOf(at.node), 1);
        return new Response(null, { status: 204 });
      }
    }
    if (path === '/api/v1/indicators' && method === 'POST') {
      const body: S['CreateIndicatorRequest'] = await request.json();
      const indicator: S['IndicatorResponse'] = {
        code: body.code, planCode: body.planCode, planTitle: plan.title, nodeCode: body.nodeCode, nodeTitle: find(state.nodes, body.nodeCode)!.node.title,
        name: body.name, unit: body.unit ?? null, direction: (body.direction ?? null) as S['Direction'] | null, rationale: body.rationale ?? null, notSet: body.notSet ?? false,
        notSetReason: body.notSetReason ?? null, disaggregation: body.disaggregation ?? null, values: [], series: [], version: 0, definitionCode: null,
      };
      indicators.set(body.code, indicator);
      find(state.nodes, body.nodeCode)!.node.indicators.push({ code: body.code, name: body.name, unit: body.unit ?? null, direction: body.direction ?? null, notSet: indicator.notSet, notSetReason: indicator.notSetReason });
      return jsonResponse(indicator, 201);
    }
    const value = /^\/api\/v1\/indicators\/([^/]+)\/values\/(\d+)$/.exec(path);
    if (value && method === 'PUT') {
      const body: S['PutValueRequest'] = await request.json();
      const indicator = indicators.get(value[1])!;
      const year = Number(value[2]);
      const others = indicator.values.filter((v) => !(v.fiscalYear === year && v.kind === body.kind && v.option === (body.option ?? null)));
      const old = indicator.values.find((v) => !others.includes(v));
      if ((old?.version ?? 0) !== (body.version ?? 0)) return jsonResponse(stale, 409);
      indicator.values =
        body.value === null && body.marker === null
          ? others
          : [
              ...others,
              {
                fiscalYear: year, option: body.option ?? null, kind: body.kind, value: body.value ?? null, marker: body.marker ?? null,
                version: (old?.version ?? 0) + 1, updatedAt: '2026-04-01T09:00:00+09:00', updatedBy: 'planner', source: null,
              },
            ];
      return jsonResponse(indicator);
    }
    const indicator = /^\/api\/v1\/indicators\/([^/]+)$/.exec(path);
    if (indicator && method === 'GET') return jsonResponse(indicators.get(indicator[1]));
    return jsonResponse({ status: 404, detail: `no handler for ${method} ${path}` }, 404);
  });
  return { ...fetched, state, indicators };
}

/** The bodies of the requests of one method whose path ends so, parsed. */
export async function bodiesOf<T>(requests: readonly Request[], method: string, pathEnd: string | RegExp): Promise<T[]> {
  const matching = requests.filter((r) => {
    const path = decodeURIComponent(new URL(r.url).pathname);
    return r.method === method && (typeof pathEnd === 'string' ? path.endsWith(pathEnd) : pathEnd.test(path));
  });
  return Promise.all(matching.map((r) => r.clone().json() as Promise<T>));
}
