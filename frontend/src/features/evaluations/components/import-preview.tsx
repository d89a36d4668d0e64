import type { ImportProblem, ImportReport, ImportRow } from '../api/evaluations';

export const ACTION_LABELS: Record<ImportRow['action'], string> = { CREATE: '作成', UPDATE: '変更', UNCHANGED: '変更なし' };
export const SEVERITY_LABELS: Record<ImportProblem['severity'], string> = { ERROR: '誤り', WARNING: '注意' };

const SUMMARY_KEYS = [
  { key: 'CREATE', label: '作成' },
  { key: 'UPDATE', label: '変更' },
  { key: 'UNCHANGED', label: '変更なし' },
  { key: 'ERROR', label: '誤り' },
  { key: 'WARNING', label: '注意' },
] as const;

/** The number of errors in a report (from the summary, or counted when the summary lacks it). */
export function errorCount(report: ImportReport): number {
  return Math.max(report.summary.ERROR ?? 0, report.problems.filter((p) => p.severity === 'ERROR').length);
}

/** 作成 n件 / 変更 n件 / 変更なし n件 / 誤り n件 / 注意 n件. */
export function ImportSummary({ report, heading }: { report: ImportReport; heading: string }) {
  return (
    <section aria-labelledby="import-summary-heading" className="stack">
      <h2 id="import-summary-heading">{heading}</h2>
      <dl className="import-summary">
        {SUMMARY_KEYS.map(({ key, label }) => {
          const n = key === 'ERROR' ? errorCount(report) : (report.summary[key] ?? 0);
          return (
            <div key={key} className={`import-summary__item import-summary__item--${key.toLowerCase()}${n > 0 ? ' is-nonzero' : ''}`}>
              <dt>{label}</dt>
              <dd>{n}件</dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}

/** 行 / No. / 取組名 / 処理 / 変更内容 for each measure the file describes. */
export function ImportRowsTable({ rows }: { rows: readonly ImportRow[] }) {
  if (rows.length === 0) return <p className="empty">取り込む取組はありません</p>;
  return (
    <div className="table-wrap" role="region" aria-label={`取り込む取組（${rows.length}件）`} tabIndex={0}>
      <table className="table import-rows">
        <caption>取り込む取組（{rows.length}件）</caption>
        <thead>
          <tr>
            <th scope="col" className="num">行</th>
            <th scope="col" className="num">No.</th>
            <th scope="col">取組名</th>
            <th scope="col">処理</th>
            <th scope="col">変更内容</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.row}:${r.nodeCode}`} data-action={r.action}>
              <td className="num">{r.row}</td>
              <td className="num">{r.nodeCode}</td>
              <th scope="row">{r.title}</th>
              <td>
                <span className={`action action--${r.action.toLowerCase()}`}>{ACTION_LABELS[r.action] ?? r.action}</span>
              </td>
              <td>
                {r.changes.length === 0 ? (
                  <span className="muted">—</span>
                ) : (
                  <ul className="import-rows__changes">
                    {r.changes.map((c, i) => (
                      <li key={i}>{c}</li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** 行 / 列 / 値 / 内容 / 重大度; errors are marked with 誤り (and a red background, never colour alone). */
export function ImportProblemsTable({ problems }: { problems: readonly ImportProblem[] }) {
  if (problems.length === 0) return <p className="empty">問題は見つかりませんでした</p>;
  return (
    <div className="table-wrap" role="region" aria-label={`見つかった問題（${problems.length}件）`} tabIndex={0}>
      <table className="table import-problems">
        <caption>見つかった問題（{problems.length}件）</caption>
        <thead>
          <tr>
            <th scope="col" className="num">行</th>
            <th scope="col">列</th>
            <th scope="col">値</th>
            <th scope="col">内容</th>
            <th scope="col">重大度</th>
          </tr>
        </thead>
        <tbody>
          {problems.map((p, i) => (
            <tr key={i} className={`import-problem import-problem--${p.severity.toLowerCase()}`} data-severity={p.severity}>
              <td className="num">{p.row}</td>
              <td>{p.column}</td>
              <td>{p.value ?? <span className="muted">（空欄）</span>}</td>
              <td>{p.message}</td>
              <td>
                <span className={`severity severity--${p.severity.toLowerCase()}`}>
                  <span aria-hidden="true">{p.severity === 'ERROR' ? '✖ ' : '⚠ '}</span>
                  {SEVERITY_LABELS[p.severity] ?? p.severity}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
