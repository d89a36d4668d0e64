import { Link } from 'react-router';
import { links } from '@/config/paths';
import type { NodeRole, PlanActor, PlanTreeNode } from '../api/plans';

export const ROLE_MARKS = { LEAD: '◎', PARTNER: '○' } as const;
export const ROLE_LABELS = { LEAD: '実施主体', PARTNER: '連携・協力' } as const;

interface Row {
  node: PlanTreeNode;
  depth: number;
}

function flatten(nodes: readonly PlanTreeNode[], depth = 0, out: Row[] = []): Row[] {
  for (const node of nodes) {
    out.push({ node, depth });
    flatten(node.children ?? [], depth + 1, out);
  }
  return out;
}

/** True when the plan's role matrix carries what each actor does (くるめ支え合うプラン), not just ◎/○. */
export function hasStatements(nodes: readonly PlanTreeNode[]): boolean {
  return flatten(nodes).some(({ node }) => (node.roles ?? []).some((r) => Boolean(r.statement)));
}

function RoleMark({ role, actor }: { role: NodeRole | undefined; actor: PlanActor }) {
  if (!role) return <span className="visually-hidden">{actor.name}: なし</span>;
  const label = `${actor.name}: ${ROLE_LABELS[role.role]}${role.statement ? `（${role.statement}）` : ''}`;
  return (
    <>
      <span aria-hidden="true" className={`role-mark role-mark--${role.role.toLowerCase()}`} title={role.statement ?? ROLE_LABELS[role.role]}>
        {ROLE_MARKS[role.role]}
      </span>
      <span className="visually-hidden">{label}</span>
    </>
  );
}

function NodeIndicators({ node }: { node: PlanTreeNode }) {
  const indicators = node.indicators ?? [];
  if (indicators.length === 0) return null;
  return (
    <ul className="tree__indicators" aria-label={`${node.code} ${node.title}の成果指標`}>
      {indicators.map((i) => (
        <li key={i.code}>
          <span className="tree__tag">指標</span>
          <Link to={links.indicator(i.code)}>{i.name ?? `（名称なし: ${i.code}）`}</Link>
          {i.unit && <span className="table__sub">（{i.unit}）</span>}
          {i.notSet && (
            <span className="tree__tag tree__tag--warn" title={i.notSetReason ?? undefined}>
              未設定{i.notSetReason ? `（${i.notSetReason}）` : ''}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

function NodeStatements({ node, actors }: { node: PlanTreeNode; actors: readonly PlanActor[] }) {
  const roles = node.roles ?? [];
  if (roles.length === 0) return null;
  const nameOf = (key: string) => actors.find((a) => a.key === key)?.name ?? key;
  return (
    <dl className="tree__statements">
      {roles.map((r) => (
        <div key={r.actor}>
          <dt>
            <span aria-hidden="true">{ROLE_MARKS[r.role]} </span>
            {nameOf(r.actor)}
            <span className="visually-hidden">（{ROLE_LABELS[r.role]}）</span>
          </dt>
          <dd>{r.statement ?? ROLE_LABELS[r.role]}</dd>
        </div>
      ))}
    </dl>
  );
}

export interface PlanTreeTableProps {
  nodes: readonly PlanTreeNode[];
  actors: readonly PlanActor[];
  levels: readonly string[];
}

/**
 * The plan's tree as an indented table, as in the plan documents: code, title (with its level and
 * 主な活動の単位), and one column per actor with ◎ (実施主体) / ○ (連携・協力). When the roles carry
 * statements, they are shown as text under each node instead of the marks.
 */
export function PlanTreeTable({ nodes, actors, levels }: PlanTreeTableProps) {
  const rows = flatten(nodes);
  if (rows.length === 0) return <p className="empty">この計画にはまだ項目がありません</p>;
  const withStatements = hasStatements(nodes);
  const matrix = !withStatements && actors.length > 0;
  return (
    <div className="stack">
      {actors.length > 0 && (
        <p className="muted" id="role-legend">
          ◎ 実施主体　○ 連携・協力{withStatements && '（各項目の下に、それぞれの主体が行うことを示します）'}
        </p>
      )}
      <div className="table-wrap">
        <table className="table tree">
          <caption className="visually-hidden">計画の体系と役割分担</caption>
          <thead>
            <tr>
              <th scope="col">番号</th>
              <th scope="col">項目</th>
              {matrix &&
                actors.map((a) => (
                  <th scope="col" key={a.key} className="tree__actor">
                    {a.name}
                  </th>
                ))}
            </tr>
          </thead>
          <tbody>
            {rows.map(({ node, depth }) => {
              const level = node.level ?? levels[depth] ?? null;
              return (
                <tr key={`${depth}:${node.code}`} className={`tree__row tree__row--depth-${Math.min(depth, 4)}`}>
                  <td className="tree__code">{node.code}</td>
                  <th scope="row" style={{ paddingLeft: `calc(var(--space-3) + ${depth * 1.5}rem)` }}>
                    {level && <span className="tree__level">{level}</span>}
                    <span className="tree__title">{node.title}</span>
                    {node.activityUnit && <div className="table__sub">主な活動の単位: {node.activityUnit}</div>}
                    {withStatements && <NodeStatements node={node} actors={actors} />}
                    <NodeIndicators node={node} />
                  </th>
                  {matrix &&
                    actors.map((a) => (
                      <td key={a.key} className="tree__mark">
                        <RoleMark actor={a} role={(node.roles ?? []).find((r) => r.actor === a.key)} />
                      </td>
                    ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
