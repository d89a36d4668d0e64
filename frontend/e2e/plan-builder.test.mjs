// Browser journey for the plan builder, run with `npm run e2e` against a running SPA + API (demo data):
//   BASE_URL=http://127.0.0.1:5173 E2E_PASSWORD=tsunagu-demo npm run e2e
// The demo planner builds part of 熊本市's 第5次地域福祉計画 基本方針Ⅳ by hand, as a city not in the demo would
// (../shared/seeds/003): the plan with its levels and the six actor columns, the tree down to three 事業 of 取組13
// with their ◎/○ and 主な活動の単位 (one moved up into place), and the three outcome indicators of 基本方針Ⅳ with
// baseline → interim → final targets. The KPI API then gives back exactly those figures. Then the planner starts the
// next period's plan from it (次期計画を作成): the same tree and indicators, no figures; a second copy into the same
// period is refused with the API's reason.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BASE_URL, PASSWORD, browserJourney } from './lib/browser.mjs';
import { expectAccessible } from './lib/a11y.mjs';

const PLANNER = process.env.E2E_PLANNER ?? 'planner';
const { newPage, logIn, screenshot } = browserJourney({ user: PLANNER });

const LEVELS = ['基本方針', '取組の視点', '取組', '事業'];
const ACTORS = [
  ['city', '市'],
  ['council', '市社協'],
  ['commissioners', '民生委員'],
  ['district-council', '校区社協'],
  ['community-groups', '地域団体等'],
  ['residents', '地域住民'],
];

const IV = { code: 'Ⅳ', title: 'だれもがつながる地域づくり' };
const IV_1 = { code: 'Ⅳ-1', title: '誰一人取り残さないための包括的な相談支援体制づくりを進める' };
const T13 = { code: '13', title: '複雑化・複合化した課題へ対応するための相談支援体制の充実' };
// Three 事業 of 取組13 as the seed gives them: ◎ 実施主体, ○ 連携・協力.
const SOUDAN = { code: '13-5', title: '福祉総合相談', unit: '市内全域', roles: { 市: '◎' } };
const JIRITSU = {
  code: '13-6',
  title: '熊本市生活自立支援センター 熊本市福祉相談支援センター',
  unit: '市内全域',
  roles: { 市: '◎', 市社協: '○', 地域団体等: '○' },
};
const CSW = {
  code: '13-17',
  title: 'コミュニティソーシャルワーカー(CSW)の配置',
  unit: '市内全域',
  roles: { 市: '○', 市社協: '◎', 民生委員: '○', 校区社協: '○', 地域団体等: '○', 地域住民: '○' },
};
// 【基本方針Ⅳの成果指標】: 基準値 令和5年度, 目標値 令和9年度 and 令和13年度.
const INDICATORS = [
  { suffix: 'iv-1', name: '〔熊本市生活自立支援センター〕の新規相談受付件数(年間)', unit: '件', direction: '増加', typed: ['1,336', '1,621', '2,000'], figures: [1336, 1621, 2000] },
  { suffix: 'iv-2', name: '健やかにいきいきと暮らしていると感じる市民の割合', unit: '%', direction: '増加', typed: ['49.9', '55.0', '60.0'], figures: [49.9, 55, 60] },
  { suffix: 'iv-3', name: '孤独感の程度が高い市民の割合', unit: '%', direction: '減少', typed: ['37.4', '32.1', '25.0'], figures: [37.4, 32.1, 25] },
];

const label = (node) => `${node.code} ${node.title}`;

/** Calls the API directly (through the SPA's proxy) with a bearer token. */
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

/** Adds a node under `parent` (null: at the top) through the node form, with its ◎/○ and 主な活動の単位. */
async function addNode(page, parent, node, { check } = {}) {
  const opener = parent ? `${label(parent)}の下に項目を追加` : '最上位に項目を追加';
  await page.getByRole('button', { name: opener, exact: true }).click();
  const form = page.getByRole('form', { name: parent ? `「${label(parent)}」の下に項目を追加` : '最上位に項目を追加' });
  await form.getByLabel('番号').fill(node.code);
  await form.getByLabel('名前', { exact: false }).first().fill(node.title);
  if (node.unit) await form.getByLabel('主な活動の単位').fill(node.unit);
  for (const [actor, mark] of Object.entries(node.roles ?? {})) {
    // The symbol as printed, from the legend in force (the plan's: ◎ 実施主体 ○ 連携・協力).
    const group = form.getByRole('group', { name: actor, exact: true });
    await group.getByLabel(`${actor}の記号`).selectOption({ label: mark === '◎' ? '◎ 実施主体' : '○ 連携・協力' });
  }
  if (check) await check(form);
  await form.getByRole('button', { name: '追加する' }).click();
  await page.getByRole('group', { name: `${label(node)}の操作` }).waitFor();
}

describe('計画を手で作る', () => {
  test('a planner builds 基本方針Ⅳ of 熊本市’s plan by hand and the KPI API gives back its figures', async () => {
    const stamp = Date.now();
    const code = `tebiki-${stamp}`;
    const title = `第5次熊本市地域福祉計画 基本方針Ⅳ（手入力 ${stamp}）`;
    // What 次期計画を作成 suggests: the trailing number and 第n次 moved on, the next seven years.
    const copyCode = `tebiki-${stamp + 1}`;
    const copyTitle = `第6次熊本市地域福祉計画 基本方針Ⅳ（手入力 ${stamp}）`;
    const page = await newPage();
    try {
      await logIn(page);
      await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '計画' }).click();
      await page.getByRole('heading', { level: 1, name: '計画' }).waitFor();

      // 1. 計画を作成
      await page.getByRole('button', { name: '計画を作成' }).click();
      const planForm = page.getByRole('form', { name: '計画を作成' });
      await planForm.getByLabel('計画コード').fill(code);
      await planForm.getByLabel('計画の名前').fill(title);
      await planForm.getByLabel(/^市/).selectOption({ label: '熊本市' });
      await planForm.getByLabel('種類').selectOption({ label: '地域福祉計画' });
      await planForm.getByLabel('計画期間の始まり').selectOption({ label: '令和7年度 (2025)' });
      await planForm.getByLabel('計画期間の終わり').selectOption({ label: '令和13年度 (2031)' });
      for (const [i, level] of LEVELS.entries()) {
        if (i > 0) await planForm.getByRole('button', { name: '階層を追加' }).click();
        await planForm.getByLabel(`第${i + 1}階層の名前`).fill(level);
      }
      for (const [i, [key, name]] of ACTORS.entries()) {
        await planForm.getByRole('button', { name: '列を追加' }).click();
        await planForm.getByLabel(`${i + 1}列目の名前`).fill(name);
        await planForm.getByLabel(`${i + 1}列目のキー`).fill(key);
      }
      await expectAccessible(page, 'plan-create');
      await screenshot(page, 'plan-create.png');
      await planForm.getByRole('button', { name: '計画を作成' }).click();

      // 2. The new plan opens in 編集モード.
      await page.waitForURL(`${BASE_URL}/plans/${code}`);
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      assert.equal(await page.getByRole('button', { name: '編集モード' }).getAttribute('aria-pressed'), 'true');
      await page.getByText('この計画にはまだ項目がありません').waitFor();
      await expectAccessible(page, 'plan-builder-empty');

      await addNode(page, null, IV);
      await addNode(page, IV, IV_1);
      await addNode(page, IV_1, T13);
      await addNode(page, T13, JIRITSU, {
        check: async () => {
          await expectAccessible(page, 'plan-builder-node-form');
          await screenshot(page, 'plan-builder-node-form.png');
        },
      });
      await addNode(page, T13, SOUDAN);
      // 福祉総合相談 comes before 生活自立支援センター in the plan: moved up, by keyboard.
      await page.getByRole('button', { name: `${label(SOUDAN)}を上へ移動` }).focus();
      await page.keyboard.press('Enter');
      await page.getByText(`「${label(SOUDAN)}」を上へ移動しました。`).waitFor();
      await addNode(page, T13, CSW);
      const jigyou = await page.getByRole('group', { name: /^13-\d+ .*の操作$/ }).evaluateAll((groups) => groups.map((g) => g.getAttribute('aria-label')));
      assert.deepEqual(jigyou, [SOUDAN, JIRITSU, CSW].map((n) => `${label(n)}の操作`));

      // 3. The three indicators of 基本方針Ⅳ: baseline 令和5年度, targets 令和9年度 and 令和13年度.
      for (const [n, indicator] of INDICATORS.entries()) {
        await page.getByRole('button', { name: `${label(IV)}に指標を追加` }).click();
        const form = page.getByRole('form', { name: `指標を追加: ${label(IV)}` });
        await form.getByLabel('指標名').fill(indicator.name);
        await form.getByLabel('指標コード').fill(`${code}-${indicator.suffix}`);
        await form.getByLabel(/^単位/).fill(indicator.unit);
        await form.getByRole('group', { name: /^方向/ }).getByLabel(indicator.direction, { exact: true }).check();
        await form.getByLabel('基準値の年度').selectOption({ label: '令和5年度 (2023)' });
        await form.getByLabel(`基準値（${indicator.unit}）`).fill(indicator.typed[0]);
        await form.getByLabel('令和9年度 (2027)の目標値').fill(indicator.typed[1]);
        await form.getByLabel('令和13年度 (2031)の目標値').fill(indicator.typed[2]);
        if (n === 0) {
          await expectAccessible(page, 'plan-builder-indicator-form');
          await screenshot(page, 'plan-builder-indicator-form.png');
        }
        await form.getByRole('button', { name: '指標を追加' }).click();
        await page.getByRole('list', { name: `${label(IV)}の成果指標` }).getByRole('link', { name: indicator.name }).waitFor();
      }
      await expectAccessible(page, 'plan-builder');
      await screenshot(page, 'plan-builder.png');

      // 4. Out of 編集モード: the role matrix as the plan document draws it.
      await page.getByRole('button', { name: '編集モード' }).click();
      const table = page.getByRole('table', { name: '計画の体系と役割分担' });
      await table.waitFor();
      assert.deepEqual((await table.getByRole('columnheader').allInnerTexts()).slice(2), ACTORS.map(([, name]) => name));
      assert.equal(await page.locator('#role-legend').innerText(), '凡例: ◎ 実施主体　○ 連携・協力');
      const cswRow = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /コミュニティソーシャルワーカー/ }) });
      const marks = (await cswRow.getByRole('cell').allInnerTexts()).slice(1).map((t) => t.replace(/\s+/g, '').charAt(0));
      assert.deepEqual(marks, ['○', '◎', '○', '○', '○', '○']);
      await cswRow.getByRole('cell', { name: '市社協: ◎ 実施主体', exact: true }).waitFor();
      assert.match(await cswRow.innerText(), /主な活動の単位: 市内全域/);
      await expectAccessible(page, 'plan-built');
      const builtRows = await table.getByRole('rowheader').allInnerTexts();
      const builtCells = await table.getByRole('cell').allInnerTexts();

      // 5. 次期計画を作成: the next period (令和14年度–令和20年度) starts from this plan.
      await page.getByRole('button', { name: '次期計画を作成' }).click();
      const copyForm = page.getByRole('form', { name: '次期計画を作成' });
      assert.equal(await copyForm.getByLabel('新しい計画コード').inputValue(), copyCode);
      assert.equal(await copyForm.getByLabel('新しい計画の名前').inputValue(), copyTitle);
      assert.equal(await copyForm.getByLabel('計画期間の始まり').locator('option:checked').innerText(), '令和14年度 (2032)');
      assert.equal(await copyForm.getByLabel('計画期間の終わり').locator('option:checked').innerText(), '令和20年度 (2038)');
      await copyForm.getByText('写さないもの: 基準値・目標値・実績値と事業調書').waitFor();
      await expectAccessible(page, 'plan-copy-form');
      await screenshot(page, 'plan-copy-form.png');
      await copyForm.getByRole('button', { name: '次期計画を作成' }).click();

      // 6. The copy opens: 策定中, the same tree, ◎/○ and indicators.
      await page.waitForURL(`${BASE_URL}/plans/${copyCode}`);
      await page.getByRole('heading', { level: 1, name: copyTitle }).waitFor();
      await page.getByText(`「${title}」から次期計画を作成しました（策定中）`).waitFor();
      assert.match(await page.locator('dl.facts').innerText(), /令和14年度 \(2032\)〜令和20年度 \(2038\)[\s\S]*策定中/);
      const copyTable = page.getByRole('table', { name: '計画の体系と役割分担' });
      await copyTable.waitFor();
      assert.deepEqual(await copyTable.getByRole('rowheader').allInnerTexts(), builtRows);
      assert.deepEqual(await copyTable.getByRole('cell').allInnerTexts(), builtCells);
      const copied = page.getByRole('list', { name: `${label(IV)}の成果指標` }).getByRole('link');
      assert.deepEqual(await copied.allInnerTexts(), INDICATORS.map((i) => i.name));
      assert.deepEqual(
        await copied.evaluateAll((links) => links.map((a) => a.getAttribute('href'))),
        INDICATORS.map((i) => `/indicators/${copyCode}-${i.suffix}`),
      );
      await expectAccessible(page, 'plan-copied');
      await screenshot(page, 'plan-copied.png');

      // 7. Another copy of the first plan into the same period: refused, with the API's reason.
      await page.goto(`${BASE_URL}/plans/${code}`);
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      await page.getByRole('button', { name: '次期計画を作成' }).click();
      const again = page.getByRole('form', { name: '次期計画を作成' });
      await again.getByLabel('新しい計画コード').fill(`${code}-again`);
      await again.getByRole('button', { name: '次期計画を作成' }).click();
      const refusal = again.getByRole('alert');
      await refusal.waitFor();
      const reason = await refusal.innerText();
      assert.ok(reason.includes(`「${copyTitle}」`) && reason.includes('期間が重なります'), reason);
      assert.equal(page.url(), `${BASE_URL}/plans/${code}`);
      await expectAccessible(page, 'plan-copy-overlap');
      await screenshot(page, 'plan-copy-overlap.png');
    } finally {
      await page.close();
    }

    // 5. The KPI API gives back exactly the figures typed: baseline 令和5年度, targets 令和9年度 and 令和13年度.
    const { access_token: token } = await apiCall('POST', '/api/v1/auth/token', { username: PLANNER, password: PASSWORD });
    const { items } = await apiCall('GET', `/api/v1/kpis?plan=${encodeURIComponent(code)}`, undefined, token);
    for (const indicator of INDICATORS) {
      const rows = items.filter((r) => r.indicatorCode === `${code}-${indicator.suffix}`);
      assert.equal(rows[0]?.indicatorName, indicator.name);
      assert.equal(rows[0].unit, indicator.unit);
      assert.equal(rows[0].direction, indicator.direction === '減少' ? 'DECREASE' : 'INCREASE');
      assert.deepEqual(rows[0].nodeCodes, ['Ⅳ']);
      const [baseline, interim, final] = indicator.figures;
      assert.deepEqual(
        rows.map((r) => ({ year: r.fiscalYear, option: r.option, baseline: r.baseline, baselineYear: r.baselineYear, target: r.target, actual: r.actual })),
        [
          { year: 2023, option: null, baseline, baselineYear: 2023, target: null, actual: null },
          { year: 2027, option: null, baseline, baselineYear: 2023, target: interim, actual: null },
          { year: 2031, option: null, baseline, baselineYear: 2023, target: final, actual: null },
        ],
      );
    }
    assert.equal(items.length, 9, 'three rows for each of the three indicators, nothing else');

    // 8. The copy has the indicators but none of the figures.
    for (const indicator of INDICATORS) {
      const copy = await apiCall('GET', `/api/v1/indicators/${encodeURIComponent(`${copyCode}-${indicator.suffix}`)}`, undefined, token);
      assert.equal(copy.name, indicator.name);
      assert.equal(copy.unit, indicator.unit);
      assert.equal(copy.planCode, copyCode);
      assert.deepEqual(copy.values, [], 'no baseline, target or actual copied');
    }
    const { items: copyRows } = await apiCall('GET', `/api/v1/kpis?plan=${encodeURIComponent(copyCode)}`, undefined, token);
    const figures = copyRows.filter((r) => r.baseline !== null || r.target !== null || r.actual !== null);
    assert.deepEqual(figures, [], 'the KPI API gives no figures for the copy');
  });
});
