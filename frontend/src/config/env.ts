/**
 * Runtime configuration. The SPA talks to the API on its own origin by default (the dev and
 * preview servers and the production reverse proxy forward /api); VITE_API_BASE_URL overrides it.
 */
export const env = {
  apiBaseUrl: (import.meta.env.VITE_API_BASE_URL as string | undefined) ?? window.location.origin,
} as const;
