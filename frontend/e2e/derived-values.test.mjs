// Browser journeys for computed indicator values and 困りごとの種類, run with `npm run e2e` against a running SPA + API (demo data):
//   BASE_URL=http://127.0.0.1:5173 npm run e2e
// The planner opens 地域生活支援の相談件数 from its plan and finds 令和2年度's 761 marked 支援統計から自動集計,
// read-only, with the rule that counts it; the survey-derived 37.4% of 熊本市 links to its survey. The admin
// adds a category on 困りごとの種類, sees it listed, then retires it and sees it leave the list.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BASE_URL, browserJourney } from './lib/browser.mjs';
import { expectAccessible } from './lib/a11y.mjs';

const PLANNER = process.env.E2E_PLANNER ?? 'planner';
const ADMIN = process.env.E2E_USER ?? 'admin';
const { newPage, logIn, screenshot } = browserJourney({ user: PLANNER });

const PLAN = '地域生活支援活動推進事業（北九州市社会福祉協議会）';
const CONSULTATIONS = '地域生活支援の相談件数（7校(地)区）';

describe('算出された値と困りごとの種類', () => {
  test('planner sees 令和2年度’s 761 consultations counted from the support records, and cannot type over it', async () => {
    const page = await newPage();
    try {
      await logIn(page);
      await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '計画' }).click();
      await page.getByRole('heading', { level: 1, name: '計画' }).waitFor();
      await page.getByRole('link', { name: PLAN }).click();
      await page.getByRole('heading', { level: 1, name: PLAN }).waitFor();
      await page.getByRole('link', { name: CONSULTATIONS }).first().waitFor();
      await expectAccessible(page, 'plan-kitakyushu-seikatsu');
      await page.getByRole('link', { name: CONSULTATIONS }).first().click();
      await page.waitForURL(`${BASE_URL}/indicators/kitakyushu-seikatsu-consultations`);
      await page.getByRole('heading', { level: 1, name: CONSULTATIONS }).waitFor();

      // The value: shown, read-only, no marker to choose, explained, and badged with where it comes from.
      const cell = page.getByLabel('令和2年度 (2020) 実績値', { exact: true });
      await page.getByTestId('stat-rule').waitFor();
      assert.equal(await cell.inputValue(), '761');
      assert.equal(await cell.isEditable(), false, 'a counted actual is read-only');
      assert.match(await cell.getAttribute('title'), /北九州市（40100）の相談件数から自動集計した値のため、ここでは変更できません/);
      assert.equal(await page.getByLabel('令和2年度 (2020) 実績値の記号').count(), 0);
      const td = page.locator('td').filter({ has: cell });
      const badge = td.getByRole('link', { name: '支援統計から自動集計' });
      assert.equal(await badge.getAttribute('href'), '/support/stats?area=40100&fiscalYear=2020');
      assert.match(await td.innerText(), /北九州市（40100）の相談件数/);

      // Typing into it changes nothing and sends nothing.
      const writes = [];
      page.on('request', (r) => r.method() === 'PUT' && writes.push(r.url()));
      await cell.focus();
      await page.keyboard.type('5');
      await page.keyboard.press('Enter');
      assert.equal(await cell.inputValue(), '761');
      assert.deepEqual(writes, []);

      // The 達成状況 table marks it too, and the rule is named below.
      const row = page.getByRole('table', { name: '達成状況' }).getByRole('row').filter({
        has: page.getByRole('rowheader', { name: '令和2年度 (2020)', exact: true }),
      });
      assert.match(await row.innerText(), /761/);
      await row.getByRole('link', { name: /^支援統計から自動集計/ }).waitFor();
      assert.match(await page.getByTestId('stat-rule').innerText(), /実績値は北九州市（40100）の相談件数から年度ごとに自動集計しています/);
      await page.getByText('自動集計の設定を変える・やめる').waitFor();
      await screenshot(page, 'indicator-derived.png');
      await expectAccessible(page, 'indicator-derived');

      // The badge leads to the statistics it was counted from.
      await badge.click();
      await page.waitForURL(`${BASE_URL}/support/stats?area=40100&fiscalYear=2020`);
      await page.getByRole('heading', { level: 1, name: '地区の統計' }).waitFor();
      await page.getByTestId('consultations').filter({ hasText: '761' }).waitFor();
      await expectAccessible(page, 'support-stats-2020');

      // An actual computed from a citizen survey links to that survey.
      await page.goto(`${BASE_URL}/indicators/kumamoto-5th-iv-3`);
      await page.getByRole('heading', { level: 1, name: '孤独感の程度が高い市民の割合' }).waitFor();
      const share = page.getByLabel('令和5年度 (2023) 実績値', { exact: true });
      assert.equal(await share.inputValue(), '37.4');
      assert.equal(await share.isEditable(), false);
      const surveyBadge = page.locator('td').filter({ has: share }).getByRole('link', { name: 'アンケートから算出' });
      assert.equal(await surveyBadge.getAttribute('href'), '/surveys/kumamoto-r6');
      await expectAccessible(page, 'indicator-from-survey');
    } finally {
      await page.close();
    }
  });

  test('admin adds a 困りごとの種類 and sees it listed, then retires it', async () => {
    const page = await newPage();
    const suffix = String(Date.now()).slice(-6);
    const code = `E2E_${suffix}`;
    const name = `E2E 試験の困りごと ${suffix}`;
    try {
      await logIn(page, ADMIN);
      await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '困りごとの種類' }).click();
      await page.waitForURL(`${BASE_URL}/admin/categories`);
      await page.getByRole('heading', { level: 1, name: '困りごとの種類' }).waitFor();
      const table = page.getByRole('table', { name: '使っている困りごとの種類' });
      await table.getByRole('rowheader', { name: 'ゴミ出し', exact: true }).waitFor();

      await page.getByRole('button', { name: '種類を追加' }).click();
      const form = page.getByRole('form', { name: '困りごとの種類を追加' });
      await form.waitFor();
      await expectAccessible(page, 'admin-categories-form');
      await form.getByLabel(/^コード/).fill(code.toLowerCase());
      await form.getByLabel(/^名称/).fill(name);
      await form.getByLabel('車が必要').check();
      await form.getByRole('button', { name: '追加する' }).click();
      await page.getByText(`「${name}」（${code}）を追加しました。`).waitFor();

      const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
      await row.waitFor();
      const text = await row.innerText();
      assert.match(text, new RegExp(code));
      assert.match(text, /必要/);
      await screenshot(page, 'admin-categories.png');
      await expectAccessible(page, 'admin-categories');

      // Retired: no longer listed (the page says why), though past records keep it.
      page.once('dialog', (dialog) => void dialog.accept());
      await row.getByRole('button', { name: `${name}を使わなくする` }).click();
      await page.getByText(`「${name}」を使わなくしました。`, { exact: false }).waitFor();
      await row.waitFor({ state: 'detached' });
      assert.equal(await table.getByRole('rowheader', { name, exact: true }).count(), 0);
    } finally {
      await page.close();
    }
  });
});
