import { formatDate } from '@/lib/format';
import { hhmm, weekdayName } from '@/lib/week';
import type { AssignmentStatus, PaymentPreference, RequestStatus, Urgency, WindowCategory } from './api/support-requests';

type Option<T extends string = string> = { value: T; label: string };

export const REQUEST_STATUS_LABELS: Record<RequestStatus, string> = {
  RECEIVED: '受付',
  MATCHING: '調整中',
  ASSIGNED: '調整済み',
  ACTIVE: '支援中',
  COMPLETED: '完了',
  CANCELLED: '取消',
  REFERRED: '窓口へ',
};

export const REQUEST_STATUS_OPTIONS: Option<RequestStatus>[] = (Object.keys(REQUEST_STATUS_LABELS) as RequestStatus[]).map((value) => ({
  value,
  label: REQUEST_STATUS_LABELS[value],
}));

/** A request can still be proposed to a supporter. */
export const isOpenForMatching = (status: RequestStatus) => status === 'RECEIVED' || status === 'MATCHING';
/** A request is finished: nothing more can be done with it. */
export const isClosed = (status: RequestStatus) => status === 'COMPLETED' || status === 'CANCELLED' || status === 'REFERRED';

export const ASSIGNMENT_STATUS_LABELS: Record<AssignmentStatus, string> = {
  PROPOSED: '依頼中',
  ACCEPTED: '引受',
  DECLINED: '辞退',
  COMPLETED: '完了',
};

export const PAYMENT_OPTIONS: Option<PaymentPreference>[] = [
  { value: 'PAID', label: '有償' },
  { value: 'UNPAID', label: '無償' },
  { value: 'EITHER', label: 'どちらでも' },
];

export const URGENCY_OPTIONS: Option<Urgency>[] = [
  { value: 'HIGH', label: '高い（急ぎ）' },
  { value: 'NORMAL', label: '普通' },
  { value: 'LOW', label: '低い' },
];

export const WINDOW_CATEGORY_OPTIONS: Option<WindowCategory>[] = [
  { value: 'ELDERLY', label: '高齢者' },
  { value: 'DISABILITY', label: '障害者' },
  { value: 'CHILD', label: '子ども・子育て' },
  { value: 'LIVING_HARDSHIP', label: '生活困窮者' },
];

export function labelOf(options: readonly Option[], value: string | null | undefined): string {
  if (!value) return '—';
  return options.find((o) => o.value === value)?.label ?? value;
}

/** "毎週 火曜 09:00〜10:00" or "2026年12月1日 09:00〜10:00". */
export function formatSchedule(r: { date?: string | null; weeklyDay?: number | null; start: string; end: string }): string {
  const when = r.weeklyDay ? `毎週 ${weekdayName(r.weeklyDay)}曜` : formatDate(r.date ?? null);
  return `${when} ${hhmm(r.start)}〜${hhmm(r.end)}`;
}

/** The parts of a candidate's score, in the order the API weighs them. */
export const SCORE_PARTS = [
  { key: 'distance', label: '近さ', description: '地域の近さ（同じ町内 1、同じ校区 0.7、隣の校区 0.3）' },
  { key: 'availability', label: '空き時間', description: '希望の時間帯に空いている割合' },
  { key: 'load', label: '受け持ち', description: 'いまの受け持ちの少なさ' },
  { key: 'continuity', label: '継続性', description: 'この方を支援したことがある' },
  { key: 'fairness', label: '公平性', description: '最近 90 日の調整件数の少なさ' },
] as const;

/** A score for reading: 0.7 → "0.70" (the total keeps the API's three digits: 0.745). */
export const formatScore = (value: number | null | undefined, digits = 2) =>
  value === null || value === undefined || Number.isNaN(value) ? '—' : value.toFixed(digits);
