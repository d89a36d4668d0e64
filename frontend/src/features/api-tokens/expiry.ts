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
