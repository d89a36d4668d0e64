// The headers the SPA is served with, one list for both servers: nginx in production (nginx.conf repeats them,
// and src/security-headers.test.ts checks it does so exactly) and `vite preview` in the browser journeys, so every
// journey runs under the production policy. No inline script may run; styles may be inline (React's style
// attributes); the city's identity provider is the only other origin the SPA talks to (its token endpoint).

/** @param {{ connectSrc?: string[] }} options origins besides our own that fetch() may reach */
export function securityHeaders({ connectSrc = [] } = {}) {
  const connect = ["'self'", ...connectSrc].join(' ');
  return {
    'Content-Security-Policy': [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob:",
      "font-src 'self' data:",
      `connect-src ${connect}`,
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ].join('; '),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
  };
}

/** The origin of a URL, or nothing when it is not one (an unset provider). */
export function originOf(url) {
  try {
    return url ? [new URL(url).origin] : [];
  } catch {
    return [];
  }
}
