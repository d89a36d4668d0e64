import { memo, useState } from 'react';
import { Link } from 'react-router';
import { Button } from '@/components/ui/button';
import { links } from '@/config/paths';
import type { BatchRow } from '../api/batch-matching';
import { differsFromGreedy, optionsForRow, whyUnassigned, type RowChoice, type RowProblem, type SupporterOption } from '../batch';
import { formatSchedule, formatScore, labelOf, SCORE_PARTS, URGENCY_OPTIONS } from '../labels';
import '../requests.css';
import { ScoreBar } from './score-bar';

/** How many rows are drawn before 「残りも表示する」 (a backlog may be thousands, each row with a list of supporters). */
export const BATCH_INITIAL_ROWS = 200;

/** The id of a row's checkbox, for a refusal's 「この行へ」 to take the focus to. */
export const batchRowTarget = (requestId: number) => `batch-row-${requestId}-keep`;

export interface BatchTableProps {
  rows: readonly BatchRow[];
  choices: ReadonlyMap<number, RowChoice>;
  /** The supporters of the proposal: what a row's supporter can be swapped for. */
  supporters: readonly SupporterOption[];
  /** The rows the last refused confirmation named, by request. */
  problems: ReadonlyMap<number, RowProblem[]>;
  onChange: (requestId: number, choice: RowChoice) => void;
}

/**
 * The proposal, a row per request (urgent first, then the oldest, as the API orders them): the supporter it gives
 * each (changeable to another of the proposal) with the parts of the score, and whom one request at a time would
 * have given; rows where the two differ are marked, rows a refusal named more so.
 */
export function BatchTable({ rows, choices, supporters, problems, onChange }: BatchTableProps) {
  const [showAll, setShowAll] = useState(false);
  // A refusal may name a row past the first ones: it is drawn, so it can be seen and reached.
  const lastNamed = rows.reduce((last, r, i) => (problems.has(r.requestId) ? i : last), -1);
  const count = showAll || lastNamed >= BATCH_INITIAL_ROWS ? rows.length : Math.min(rows.length, BATCH_INITIAL_ROWS);
  return (
    <div className="stack">
      <div className="table-wrap">
        <table className="table batch-table">
          <caption className="visually-hidden">一括マッチングの提案（相談 {rows.length}件、緊急度の高い順・受付の古い順）</caption>
          <thead>
            <tr>
              <th scope="col">確定</th>
              <th scope="col">相談</th>
              <th scope="col">依頼者</th>
              <th scope="col">地区</th>
              <th scope="col">種類</th>
              <th scope="col">日時</th>
              <th scope="col">緊急度</th>
              <th scope="col">提案する担い手</th>
              <th scope="col">点</th>
              <th scope="col">1件ずつ決めた場合の担い手</th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, count).map((r) => (
              <BatchTableRow
                key={r.requestId}
                row={r}
                choice={choices.get(r.requestId) ?? { keep: false, supporterId: null }}
                supporters={supporters}
                problems={problems.get(r.requestId)}
                onChange={onChange}
              />
            ))}
          </tbody>
        </table>
      </div>
      {count < rows.length && (
        <div>
          <Button variant="secondary" size="sm" onClick={() => setShowAll(true)}>
            残り {rows.length - count}件も表示する
          </Button>
        </div>
      )}
    </div>
  );
}

interface RowProps {
  row: BatchRow;
  choice: RowChoice;
  supporters: readonly SupporterOption[];
  problems: RowProblem[] | undefined;
  onChange: (requestId: number, choice: RowChoice) => void;
}

/** One request of the proposal; drawn again only when its own choice or problems change. */
const BatchTableRow = memo(function BatchTableRow({ row: r, choice, supporters, problems, onChange }: RowProps) {
  const keepId = batchRowTarget(r.requestId);
  const selectId = `batch-row-${r.requestId}-supporter`;
  const problemId = `batch-row-${r.requestId}-problem`;
  const differs = differsFromGreedy(r);
  const swapped = choice.supporterId !== r.supporterId;
  const options = optionsForRow(r, supporters);
  const className = ['batch-row', differs ? 'batch-row--differs' : '', problems ? 'batch-row--problem' : ''].filter(Boolean).join(' ');
  return (
    <tr className={className}>
      <td>
        <input
          type="checkbox"
          id={keepId}
          className="batch-row__keep"
          checked={choice.keep && choice.supporterId !== null}
          disabled={choice.supporterId === null}
          aria-describedby={problems ? problemId : undefined}
          onChange={(e) => onChange(r.requestId, { ...choice, keep: e.target.checked })}
        />
        <label htmlFor={keepId} className="visually-hidden">
          この行を確定する（相談 {r.requestId} {r.recipientName}さん）
        </label>
      </td>
      <th scope="row">
        <Link to={links.supportRequest(r.requestId)}>相談 {r.requestId}</Link>
        {problems && (
          <ul className="batch-row__problems" id={problemId}>
            {problems.map((p, i) => (
              <li key={i}>{p.message}</li>
            ))}
          </ul>
        )}
      </th>
      <td>{r.recipientName}</td>
      <td>{r.area.name}</td>
      <td>{r.category}</td>
      <td>{formatSchedule(r)}</td>
      <td className="nowrap">{labelOf(URGENCY_OPTIONS, r.urgency)}</td>
      <td>
        {r.candidates === 0 ? (
          <span className="batch-row__none">{whyUnassigned(r)}</span>
        ) : (
          <>
            {r.supporterId === null && <span className="batch-row__none">{whyUnassigned(r)}</span>}
            <label htmlFor={selectId} className="visually-hidden">
              相談 {r.requestId}の担い手
            </label>
            <select
              id={selectId}
              className="select batch-row__select"
              value={choice.supporterId ?? ''}
              aria-invalid={problems?.some((p) => p.part === 'supporterId') || undefined}
              aria-describedby={problems ? problemId : undefined}
              onChange={(e) => {
                const supporterId = e.target.value ? Number(e.target.value) : null;
                onChange(r.requestId, { keep: supporterId !== null && choice.keep, supporterId });
              }}
            >
              {choice.supporterId === null && <option value="">選んでください</option>}
              {options.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
            {swapped && r.supporterId !== null && <span className="table__sub batch-row__swapped">入れ替え（提案は{r.supporterName}さん）</span>}
          </>
        )}
      </td>
      <td>
        <RowScore row={r} choice={choice} />
      </td>
      <td>
        {r.greedySupporterId === null ? (
          <span className="batch-row__none">割り当てなし</span>
        ) : (
          <>
            {r.greedySupporterName}
            <span className="table__sub"> {formatScore(r.greedyScore, 3)}点</span>
          </>
        )}
        {differs && <span className="batch-row__differs">一括と違う</span>}
      </td>
    </tr>
  );
});

/** The score of the supporter the row has now: with its parts as proposed; the total alone for the greedy one. */
function RowScore({ row: r, choice }: { row: BatchRow; choice: RowChoice }) {
  if (choice.supporterId !== null && choice.supporterId === r.supporterId && r.score !== null) {
    return (
      <div className="batch-score">
        <ScoreBar value={r.score} className="score-total" digits={3} />
        {r.parts && (
          <dl className="batch-score__parts">
            {SCORE_PARTS.map((p) => (
              <div key={p.key} title={p.description}>
                <dt>{p.label}</dt>
                <dd>
                  <ScoreBar value={r.parts![p.key]} />
                </dd>
              </div>
            ))}
          </dl>
        )}
      </div>
    );
  }
  if (choice.supporterId !== null && choice.supporterId === r.greedySupporterId && r.greedyScore !== null) {
    return <ScoreBar value={r.greedyScore} className="score-total" digits={3} />;
  }
  return <span className="table__sub">{choice.supporterId === null ? '—' : '点は出していません'}</span>;
}
