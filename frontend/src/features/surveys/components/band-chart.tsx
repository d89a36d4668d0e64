import { useId } from 'react';
import '../surveys.css';
import type { SurveyBand } from '../api/surveys';
import { SOURCE_ORDER, axisMax, bandAnswer, bandLabel, formatPercent } from '../bands';

export interface ChartSeries {
  name: string;
  shares: readonly { band: SurveyBand; percent: number | null }[];
}

/** This survey first (blue), the reference after it (grey): the reference is the backdrop. Colours from the design tokens (styles.css). */
const COLORS = ['var(--color-chart-1)', 'var(--color-border)'] as const;
const SERIES_CLASS = ['survey-chart__bar--survey', 'survey-chart__bar--reference'] as const;

/** The bars to draw: one group per band in the source's order, one bar per series in each group. */
export function chartRows(series: readonly ChartSeries[]) {
  return SOURCE_ORDER.map((band) => ({
    band,
    values: series.map((s) => s.shares.find((x) => x.band === band)?.percent ?? null),
  }));
}

/**
 * 得点帯ごとの割合 as horizontal grouped bars in SVG: a pair per band (this survey and its reference),
 * top-down in the order the source prints them, each bar labelled with its %.
 */
export function BandChart({ series, title, compact = false }: { series: readonly ChartSeries[]; title: string; compact?: boolean }) {
  const titleId = useId();
  const rows = chartRows(series);
  const max = axisMax(rows.flatMap((r) => r.values));
  const n = Math.max(1, series.length);

  const barHeight = compact ? 14 : 22;
  const barGap = 3;
  const groupGap = compact ? 10 : 18;
  const labelWidth = 128;
  const plotWidth = compact ? 300 : 560;
  const valueWidth = 80;
  const top = 8;
  const axisHeight = 28;
  const groupHeight = n * barHeight + (n - 1) * barGap;
  const width = labelWidth + plotWidth + valueWidth;
  const height = top + rows.length * (groupHeight + groupGap) + axisHeight;
  const x = (v: number) => labelWidth + (Math.max(0, Math.min(max, v)) / max) * plotWidth;
  const groupTop = (i: number) => top + i * (groupHeight + groupGap);
  const plotBottom = groupTop(rows.length) - groupGap / 2;
  const step = max > 50 ? 20 : 10;
  const ticks: number[] = [];
  for (let t = 0; t <= max; t += step) ticks.push(t);

  return (
    <figure className={`chart survey-chart${compact ? ' survey-chart--compact' : ''}`}>
      <svg viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-labelledby={titleId} className="chart__svg">
        <title id={titleId}>{title}</title>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={x(t)} x2={x(t)} y1={top - 4} y2={plotBottom} className="chart__grid" />
            <text x={x(t)} y={plotBottom + 18} textAnchor="middle" className="chart__tick">
              {t}%
            </text>
          </g>
        ))}
        {rows.map((row, i) => {
          const y0 = groupTop(i);
          const answer = bandAnswer(row.band);
          const middle = y0 + groupHeight / 2;
          return (
            <g key={row.band} className="survey-chart__group" data-band={row.band}>
              <text x={labelWidth - 10} y={answer && !compact ? middle - 2 : middle + 5} textAnchor="end" className="survey-chart__band">
                {bandLabel(row.band)}
              </text>
              {answer && !compact && (
                <text x={labelWidth - 10} y={middle + 14} textAnchor="end" className="survey-chart__answer">
                  {answer}
                </text>
              )}
              {row.values.map((value, s) => {
                const y = y0 + s * (barHeight + barGap);
                const name = series[s]?.name ?? '';
                return (
                  <g key={s}>
                    {value !== null && (
                      <rect
                        x={labelWidth}
                        y={y}
                        width={Math.max(0, x(value) - labelWidth)}
                        height={barHeight}
                        style={{ fill: COLORS[s % COLORS.length] }}
                        className={`survey-chart__bar ${SERIES_CLASS[s % SERIES_CLASS.length]}`}
                      >
                        <title>{`${name} ${bandLabel(row.band)} ${formatPercent(value)}`}</title>
                      </rect>
                    )}
                    <text
                      x={(value === null ? labelWidth : x(value)) + 6}
                      y={y + barHeight / 2 + 5}
                      className={`survey-chart__value${s === 0 ? ' survey-chart__value--survey' : ''}`}
                    >
                      {value === null ? 'データなし' : formatPercent(value)}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
        <line x1={labelWidth} x2={labelWidth} y1={top - 4} y2={plotBottom} className="chart__axis" />
      </svg>
      <figcaption>
        <ul className="chart__legend" aria-label="凡例">
          {series.map((s, i) => (
            <li key={i}>
              <span className="chart__swatch" style={{ background: COLORS[i % COLORS.length] }} aria-hidden="true" />
              {s.name}
              {i === 1 && <span className="muted">（比較の基準）</span>}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
