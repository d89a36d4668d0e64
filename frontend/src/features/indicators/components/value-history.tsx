import { ProblemAlert } from '@/components/ui/alert';
import { Loading } from '@/components/ui/loading';
import { formatFiscalYear } from '@/lib/fiscal-year';
import { formatDateTime } from '@/lib/format';
import { useIndicatorHistory } from '../api/history';
import { changedValueText, changeOrigin, newestFirst } from '../history';
import { KIND_LABELS } from '../values';

/**
 * 値の履歴: every change of the indicator's values, newest first — when, who, which fiscal year and value
 * (基準値 / 目標値 / 実績値, and the option of a disaggregation), old → new (blank as —) and where it came from.
 */
export function ValueHistory({ code, disaggregated }: { code: string; disaggregated: boolean }) {
  const history = useIndicatorHistory(code);
  return (
    <section className="stack" aria-labelledby="history-heading">
      <h2 id="history-heading">値の履歴</h2>
      {history.isPending ? (
        <Loading label="値の履歴を読み込んでいます…" />
      ) : history.isError ? (
        <ProblemAlert error={history.error} />
      ) : history.data.length === 0 ? (
        <p className="empty">値はまだ変更されていません</p>
      ) : (
        <div className="table-wrap" role="region" aria-labelledby="history-heading" tabIndex={0}>
          <table className="table">
            <caption className="visually-hidden">値の履歴（新しい順）</caption>
            <thead>
              <tr>
                <th scope="col">日時</th>
                <th scope="col">変更した人</th>
                <th scope="col">年度</th>
                {disaggregated && <th scope="col">内訳</th>}
                <th scope="col">値</th>
                <th scope="col" className="num">変更前 → 変更後</th>
                <th scope="col">出どころ</th>
              </tr>
            </thead>
            <tbody>
              {newestFirst(history.data).map((c, i) => (
                <tr key={`${c.changedAt}:${c.fiscalYear}:${c.kind}:${c.option ?? ''}:${i}`}>
                  <td className="nowrap">{formatDateTime(c.changedAt)}</td>
                  <td>{c.changedBy}</td>
                  <td className="nowrap">{formatFiscalYear(c.fiscalYear)}</td>
                  {disaggregated && <td>{c.option ?? '合計'}</td>}
                  <td>{KIND_LABELS[c.kind]}</td>
                  <td className="num nowrap">
                    {changedValueText(c.oldValue, c.oldMarker)} → {changedValueText(c.newValue, c.newMarker)}
                  </td>
                  <td>{changeOrigin(c) ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
