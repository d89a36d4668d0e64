import { formatFiscalYear } from '@/lib/fiscal-year';
import { formatNumber } from '@/lib/format';
import type { KpiComparison, KpiComparisonItem } from './api/definitions';

/** What the bars of the comparison stand for. */
export type ComparisonScale = 'per10000' | 'raw';

/**
 * Per 10,000 older residents only when every city listed has its 65歳以上人口 for the year: a mix of rates and raw
 * counts side by side would mislead. No city listed: raw.
 */
export function comparisonScale(items: readonly KpiComparisonItem[]): ComparisonScale {
  return items.length > 0 && items.every((i) => i.olderPopulation !== null) ? 'per10000' : 'raw';
}

/** The actual and target drawn for a city, on the scale chosen. */
export function plotted(item: KpiComparisonItem, scale: ComparisonScale): { actual: number | null; target: number | null } {
  return scale === 'per10000' ? { actual: item.actualPer10000, target: item.targetPer10000 } : { actual: item.actual, target: item.target };
}

/** A city's name, with the plan when the same city has more than one plan linked to the definition. */
export function rowLabel(item: KpiComparisonItem, items: readonly KpiComparisonItem[]): string {
  const twice = items.filter((i) => i.cityCode === item.cityCode).length > 1;
  return twice ? `${item.cityName}（${item.planTitle}）` : item.cityName;
}

/** The unit of the comparison: the definition's, else the first indicator's. */
export function comparisonUnit(comparison: KpiComparison): string {
  return comparison.definition.unit ?? comparison.items.find((i) => i.unit)?.unit ?? '';
}

/** What the chart shows, said in one line: its caption. */
export function scaleCaption(scale: ComparisonScale, unit: string): string {
  const u = unit ? `（${unit}）` : '';
  return scale === 'per10000'
    ? `高齢者（65歳以上）1万人あたりの実績${u}。縦線は目標（同じく1万人あたり）。`
    : `実績の実数${u}。65歳以上人口が登録されていない市があるため、1万人あたりにしていません。縦線は目標。`;
}

/** The chart's accessible name: what it is, and each city's figure (未報告 where there is none). */
export function chartSummary(comparison: KpiComparison, scale: ComparisonScale): string {
  const unit = comparisonUnit(comparison);
  const per = scale === 'per10000' ? '高齢者1万人あたり' : '実数';
  const cities = comparison.items.map((item) => {
    const { actual, target } = plotted(item, scale);
    const label = rowLabel(item, comparison.items);
    if (actual === null) return `${label} 未報告`;
    return `${label} ${formatNumber(actual)}${unit}${target !== null ? `（目標 ${formatNumber(target)}${unit}）` : ''}`;
  });
  return `${comparison.definition.name}の市別の実績、${formatFiscalYear(comparison.fiscalYear)}、${per}: ${cities.join('、')}`;
}

/** Parses a count typed with or without thousands separators (全角 too): "276,000" → 276000; anything else → null. */
export function parseCount(text: string): number | null {
  const half = text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/[,，\s]/g, '');
  if (!/^\d+$/.test(half)) return null;
  return Number(half);
}
