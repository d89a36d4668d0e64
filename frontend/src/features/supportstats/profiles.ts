import type { OfferedPayment } from './api/district-profiles';

/** 有償か as the report prints it next to the main support: 《有償》, 《無償》; both kinds of help: 有償・無償. */
export const PAYMENT_MARKS: Record<OfferedPayment, string> = {
  PAID: '《有償》',
  UNPAID: '《無償》',
  BOTH: '有償・無償',
};

/** 「—」 when the report printed none (支援内容を検討中の校区など). */
export function paymentMark(payment: OfferedPayment | null | undefined): string {
  return payment ? PAYMENT_MARKS[payment] : '—';
}

/** The choices of the form; 未定 (empty) is sent as null. */
export const PAYMENT_CHOICES: readonly { value: OfferedPayment | ''; label: string }[] = [
  { value: 'PAID', label: '有償' },
  { value: 'UNPAID', label: '無償' },
  { value: 'BOTH', label: '両方（有償・無償）' },
  { value: '', label: '未定' },
];

export const COUNSELORS_MAX = 999;
export const MAIN_SUPPORT_MAX = 2000;
export const OUTCOMES_MAX = 4000;

/** Why the 相談員 count as typed cannot be sent, or undefined: a whole number from 0 to 999. */
export function counselorsError(text: string): string | undefined {
  const t = text.trim().replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (!t) return '必須項目です（いなければ 0）';
  if (!/^\d+$/.test(t) || Number(t) > COUNSELORS_MAX) return `0〜${COUNSELORS_MAX}の整数で入力してください`;
  return undefined;
}

/** The count typed, as a number (after counselorsError said nothing). */
export function parseCounselors(text: string): number {
  return Number(text.trim().replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}
