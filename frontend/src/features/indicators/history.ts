import type { components } from '@/lib/api/schema';
import { formatNumber } from '@/lib/format';
import type { ValueChange } from './api/history';
import type { Marker } from './api/indicators';
import { MARKER_LABELS } from './values';

/**
 * Where a change of a value came from: typed in the SPA (手入力), an imported 事業調書 (取込), the support
 * statistics (支援統計), a survey (アンケート), or another system through an API token (システム連携), with the
 * name of what wrote it (the token's name, the survey's code). Changes from before the API kept it have none.
 */
export type ChangeOrigin = components['schemas']['ValueOrigin'];

export const ORIGIN_LABELS: Record<ChangeOrigin, string> = {
  TYPED: '手入力',
  IMPORTED: '取込',
  SUPPORT_STATS: '支援統計',
  SURVEY: 'アンケート',
  TOKEN: 'システム連携',
};

/** 「手入力」, 「システム連携（集計システム）」; null when the API does not say. */
export function changeOrigin(change: ValueChange): string | null {
  const { origin, originName } = change;
  if (!origin) return null;
  return originName ? `${ORIGIN_LABELS[origin]}（${originName}）` : ORIGIN_LABELS[origin];
}

/** A value before or after a change: the number, its marker (***, 現状維持), or — when it was blank. */
export function changedValueText(value: number | null, marker: Marker | null): string {
  if (value !== null) return formatNumber(value);
  if (marker) return MARKER_LABELS[marker] ?? marker;
  return '—';
}

/** Newest first (the API's order too; kept when two changes share a moment). */
export function newestFirst<T extends { changedAt: string }>(changes: readonly T[]): T[] {
  return changes.toSorted((a, b) => Date.parse(b.changedAt) - Date.parse(a.changedAt));
}
