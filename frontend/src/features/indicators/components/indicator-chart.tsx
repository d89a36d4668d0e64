import { formatFiscalYear, japaneseFiscalYear } from '@/lib/fiscal-year';
import { formatNumber } from '@/lib/format';
import type { Indicator } from '../api/indicators';

/** The series colours, from the design tokens (styles.css: --color-chart-1 …): a bar's fill and its legend swatch. */
const PALETTE = Array.from({ length: 6 }, (_, i) => `var(--color-chart-${i + 1})`);
const TOTAL = '';

interface Bar {
  year: number;
  option: string | null;
  value: number;
  /** Bottom of the bar (stacked bars start where the previous option ended). */
  from: number;
  slot: number;
}

interface Target {
  year: number;
  option: string | null;
  value: number;
  slot: number;
}

function niceMax(value: number): number {
  if (value <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 2.5, 5, 10].find((s) => s * magnitude >= value / 4)! * magnitude;
  return Math.ceil(value / step) * step;
}

/** Bars and targets to draw, one bar per stored actual that is a number. */
export function chartData(indicator: Indicator, years: readonly number[]) {
  const options = indicator.disaggregation?.options ?? [];
  const stacked = options.length === 0 || indicator.disaggregation?.additive !== false;
  const slotsPerYear = stacked ? 1 : options.length;
  const bars: Bar[] = [];
  const targets: Target[] = [];
  const actual = (year: number, option: string | null) =>
    indicator.values.find((v) => v.kind === 'ACTUAL' && v.fiscalYear === year && (v.option ?? null) === option && v.value !== null)?.value ?? null;
  const target = (year: number, option: string | null) =>
    indicator.series.find((s) => s.fiscalYear === year && (s.option ?? null) === option)?.targetInForce ?? null;

  years.forEach((year, yi) => {
    if (stacked) {
      const slot = yi;
      const byOption = options.map((o) => ({ option: o, value: actual(year, o) })).filter((b) => b.value !== null);
      if (byOption.length > 0) {
        let from = 0;
        for (const b of byOption) {
          bars.push({ year, option: b.option, value: b.value!, from, slot });
          from += b.value!;
        }
      } else {
        const total = actual(year, null);
        if (total !== null) bars.push({ year, option: null, value: total, from: 0, slot });
      }
      let t = target(year, null);
      if (t === null && options.length > 0) {
        const parts = options.map((o) => target(year, o));
        if (parts.some((p) => p !== null)) t = parts.reduce<number>((sum, p) => sum + (p ?? 0), 0);
      }
      if (t !== null) targets.push({ year, option: null, value: t, slot });
    } else {
      options.forEach((o, oi) => {
        const slot = yi * slotsPerYear + oi;
        const a = actual(year, o);
        if (a !== null) bars.push({ year, option: o, value: a, from: 0, slot });
        const t = target(year, o);
        if (t !== null) targets.push({ year, option: o, value: t, slot });
      });
    }
  });
  return { bars, targets, slotsPerYear, stacked, options };
}

/**
 * 目標値 (hollow dashed bars) and 実績値 (filled bars, stacked by option when the disaggregation adds
 * up, side by side when it does not) by fiscal year, as inline SVG.
 */
export function IndicatorChart({ indicator, years }: { indicator: Indicator; years: readonly number[] }) {
  const { bars, targets, slotsPerYear, stacked, options } = chartData(indicator, years);
  if (years.length === 0 || (bars.length === 0 && targets.length === 0)) {
    return <p className="empty">グラフに表示する目標値・実績値はまだありません</p>;
  }
  const unit = indicator.unit ?? '';
  const top = niceMax(Math.max(...bars.map((b) => b.from + b.value), ...targets.map((t) => t.value), 0));
  const colorOf = (option: string | null) => (option === null ? PALETTE[0] : PALETTE[options.indexOf(option) % PALETTE.length]);

  const left = 64;
  const right = 16;
  const plotTop = 16;
  const plotHeight = 220;
  const yearWidth = Math.max(72, slotsPerYear * 28 + 24);
  const width = left + right + years.length * yearWidth;
  const height = plotTop + plotHeight + 56;
  const y = (v: number) => plotTop + plotHeight - (Math.max(0, v) / top) * plotHeight;
  const barWidth = (yearWidth - 24) / slotsPerYear;
  const x = (slot: number) => left + Math.floor(slot / slotsPerYear) * yearWidth + 12 + (slot % slotsPerYear) * barWidth;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * top);
  const label = (year: number, option: string | null) => `${formatFiscalYear(year)}${option ? ` ${option}` : ''}`;
  const titleId = `chart-title-${indicator.code}`;

  return (
    <figure className="chart">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width={width}
        height={height}
        role="img"
        aria-labelledby={titleId}
        className="chart__svg"
      >
        <title id={titleId}>{`${indicator.name}の目標値と実績値（年度別${unit ? `、単位: ${unit}` : ''}）`}</title>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={left} x2={width - right} y1={y(t)} y2={y(t)} className="chart__grid" />
            <text x={left - 6} y={y(t) + 4} textAnchor="end" className="chart__tick">
              {formatNumber(t)}
            </text>
          </g>
        ))}
        <text x={12} y={plotTop + plotHeight / 2} textAnchor="middle" className="chart__axis-label" transform={`rotate(-90 12 ${plotTop + plotHeight / 2})`}>
          {unit || '値'}
        </text>
        {bars.map((b) => (
          <rect
            key={`a:${b.year}:${b.option ?? TOTAL}`}
            className="chart__actual"
            x={x(b.slot)}
            width={Math.max(4, barWidth - 4)}
            y={y(b.from + b.value)}
            height={Math.max(0, y(b.from) - y(b.from + b.value))}
            style={{ fill: colorOf(b.option) }}
          >
            <title>{`${label(b.year, b.option)} 実績値 ${formatNumber(b.value)}${unit}`}</title>
          </rect>
        ))}
        {targets.map((t) => (
          <rect
            key={`t:${t.year}:${t.option ?? TOTAL}`}
            className="chart__target"
            x={x(t.slot) - 2}
            width={Math.max(4, barWidth)}
            y={y(t.value)}
            height={Math.max(0, y(0) - y(t.value))}
            fill="none"
          >
            <title>{`${label(t.year, t.option)} 目標値 ${formatNumber(t.value)}${unit}`}</title>
          </rect>
        ))}
        <line x1={left} x2={width - right} y1={y(0)} y2={y(0)} className="chart__axis" />
        {years.map((year, yi) => (
          <text key={year} x={left + yi * yearWidth + yearWidth / 2} y={plotTop + plotHeight + 20} textAnchor="middle" className="chart__tick">
            {japaneseFiscalYear(year).replace('年度', '')}
            <tspan x={left + yi * yearWidth + yearWidth / 2} dy="1.2em">
              ({year})
            </tspan>
          </text>
        ))}
      </svg>
      <figcaption>
        <ul className="chart__legend">
          <li>
            <span className="chart__swatch chart__swatch--target" aria-hidden="true" />
            目標値（枠）
          </li>
          {options.length === 0 || bars.every((b) => b.option === null) ? (
            <li>
              <span className="chart__swatch" style={{ background: PALETTE[0] }} aria-hidden="true" />
              実績値
            </li>
          ) : (
            options.map((o) => (
              <li key={o}>
                <span className="chart__swatch" style={{ background: colorOf(o) }} aria-hidden="true" />
                実績値 {o}
              </li>
            ))
          )}
          <li className="muted">
            横軸: 年度（令和）{stacked && options.length > 0 ? '、実績は内訳を積み上げ' : ''}
          </li>
        </ul>
      </figcaption>
    </figure>
  );
}
