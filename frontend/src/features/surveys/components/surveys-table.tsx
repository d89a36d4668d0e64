import { Link } from 'react-router';
import { links } from '@/config/paths';
import { formatFiscalYear } from '@/lib/fiscal-year';
import { formatNumber } from '@/lib/format';
import '../surveys.css';
import type { Survey } from '../api/surveys';
import { DATA_SOURCE_LABELS, areaName, hasData } from '../bands';
import { FeedLink } from './feed-link';

/** アンケート / 年度 / 対象 / データ / 回答者数 / 指標への算出. */
export function SurveysTable({ surveys }: { surveys: readonly Survey[] }) {
  if (surveys.length === 0) return <p className="empty">アンケートはまだ登録されていません</p>;
  return (
    <div className="table-wrap">
      <table className="table survey-table">
        <caption className="visually-hidden">市民アンケートの一覧</caption>
        <thead>
          <tr>
            <th scope="col">アンケート</th>
            <th scope="col">年度</th>
            <th scope="col">対象</th>
            <th scope="col">データ</th>
            <th scope="col" className="num">
              回答者数
            </th>
            <th scope="col">指標への算出</th>
          </tr>
        </thead>
        <tbody>
          {surveys.map((s) => (
            <tr key={s.code} data-code={s.code}>
              <th scope="row">
                <Link to={links.survey(s.code)}>{s.title}</Link>
                <span className="table__sub">
                  {s.code}
                  {s.conductedBy ? ` ・ ${s.conductedBy}` : ''}
                </span>
              </th>
              <td className="nowrap">{formatFiscalYear(s.fiscalYear)}</td>
              <td className="nowrap">{areaName(s)}</td>
              <td className="nowrap">
                {DATA_SOURCE_LABELS[s.dataSource] ?? s.dataSource}
                {!hasData(s) && <span className="table__sub">データ未登録</span>}
              </td>
              <td className="num">{s.respondents === null ? '—' : `${formatNumber(s.respondents)}人`}</td>
              <td>{s.feeds ? <FeedLink feed={s.feeds} prefix="" /> : <span className="muted">—</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
