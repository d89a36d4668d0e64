// Browser journey for 市の比較, run with `npm run e2e` against a running SPA + API (demo data):
//   BASE_URL=http://127.0.0.1:5173 npm run e2e
// The planner opens 市の比較 from the menu, chooses 生活支援コーディネーターの活動回数 (sc-activities, to which the demo
// links the 第9期介護保険事業計画's indicator) and 令和4年度, when that plan's city reported 697, and finds its row in the
// table beside the chart; the indicator's own page shows the link in its 共通の指標定義 list.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BASE_URL, browserJourney } from './lib/browser.mjs';
import { expectAccessible } from './lib/a11y.mjs';

const PLANNER = process.env.E2E_PLANNER ?? 'planner';
const { newPage, logIn, screenshot } = browserJourney({ user: PLANNER });

const DEFINITION = '生活支援コーディネーターの活動回数（sc-activities）';
const CITY = '介護保険事業計画の例示市（市名非公表）';

describe('市の比較', () => {
  test('planner compares the cities on 生活支援コーディネーターの活動回数 in 令和4年度 and sees the demo city’s 697', async () => {
    const page = await newPage();
    try {
      await logIn(page);
      await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '市の比較' }).click();
      await page.getByRole('heading', { level: 1, name: '市の比較' }).waitFor();
      await page.getByLabel('共通の指標定義', { exact: true }).selectOption({ label: DEFINITION });
      await page.getByLabel('年度', { exact: true }).selectOption({ label: '令和4年度 (2022)' });
      await page.waitForURL(`${BASE_URL}/kpis/compare?definition=sc-activities&fiscalYear=2022`);

      const table = page.getByRole('table', { name: '生活支援コーディネーターの活動回数の市別の実績（令和4年度 (2022)）' });
      const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: CITY, exact: true }) });
      await row.waitFor();
      const text = await row.innerText();
      assert.match(text, /第9期介護保険事業計画/);
      assert.match(text, /697/);
      // The chart is one image named by its figures; the table above is its text alternative.
      await page.getByRole('img', { name: new RegExp(`^生活支援コーディネーターの活動回数の市別の実績、令和4年度 \\(2022\\)、.*${CITY} 697`) }).waitFor();
      await screenshot(page, 'compare.png');
      await expectAccessible(page, 'compare');

      // The indicator's page shows which definition it is linked to.
      await row.getByRole('link', { name: '生活支援コーディネーターの活動回数' }).click();
      await page.waitForURL(`${BASE_URL}/indicators/kaigo-9th-coordinator-activities`);
      const link = page.getByRole('combobox', { name: '共通の指標定義' });
      await page.waitForFunction(() => {
        const select = [...document.querySelectorAll('select')].find((s) => s.labels?.[0]?.textContent === '共通の指標定義');
        return select && !select.disabled;
      });
      assert.equal(await link.inputValue(), 'sc-activities');
      await expectAccessible(page, 'indicator-definition-link');
    } finally {
      await page.close();
    }
  });
});
