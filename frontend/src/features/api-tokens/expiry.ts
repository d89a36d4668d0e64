import type { ApiToken } from './api/api-tokens';

/** A token that runs out within this many days is flagged in the list, so it can be renewed in time. */
export const EXPIRY_WARNING_DAYS = 30;

const DAY = 24 * 60 * 60 * 1000;

export type TokenState = 'revoked' | 'expired' | 'expiring' | 'active';

/**
 * The last day a token works. The API stores the moment it stops (the start of the day after the expiry date
 * chosen, Japan time), so the day to show is the one just before that moment.
 */
export function lastValidDay(expiresAt: string): Date {
  return new Date(new Date(expiresAt).getTime() - 1);
}

/** 失効 (revoked by an administrator), 期限切れ, 期限が近い (within EXPIRY_WARNING_DAYS) or 有効. */
export function tokenState(token: Pick<ApiToken, 'revokedAt' | 'expiresAt'>, now: Date = new Date()): TokenState {
  if (token.revokedAt) return 'revoked';
  const left = new Date(token.expiresAt).getTime() - now.getTime();
  if (left <= 0) return 'expired';
  return left <= EXPIRY_WARNING_DAYS * DAY ? 'expiring' : 'active';
}

/** Whole days until a token stops working (1 on its last day). */
export function daysLeft(expiresAt: string, now: Date = new Date()): number {
  return Math.max(0, Math.ceil((new Date(expiresAt).getTime() - now.getTime()) / DAY));
}

/** "2027-11-22": the same day a year after `today` (in the browser's time zone), the default expiry date. */
export function oneYearFrom(today: Date = new Date()): string {
  const d = new Date(today.getFullYear() + 1, today.getMonth(), today.getDate());
  // 29 February: the next year has none, and Date rolls over to 1 March; take 28 February.
  if (d.getMonth() !== today.getMonth()) d.setDate(0);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Whether a token can still get a new secret: not revoked and not expired (the API answers 409 otherwise). */
export function canRotate(token: Pick<ApiToken, 'revokedAt' | 'expiresAt'>, now: Date = new Date()): boolean {
  const state = tokenState(token, now);
  return state === 'active' || state === 'expiring';
}

/** How long the old secret still works after a rotation: the choices offered, the API's default (7 days) marked. */
export const GRACE_OPTIONS = [
  { hours: 0, label: 'すぐ無効', hint: '古い秘密はすぐに使えなくなります。連携するシステムは、新しい秘密に替えるまで API を呼べません。' },
  { hours: 24, label: '1日', hint: '古い秘密は 24 時間使えます。' },
  { hours: 168, label: '7日（既定）', hint: '古い秘密は 7 日間使えます。' },
  { hours: 720, label: '30日', hint: '古い秘密は 30 日間使えます（いちばん長い猶予です）。' },
] as const;

export const DEFAULT_GRACE_HOURS = 168;

const japanParts = new Intl.DateTimeFormat('ja-JP', {
  timeZone: 'Asia/Tokyo',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  hourCycle: 'h23',
});

/**
 * Until when the old secret works, on a clock in Japan: "11月29日10時", with the minutes when there are some
 * ("11月29日10時30分"). The grace is at most 30 days, so the year goes without saying.
 */
export function graceEnd(value: string | Date): string {
  const parts = japanParts.formatToParts(typeof value === 'string' ? new Date(value) : value);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const minutes = part('minute');
  return `${part('month')}月${part('day')}日${part('hour')}時${minutes ? `${minutes}分` : ''}`;
}

/** Whether the old secret of a rotated token still works at `now` (the API clears previousValidUntil once it has passed). */
export function previousSecretWorks(token: Pick<ApiToken, 'previousValidUntil'>, now: Date = new Date()): token is { previousValidUntil: string } {
  return !!token.previousValidUntil && new Date(token.previousValidUntil).getTime() > now.getTime();
}
