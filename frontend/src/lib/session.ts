/**
 * The signed-in session: the bearer token lives in sessionStorage, so it is gone when the tab
 * closes and never shared with other tabs.
 */
const TOKEN_KEY = 'tsunagu.accessToken';
const EXPIRES_KEY = 'tsunagu.expiresAt';

export function saveSession(accessToken: string, expiresInSeconds: number, now = Date.now()): void {
  sessionStorage.setItem(TOKEN_KEY, accessToken);
  sessionStorage.setItem(EXPIRES_KEY, String(now + expiresInSeconds * 1000));
}

export function getAccessToken(now = Date.now()): string | null {
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (!token) return null;
  const expiresAt = Number(sessionStorage.getItem(EXPIRES_KEY));
  if (Number.isFinite(expiresAt) && expiresAt > 0 && expiresAt <= now) {
    clearSession();
    return null;
  }
  return token;
}

export function clearSession(): void {
  sessionStorage.removeItem(TOKEN_KEY);
  sessionStorage.removeItem(EXPIRES_KEY);
}
