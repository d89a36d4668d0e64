// Shared by the browser journeys: Debian's chromium through playwright-core (never a downloaded browser),
// one persistent context per test file, a login helper (which runs axe on the login page: a11y.mjs) and
// screenshots under SCREENSHOT_DIR.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';
import { expectAccessible } from './a11y.mjs';

export const BASE_URL = (process.env.BASE_URL ?? 'http://127.0.0.1:5173').replace(/\/$/, '');
export const PASSWORD = process.env.E2E_PASSWORD ?? 'tsunagu-demo';
export const SCREENSHOT_DIR = path.resolve(process.env.SCREENSHOT_DIR ?? 'e2e-results');
export const TIMEOUT = 15_000;

/** Registers the browser's start and stop for this test file; returns the helpers. */
export function browserJourney({ user }) {
  let context;
  // What the production Content-Security-Policy (security-headers.mjs, served by vite preview here) refused:
  // a journey that set any of it off fails, since in production that part of the page would not work.
  const refused = [];

  before(async () => {
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    context = await chromium.launchPersistentContext(fs.mkdtempSync(path.join(os.tmpdir(), 'tsunagu-e2e-')), {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
      locale: 'ja-JP',
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    context.setDefaultTimeout(TIMEOUT);
  });

  after(async () => {
    await context?.close();
    assert.deepEqual(refused, [], 'the Content-Security-Policy refused something the SPA needs');
  });

  return {
    /** A fresh page with an empty sessionStorage (each journey logs in itself). */
    async newPage() {
      const page = await context.newPage();
      page.on('pageerror', (error) => console.error('[page error]', error.message));
      page.on('console', (message) => {
        if (message.type() === 'error' && message.text().includes('Content Security Policy')) refused.push(message.text());
      });
      return page;
    },
    async logIn(page, name = user, password = PASSWORD) {
      const response = await page.goto(`${BASE_URL}/login`);
      const policy = response?.headers()['content-security-policy'] ?? '';
      assert.match(policy, /script-src 'self';/, 'the SPA is served with its Content-Security-Policy');
      assert.match(policy, /frame-ancestors 'none'/);
      await page.getByLabel('ユーザー名').waitFor();
      await expectAccessible(page, 'login');
      await page.getByLabel('ユーザー名').fill(name);
      await page.getByLabel('パスワード').fill(password);
      await page.getByRole('button', { name: 'ログイン', exact: true }).click();
      if (password === PASSWORD) {
        // A demo login lands on the directory; a wrong password stays on the form.
        await page.waitForURL(`${BASE_URL}/directory`);
      }
    },
    async screenshot(page, name) {
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, name), fullPage: true });
    },
  };
}
