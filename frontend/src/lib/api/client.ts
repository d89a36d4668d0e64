import createClient, { type Middleware } from 'openapi-fetch';
import { env } from '@/config/env';
import { clearSession, getAccessToken } from '@/lib/session';
import { refreshDue, refreshSession } from '@/lib/token-refresh';
import type { paths } from './schema';

/**
 * Calls whose 401 is about what was typed, not about the session: wrong credentials at the login endpoint, a wrong
 * setup code at 初期設定 (made with no session at all).
 */
const NOT_SESSION_401 = ['/api/v1/auth/token', '/api/v1/setup'];

let onUnauthorized: () => void = () => {
  const at = window.location.pathname;
  if (at !== '/login' && at !== '/auth/callback') window.location.assign('/login?expired=1');
};

/** Replaces what happens after a 401 clears the session (the router hooks in here; tests too). */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

/** The session is over (a 401, or a refresh the provider refused): forget it and ask to log in again. */
function endSession(): void {
  clearSession();
  onUnauthorized();
}

/** The refresh under way, shared by every request that arrives while it runs; null when none is. */
let refreshing: Promise<string> | null = null;

/**
 * One refresh for however many requests find the token running out: a provider that rotates refresh tokens
 * spends the old one on the first, so a second in parallel would be refused and end a good session. Its failure
 * ends the session once, not once per waiting request. Kept here by hand: oidc-client-ts sends the refresh_token
 * grant (lib/token-refresh.ts) but does not share one among callers.
 */
function refreshOnce(): Promise<string> {
  refreshing ??= refreshSession()
    .catch((error: unknown) => {
      endSession();
      throw error;
    })
    .finally(() => {
      refreshing = null;
    });
  return refreshing;
}

/** The bearer token to send: the stored one, renewed first when a provider session's token is about to run out. */
function bearerToken(): Promise<string | null> {
  return refreshDue() ? refreshOnce() : Promise.resolve(getAccessToken());
}

/** What a request gets when its session ended before it could go out: the 401 the API would have answered. */
function sessionEndedResponse(): Response {
  const problem = { title: 'Unauthorized', status: 401, detail: 'ログインの有効期限が切れました。もう一度ログインしてください。' };
  const headers = { 'Content-Type': 'application/problem+json' };
  return new Response(JSON.stringify(problem), { status: 401, headers });
}

const auth: Middleware = {
  async onRequest({ request }) {
    if (request.headers.has('Authorization')) return request;
    let token: string | null;
    try {
      token = await bearerToken();
    } catch {
      // Returned instead of sending: onResponse does not run for it, and the session is already ended.
      return sessionEndedResponse();
    }
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    return request;
  },
  onResponse({ request, response }) {
    // A 401 from the login endpoint or from 初期設定 means what was typed was wrong, not that the session expired.
    const path = new URL(request.url).pathname;
    if (response.status === 401 && !NOT_SESSION_401.some((p) => path.endsWith(p))) endSession();
    return response;
  },
};

/** The one API client of the SPA. Components use the hooks in features/<x>/api, never this. */
export const api = createClient<paths>({
  baseUrl: env.apiBaseUrl,
  // Looked up on each call, not when the module loads: in the tests MSW puts its interceptor in globalThis.fetch
  // only when its server starts.
  fetch: (request) => globalThis.fetch(request),
  headers: { Accept: 'application/json, application/problem+json' },
});
api.use(auth);
