import { Button } from '@/components/ui/button';
import type { AreaTreeNode } from '../api/areas';
import type { Area } from '../api/get-school-districts';
import { AREA_KIND_LABELS } from '../area-kind';

export interface AreaTreeProps {
  roots: readonly AreaTreeNode[];
  /** The areas as GET /areas lists them, for what a tree node does not say (retired). */
  byCode: ReadonlyMap<string, Area>;
  onEdit: (code: string) => void;
  onAddBelow: (node: AreaTreeNode) => void;
  onRetire: (code: string, retired: boolean) => void;
  onDelete: (code: string) => void;
  busy?: boolean;
}

function flatten(nodes: readonly AreaTreeNode[], depth = 0): { node: AreaTreeNode; depth: number }[] {
  return nodes.flatMap((node) => [{ node, depth }, ...flatten(node.children, depth + 1)]);
}

/**
 * The area tree as an indented table: each area with its kind, code and state, and what can be done to it. A button's
 * name starts with the words it shows and then names the area (「下に追加（碩台）」): screen readers and voice control
 * find it by what is on screen, and axe (which splits Japanese into words) matches it whatever the area's name.
 */
export function AreaTree({ roots, byCode, onEdit, onAddBelow, onRetire, onDelete, busy }: AreaTreeProps) {
  const rows = flatten(roots);
  if (rows.length === 0) return <p className="empty">地域がまだ登録されていません。「地域を追加」か、ファイルからの取り込みで登録してください。</p>;
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">地域の一覧（{rows.length}件）</caption>
        <thead>
          <tr>
            <th scope="col">地域</th>
            <th scope="col">種類</th>
            <th scope="col">コード</th>
            <th scope="col">状態</th>
            <th scope="col">操作</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ node, depth }) => {
            const retired = byCode.get(node.code)?.retired ?? false;
            return (
              <tr key={node.code} data-testid="area-row">
                <th scope="row" style={{ paddingInlineStart: `calc(var(--space-3) + ${depth * 1.5}rem)` }}>
                  {node.name}
                  {node.kana && <span className="table__sub">（{node.kana}）</span>}
                </th>
                <td>{AREA_KIND_LABELS[node.kind]}</td>
                <td>{node.code}</td>
                <td>{retired ? '廃止' : '使用中'}</td>
                <td className="table__actions">
                  <Button size="sm" variant="secondary" onClick={() => onEdit(node.code)} aria-label={`変更（${node.name}）`}>
                    変更
                  </Button>
                  {node.kind !== 'NEIGHBOURHOOD' && !retired && (
                    <Button size="sm" variant="secondary" onClick={() => onAddBelow(node)} aria-label={`下に追加（${node.name}）`}>
                      下に追加
                    </Button>
                  )}
                  <Button size="sm" variant="secondary" disabled={busy} onClick={() => onRetire(node.code, !retired)} aria-label={`${retired ? '再開' : '廃止'}（${node.name}）`}>
                    {retired ? '再開' : '廃止'}
                  </Button>
                  <Button size="sm" variant="secondary" disabled={busy} onClick={() => onDelete(node.code)} aria-label={`削除（${node.name}）`}>
                    削除
                  </Button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
