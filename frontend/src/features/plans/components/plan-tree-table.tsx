import { Fragment } from 'react';
import { Link } from 'react-router';
import { links } from '@/config/paths';
import type { PlanActor, PlanTreeNode } from '../api/plans';
import { legendText, NOT_IN_LEGEND, type RoleCell, type RoleLegendEntry } from '../legend';
import '../plans.css';

interface Row {
  node: PlanTreeNode;
  depth: number;
  /** The node whose own legend is in force here (this one or the nearest above it); null: the plan's. */
  legendFrom: string | null;
}

function flatten(nodes: readonly PlanTreeNode[], depth = 0, legendFrom: string | null = null, out: Row[] = []): Row[] {
  for (const node of nodes) {
    const from = node.legend.length > 0 ? node.code : legendFrom;
    out.push({ node, depth, legendFrom: from });
    flatten(node.children ?? [], depth + 1, from, out);
  }
  return out;
}

/** True when the plan's role matrix carries what each actor does (くるめ支え合うプラン), not just ◎/○. */
export function hasStatements(nodes: readonly PlanTreeNode[]): boolean {
  return flatten(nodes).some(({ node }) => (node.roles ?? []).some((r) => Boolean(r.statement)));
}

/** The symbol as printed; its meaning in the legend in force is said in words, and a symbol the legend lacks is flagged. */
function RoleMark({ cell, actor }: { cell: RoleCell | undefined; actor: PlanActor }) {
  if (!cell) return <span className="visually-hidden">{actor.name}: なし</span>;
  const meaning = cell.inLegend ? cell.meaning : null;
  const statement = cell.statement ? `（${cell.statement}）` : '';
  return (
    <>
      <span aria-hidden="true" className={`role-mark${cell.role ? ` role-mark--${cell.role.toLowerCase()}` : ''}`} title={cell.statement ?? meaning ?? NOT_IN_LEGEND}>
        {cell.symbol}
      </span>
      {meaning ? (
        <span className="visually-hidden">{`${actor.name}: ${cell.symbol} ${meaning}${statement}`}</span>
      ) : (
        <>
          <span className="visually-hidden">{`${actor.name}: ${cell.symbol}`}</span>{' '}
          <span className="tree__tag tree__tag--warn role-mark__warn">{NOT_IN_LEGEND}</span>
          {statement && <span className="visually-hidden">{statement}</span>}
        </>
      )}
    </>
  );
}

/** 「凡例: ○ 事業の実施主体　□ 連携・協力団体」, as the city prints it above a matrix. */
export function LegendLine({ legend, scope }: { legend: readonly RoleLegendEntry[]; scope?: string }) {
  return (
    <>
      <span className="role-legend">凡例: {legendText(legend)}</span>
      {scope && <span className="table__sub role-legend__scope">（{scope}）</span>}
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
      {roles.map((r) => {
        const meaning = r.inLegend ? r.meaning : null;
        return (
          <div key={r.actor}>
            <dt>
              <span aria-hidden="true">{r.symbol} </span>
              {nameOf(r.actor)}
              {meaning ? <span className="visually-hidden">（{meaning}）</span> : <span className="tree__tag tree__tag--warn">{NOT_IN_LEGEND}</span>}
            </dt>
            <dd>{r.statement ?? meaning ?? NOT_IN_LEGEND}</dd>
          </div>
        );
      })}
    </dl>
  );
}

export interface PlanTreeTableProps {
  nodes: readonly PlanTreeNode[];
  actors: readonly PlanActor[];
  levels: readonly string[];
  /** The plan's legend (a node's own legend overrides it for that node and those under it). */
  legend: readonly RoleLegendEntry[];
}

/**
 * The plan's tree as an indented table, as in the plan documents: code, title (with its level, 取組の主な対象 and
 * 主な活動の単位), and one column per actor with its symbol as printed (◎ ○ □ …), read through the legend in force
 * there: the plan's, shown above the table, or a node's own (a city may print one per 取組), shown as a row above that
 * node and again wherever the legend in force changes back. A symbol that legend does not list is shown as printed and
 * flagged 凡例にない記号. When the roles carry statements, they are shown as text under each node instead of the marks.
 */
export function PlanTreeTable({ nodes, actors, levels, legend }: PlanTreeTableProps) {
  const rows = flatten(nodes);
  if (rows.length === 0) return <p className="empty">この計画にはまだ項目がありません</p>;
  const withStatements = hasStatements(nodes);
  const matrix = !withStatements && actors.length > 0;
  const columns = 2 + (matrix ? actors.length : 0);
  return (
    <div className="stack">
      {actors.length > 0 && (
        <p className="muted" id="role-legend">
          <LegendLine legend={legend} />
          {withStatements && '（各項目の下に、それぞれの主体が行うことを示します）'}
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
            {rows.map(({ node, depth, legendFrom }, i) => {
              const level = node.level ?? levels[depth] ?? null;
              // The plan's legend is shown above the table; another is shown where it starts to hold, and so is the
              // plan's again where it holds once more.
              const legendChanges = actors.length > 0 && legendFrom !== (i === 0 ? null : rows[i - 1].legendFrom);
              const inForce = node.legendInForce.length > 0 ? node.legendInForce : legend;
              return (
                <Fragment key={`${depth}:${node.code}`}>
                  {legendChanges && (
                    <tr className="tree__legend-row">
                      <td colSpan={columns}>
                        <LegendLine legend={inForce} scope={legendFrom === null ? '計画の凡例' : `「${legendFrom}」とその下の項目`} />
                      </td>
                    </tr>
                  )}
                  <tr className={`tree__row tree__row--depth-${Math.min(depth, 4)}`}>
                    <td className="tree__code">{node.code}</td>
                    <th scope="row" style={{ paddingLeft: `calc(var(--space-3) + ${depth * 1.5}rem)` }}>
                      {level && <span className="tree__level">{level}</span>}
                      <span className="tree__title">{node.title}</span>
                      {node.mainTarget && <div className="table__sub tree__target">主な対象: {node.mainTarget}</div>}
                      {node.activityUnit && <div className="table__sub">主な活動の単位: {node.activityUnit}</div>}
                      {withStatements && <NodeStatements node={node} actors={actors} />}
                      <NodeIndicators node={node} />
                    </th>
                    {matrix &&
                      actors.map((a) => (
                        <td key={a.key} className="tree__mark">
                          <RoleMark actor={a} cell={(node.roles ?? []).find((r) => r.actor === a.key)} />
                        </td>
                      ))}
                  </tr>
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
