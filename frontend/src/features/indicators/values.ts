import type { Direction, Marker, ValueKind } from './api/indicators';

export const KIND_LABELS: Record<ValueKind, string> = { BASELINE: '基準値', TARGET: '目標値', ACTUAL: '実績値' };
export const KINDS: readonly ValueKind[] = ['BASELINE', 'TARGET', 'ACTUAL'];

export const MARKER_LABELS: Record<Marker, string> = {
  NOT_APPLICABLE: '***',
  MAINTAIN_BASELINE: '現状維持',
  MAINTAIN_PREVIOUS: '前年度維持',
};

/** The markers a value of each kind may carry: targets may say 現状維持 / 前年度維持, all may say ***. */
export function markersFor(kind: ValueKind): Marker[] {
  return kind === 'TARGET' ? ['NOT_APPLICABLE', 'MAINTAIN_BASELINE', 'MAINTAIN_PREVIOUS'] : ['NOT_APPLICABLE'];
}

export const DIRECTION_LABELS: Record<Direction, string> = { INCREASE: '増加', DECREASE: '減少', MAINTAIN: '維持' };

export function directionLabel(direction: string | null | undefined): string {
  if (!direction) return '—';
  return direction in DIRECTION_LABELS ? DIRECTION_LABELS[direction as Direction] : direction;
}

export type CellInput =
  | { ok: true; value: number | null; marker: Marker | null }
  | { ok: false; error: string };

/** Full-width digits and signs (１，６００．５) as typed with a Japanese IME → ASCII. */
function toHalfWidth(text: string): string {
  return text.replace(/[０-９．，－＋]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[ー−]/g, '-');
}

/**
 * What a value cell means: a number ("1,600", "１６００", "85.3"), a marker (chosen in the select, or
 * typed as it is shown: ***, 現状維持, 前年度維持) or blank (clears the value). A marker the kind
 * cannot carry, or text that is not a number, is an error to show next to the cell.
 */
export function parseCell(text: string, selectedMarker: Marker | '' | null, kind: ValueKind): CellInput {
  const allowed = markersFor(kind);
  if (selectedMarker) {
    if (!allowed.includes(selectedMarker)) return { ok: false, error: `${KIND_LABELS[kind]}には「${MARKER_LABELS[selectedMarker]}」を指定できません` };
    return { ok: true, value: null, marker: selectedMarker };
  }
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: null, marker: null };
  const typedMarker = (Object.keys(MARKER_LABELS) as Marker[]).find(
    (m) => MARKER_LABELS[m] === trimmed || (m === 'NOT_APPLICABLE' && /^[*＊※]{1,3}$/.test(trimmed)),
  );
  if (typedMarker) {
    if (!allowed.includes(typedMarker)) return { ok: false, error: `${KIND_LABELS[kind]}には「${MARKER_LABELS[typedMarker]}」を指定できません` };
    return { ok: true, value: null, marker: typedMarker };
  }
  const normalized = toHalfWidth(trimmed).replace(/,/g, '').replace(/\s/g, '');
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(normalized)) return { ok: false, error: '数値、または記号を入力してください' };
  return { ok: true, value: Number(normalized), marker: null };
}

/**
 * The fiscal years an indicator is shown for: the plan's period and any year that has a value or a
 * derived row, with the gaps between them filled in.
 */
export function indicatorYears(
  indicator: { values: readonly { fiscalYear: number }[]; series: readonly { fiscalYear: number }[] },
  period?: { periodStart: number; periodEnd: number },
): number[] {
  const present = [...indicator.values, ...indicator.series].map((v) => v.fiscalYear);
  if (period) present.push(period.periodStart, period.periodEnd);
  if (present.length === 0) return [];
  const years: number[] = [];
  for (let y = Math.min(...present); y <= Math.max(...present); y++) years.push(y);
  return years;
}
