import { useState } from 'react';
import { Button } from '@/components/ui/button';
import type { Candidate, CandidateList as CandidateListData } from '../api/support-requests';
import { formatScore, SCORE_PARTS } from '../labels';
import '../requests.css';
import { ScoreBar } from './score-bar';

export interface CandidateListProps {
  list: CandidateListData;
  /** Proposes the request to a candidate; absent when the request can no longer be proposed. */
  onAssign?: (candidate: Candidate) => void;
  /** The candidate whose proposal is being sent. */
  pendingId?: number;
  /** How many candidates are shown before 「すべて表示」. */
  initialCount?: number;
}

/** Candidates ranked by score, with every part of the score shown as a bar and a number. */
export function CandidateList({ list, onAssign, pendingId, initialCount = 10 }: CandidateListProps) {
  const [showAll, setShowAll] = useState(false);
  if (list.items.length === 0) {
    return (
      <p className="empty">
        条件に合う担い手がいません（困りごと・時間帯・有償/無償・受け持ちの上限を確認してください）。相談窓口へつなぐこともできます。
      </p>
    );
  }
  const weight = (key: string) => list.weights?.[key];
  const shown = showAll ? list.items : list.items.slice(0, initialCount);
  return (
    <div className="stack">
      <div className="table-wrap">
        <table className="table candidates-table">
          <caption className="visually-hidden">候補の担い手（得点の高い順、{list.items.length}人）</caption>
          <thead>
            <tr>
              <th scope="col">順位</th>
              <th scope="col">担い手</th>
              <th scope="col">得点</th>
              {SCORE_PARTS.map((p) => (
                <th scope="col" key={p.key} title={p.description}>
                  {p.label}
                  {weight(p.key) !== undefined && <span className="table__sub">重み {formatScore(weight(p.key))}</span>}
                </th>
              ))}
              <th scope="col">受け持ち</th>
              <th scope="col">
                <span className="visually-hidden">操作</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((c, i) => (
              <tr key={c.supporterId} data-testid="candidate">
                <td className="num">{i + 1}</td>
                <th scope="row">
                  {c.name}
                  <span className="table__sub">
                    {c.area.name}
                    {c.groupName ? `・${c.groupName}` : ''}
                    {c.hasVehicle ? '・車あり' : ''}
                  </span>
                </th>
                <td aria-label={`得点 ${formatScore(c.score, 3)}`}>
                  <ScoreBar value={c.score} className="score-total" digits={3} />
                </td>
                {SCORE_PARTS.map((p) => (
                  <td key={p.key} aria-label={`${p.label} ${formatScore(c.parts[p.key])}`}>
                    <ScoreBar value={c.parts[p.key]} />
                  </td>
                ))}
                <td className="num">
                  {c.openAssignments}/{c.capacity}
                </td>
                <td className="table__actions">
                  {onAssign && (
                    <Button
                      size="sm"
                      aria-label={`${c.name}さんに依頼する`}
                      disabled={pendingId !== undefined}
                      onClick={() => onAssign(c)}
                    >
                      {pendingId === c.supporterId ? '依頼中…' : '依頼する'}
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {list.items.length > shown.length && (
        <div>
          <Button variant="secondary" size="sm" onClick={() => setShowAll(true)}>
            残り {list.items.length - shown.length}人も表示する
          </Button>
        </div>
      )}
    </div>
  );
}
