import type { components } from '@/lib/api/schema';

export type RoleLegendEntry = components['schemas']['RoleLegendEntry'];
export type RoleCell = components['schemas']['RoleCell'];
type ActorRoleKind = components['schemas']['ActorRoleKind'];

/** The kinds of role a legend's symbol can stand for, as the legend editor offers them. */
export const ROLE_KIND_LABELS: Record<ActorRoleKind, string> = { LEAD: '実施主体', PARTNER: '連携・協力' };

/** The legend of a plan that prints none of its own (the API's default too). */
export const DEFAULT_LEGEND: readonly RoleLegendEntry[] = [
  { symbol: '◎', meaning: '実施主体', role: 'LEAD' },
  { symbol: '○', meaning: '連携・協力', role: 'PARTNER' },
];

/** At most this many lines in a legend (the API's limit). */
export const LEGEND_MAX = 8;

/** A symbol the legend in force does not list: shown as printed, and said so in words. */
export const NOT_IN_LEGEND = '凡例にない記号';

/** 「○ 事業の実施主体　□ 連携・協力団体」: a legend as the city prints it above a role matrix. */
export function legendText(legend: readonly RoleLegendEntry[]): string {
  return legend.map((e) => `${e.symbol} ${e.meaning}`).join('　');
}

export function sameLegend(a: readonly RoleLegendEntry[], b: readonly RoleLegendEntry[]): boolean {
  return a.length === b.length && a.every((e, i) => e.symbol === b[i].symbol && e.meaning === b[i].meaning && e.role === b[i].role);
}

/** What a role cell says in words: 「○ 事業の実施主体」, or 「◎ 凡例にない記号」 for a symbol the legend does not list. */
export function cellMeaning(cell: Pick<RoleCell, 'symbol' | 'meaning' | 'inLegend'>): string {
  return `${cell.symbol} ${cell.inLegend && cell.meaning ? cell.meaning : NOT_IN_LEGEND}`;
}

/** A legend as typed in the editor, trimmed. */
export function trimLegend(rows: readonly RoleLegendEntry[]): RoleLegendEntry[] {
  return rows.map((r) => ({ symbol: r.symbol.trim(), meaning: r.meaning.trim(), role: r.role }));
}

/**
 * The messages for a legend as typed, keyed as the API names its fields (legend[0].symbol …): every line with a
 * symbol (up to 4 characters, once per legend) and its meaning.
 */
export function legendErrors(rows: readonly RoleLegendEntry[], field = 'legend'): Record<string, string> {
  const errors: Record<string, string> = {};
  const seen = new Set<string>();
  rows.forEach((r, i) => {
    const symbol = r.symbol.trim();
    if (!symbol) errors[`${field}[${i}].symbol`] = '記号を入力してください';
    else if (symbol.length > 4) errors[`${field}[${i}].symbol`] = '記号は 4 文字以内で入力してください';
    else if (seen.has(symbol)) errors[`${field}[${i}].symbol`] = `記号「${symbol}」が凡例に 2 回あります`;
    seen.add(symbol);
    if (!r.meaning.trim()) errors[`${field}[${i}].meaning`] = '意味を入力してください';
  });
  return errors;
}
