import { Link } from 'react-router';
import { GradeBadge } from '@/components/ui/grade-badge';
import { links } from '@/config/paths';
import { formatFiscalYear } from '@/lib/fiscal-year';
import { formatNumber } from '@/lib/format';
import type { KpiComparison } from '../api/definitions';
import { rowLabel } from '../comparison';

function withUnit(value: number | null, unit: string | null): string {
  return value === null ? '—' : `${formatNumber(value)}${unit ? ` ${unit}` : ''}`;
}

/**
 * Every figure of the comparison, one row per city (and plan): what the chart shows, in a table. A city linked to
 * the definition with no actual that year is 未報告.
 */
export function ComparisonTable({ comparison }: { comparison: KpiComparison }) {
  const caption = `${comparison.definition.name}の市別の実績（${formatFiscalYear(comparison.fiscalYear)}）`;
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">市</th>
            <th scope="col">計画</th>
            <th scope="col" className="num">実績</th>
            <th scope="col" className="num">目標</th>
            <th scope="col" className="num">達成率 %</th>
            <th scope="col">評価</th>
            <th scope="col" className="num">65歳以上人口</th>
            <th scope="col" className="num">高齢者1万人あたり実績</th>
          </tr>
        </thead>
        <tbody>
          {comparison.items.map((item) => (
            <tr key={`${item.planCode}:${item.indicatorCode}`}>
              <th scope="row">{rowLabel(item, comparison.items)}</th>
              <td>
                <Link to={links.plan(item.planCode)}>{item.planTitle}</Link>
                <br />
                <Link to={links.indicator(item.indicatorCode)} className="table__sub">
                  {item.indicatorName}
                </Link>
              </td>
              <td className="num">{item.actual === null ? <span className="muted">未報告</span> : withUnit(item.actual, item.unit)}</td>
              <td className="num">{withUnit(item.target, item.unit)}</td>
              <td className="num">{formatNumber(item.achievementRate)}</td>
              <td>
                <GradeBadge grade={item.grade} />
              </td>
              <td className="num">{item.olderPopulation === null ? <span className="muted">未登録</span> : `${formatNumber(item.olderPopulation)} 人`}</td>
              <td className="num">{withUnit(item.actualPer10000, item.unit)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
