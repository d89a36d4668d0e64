// Browser journeys for 計画 and 指標, run with `npm run e2e` against a running SPA + API:
//   BASE_URL=http://127.0.0.1:5173 E2E_PASSWORD=tsunagu-demo npm run e2e
// Logs in as the demo planner (PLANNER may enter values). Uses Debian's chromium through playwright-core.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BASE_URL, PASSWORD, browserJourney } from './lib/browser.mjs';
import { expectAccessible } from './lib/a11y.mjs';

const PLANNER = process.env.E2E_PLANNER ?? 'planner';
const { newPage, logIn, screenshot } = browserJourney({ user: PLANNER });

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
      await page.getByRole('link', { name: '第2次北九州市いきいき長寿プラン' }).waitFor();
      await expectAccessible(page, 'plans');

      const planRow = page.getByRole('row').filter({ has: page.getByRole('link', { name: '第2次北九州市いきいき長寿プラン' }) });
      assert.match(await planRow.innerText(), /令和3年度 \(2021\)〜令和5年度 \(2023\)/);
      assert.match(await planRow.innerText(), /高齢者保健福祉計画・介護保険事業計画/);
      await planRow.getByRole('link', { name: '第2次北九州市いきいき長寿プラン' }).click();
      await page.getByRole('heading', { level: 1, name: '第2次北九州市いきいき長寿プラン' }).waitFor();
      await page.getByRole('link', { name: '地域会合等への参加（回数）' }).first().waitFor();
      await expectAccessible(page, 'plan');

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
      await expectAccessible(page, 'indicator');
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
      await expectAccessible(page, 'plan-tree');
    } finally {
      await page.close();
    }
  });
});
