import { useId } from 'react';
import '../surveys.css';
import type { SurveyBreakdown } from '../api/surveys';
import { HIDDEN_MARK, SOURCE_ORDER, bandAnswer, bandLabel, groupView } from '../bands';

/** The legend under a breakdown: what ＊ means (the API's minimum cell size, 10 by default). */
export function suppressionNote(minimumCell: number): string {
  return `回答者が${minimumCell}人未満の升目と、引き算で分かってしまう升目は表示していません`;
}

/**
 * The bands by one attribute, a row per value (年代: 20代, 30代 …). Suppressed cells and groups are
 * shown as ＊ — never as 0 — and the legend says why.
 */
export function BreakdownTable({ breakdown }: { breakdown: SurveyBreakdown }) {
  const noteId = useId();
  const groups = breakdown.groups.map(groupView);
  if (groups.length === 0) return <p className="empty">「{breakdown.attribute}」の値がある回答はありません。</p>;
  const anyHidden = groups.some((g) => g.hidden || g.respondents.hidden || g.cells.some((c) => c.view.hidden));
  return (
    <div className="stack">
      <div className="table-wrap" role="region" aria-label={`${breakdown.attribute}別の得点帯の割合`} tabIndex={0}>
        <table className="table breakdown-table" aria-describedby={noteId}>
          <caption className="visually-hidden">{breakdown.attribute}別の得点帯の割合</caption>
          <thead>
            <tr>
              <th scope="col">{breakdown.attribute}</th>
              <th scope="col" className="num">
                回答者数
              </th>
              {SOURCE_ORDER.map((band) => (
                <th key={band} scope="col" className="num">
                  {bandLabel(band)}
                  {bandAnswer(band) && <span className="table__sub">{bandAnswer(band)}</span>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {groups.map((g) => (
              <tr key={g.value} data-suppressed={g.hidden || undefined}>
                <th scope="row">{g.value}</th>
                <td className="num">
                  {g.respondents.hidden ? (
                    <span className="cell-hidden" title="非表示">
                      <span aria-hidden="true">{HIDDEN_MARK}</span>
                      <span className="visually-hidden">非表示</span>
                    </span>
                  ) : (
                    g.respondents.text
                  )}
                </td>
                {g.cells.map(({ band, view }) => (
                  <td key={band} className="num" data-band={band} data-hidden={view.hidden || undefined}>
                    {view.hidden ? (
                      <span className="cell-hidden" title="非表示">
                        <span aria-hidden="true">{HIDDEN_MARK}</span>
                        <span className="visually-hidden">非表示</span>
                      </span>
                    ) : (
                      <>
                        {view.text}
                        {view.count && <span className="table__sub">{view.count}</span>}
                      </>
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="breakdown-legend" id={noteId}>
        {HIDDEN_MARK}：{suppressionNote(breakdown.minimumCell)}。
        {!anyHidden && <span className="muted">（この内訳には伏せた升目はありません）</span>}
      </p>
    </div>
  );
}
