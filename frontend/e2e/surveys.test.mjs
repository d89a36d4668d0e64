// Browser journeys for 市民アンケート, run with `npm run e2e` against a running SPA + API (demo data):
//   BASE_URL=http://127.0.0.1:5173 npm run e2e
// The planner compares 熊本市 R6 with the national survey (-3.8pt for 10〜12点), follows the link to the
// indicator it feeds (37.4%), registers a survey of its own, uploads a CSV with a bad row (listed by
// line, 取り込む disabled), then a good one, and sees its respondents. A viewer reads a breakdown with
// its small cells hidden; a coordinator does not get the menu item. The planner renames a survey of
// their own and deletes it.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { BASE_URL, browserJourney } from './lib/browser.mjs';
import { expectAccessible } from './lib/a11y.mjs';

const PLANNER = process.env.E2E_PLANNER ?? 'planner';
const { newPage, logIn, screenshot } = browserJourney({ user: PLANNER });

const KUMAMOTO_R6 = '第5次熊本市地域福祉計画 策定アンケート（R6）';

/** Writes a CSV file of responses to a temp folder and returns its path. */
function csvFile(name, lines) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsunagu-survey-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, `${lines.join('\r\n')}\r\n`, 'utf8');
  return file;
}

const HEADER = 'q1,q2,q3,年代,区,氏名';
const GOOD_ROWS = [
  '1,1,1,30代,中央区,試験 一郎',
  '2,2,2,40代,東区,試験 二郎',
  '3,3,3,50代,西区,試験 三郎',
  '4,4,4,60代,南区,試験 四郎',
  '決してない,ほとんどない,時々ある,70歳以上,北区,試験 五郎',
  '常にある,常にある,時々ある,70歳以上,北区,試験 六郎',
  '1,2,,40代,東区,試験 七郎',
  '2,3,4,30代,中央区,試験 八郎',
  '1,2,1,50代,西区,試験 九郎',
  '3,2,1,60代,南区,試験 十郎',
];

describe('市民アンケート', () => {
  test('planner compares 熊本市 R6 with the national survey, follows it to its indicator, and uploads responses to a new survey', async () => {
    const page = await newPage();
    const code = `e2e-${Date.now()}`;
    const title = `E2E 市民アンケート ${code.slice(-6)}`;
    try {
      await logIn(page);
      const menu = page.getByRole('navigation', { name: 'メインメニュー' });
      await menu.getByRole('link', { name: '市民アンケート' }).click();
      await page.getByRole('heading', { level: 1, name: '市民アンケート' }).waitFor();

      // The list: 熊本市 R6 is 公表値 and feeds 孤独感の程度が高い市民の割合.
      const row = page.getByRole('table', { name: '市民アンケートの一覧' }).getByRole('row').filter({
        has: page.getByRole('link', { name: KUMAMOTO_R6, exact: true }),
      });
      const rowText = await row.innerText();
      assert.match(rowText, /令和5年度 \(2023\)/);
      assert.match(rowText, /熊本市/);
      assert.match(rowText, /公表値/);
      assert.match(rowText, /37\.4%（7〜9点＋10〜12点）/);
      await screenshot(page, 'surveys.png');
      await expectAccessible(page, 'surveys');
      await row.getByRole('link', { name: KUMAMOTO_R6, exact: true }).click();
      await page.waitForURL(`${BASE_URL}/surveys/kumamoto-r6`);
      await page.getByRole('heading', { level: 1, name: KUMAMOTO_R6 }).waitFor();

      // The chart pairs each band with the national survey; the table prints the differences in points.
      const chart = page.getByRole('img', { name: /^得点帯ごとの割合: / });
      await chart.waitFor();
      const labels = await chart.locator('.survey-chart__value').allTextContents();
      assert.ok(labels.includes('34.3%'), `chart labels: ${labels.join(' ')}`);
      assert.ok(labels.includes('40.1%'), 'the national 7〜9点');
      const legend = await page.getByRole('list', { name: '凡例' }).innerText();
      assert.match(legend, /孤独・孤立の実態把握に関する全国調査（R5）/);
      const comparison = page.getByRole('table', { name: '得点帯ごとの割合の比較' });
      const top = comparison.getByRole('row').filter({ has: page.getByRole('rowheader', { name: '10〜12点（常にある）' }) });
      assert.match(await top.innerText(), /3\.1%\s+6\.9%\s+-3\.8pt/);
      const lowest = comparison.getByRole('row').filter({ has: page.getByRole('rowheader', { name: '3点（決してない）' }) });
      assert.match(await lowest.innerText(), /14\.5pt/);
      await screenshot(page, 'survey-comparison.png');
      await expectAccessible(page, 'survey-comparison');

      // この調査から算出 → the indicator, whose 令和5年度 actual is the survey's 37.4%.
      const feed = page.getByTestId('feed');
      assert.equal(await feed.innerText(), 'この調査から算出: 孤独感の程度が高い市民の割合 37.4%（7〜9点＋10〜12点）');
      await feed.getByRole('link', { name: '孤独感の程度が高い市民の割合' }).click();
      await page.waitForURL(`${BASE_URL}/indicators/kumamoto-5th-iv-3`);
      await page.getByRole('heading', { level: 1, name: '孤独感の程度が高い市民の割合' }).waitFor();
      assert.equal(await page.getByLabel('令和5年度 (2023) 実績値', { exact: true }).inputValue(), '37.4');
      await expectAccessible(page, 'survey-indicator');

      // A new survey counted from responses, compared with 熊本市 R6.
      await menu.getByRole('link', { name: '市民アンケート' }).click();
      await page.getByRole('heading', { name: 'アンケートを登録' }).waitFor();
      await page.getByLabel(/^コード/).fill(code);
      await page.getByLabel(/^名称/).fill(title);
      await page.getByLabel(/^年度/).selectOption('2025');
      await page.getByLabel(/^対象地域/).fill('43100');
      await page.getByLabel(/^実施主体/).fill('熊本市（試験）');
      await page.getByLabel('個票から集計').check();
      await page.getByLabel(/^比較の基準/).selectOption('kumamoto-r6');
      await page.getByRole('button', { name: '登録する' }).click();
      await page.waitForURL(`${BASE_URL}/surveys/${code}`);
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      await page.getByText(/まだ得点帯の分布がありません/).waitFor();
      await expectAccessible(page, 'survey-new');

      // A file with a bad answer on line 3: listed by its line, nothing can be imported.
      const fileInput = page.getByLabel(/個票ファイル（CSV/);
      const commit = page.getByRole('button', { name: '取り込む', exact: true });
      await fileInput.setInputFiles(csvFile('bad.csv', [HEADER, GOOD_ROWS[0], '5,2,3,40代,東区,試験 誤記', ...GOOD_ROWS.slice(1)]));
      await page.getByRole('button', { name: '確認する' }).click();
      const problems = page.getByRole('table', { name: /問題（1件）/ });
      await problems.waitFor();
      const problem = await problems.getByRole('row').nth(1).innerText();
      assert.match(problem, /3 行目/);
      assert.match(problem, /q1/);
      assert.match(problem, /「5」は回答として読めません/);
      assert.equal(await commit.isDisabled(), true);
      await screenshot(page, 'survey-upload-errors.png');
      await expectAccessible(page, 'survey-upload-errors');

      // The corrected file: ten respondents, 年代 and 区 for breakdowns, 氏名 left out.
      await fileInput.setInputFiles(csvFile('good.csv', [HEADER, ...GOOD_ROWS]));
      await page.getByRole('button', { name: '確認する' }).click();
      await page.getByText('問題は見つかりませんでした').waitFor();
      assert.equal(await page.getByTestId('upload-respondents').innerText(), '10人');
      assert.match(await page.locator('.upload-figures').innerText(), /氏名/);
      assert.equal(await commit.isDisabled(), false);
      await commit.click();
      await page.getByText('取り込みました', { exact: true }).waitFor();
      await page.getByTestId('respondents').filter({ hasText: '10人' }).waitFor();
      await page.getByRole('img', { name: new RegExp(`^得点帯ごとの割合: ${title}と`) }).waitFor();
      await page.getByRole('table', { name: '年代別の得点帯の割合' }).waitFor();
      await screenshot(page, 'survey-upload.png');
      await expectAccessible(page, 'survey-upload');
    } finally {
      await page.close();
    }
  });

  test('a viewer reads the breakdown by 年代 with small cells hidden; a coordinator has no 市民アンケート', async () => {
    const page = await newPage();
    try {
      await logIn(page, 'viewer');
      await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '市民アンケート' }).click();
      const responses = page.getByRole('link', { name: '熊本市 市民アンケート 個票（デモ用の架空データ）' });
      await responses.waitFor();
      await expectAccessible(page, 'surveys-as-viewer');
      await responses.click();
      await page.waitForURL(`${BASE_URL}/surveys/kumamoto-r6-responses`);
      assert.equal(await page.getByTestId('respondents').innerText(), '864人');
      const table = page.getByRole('table', { name: '年代別の得点帯の割合' });
      await table.waitFor();
      assert.ok((await table.locator('[data-hidden]').count()) > 0, 'some small cells are hidden');
      assert.match(await table.innerText(), /＊/);
      await page.getByText(/回答者が10人未満の升目と、引き算で分かってしまう升目は表示していません/).waitFor();
      assert.equal(await page.getByRole('heading', { name: '個票の取り込み' }).count(), 0, 'a viewer does not upload');
      await screenshot(page, 'survey-breakdown.png');
      await expectAccessible(page, 'survey-breakdown');
    } finally {
      await page.close();
    }

    const coordinator = await newPage();
    try {
      await logIn(coordinator, 'coordinator');
      const menu = coordinator.getByRole('navigation', { name: 'メインメニュー' });
      await menu.getByRole('link', { name: '生活支援' }).waitFor();
      await expectAccessible(coordinator, 'directory-as-coordinator');
      assert.equal(await menu.getByRole('link', { name: '市民アンケート' }).count(), 0);
    } finally {
      await coordinator.close();
    }
  });

  test('planner renames a survey of their own, then deletes it and is back at the list', async () => {
    const page = await newPage();
    const code = `e2e-edit-${Date.now()}`;
    const title = `E2E 変更と削除 ${code.slice(-6)}`;
    const renamed = `${title}（改題）`;
    try {
      await logIn(page);
      await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '市民アンケート' }).click();
      await page.getByRole('heading', { name: 'アンケートを登録' }).waitFor();
      await page.getByLabel(/^コード/).fill(code);
      await page.getByLabel(/^名称/).fill(title);
      await page.getByLabel('公表値', { exact: true }).check();
      await page.getByRole('button', { name: '登録する' }).click();
      await page.waitForURL(`${BASE_URL}/surveys/${code}`);
      await page.getByRole('heading', { level: 1, name: title }).waitFor();

      await page.getByText('名称・実施主体・比較の基準を変更する').click();
      const form = page.getByRole('form', { name: 'アンケートの情報の変更' });
      await form.getByLabel(/^名称/).fill(renamed);
      await form.getByLabel(/^実施主体/).fill('熊本市（試験）');
      await form.getByRole('button', { name: '変更を保存' }).click();
      await page.getByRole('heading', { level: 1, name: renamed }).waitFor();
      await page.getByText(`「${renamed}」の情報を保存しました。`).waitFor();
      await screenshot(page, 'survey-edit.png');
      await expectAccessible(page, 'survey-edit');

      await page.getByRole('button', { name: 'このアンケートを削除する…' }).click();
      const confirm = page.getByRole('group', { name: 'アンケートの削除の確認' });
      assert.match(await confirm.innerText(), /この操作は取り消せません/);
      await expectAccessible(page, 'survey-delete-confirm');
      await confirm.getByRole('button', { name: '削除する', exact: true }).click();
      await page.waitForURL(`${BASE_URL}/surveys`);
      await page.getByText(`アンケート「${renamed}」を削除しました。`).waitFor();
      const list = page.getByRole('table', { name: '市民アンケートの一覧' });
      await list.getByRole('link', { name: KUMAMOTO_R6, exact: true }).waitFor();
      assert.equal(await list.getByRole('link', { name: renamed }).count(), 0);
      await expectAccessible(page, 'surveys-after-delete');
    } finally {
      await page.close();
    }
  });
});
