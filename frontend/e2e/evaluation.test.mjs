// Browser journey for 事業調書 (import, overview, download), run with `npm run e2e` against a running SPA + API.
// Creates an empty plan through the API as the demo planner, imports the city's 令和4年度 sheet into it
// through the wizard, then follows a measure to its indicator and downloads the sheet as XLSX.
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';
import { BASE_URL, PASSWORD, browserJourney } from './lib/browser.mjs';
import { expectAccessible } from './lib/a11y.mjs';

const PLANNER = process.env.E2E_PLANNER ?? 'planner';
const SHEET = fileURLToPath(new URL('./fixtures/kitakyushu-2022.tsv', import.meta.url));
const { newPage, logIn, screenshot } = browserJourney({ user: PLANNER });

/** Calls the API directly (through the SPA's proxy) with the planner's bearer token. */
async function apiCall(method, pathname, body, token) {
  const response = await fetch(`${BASE_URL}${pathname}`, {
    method,
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  assert.ok(response.ok, `${method} ${pathname} → ${response.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

describe('事業調書', () => {
  test('planner imports the 令和4年度 sheet into an empty plan, follows a measure and downloads the sheet', async () => {
    const { access_token: token } = await apiCall('POST', '/api/v1/auth/token', { username: PLANNER, password: PASSWORD });
    const code = `e2e-import-${Date.now()}`;
    await apiCall(
      'POST',
      '/api/v1/plans',
      {
        code,
        cityCode: '40100',
        kind: 'ELDERLY_CARE_INSURANCE',
        title: '取り込み確認用の計画',
        periodStart: 2021,
        periodEnd: 2023,
        levels: ['目標', '施策の方向性', '取組'],
        actors: [],
      },
      token,
    );

    const page = await newPage();
    try {
      await logIn(page);
      await page.goto(`${BASE_URL}/plans/${code}/import`);
      await page.getByRole('heading', { level: 1, name: '取り込み確認用の計画 事業調書の取り込み' }).waitFor();
      await expectAccessible(page, 'import-choose');

      // 1. choose the file (the year is read from the sheet's heading) → dry run
      await page.getByLabel('ファイル（TSV / CSV / XLSX）').setInputFiles(SHEET);
      await page.getByRole('button', { name: '確認' }).click();

      // 2. preview: measures 59–68, no errors
      const rowsTable = page.getByRole('table', { name: /取り込む取組/ });
      await rowsTable.waitFor({ timeout: 30_000 });
      const numbers = (await rowsTable.locator('tbody tr td:nth-child(2)').allInnerTexts()).map((t) => t.trim());
      for (let n = 59; n <= 68; n++) assert.ok(numbers.includes(String(n)), `measure ${n} in the preview (${numbers.join(', ')})`);
      assert.equal(await page.locator('tr.import-problem--error').count(), 0, 'no 誤り rows');
      assert.equal(await page.locator('.import-problems').getByText('誤り').count(), 0);
      await page.getByText(/令和4年度 \(2022\)の事業調書として読みました/).waitFor();
      await screenshot(page, 'import-preview.png');
      await expectAccessible(page, 'import-preview');

      // 3. commit
      const commit = page.getByRole('button', { name: '取り込む' });
      assert.equal(await commit.isEnabled(), true);
      await commit.click();
      await page.getByRole('heading', { name: '3. 取り込み完了' }).waitFor({ timeout: 30_000 });
      await page.getByText('取り込みました').waitFor();
      await expectAccessible(page, 'import-done');

      // The plan now has measure 62 with its indicator サロン助成団体数.
      await page.getByRole('link', { name: '計画の体系を見る' }).click();
      await page.getByRole('heading', { level: 1, name: '取り込み確認用の計画' }).waitFor();
      const indicatorsOf62 = page.getByRole('list', { name: /^62 .*の成果指標$/ });
      await indicatorsOf62.getByRole('link', { name: 'サロン助成団体数' }).click();
      await page.getByRole('heading', { level: 1, name: 'サロン助成団体数' }).waitFor();
      assert.match(page.url(), /\/indicators\//);
      await page.getByRole('heading', { name: '目標値と実績値の推移' }).waitFor();
      await expectAccessible(page, 'indicator-imported');

      // Back to the plan → the 令和4年度 overview → XLSX download.
      await page.goBack();
      await page.getByRole('heading', { level: 1, name: '取り込み確認用の計画' }).waitFor();
      await expectAccessible(page, 'plan-imported');
      await page.getByLabel('年度', { exact: true }).selectOption('2022');
      await page.getByRole('link', { name: '事業調書の状況' }).click();
      await page.waitForURL(`${BASE_URL}/plans/${code}/evaluations?fiscalYear=2022`);
      const items = page.getByRole('table', { name: '取組ごとの事業調書' });
      await items.waitFor();
      assert.equal(await items.getByRole('link', { name: '住民主体による居場所づくり' }).count(), 1);
      await page.getByRole('heading', { name: /^状態別（\d+件）$/ }).waitFor();

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: /^XLSX をダウンロード/ }).click(),
      ]);
      assert.match(download.suggestedFilename(), /\.xlsx$/);
      await screenshot(page, 'evaluation.png');
      await expectAccessible(page, 'evaluations');

      // The editor of measure 62 shows the imported text beside the indicator's chart.
      await items.getByRole('link', { name: '住民主体による居場所づくり' }).click();
      await page.getByRole('heading', { level: 1, name: /^62 住民主体による居場所づくり/ }).waitFor();
      await page.getByLabel('取組結果').waitFor();
      await page.getByRole('link', { name: 'サロン助成団体数' }).waitFor();
      await screenshot(page, 'evaluation-editor.png');
      await expectAccessible(page, 'evaluation-editor');
    } finally {
      await page.close();
    }
  });
});
