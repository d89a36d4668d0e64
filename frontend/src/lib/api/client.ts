import createClient, { type Middleware } from 'openapi-fetch';
import { env } from '@/config/env';
import { clearSession, getAccessToken } from '@/lib/session';
import type { paths } from './schema';

const TOKEN_PATH = '/api/v1/auth/token';

let onUnauthorized: () => void = () => {
  const at = window.location.pathname;
  if (at !== '/login' && at !== '/auth/callback') window.location.assign('/login?expired=1');
};

/** Replaces what happens after a 401 clears the session (the router hooks in here; tests too). */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

const auth: Middleware = {
  onRequest({ request }) {
    const token = getAccessToken();
    if (token && !request.headers.has('Authorization')) {
      request.headers.set('Authorization', `Bearer ${token}`);
    }
    return request;
  },
  onResponse({ request, response }) {
    // A 401 from the login endpoint means wrong credentials, not an expired session.
    if (response.status === 401 && !new URL(request.url).pathname.endsWith(TOKEN_PATH)) {
      clearSession();
      onUnauthorized();
    }
    return response;
  },
};

/** The one API client of the SPA. Components use the hooks in features/<x>/api, never this. */
export const api = createClient<paths>({
  baseUrl: env.apiBaseUrl,
  // Looked up on each call so a test can replace globalThis.fetch.
  fetch: (request) => globalThis.fetch(request),
  headers: { Accept: 'application/json, application/problem+json' },
});
api.use(auth);
