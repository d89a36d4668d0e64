// Browser journey for 生活支援, run with `npm run e2e` against a running SPA + API (demo data):
//   BASE_URL=http://127.0.0.1:5173 npm run e2e
// The coordinator registers a recipient in 庄司, takes a weekly ゴミ出し request, proposes it to the top
// candidate, records 引受 and 完了, and sees the district's 相談件数 of this fiscal year go up by one.
// The city's FY2020 statistics read as the 北九州市社協 report prints them (報告の見出し別, 取り組み概要), and a
// coordinator may edit their own district's 取り組み概要.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BASE_URL, PASSWORD, TIMEOUT, browserJourney } from './lib/browser.mjs';
import { expectAccessible } from './lib/a11y.mjs';

const USER = process.env.E2E_COORDINATOR ?? 'coordinator';
const { newPage, logIn, screenshot } = browserJourney({ user: USER });

/** The fiscal year (April–March) today falls in. */
function currentFiscalYear(now = new Date()) {
  return now.getMonth() >= 3 ? now.getFullYear() : now.getFullYear() - 1;
}

/**
 * Picks the area and year on the statistics page and reads 相談件数 once the figures are there. The 年度 offered are
 * those with records in the area and this fiscal year, which 庄司 has none of on a fresh database before this
 * journey's request: choosing it fails if the page does not offer it.
 */
async function consultations(page, areaCode, areaName, fiscalYear, { expect } = {}) {
  await page.getByLabel('地域', { exact: true }).selectOption(areaCode);
  await page.waitForURL((url) => url.searchParams.get('area') === areaCode);
  const year = page.getByLabel('年度', { exact: true });
  // Disabled until the area's years are read.
  const readyBy = Date.now() + TIMEOUT;
  while (!(await year.isEnabled()) && Date.now() < readyBy) await page.waitForTimeout(100);
  await year.selectOption(String(fiscalYear));
  await page.waitForURL((url) => url.searchParams.get('area') === areaCode && url.searchParams.get('fiscalYear') === String(fiscalYear));
  await page.getByRole('heading', { level: 2, name: new RegExp(`^${areaName} .*\\(${fiscalYear}\\)$`) }).waitFor();
  const read = async () => Number((await page.getByTestId('consultations').innerText()).replace(/[^\d]/g, ''));
  // A figure seen before may show from the cache while it is fetched again: wait for the fresh one.
  const deadline = Date.now() + TIMEOUT;
  let value = await read();
  while (expect !== undefined && value !== expect && Date.now() < deadline) {
    await page.waitForTimeout(250);
    value = await read();
  }
  return value;
}

describe('生活支援', () => {
  test('coordinator takes a weekly ゴミ出し request in 庄司 from intake to 完了', async () => {
    const page = await newPage();
    const fiscalYear = currentFiscalYear();
    const name = `庄司 試験${Date.now() % 100000}`;
    try {
      await logIn(page);
      await page.waitForURL(`${BASE_URL}/directory`);
      await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '生活支援' }).click();
      // A coordinator's 生活支援 opens on 要対応; 相談の一覧 is one click away in its menu.
      await page.waitForURL(`${BASE_URL}/support/follow-ups`);
      await page.getByRole('heading', { level: 1, name: '要対応' }).waitFor();
      await page.getByRole('navigation', { name: '生活支援のメニュー' }).getByRole('link', { name: '相談の一覧' }).click();
      await page.waitForURL(`${BASE_URL}/support/requests`);
      await page.getByRole('heading', { level: 1, name: '生活支援' }).waitFor();
      await page.getByRole('region', { name: /^相談の一覧/ }).waitFor();
      await expectAccessible(page, 'support');

      // 庄司, this fiscal year, before.
      await page.getByRole('link', { name: '地区の統計を見る' }).click();
      await page.getByRole('heading', { level: 1, name: '地区の統計' }).waitFor();
      const before = await consultations(page, '40101-shoji', '庄司', fiscalYear);
      assert.equal(new URL(page.url()).search, `?area=40101-shoji&fiscalYear=${fiscalYear}`);
      await expectAccessible(page, 'support-stats-before');

      // A new supporter in 庄司 who takes out the garbage on Tuesday mornings.
      const supporterName = `庄司 担い手${Date.now() % 100000}`;
      await page.getByRole('navigation', { name: '生活支援のメニュー' }).getByRole('link', { name: '担い手の一覧' }).click();
      await page.getByRole('button', { name: '担い手を登録' }).click();
      const form = page.getByRole('form', { name: '担い手の登録' });
      await form.waitFor();
      await expectAccessible(page, 'support-supporter-form');
      await form.getByLabel(/^氏名/).fill(supporterName);
      await form.getByLabel(/^ふりがな/).fill('しょうじ にないて');
      await form.getByLabel(/^地域/).selectOption('40101-shoji');
      await form.getByLabel('ゴミ出し', { exact: true }).check();
      await form.getByRole('button', { name: '空き時間を追加' }).click();
      const slot = form.locator('fieldset.slot-line').first();
      await slot.getByLabel('曜日').selectOption({ label: '火曜' });
      await slot.getByLabel('開始').fill('09:00');
      await slot.getByLabel('終了').fill('12:00');
      await form.getByRole('button', { name: '登録する' }).click();
      await page.getByText(`${supporterName}さんを担い手に登録しました。`).waitFor();
      await expectAccessible(page, 'support-supporter-registered');

      // Intake: a new recipient in 庄司, ゴミ出し every Tuesday 09:00–10:00, paid or unpaid.
      await page.getByRole('navigation', { name: '生活支援のメニュー' }).getByRole('link', { name: '新しい相談' }).click();
      await page.getByRole('heading', { level: 1, name: '新しい相談' }).waitFor();
      await expectAccessible(page, 'support-request-new');
      await page.getByRole('button', { name: '要支援者を新しく登録する' }).click();
      await page.getByLabel(/^氏名/).fill(name);
      await page.getByLabel(/^ふりがな/).fill('しょうじ しけん');
      await page.getByLabel(/^地区/).selectOption({ label: '庄司' });
      await page.getByLabel(/^紹介者/).selectOption({ label: '民生委員' });
      await page.getByLabel('支援者に連絡先を伝えることへの同意').check();
      await page.getByRole('button', { name: '登録して選ぶ' }).click();
      await page.getByRole('status').filter({ hasText: name }).waitFor();
      await expectAccessible(page, 'support-request-new-recipient');

      await page.getByRole('combobox', { name: /^困りごと/ }).selectOption({ label: 'ゴミ出し' });
      await page.getByLabel('毎週').check();
      await page.getByRole('combobox', { name: /^曜日/ }).selectOption({ label: '火曜' });
      await page.getByLabel(/^開始時刻/).fill('09:00');
      await page.getByLabel(/^終了時刻/).fill('10:00');
      await page.getByLabel('どちらでも').check();
      await page.getByRole('button', { name: '相談を受け付ける' }).click();

      // The request's page: details and the ranked candidates with their score parts.
      await page.waitForURL(/\/support\/requests\/\d+$/);
      await page.getByRole('heading', { level: 1, name: new RegExp(`${name}さん`) }).waitFor();
      assert.match(await page.locator('dl.facts').innerText(), /毎週 火曜 09:00〜10:00/);
      const candidates = page.getByRole('table', { name: /候補の担い手/ });
      await candidates.waitFor();
      // The supporter registered above is a candidate (ties are ranked by registration, so among the rest).
      await page.getByRole('button', { name: /^残り \d+人も表示する$/ }).click();
      await candidates.getByRole('row').filter({ hasText: supporterName }).waitFor();
      const top = candidates.getByRole('row').nth(1);
      const topText = await top.innerText();
      assert.match(topText, /\d\.\d{3}/, 'the total score');
      assert.equal(await top.locator('.score-part').count(), 6, 'the total and five parts');
      await screenshot(page, 'support.png');
      await expectAccessible(page, 'support-request');

      // 依頼する → 引受 → 完了.
      await top.getByRole('button', { name: /に依頼する$/ }).click();
      const accept = page.getByRole('button', { name: /さんの引受$/ });
      await accept.waitFor();
      // The 依頼票 the supporter is handed: who, what, when.
      await page.getByRole('button', { name: /さんの依頼票$/ }).click();
      const handout = page.getByRole('dialog', { name: '依頼票' });
      await handout.getByText(name).waitFor();
      assert.match(await handout.innerText(), /ゴミ出し/);
      assert.match(await handout.innerText(), /毎週 火曜 09:00〜10:00/);
      await expectAccessible(page, 'support-handout');
      await handout.getByRole('button', { name: '閉じる' }).click();
      await handout.waitFor({ state: 'detached' });
      assert.match(await page.locator('dl.facts').innerText(), /調整済み/);
      await accept.click();
      const complete = page.getByRole('button', { name: /さんの完了$/ });
      await complete.waitFor();
      assert.match(await page.locator('dl.facts').innerText(), /支援中/);
      await complete.click();
      await page.locator('dl.facts').getByText('完了', { exact: true }).waitFor();
      await page.getByText('支援の完了を記録しました。').waitFor();
      await expectAccessible(page, 'support-request-completed');

      // Back to the statistics: one more consultation in 庄司 this year.
      await page.getByRole('navigation', { name: '生活支援のメニュー' }).getByRole('link', { name: '地区の統計' }).click();
      await page.getByRole('heading', { level: 1, name: '地区の統計' }).waitFor();
      const afterCount = await consultations(page, '40101-shoji', '庄司', fiscalYear, { expect: before + 1 });
      assert.equal(afterCount, before + 1);
      await screenshot(page, 'support-stats.png');
      await expectAccessible(page, 'support-stats');
    } finally {
      await page.close();
    }
  });

  test('the city in FY2020: shares under the report headings, and the districts\' 取り組み概要 as the report prints them', async () => {
    const page = await newPage();
    try {
      await logIn(page, 'viewer');
      await page.goto(`${BASE_URL}/support/stats?area=40100&fiscalYear=2020`);
      await page.getByRole('heading', { level: 1, name: '地区の統計' }).waitFor();
      await page.getByRole('heading', { level: 2, name: '北九州市 令和2年度 (2020)' }).waitFor();
      assert.equal(await page.getByTestId('consultations').innerText(), '761件');

      // 報告の見出し別: 同行（買物・通院等） and 代行（買物等） as the report's table has them.
      await page.getByRole('heading', { level: 3, name: '報告の見出し別の割合' }).waitFor();
      const headings = page.getByRole('table', { name: '報告の見出し別の割合' });
      const share = async (heading) => {
        const row = headings.getByRole('row').filter({ has: page.getByRole('rowheader', { name: heading, exact: true }) });
        return (await row.locator('.share-chart__percent').innerText()).trim();
      };
      assert.equal(await share('同行（買物・通院等）'), '1.1%');
      assert.equal(await share('代行（買物等）'), '25.1%');
      assert.equal(await share('ゴミ出し'), '37.4%');
      assert.match(
        await headings.getByRole('row').filter({ has: page.getByRole('rowheader', { name: '代行（買物等）', exact: true }) }).innerText(),
        /買い物代行/,
      );

      // 取り組み概要: 高須 has 2 相談員 and offers paid help; a viewer edits nothing.
      const profiles = page.getByRole('table', { name: /^校区の取り組み概要/ });
      const takasu = profiles.getByRole('row').filter({ has: page.getByRole('rowheader', { name: '高須', exact: true }) });
      const cells = await takasu.getByRole('cell').allInnerTexts();
      assert.equal(cells[0], '2名');
      assert.equal(cells[2], '《有償》');
      assert.match(cells[3], /◎「たかすちよこっと応援タイ」\(32名\)/);
      assert.equal(await profiles.getByRole('button').count(), 0);
      assert.match(await page.getByTestId('counselors').innerText(), /^\d+名$/);
      await screenshot(page, 'support-stats-fy2020.png');
      await expectAccessible(page, 'support-stats-fy2020');
    } finally {
      await page.close();
    }
  });

  test("a coordinator opens the editor of their own district's 取り組み概要", async () => {
    const page = await newPage();
    try {
      await logIn(page);
      await page.goto(`${BASE_URL}/support/stats?area=40102-takasu&fiscalYear=2020`);
      await page.getByRole('heading', { level: 2, name: '高須 令和2年度 (2020)' }).waitFor();
      await page.getByRole('button', { name: '「高須」の取り組み概要を編集' }).click();
      const form = page.getByRole('form', { name: '「高須」の取り組み概要を編集' });
      await form.waitFor();
      assert.equal(await form.getByLabel(/^相談員/).inputValue(), '2');
      assert.equal(await form.getByLabel(/^有償・無償/).inputValue(), 'PAID');
      await screenshot(page, 'support-profile-form.png');
      await expectAccessible(page, 'support-profile-form');
      // Left as it was: the seed's figures stay for the other journeys.
      await form.getByRole('button', { name: 'キャンセル' }).click();
      await form.waitFor({ state: 'detached' });
    } finally {
      await page.close();
    }
  });

  test('the supporters of 庄司 with their week grids', async () => {
    const page = await newPage();
    try {
      await logIn(page);
      await page.waitForURL(`${BASE_URL}/directory`);
      await page.goto(`${BASE_URL}/support/supporters?area=40101-shoji`);
      await page.getByRole('heading', { level: 1, name: '担い手の一覧' }).waitFor();
      const grid = page.getByRole('img', { name: /さんの空き時間: 火 / }).first();
      await grid.waitFor();
      assert.ok((await grid.locator('.week-grid__cell--free').count()) > 0);
      await screenshot(page, 'support-supporters.png');
      await expectAccessible(page, 'support-supporters');
    } finally {
      await page.close();
    }
  });
});
