// Browser journeys for 計画 and 指標, run with `npm run e2e` against a running SPA + API:
//   BASE_URL=http://127.0.0.1:5173 E2E_PASSWORD=tsunagu-demo npm run e2e
// Logs in as the demo planner (PLANNER may enter values). Uses Debian's chromium through playwright-core.
import assert from 'node:assert/strict';
import fs from 'node:fs';
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

const PLAN = '第2次北九州市いきいき長寿プラン';

describe('計画と指標', () => {
  test('the dashboard opens on the latest year with actuals and downloads its counts and rows as CSV', async () => {
    const page = await newPage();
    try {
      await logIn(page);
      await page.goto(`${BASE_URL}/plans/kitakyushu-ikiiki2`);
      await page.getByRole('heading', { level: 1, name: PLAN }).waitFor();
      await page.getByRole('link', { name: '評価ダッシュボード', exact: true }).click();
      await page.waitForURL(`${BASE_URL}/plans/kitakyushu-ikiiki2/dashboard`);
      const rows = page.getByRole('table', { name: '成果指標の評価（評価の低い順）' });
      await rows.waitFor();
      // 令和3〜5年度: the demo has actuals up to 令和4年度, none yet in 令和5年度 (the last year) — nor is 令和3年度 (the first) chosen.
      assert.equal(await page.getByLabel('年度').inputValue(), '2022');
      await page.getByText('令和4年度 (2022)の成果指標の評価です', { exact: false }).waitFor();
      assert.ok((await rows.getByRole('row').count()) > 1, 'some rows for 令和4年度');
      await screenshot(page, 'dashboard.png');
      await expectAccessible(page, 'dashboard');

      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV ダウンロード' }).click()]);
      assert.equal(download.suggestedFilename(), 'kitakyushu-ikiiki2-kpi-2022.csv');
      const bytes = fs.readFileSync(await download.path());
      assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'a BOM, so Excel reads UTF-8');
      const text = bytes.subarray(3).toString('utf8');
      assert.ok(text.startsWith(`計画,${PLAN}\r\n年度,令和4年度 (2022)\r\n`), text.slice(0, 80));
      assert.match(text, /\r\n評価,件数\r\nA,\d+\r\nB,\d+\r\nC,\d+\r\nD,\d+\r\n未評価,\d+\r\n/);
      assert.match(text, /\r\nB,地域会合等への参加（回数）,kitakyushu-ikiiki2-63-1,[^\r\n]*,1530,1305,85\.3,/);
    } finally {
      await page.close();
    }
  });

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
      assert.equal(await page.getByTestId('target-line').count(), 1);
      await page.getByTestId('baseline-line').getByText('基準値 1,530', { exact: true }).waitFor();

      // 値の履歴: the value just typed, newest first, by the planner.
      const history = page.getByRole('table', { name: '値の履歴（新しい順）' });
      const newest = history.getByRole('row').nth(1);
      await newest.filter({ hasText: '— → 1,600' }).waitFor();
      const cells = await newest.getByRole('cell').allInnerTexts();
      assert.deepEqual(cells.slice(1, 5), [PLANNER, '令和5年度 (2023)', '実績値', '— → 1,600']);
      await screenshot(page, 'indicator.png');
      await expectAccessible(page, 'indicator');
    } finally {
      await page.close();
    }
  });

  test('the plan’s 変更履歴 shows the value typed, and the day filter leaves it out when set after it', async () => {
    const page = await newPage();
    try {
      await logIn(page);
      await page.goto(`${BASE_URL}/plans/kitakyushu-ikiiki2`);
      await page.getByRole('heading', { level: 1, name: PLAN }).waitFor();
      await page.getByRole('link', { name: '変更履歴', exact: true }).click();
      await page.waitForURL(`${BASE_URL}/plans/kitakyushu-ikiiki2/changes`);
      await page.getByRole('heading', { level: 1, name: `${PLAN} 変更履歴` }).waitFor();
      const log = page.getByRole('table', { name: '変更履歴（新しい順）' });
      const typed = log.getByRole('row').filter({ hasText: '令和5年度 (2023) 実績値' }).filter({ hasText: '— → 1,600' });
      await typed.waitFor();
      assert.match(await typed.innerText(), /地域会合等への参加（回数）/);
      assert.match(await typed.innerText(), new RegExp(PLANNER));
      await screenshot(page, 'plan-changes.png');
      await expectAccessible(page, 'plan-changes');

      const dayAfterTomorrow = new Date(Date.now() + 2 * 24 * 3600 * 1000);
      const day = `${dayAfterTomorrow.getFullYear()}-${String(dayAfterTomorrow.getMonth() + 1).padStart(2, '0')}-${String(dayAfterTomorrow.getDate()).padStart(2, '0')}`;
      await page.getByLabel('この日以降').fill(day);
      await page.getByText('この日以降の変更はありません').waitFor();
      assert.match(page.url(), new RegExp(`since=${day}`));
    } finally {
      await page.close();
    }
  });

  test('課題・困りごと, 問い合わせ先 and 取組の主な対象 as the plans print them', async () => {
    const page = await newPage();
    try {
      await logIn(page);
      // くるめ支え合うプラン: the 8 課題 seen in hearings and workshops, and the back cover's 問い合わせ先.
      await page.goto(`${BASE_URL}/plans/kurume`);
      await page.getByRole('heading', { level: 1, name: 'くるめ支え合うプラン' }).waitFor();
      const findings = page.getByRole('region', { name: '課題・困りごと' });
      const issues = findings.getByRole('region', { name: /^課題/ });
      await issues.getByRole('heading', { level: 4, name: '支え合う意識やつながりの希薄化への対応が必要', exact: true }).waitFor();
      assert.equal(await issues.getByRole('heading', { level: 4 }).count(), 8);
      assert.equal(await issues.getByText('ヒアリング・ワークショップ', { exact: true }).count(), 8);
      await issues.getByRole('heading', { level: 4, name: '情報が適切に入手できていないことへの対応が必要', exact: true }).waitFor();
      const contacts = page.getByRole('region', { name: '問い合わせ先' });
      const welfare = contacts.getByRole('listitem').filter({ hasText: '久留米市 健康福祉部 地域福祉課' });
      assert.match(await welfare.innerText(), /電話 0942-30-9173/);
      assert.match(await welfare.innerText(), /FAX 0942-30-9752/);
      await screenshot(page, 'plan-findings-kurume.png');
      await expectAccessible(page, 'plan-findings-kurume');

      // 第9期介護保険事業計画: the 困りごと of the 第2層協議体 and the ニーズ調査, each with the residents' words.
      await page.goto(`${BASE_URL}/plans/kaigo-9th`);
      await page.getByRole('heading', { level: 1, name: '第9期介護保険事業計画' }).waitFor();
      const troubles = page.getByRole('region', { name: '課題・困りごと' }).getByRole('region', { name: /^困りごと/ });
      const garbage = troubles.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 4, name: 'ゴミ出し', exact: true }) });
      await garbage.waitFor();
      const examples = await garbage.getByRole('list', { name: '例' }).getByRole('listitem').allInnerTexts();
      assert.ok(examples.includes('粗大ごみを出せないのを助けてほしい'), examples.join(' / '));
      assert.match(await garbage.innerText(), /協議体・ニーズ調査/);
      await screenshot(page, 'plan-findings-kaigo.png');
      await expectAccessible(page, 'plan-findings-kaigo');

      // 第5次熊本市地域福祉計画: 基本方針Ⅳ's 取組の主な対象 under its title.
      await page.goto(`${BASE_URL}/plans/kumamoto-5th`);
      const table = page.getByRole('table', { name: '計画の体系と役割分担' });
      await table.waitFor();
      const policyIV = table.getByRole('row').filter({ has: page.getByRole('cell', { name: 'Ⅳ', exact: true }) });
      await policyIV.getByText('主な対象: 地域と連携できる多様な関係機関・地域で困難な課題を抱える方など', { exact: true }).waitFor();
      await screenshot(page, 'plan-main-target.png');
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
      assert.ok((await table.getByText('○', { exact: true }).count()) > 0, 'some ○ marks');
      assert.ok((await table.getByText('◎', { exact: true }).count()) > 0, 'some ◎ marks');
      // The plan prints no legend of its own: ◎ 実施主体 ○ 連携・協力, above the table.
      assert.equal(await page.locator('#role-legend').innerText(), '凡例: ◎ 実施主体　○ 連携・協力');
      // 取組13 prints its own above its matrices: (主な事業や取組) 事業の実施主体〔○〕 連携・協力団体〔□〕, shown right above it.
      const rows = await table.getByRole('row').allInnerTexts();
      const t13 = rows.findIndex((r) => r.includes('複雑化・複合化した課題へ対応するための相談支援体制の充実'));
      assert.ok(t13 > 0, '取組13 is in the table');
      assert.match(rows[t13 - 1], /^凡例: ○ 事業の実施主体\s+□ 連携・協力団体\s*（「13」とその下の項目）$/);
      // There ○ means 事業の実施主体, and the ◎ printed for 福祉総合相談 is not in that legend: kept as printed, flagged in words.
      const row = (title) => table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: title }) });
      await row(/困難な問題を抱える女性支援事業/).getByRole('cell', { name: '市: ○ 事業の実施主体', exact: true }).waitFor();
      const flagged = row(/福祉総合相談/).getByRole('cell', { name: '市: ◎ 凡例にない記号', exact: true });
      assert.match(await flagged.innerText(), /^◎[\s\S]*凡例にない記号/);
      await screenshot(page, 'plan-tree.png');
      await expectAccessible(page, 'plan-tree');
    } finally {
      await page.close();
    }
  });
});
