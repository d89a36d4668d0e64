import type { BatchProposal } from '../api/batch-matching';
import { differsFromGreedy } from '../batch';
import { formatScore } from '../labels';
import '../requests.css';

/**
 * The proposal beside one request at a time: how many requests each serves, the total of the scores, what the
 * fairness took off, and how many rows differ; the counts again as bars (decoration: the numbers are the text).
 */
export function BatchSummary({ proposal }: { proposal: BatchProposal }) {
  const total = proposal.rows.length;
  const differing = proposal.rows.filter(differsFromGreedy).length;
  const bars = [
    { key: 'optimum', label: '一括', served: proposal.optimum.served },
    { key: 'greedy', label: '1件ずつ', served: proposal.greedy.served },
  ];
  return (
    <div className="batch-summary">
      <dl className="facts">
        <div>
          <dt>相談</dt>
          <dd>{total}件</dd>
        </div>
        <div>
          <dt>割り当て件数</dt>
          <dd>
            一括: {proposal.optimum.served}件 / 1件ずつ: {proposal.greedy.served}件
          </dd>
        </div>
        <div>
          <dt>点の合計</dt>
          <dd>
            一括: {formatScore(proposal.optimum.totalScore, 3)} / 1件ずつ: {formatScore(proposal.greedy.totalScore, 3)}
          </dd>
        </div>
        <div>
          <dt>公平性の差し引き</dt>
          <dd>
            {formatScore(proposal.fairnessPenalty, 3)}（公平性 {formatScore(proposal.fairness)}）
          </dd>
        </div>
        <div>
          <dt>1件ずつと担い手が違う行</dt>
          <dd>{differing}行</dd>
        </div>
        <div>
          <dt>案の確かさ</dt>
          <dd>
            {proposal.exact
              ? '最適（規則と時間の重なりを守った中で最良）'
              : '時間の重なる相談が多いため探索を打ち切りました。見つかった中で最良の案です'}
          </dd>
        </div>
      </dl>
      <figure className="batch-bars">
        <figcaption>割り当て件数（相談 {total}件のうち）</figcaption>
        <ul>
          {bars.map((b) => (
            <li key={b.key} className="batch-bars__row">
              <span>{b.label}</span>
              <span className="batch-bars__track" aria-hidden="true">
                <span className={`batch-bars__bar batch-bars__bar--${b.key}`} style={{ width: `${total ? (b.served / total) * 100 : 0}%` }} />
              </span>
              <span className="batch-bars__count">{b.served}件</span>
            </li>
          ))}
        </ul>
      </figure>
    </div>
  );
}
