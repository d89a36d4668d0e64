import type { FieldError, FieldErrors, Resolver } from 'react-hook-form';
import { hhmm } from '@/lib/week';
import type { Supporter, SupporterRequest } from './api/supporters';

/** The most weekly slots the API takes (SupporterRequest.availability maxItems). */
export const MAX_SLOTS = 21;
export const CAPACITY_MIN = 1;
export const CAPACITY_MAX = 50;

/** One line of 毎週の空き時間 as typed; `key` stays with the line when others are removed. */
export interface SlotRow {
  key: number;
  dayOfWeek: string;
  start: string;
  end: string;
}

/** The supporter form as typed (numbers as the inputs hold them, as text). */
export interface SupporterValues {
  name: string;
  kana: string;
  contact: string;
  areaCode: string;
  groupId: string;
  categoryCodes: string[];
  availability: SlotRow[];
  capacity: string;
  hasVehicle: boolean;
  active: boolean;
}

let nextKey = 1;

/** A new line: the day after the last one (so adding Monday to Friday is five clicks), 09:00–12:00. */
export function newSlotRow(after?: SlotRow): SlotRow {
  const day = after ? (Number(after.dayOfWeek) % 7) + 1 : 1;
  return { key: nextKey++, dayOfWeek: String(day), start: after?.start || '09:00', end: after?.end || '12:00' };
}

/** The form filled from a stored supporter, or empty for a new one (in the only district, if there is one). */
export function supporterValuesOf(supporter: Supporter | undefined, defaultArea = ''): SupporterValues {
  return {
    name: supporter?.name ?? '',
    kana: supporter?.kana ?? '',
    contact: supporter?.contact ?? '',
    areaCode: supporter?.area.code ?? defaultArea,
    groupId: supporter?.groupId != null ? String(supporter.groupId) : '',
    categoryCodes: supporter?.categoryCodes ?? [],
    availability: (supporter?.availability ?? []).map((s) => ({
      key: nextKey++,
      dayOfWeek: String(s.dayOfWeek),
      start: hhmm(s.start),
      end: hhmm(s.end),
    })),
    capacity: String(supporter?.capacity ?? 2),
    hasVehicle: supporter?.hasVehicle ?? false,
    active: supporter?.active ?? true,
  };
}

const TIME = /^\d{2}:\d{2}/;

/** The key under which a slot line's error is kept: by the line, so removing another line does not move it. */
export const slotErrorKey = (row: SlotRow) => `slot-${row.key}`;

/**
 * What is missing or wrong, by field (slot lines under slotErrorKey); empty when the supporter can be sent.
 * `activeCodes` are the categories in use: a retired one still ticked on a stored supporter does not count.
 */
export function validateSupporter(v: SupporterValues, activeCodes: readonly string[]): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!v.name.trim()) errors.name = '氏名を入力してください';
  if (!v.kana.trim()) errors.kana = 'ふりがなを入力してください';
  if (!v.areaCode) errors.areaCode = '地域を選んでください';
  if (!v.categoryCodes.some((c) => activeCodes.includes(c))) errors.categoryCodes = 'できることを 1 つ以上選んでください';
  const capacity = Number(v.capacity);
  if (v.capacity.trim() === '' || !Number.isInteger(capacity) || capacity < CAPACITY_MIN || capacity > CAPACITY_MAX) {
    errors.capacity = `受け持ちの上限は ${CAPACITY_MIN}〜${CAPACITY_MAX} 件で入力してください`;
  }
  if (v.availability.length > MAX_SLOTS) errors.availability = `空き時間は ${MAX_SLOTS} 件までです`;
  for (const row of v.availability) {
    if (!TIME.test(row.start) || !TIME.test(row.end)) errors[slotErrorKey(row)] = '開始と終了の時刻を入力してください';
    else if (hhmm(row.end) <= hhmm(row.start)) errors[slotErrorKey(row)] = '終了は開始より後にしてください';
  }
  return errors;
}

/** The fields whose messages the form lists first, in this order (the lines of free time follow). */
export const SUPPORTER_FIELDS = ['name', 'kana', 'areaCode', 'categoryCodes', 'capacity'] as const;

/**
 * validateSupporter for react-hook-form: each message at the field it is about, a line's at the line's 終了
 * (availability.N.end), where the form's field array moves it along when another line is removed.
 */
export function supporterResolver(activeCodes: readonly string[]): Resolver<SupporterValues> {
  return (values) => {
    const found = validateSupporter(values, activeCodes);
    if (Object.keys(found).length === 0) return { values, errors: {} };
    const error = (message: string): FieldError => ({ type: 'validate', message });
    const errors: FieldErrors<SupporterValues> = {};
    for (const field of SUPPORTER_FIELDS) if (found[field]) errors[field] = error(found[field]);
    const lines = values.availability.map((row) => found[slotErrorKey(row)]);
    if (found.availability || lines.some(Boolean)) {
      errors.availability = Object.assign(
        lines.map((message) => (message ? { end: error(message) } : undefined)),
        found.availability ? { root: error(found.availability) } : {},
      );
    }
    return { values: {}, errors };
  };
}

/**
 * The request body. Only categories still in use are sent (a retired one would be refused); `active` and
 * `version` only on a change: a new supporter is active, and the version is the one the form was filled from.
 */
export function toSupporterBody(v: SupporterValues, activeCodes: readonly string[], editing?: Pick<Supporter, 'version'>): SupporterRequest {
  return {
    name: v.name.trim(),
    kana: v.kana.trim(),
    contact: v.contact.trim() || null,
    areaCode: v.areaCode,
    groupId: v.groupId ? Number(v.groupId) : null,
    categoryCodes: v.categoryCodes.filter((c) => activeCodes.includes(c)),
    availability: v.availability.map((r) => ({ dayOfWeek: Number(r.dayOfWeek), start: hhmm(r.start), end: hhmm(r.end) })),
    capacity: Number(v.capacity),
    hasVehicle: v.hasVehicle,
    ...(editing ? { active: v.active, version: editing.version } : {}),
  };
}
