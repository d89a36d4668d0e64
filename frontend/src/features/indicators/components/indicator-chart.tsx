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

/** The 基準値 as a horizontal reference line: the whole indicator's, or one per option when they do not add up. */
interface Baseline {
  option: string | null;
  value: number;
  year: number;
}

/** A round top for an axis that holds `value` (1, 2, 2.5 or 5 times a power of ten, in about four steps). */
export function niceMax(value: number): number {
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
  /** The latest stored 基準値 of an option (or of the whole) that is a number. */
  const baseline = (option: string | null): Baseline | null => {
    const v = indicator.values
      .filter((x) => x.kind === 'BASELINE' && (x.option ?? null) === option && x.value !== null)
      .toSorted((a, b) => b.fiscalYear - a.fiscalYear)[0];
    return v ? { option, value: v.value!, year: v.fiscalYear } : null;
  };
  const baselines: Baseline[] = [];
  if (stacked) {
    const whole = baseline(null);
    const parts = options.map((o) => baseline(o)).filter((b) => b !== null);
    if (whole) baselines.push(whole);
    else if (parts.length > 0) {
      baselines.push({ option: null, value: parts.reduce((sum, b) => sum + b.value, 0), year: Math.max(...parts.map((b) => b.year)) });
    }
  } else {
    for (const o of options) {
      const b = baseline(o);
      if (b) baselines.push(b);
    }
  }

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
  return { bars, targets, baselines, slotsPerYear, stacked, options };
}

/** The text alternative of the chart: the 基準値, the 目標値 and the 実績値 of each year in words. */
export function chartDescription(data: ReturnType<typeof chartData>, unit: string): string {
  const label = (year: number, option: string | null) => `${formatFiscalYear(year)}${option ? ` ${option}` : ''}`;
  const parts: string[] = [];
  for (const b of data.baselines) {
    parts.push(`基準値${b.option ? ` ${b.option}` : ''}: ${formatNumber(b.value)}${unit}（${formatFiscalYear(b.year)}）。`);
  }
  if (data.targets.length > 0) {
    parts.push(`目標値: ${data.targets.map((t) => `${label(t.year, t.option)} ${formatNumber(t.value)}${unit}`).join('、')}。`);
  }
  if (data.bars.length > 0) {
    parts.push(`実績値: ${data.bars.map((b) => `${label(b.year, b.option)} ${formatNumber(b.value)}${unit}`).join('、')}。`);
  } else {
    parts.push('実績値はまだありません。');
  }
  return parts.join('');
}

/**
 * 実績値 as filled bars (stacked by option when the disaggregation adds up, side by side when it does
 * not), 目標値 as a line through each year's target (one per option when they do not add up), and the
 * 基準値 as a dashed horizontal reference line labelled 基準値, by fiscal year, as inline SVG. The
 * figure says the same in words (its description) and the 達成状況 table beside it has every figure.
 */
export function IndicatorChart({ indicator, years }: { indicator: Indicator; years: readonly number[] }) {
  const data = chartData(indicator, years);
  const { bars, targets, baselines, slotsPerYear, stacked, options } = data;
  if (years.length === 0 || (bars.length === 0 && targets.length === 0)) {
    return <p className="empty">グラフに表示する目標値・実績値はまだありません</p>;
  }
  const unit = indicator.unit ?? '';
  const top = niceMax(Math.max(...bars.map((b) => b.from + b.value), ...targets.map((t) => t.value), ...baselines.map((b) => b.value), 0));
  const colorOf = (option: string | null) => (option === null ? PALETTE[0] : PALETTE[options.indexOf(option) % PALETTE.length]);
  // A line of the whole is drawn in the text colour; the lines of options that do not add up in their option's colour.
  const lineColor = (option: string | null) => (option === null ? 'var(--color-text)' : colorOf(option));

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
  const centre = (slot: number) => x(slot) + Math.max(4, barWidth - 4) / 2;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * top);
  const label = (year: number, option: string | null) => `${formatFiscalYear(year)}${option ? ` ${option}` : ''}`;
  const titleId = `chart-title-${indicator.code}`;
  const descId = `chart-desc-${indicator.code}`;
  const targetLines = [...new Set(targets.map((t) => t.option))].map((option) => ({
    option,
    points: targets.filter((t) => t.option === option).toSorted((a, b) => a.slot - b.slot),
  }));

  return (
    <figure className="chart">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width={width}
        height={height}
        role="img"
        aria-labelledby={titleId}
        aria-describedby={descId}
        className="chart__svg"
      >
        <title id={titleId}>{`${indicator.name}の目標値と実績値（年度別${unit ? `、単位: ${unit}` : ''}）`}</title>
        <desc id={descId}>{chartDescription(data, unit)}</desc>
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
        {baselines.map((b) => (
          <g key={`b:${b.option ?? TOTAL}`} data-testid="baseline-line" data-option={b.option ?? undefined}>
            <line x1={left} x2={width - right} y1={y(b.value)} y2={y(b.value)} className="chart__baseline" style={{ stroke: lineColor(b.option) }}>
              <title>{`基準値${b.option ? ` ${b.option}` : ''} ${formatNumber(b.value)}${unit}（${formatFiscalYear(b.year)}）`}</title>
            </line>
            {/* At the left, over the first years: the 基準値 comes before the plan, so its bars are seldom there. */}
            <text x={left + 4} y={y(b.value) - 5} textAnchor="start" className="chart__baseline-label">
              {`基準値${b.option ? ` ${b.option}` : ''} ${formatNumber(b.value)}`}
            </text>
          </g>
        ))}
        {targetLines.map(({ option, points }) => (
          <g key={`t:${option ?? TOTAL}`} data-testid="target-line" data-option={option ?? undefined} style={{ stroke: lineColor(option), fill: lineColor(option) }}>
            <polyline className="chart__target-line" points={points.map((t) => `${centre(t.slot)},${y(t.value)}`).join(' ')} fill="none" />
            {points.map((t) => (
              <circle key={t.year} className="chart__target-point" cx={centre(t.slot)} cy={y(t.value)} r={4}>
                <title>{`${label(t.year, t.option)} 目標値 ${formatNumber(t.value)}${unit}`}</title>
              </circle>
            ))}
          </g>
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
          {targetLines.length > 0 &&
            (stacked || options.length === 0 ? (
              <li>
                <span className="chart__swatch chart__swatch--target" aria-hidden="true" />
                目標値（線）
              </li>
            ) : (
              targetLines.map(({ option }) => (
                <li key={option ?? TOTAL}>
                  <span className="chart__swatch chart__swatch--target" style={{ borderColor: lineColor(option) }} aria-hidden="true" />
                  目標値{option ? ` ${option}` : ''}（線）
                </li>
              ))
            ))}
          {baselines.length > 0 && (
            <li>
              <span className="chart__swatch chart__swatch--baseline" aria-hidden="true" />
              基準値（破線）
            </li>
          )}
          {options.length === 0 || bars.every((b) => b.option === null) ? (
            <li>
              <span className="chart__swatch" style={{ background: PALETTE[0] }} aria-hidden="true" />
              実績値（棒）
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
