// Browser journeys for 計画 and 指標, run with `npm run e2e` against a running SPA + API:
//   BASE_URL=http://127.0.0.1:5173 E2E_PASSWORD=tsunagu-demo npm run e2e
// Logs in as the demo planner (PLANNER may enter values). Uses Debian's chromium through playwright-core.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chromium } from 'playwright-core';

const BASE_URL = (process.env.BASE_URL ?? 'http://127.0.0.1:5173').replace(/\/$/, '');
const PLANNER = process.env.E2E_PLANNER ?? 'planner';
const PASSWORD = process.env.E2E_PASSWORD ?? 'tsunagu-demo';
const SCREENSHOT_DIR = path.resolve(process.env.SCREENSHOT_DIR ?? 'e2e-results');
const TIMEOUT = 15_000;

let context;

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
  });
  context.setDefaultTimeout(TIMEOUT);
});

after(async () => {
  await context?.close();
});

/** A fresh page with an empty sessionStorage (each journey logs in itself). */
async function newPage() {
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('[page error]', error.message));
  return page;
}

async function logIn(page, user = PLANNER, password = PASSWORD) {
  await page.goto(`${BASE_URL}/login`);
  await page.getByLabel('ユーザー名').fill(user);
  await page.getByLabel('パスワード').fill(password);
  await page.getByRole('button', { name: 'ログイン' }).click();
  await page.waitForURL(`${BASE_URL}/directory`);
}

async function screenshot(page, name) {
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, name), fullPage: true });
}

/** The row of the 達成状況 table for a fiscal year, e.g. '令和4年度 (2022)'. */
function seriesRow(page, year) {
  return page.getByRole('table', { name: '達成状況' }).getByRole('row').filter({
    has: page.getByRole('rowheader', { name: year, exact: true }),
  });
}

describe('計画と指標', () => {
  test('planner enters a 令和5年度 actual and sees its grade', async () => {
    const page = await newPage();
    try {
      await logIn(page);
      await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '計画' }).click();
      await page.getByRole('heading', { level: 1, name: '計画' }).waitFor();

      const planRow = page.getByRole('row').filter({ has: page.getByRole('link', { name: '第2次北九州市いきいき長寿プラン' }) });
      assert.match(await planRow.innerText(), /令和3年度 \(2021\)〜令和5年度 \(2023\)/);
      assert.match(await planRow.innerText(), /高齢者保健福祉計画・介護保険事業計画/);
      await planRow.getByRole('link', { name: '第2次北九州市いきいき長寿プラン' }).click();
      await page.getByRole('heading', { level: 1, name: '第2次北九州市いきいき長寿プラン' }).waitFor();

      await page.getByRole('link', { name: '地域会合等への参加（回数）' }).first().click();
      await page.waitForURL(`${BASE_URL}/indicators/kitakyushu-ikiiki2-63-1`);
      await page.getByRole('heading', { level: 1, name: '地域会合等への参加（回数）' }).waitFor();

      await seriesRow(page, '令和4年度 (2022)').getByLabel('評価 B').waitFor();

      const cell = page.getByLabel('令和5年度 (2023) 実績値', { exact: true });
      await cell.fill('1600');
      await cell.press('Enter');
      await seriesRow(page, '令和5年度 (2023)').getByLabel('評価 A').waitFor();
      assert.equal(await cell.inputValue(), '1600');
      assert.equal(await page.locator('rect.chart__actual').count(), 3);
      await screenshot(page, 'indicator.png');
    } finally {
      await page.close();
    }
  });

  test('the role matrix of 第5次熊本市地域福祉計画', async () => {
    const page = await newPage();
    try {
      await logIn(page);
      await page.goto(`${BASE_URL}/plans/kumamoto-5th`);
      await page.getByRole('heading', { level: 1, name: '第5次熊本市地域福祉計画' }).waitFor();
      const table = page.getByRole('table', { name: '計画の体系と役割分担' });
      await table.waitFor();
      const headers = await table.getByRole('columnheader').allInnerTexts();
      assert.deepEqual(headers.slice(2), ['市', '市社協', '民生委員', '校区社協', '地域団体等', '地域住民']);
      assert.ok((await table.getByText('○', { exact: true }).count()) > 0, 'some ○ (連携・協力) marks');
      assert.ok((await table.getByText('◎', { exact: true }).count()) > 0, 'some ◎ (実施主体) marks');
      await screenshot(page, 'plan-tree.png');
    } finally {
      await page.close();
    }
  });
});
