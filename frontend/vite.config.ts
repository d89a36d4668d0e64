/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { originOf, securityHeaders } from './security-headers.mjs';

const apiTarget = `http://127.0.0.1:${process.env.API_PORT ?? 8080}`;
const proxy = {
  '/api': { target: apiTarget, changeOrigin: false },
  '/open-data': { target: apiTarget, changeOrigin: false },
  '/q': { target: apiTarget, changeOrigin: false },
};
const port = Number(process.env.WEB_PORT ?? 5173);
const host = process.env.WEB_HOST ?? '127.0.0.1';

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: { host, port, strictPort: true, proxy },
  // The production headers (nginx.conf), with the identity provider's token endpoint as the one other origin.
  preview: {
    host,
    port,
    strictPort: true,
    proxy,
    headers: securityHeaders({ connectSrc: originOf(process.env.TSUNAGU_OIDC_TOKEN_ENDPOINT ?? process.env.TSUNAGU_OIDC_ISSUER) }),
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/testing/setup-tests.ts'],
    restoreMocks: true,
    // A page test types and clicks through a whole form with user-event: on two shared cores under load, the longest
    // ones pass 5 s (vitest's default). A test that waits for something that never comes still fails, at 15 s.
    testTimeout: 15_000,
  },
});
