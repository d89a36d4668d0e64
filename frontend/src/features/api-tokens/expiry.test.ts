import { describe, expect, it } from 'vitest';
import { canRotate, daysLeft, graceEnd, lastValidDay, oneYearFrom, previousSecretWorks, tokenState } from './expiry';

const at = (iso: string) => new Date(iso);

describe('token expiry', () => {
  it('shows the day before the moment the API stores (the start of the next day, Japan time)', () => {
    const day = lastValidDay('2027-12-02T00:00:00+09:00');
    expect(day.toISOString()).toBe('2027-12-01T14:59:59.999Z');
  });

  it('is near within 30 days, past at the moment itself, and a revoked token is revoked whatever its date', () => {
    const expiresAt = '2026-12-22T00:00:00+09:00';
    expect(tokenState({ expiresAt, revokedAt: null }, at('2026-11-21T23:59:00+09:00'))).toBe('active');
    expect(tokenState({ expiresAt, revokedAt: null }, at('2026-11-22T00:00:00+09:00'))).toBe('expiring');
    expect(tokenState({ expiresAt, revokedAt: null }, at('2026-12-21T23:59:59+09:00'))).toBe('expiring');
    expect(tokenState({ expiresAt, revokedAt: null }, at('2026-12-22T00:00:00+09:00'))).toBe('expired');
    expect(tokenState({ expiresAt, revokedAt: '2026-11-01T10:00:00+09:00' }, at('2026-11-02T00:00:00+09:00'))).toBe('revoked');
    expect(daysLeft(expiresAt, at('2026-12-21T09:00:00+09:00'))).toBe(1);
    expect(daysLeft(expiresAt, at('2026-12-23T09:00:00+09:00'))).toBe(0);
  });

  it('defaults to the same day a year on, and to 28 February from a 29 February', () => {
    expect(oneYearFrom(new Date(2026, 10, 22))).toBe('2027-11-22');
    expect(oneYearFrom(new Date(2028, 1, 29))).toBe('2029-02-28');
    expect(oneYearFrom(new Date(2026, 11, 31))).toBe('2027-12-31');
  });

  it('rotates a token that still works, and not one revoked or expired', () => {
    const expiresAt = '2026-12-22T00:00:00+09:00';
    expect(canRotate({ expiresAt, revokedAt: null }, at('2026-11-01T00:00:00+09:00'))).toBe(true);
    expect(canRotate({ expiresAt, revokedAt: null }, at('2026-12-21T00:00:00+09:00'))).toBe(true);
    expect(canRotate({ expiresAt, revokedAt: null }, at('2026-12-22T00:00:00+09:00'))).toBe(false);
    expect(canRotate({ expiresAt, revokedAt: '2026-11-01T10:00:00+09:00' }, at('2026-11-02T00:00:00+09:00'))).toBe(false);
  });

  it('says until when the old secret works on a clock in Japan, whatever the offset, with minutes only when there are some', () => {
    expect(graceEnd('2026-11-29T01:00:00Z')).toBe('11月29日10時');
    expect(graceEnd('2026-11-29T10:30:00+09:00')).toBe('11月29日10時30分');
    expect(graceEnd('2026-12-31T15:05:00Z')).toBe('1月1日0時5分');
    const now = at('2026-11-22T10:00:00+09:00');
    expect(previousSecretWorks({ previousValidUntil: '2026-11-29T10:00:00+09:00' }, now)).toBe(true);
    expect(previousSecretWorks({ previousValidUntil: '2026-11-22T10:00:00+09:00' }, now)).toBe(false);
    expect(previousSecretWorks({ previousValidUntil: null }, now)).toBe(false);
  });
});
