import { formatNumber } from '@/lib/format';
import type { KpiComparison } from '../api/definitions';
import { chartSummary, comparisonUnit, plotted, rowLabel, scaleCaption, type ComparisonScale } from '../comparison';
import { niceMax } from './indicator-chart';

/**
 * The cities side by side as horizontal bars in inline SVG, one row per city (its name above its bar): the actual
 * as a bar labelled with its figure, the target as a vertical line across the bar, and 未報告 where the city has no
 * figure that year. Per 10,000 older residents or raw, as `scale` says (the caption says which). The SVG is one
 * image whose name says every figure; the table beside it has them all.
 */
export function ComparisonChart({ comparison, scale }: { comparison: KpiComparison; scale: ComparisonScale }) {
  const unit = comparisonUnit(comparison);
  const rows = comparison.items.map((item) => ({ item, label: rowLabel(item, comparison.items), ...plotted(item, scale) }));
  const top = niceMax(Math.max(0, ...rows.flatMap((r) => [r.actual ?? 0, r.target ?? 0])));

  const left = 8;
  const plotWidth = 480;
  const right = 128;
  const plotTop = 8;
  const rowHeight = 56;
  const barHeight = 20;
  const width = left + plotWidth + right;
  const plotBottom = plotTop + rows.length * rowHeight;
  const height = plotBottom + 28;
  const x = (v: number) => left + (Math.max(0, Math.min(top, v)) / top) * plotWidth;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * top);

  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-label={chartSummary(comparison, scale)} className="chart__svg">
        {ticks.map((t) => (
          <g key={t}>
            <line x1={x(t)} x2={x(t)} y1={plotTop} y2={plotBottom} className="chart__grid" />
            <text x={x(t)} y={plotBottom + 18} textAnchor="middle" className="chart__tick">
              {formatNumber(t)}
            </text>
          </g>
        ))}
        {rows.map(({ item, label, actual, target }, i) => {
          const y0 = plotTop + i * rowHeight;
          const barTop = y0 + 22;
          const end = Math.max(actual === null ? left : x(actual), target === null ? left : x(target));
          return (
            <g key={`${item.planCode}:${item.indicatorCode}`} data-testid="comparison-row" data-city={item.cityCode}>
              <text x={left} y={y0 + 15} className="chart__tick">
                {label}
              </text>
              {actual !== null && (
                <rect x={left} y={barTop} width={Math.max(0, x(actual) - left)} height={barHeight} className="chart__actual" style={{ fill: 'var(--color-chart-1)' }} />
              )}
              {target !== null && (
                <line
                  x1={x(target)}
                  x2={x(target)}
                  y1={barTop - 4}
                  y2={barTop + barHeight + 4}
                  className="chart__target-line"
                  style={{ stroke: 'var(--color-text)' }}
                  data-testid="comparison-target"
                />
              )}
              <text x={end + 6} y={barTop + barHeight / 2 + 5} className="chart__tick" data-testid="comparison-value">
                {actual === null ? '未報告' : `${formatNumber(actual)}${unit}`}
              </text>
            </g>
          );
        })}
        <line x1={left} x2={left} y1={plotTop} y2={plotBottom} className="chart__axis" />
      </svg>
      <figcaption>
        <p>{scaleCaption(scale, unit)}</p>
        <ul className="chart__legend">
          <li>
            <span className="chart__swatch" style={{ background: 'var(--color-chart-1)' }} aria-hidden="true" />
            実績（棒）
          </li>
          <li>
            <span className="chart__swatch chart__swatch--target chart__swatch--vertical" aria-hidden="true" />
            目標（縦線）
          </li>
        </ul>
      </figcaption>
    </figure>
  );
}
