// Browser journey 運用開始 (going live), against an API of its own on an EMPTY database in the prod profile, with
// TSUNAGU_BOOTSTRAP_ADMIN set (.ci/lib/e2e.sh starts both, and an SPA in front of it):
//   GOING_LIVE_URL=http://127.0.0.1:15174 GOING_LIVE_SETUP_CODE=… npm run e2e
// What issue 12 says a city will check, through the SPA alone: the login page leads to 初期設定; the setup code makes
// the first administrator, who imports the city's areas from a file on 地域 (dry run, then commit: 熊本市's five wards
// and a handful of 校区, e2e/fixtures/kumamoto-areas.csv), adds a kind of trouble, and creates a planner and a
// coordinator for two 校区 on 職員アカウント. The coordinator signs in, is sent to パスワード変更 whatever they asked
// for, changes it, and then finds only their two districts in every picker (the intake form, the supporters page,
// 地区の統計); they make a supporter group and register a supporter in it. The administrator comes back, issues a
// system token on API トークン (its secret shown once, and working), registers a Webhook for the core system (its
// signing secret shown once, paused and resumed, its 配信の記録, then deleted), and finds the account changes on 監査ログ, on screen and in
// the CSV. Skipped when GOING_LIVE_URL is not set.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { browserJourney } from './lib/browser.mjs';
import { expectAccessible } from './lib/a11y.mjs';

const BASE = (process.env.GOING_LIVE_URL ?? '').replace(/\/$/, '');
const SETUP_CODE = process.env.GOING_LIVE_SETUP_CODE ?? '';
const AREAS_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'kumamoto-areas.csv');
const ADMIN = { username: 'kanri', displayName: '福祉政策課 管理者', password: 'ひだまりの街で暮らす-2026' };
const PLANNER = { username: 'keikaku-tantou', displayName: '計画 担当者', initial: 'はじめの合言葉-けいかく-01' };
const COORDINATOR = {
  username: 'kurokami-soudan',
  displayName: '黒髪 相談員',
  initial: 'はじめの合言葉-くろかみ-01',
  chosen: '黒髪と碩台の相談を受ける-2026',
};
/** The coordinator's two 校区 (of the six in the file), by name as the pickers show them. */
const MINE = ['黒髪', '碩台'];
const MINE_CODES = ['43101-kurokami', '43101-sekidai'];
/** A receiver that cannot exist (.invalid): the journey never depends on a delivery reaching it. */
const HOOK_URL = 'https://example.invalid/hook';

const { newPage, screenshot } = browserJourney({ user: ADMIN.username });

/** What a select offers, without its placeholder (an option with no value). */
async function choices(select) {
  return select.evaluate((s) => [...s.options].filter((o) => o.value).map((o) => o.textContent.trim()));
}

/** The same day a year from now, as the token list shows an expiry date: "2027年12月1日まで". */
function aYearFromToday() {
  const now = new Date();
  const d = new Date(now.getFullYear() + 1, now.getMonth(), now.getDate());
  if (d.getMonth() !== now.getMonth()) d.setDate(0);
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日まで`;
}

/** Creates an account on 職員アカウント (the page is open) and checks its row. */
async function createAccount(page, { username, displayName, initial }, role, districts = []) {
  await page.getByRole('button', { name: '新しいアカウント' }).click();
  const form = page.getByRole('form', { name: '新しいアカウント' });
  await form.getByRole('checkbox', { name: /^黒髪/ }).waitFor();
  await form.getByLabel(/^ユーザー名/).fill(username);
  await form.getByLabel(/^表示名/).fill(displayName);
  await form.getByRole('checkbox', { name: role, exact: true }).check();
  for (const district of districts) await form.getByRole('checkbox', { name: new RegExp(`^${district}（`) }).check();
  await form.getByLabel(/^初期パスワード/).fill(initial);
  return form;
}

async function signOut(page) {
  await page.getByRole('button', { name: 'ログアウト' }).click();
  await page.waitForURL(`${BASE}/login`);
}

async function signIn(page, username, password) {
  await page.goto(`${BASE}/login`);
  const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'ログイン', exact: true }) });
  await form.getByLabel(/^ユーザー名/).fill(username);
  await form.getByLabel(/^パスワード/).fill(password);
  await form.getByRole('button', { name: 'ログイン', exact: true }).click();
}

describe('運用開始', { skip: BASE ? false : 'GOING_LIVE_URL is not set' }, () => {
  test('初期設定 → the city\'s areas → staff → a coordinator in their two districts → a system token → a Webhook → 監査ログ', async () => {
    const page = await newPage();
    try {
      // A new installation: the login page says 初期設定 is needed.
      await page.goto(`${BASE}/login`);
      await page.getByText('初期設定が必要です').waitFor();
      await expectAccessible(page, 'going-live-login-setup-needed');
      await screenshot(page, 'going-live-01-login-setup-needed.png');
      await page.getByRole('link', { name: '初期設定へ進む' }).click();
      await page.getByRole('heading', { level: 1, name: '初期設定' }).waitFor();
      await expectAccessible(page, 'going-live-setup');

      // A wrong code first: refused at the code, and the form stays.
      const setup = page.getByRole('form', { name: '初期設定' });
      await setup.getByLabel(/^設定コード/).fill('WRONG-CODE-0000');
      await setup.getByLabel(/^ユーザー名/).fill(ADMIN.username);
      await setup.getByLabel(/^表示名/).fill(ADMIN.displayName);
      await setup.getByLabel(/^パスワード必須/).fill(ADMIN.password);
      await setup.getByLabel(/^パスワード（確認）/).fill(ADMIN.password);
      await setup.getByRole('button', { name: '管理者を作成' }).click();
      await setup.getByRole('alert').getByText(/設定コードが正しくありません/).waitFor();
      await expectAccessible(page, 'going-live-setup-wrong-code');
      await screenshot(page, 'going-live-02-setup-wrong-code.png');

      await setup.getByLabel(/^設定コード/).fill(SETUP_CODE);
      await setup.getByRole('button', { name: '管理者を作成' }).click();
      await page.getByText('初期設定が完了しました').waitFor();
      assert.equal(new URL(page.url()).pathname, '/login');
      await expectAccessible(page, 'going-live-setup-done');
      await screenshot(page, 'going-live-03-setup-done.png');

      // The administrator loads the city's areas from a file: checked first (nothing saved), then taken in.
      await signIn(page, ADMIN.username, ADMIN.password);
      await page.waitForURL(`${BASE}/directory`);
      const menu = page.getByRole('navigation', { name: 'メインメニュー' });
      await menu.getByRole('link', { name: '地域', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: '地域' }).waitFor();
      await page.getByText('地域がまだ登録されていません。').waitFor();
      await expectAccessible(page, 'going-live-areas-empty');
      const areaImport = page.getByRole('form', { name: '地域の取り込み' });
      await areaImport.getByLabel(/^ファイル/).setInputFiles(AREAS_FILE);
      await areaImport.getByRole('button', { name: '確認する（まだ保存しません）' }).click();
      const preview = page.getByRole('region', { name: '取り込みの確認' });
      await preview.getByText('問題はありません。', { exact: false }).waitFor();
      assert.equal(await preview.getByTestId('area-import-row').count(), 13);
      assert.match(await preview.getByLabel('取り込みの件数').innerText(), /追加\s*13件/);
      await expectAccessible(page, 'going-live-areas-import-preview');
      await screenshot(page, 'going-live-04-areas-import-preview.png');
      await preview.getByRole('button', { name: '取り込む' }).click();
      await page.getByText('取り込みました', { exact: true }).waitFor();
      const tree = page.getByRole('table', { name: /^地域の一覧/ });
      await tree.getByRole('rowheader', { name: /熊本市/ }).waitFor();
      for (const name of ['中央区', '北区', ...MINE, '清水', '黒髪一丁目町内']) await tree.getByRole('rowheader', { name: new RegExp(name) }).first().waitFor();
      await expectAccessible(page, 'going-live-areas-imported');
      await screenshot(page, 'going-live-05-areas-imported.png');

      // A kind of trouble, for the supporters to offer help with (a new installation has none).
      await menu.getByRole('link', { name: '困りごとの種類' }).click();
      await page.getByRole('button', { name: '種類を追加' }).click();
      const category = page.getByRole('form', { name: '困りごとの種類を追加' });
      await category.getByLabel(/^コード/).fill('GARBAGE');
      await category.getByLabel(/^名称/).fill('ゴミ出し');
      await category.getByRole('button', { name: '追加する' }).click();
      await page.getByText('「ゴミ出し」（GARBAGE）を追加しました。').waitFor();

      // A planner, and a coordinator for two of the six 校区.
      await menu.getByRole('link', { name: '職員アカウント' }).click();
      await page.getByRole('heading', { level: 1, name: '職員アカウント' }).waitFor();
      const accounts = page.getByRole('table', { name: '職員アカウント' });
      await accounts.getByRole('rowheader', { name: ADMIN.username }).waitFor();
      await expectAccessible(page, 'going-live-accounts');
      let form = await createAccount(page, PLANNER, '計画担当');
      await form.getByRole('button', { name: '作成する' }).click();
      await page.getByText(`「${PLANNER.username}」を作成しました。`, { exact: false }).waitFor();
      form = await createAccount(page, COORDINATOR, '地域支援コーディネーター', MINE);
      await form.getByText(`選択中（2件）: ${MINE.join('、')}`).waitFor();
      await expectAccessible(page, 'going-live-account-form');
      await screenshot(page, 'going-live-06-account-form.png');
      await form.getByRole('button', { name: '作成する' }).click();
      await page.getByText(`「${COORDINATOR.username}」を作成しました。`, { exact: false }).waitFor();
      const row = accounts.getByRole('row').filter({ hasText: COORDINATOR.username });
      await row.getByText('パスワード変更待ち').waitFor();
      assert.match(await row.innerText(), new RegExp(`地域支援コーディネーター\\s+${MINE.join('、')}`));
      assert.match(await accounts.getByRole('row').filter({ hasText: PLANNER.username }).innerText(), /計画担当\s+—/);
      await expectAccessible(page, 'going-live-account-created');
      await screenshot(page, 'going-live-07-account-created.png');
      await signOut(page);

      // The coordinator signs in and asks for 生活支援, but must choose a password first.
      await signIn(page, COORDINATOR.username, COORDINATOR.initial);
      await page.waitForURL(`${BASE}/password`);
      await page.goto(`${BASE}/support`);
      await page.waitForURL(`${BASE}/password`);
      await page.getByText('管理者がパスワードを再設定しました。新しいパスワードを決めてください。').waitFor();
      await expectAccessible(page, 'going-live-password-forced');
      await screenshot(page, 'going-live-08-password-forced.png');
      const change = page.getByRole('form', { name: 'パスワード変更' });
      await change.getByLabel(/^いまのパスワード/).fill(COORDINATOR.initial);
      await change.getByLabel(/^新しいパスワード必須/).fill(COORDINATOR.chosen);
      await change.getByLabel(/^新しいパスワード（確認）/).fill(COORDINATOR.chosen);
      await change.getByRole('button', { name: 'パスワードを変更' }).click();
      await page.waitForURL(`${BASE}/directory`);

      // Now a coordinator: 生活支援 of their two districts, and nothing of the other four. It opens on 要対応, with
      // 相談の一覧 one click away in its menu.
      await menu.getByRole('link', { name: '生活支援' }).click();
      await page.waitForURL(`${BASE}/support/follow-ups`);
      await page.getByRole('heading', { level: 1, name: '要対応' }).waitFor();
      const supportMenu = page.getByRole('navigation', { name: '生活支援のメニュー' });
      await supportMenu.getByRole('link', { name: '相談の一覧' }).click();
      await page.waitForURL(`${BASE}/support/requests`);
      await page.getByRole('heading', { level: 1, name: '生活支援' }).waitFor();
      await expectAccessible(page, 'going-live-support');

      // The intake form: a new recipient can live in their districts (and the neighbourhood below one) alone.
      await supportMenu.getByRole('link', { name: '新しい相談' }).click();
      await page.getByRole('heading', { level: 1, name: '新しい相談' }).waitFor();
      await page.getByRole('button', { name: '要支援者を新しく登録する' }).click();
      const recipientArea = page.getByRole('combobox', { name: /^地区/ });
      await recipientArea.locator('option', { hasText: '碩台' }).waitFor({ state: 'attached' });
      assert.deepEqual(await choices(recipientArea), ['黒髪', '黒髪・黒髪一丁目町内', '碩台']);
      await expectAccessible(page, 'going-live-request-new');
      await screenshot(page, 'going-live-09-request-new.png');

      // The supporters page: its district filter, a new group and a supporter in it, all within the two districts.
      await supportMenu.getByRole('link', { name: '担い手の一覧' }).click();
      await page.getByRole('heading', { level: 1, name: '担い手の一覧' }).waitFor();
      const districtFilter = page.locator('.toolbar').getByRole('combobox', { name: '地区', exact: true });
      await districtFilter.locator('option', { hasText: '碩台' }).waitFor({ state: 'attached' });
      assert.deepEqual(await choices(districtFilter), MINE);
      await page.getByText('担い手グループはまだありません。').waitFor();
      await page.getByRole('button', { name: '担い手グループを作る' }).click();
      const groupForm = page.getByRole('form', { name: '担い手グループを作る' });
      const groupArea = groupForm.getByRole('combobox', { name: /^地区/ });
      assert.deepEqual(await choices(groupArea), MINE);
      await groupForm.getByLabel(/^グループ名/).fill('黒髪ささえあい隊');
      await groupArea.selectOption({ label: '黒髪' });
      await groupForm.getByRole('radio', { name: '無償' }).check();
      await expectAccessible(page, 'going-live-group-form');
      await groupForm.getByRole('button', { name: '作る' }).click();
      await page.getByText('「黒髪ささえあい隊」を作りました。').waitFor();
      const group = page.getByTestId('supporter-group').filter({ hasText: '黒髪ささえあい隊' });
      assert.match(await group.innerText(), /黒髪\s+無償\s+活動中/);

      await page.getByRole('button', { name: '担い手を登録' }).click();
      const supporter = page.getByRole('form', { name: '担い手の登録' });
      await supporter.waitFor();
      const supporterArea = supporter.getByLabel(/^地域/);
      assert.deepEqual(await choices(supporterArea), ['黒髪', '黒髪・黒髪一丁目町内', '碩台']);
      await supporter.getByLabel(/^氏名/).fill('黒髪 花子');
      await supporter.getByLabel(/^ふりがな/).fill('くろかみ はなこ');
      await supporterArea.selectOption({ label: '黒髪・黒髪一丁目町内' });
      await supporter.getByLabel(/^グループ/).selectOption({ label: '黒髪ささえあい隊（無償）' });
      await supporter.getByLabel('ゴミ出し', { exact: true }).check();
      await expectAccessible(page, 'going-live-supporter-form');
      await supporter.getByRole('button', { name: '登録する' }).click();
      await page.getByText('黒髪 花子さんを担い手に登録しました。').waitFor();
      await page.getByRole('row').filter({ hasText: '黒髪 花子' }).getByText('黒髪ささえあい隊').waitFor();
      await expectAccessible(page, 'going-live-supporters');
      await screenshot(page, 'going-live-10-supporters.png');

      // 地区の統計: their two districts, not the city, its wards or the other 校区.
      await supportMenu.getByRole('link', { name: '地区の統計' }).click();
      await page.getByRole('heading', { level: 1, name: '地区の統計' }).waitFor();
      const statsArea = page.getByLabel('地域', { exact: true });
      await page.getByRole('heading', { level: 2, name: /^黒髪 令和/ }).waitFor();
      assert.deepEqual(await choices(statsArea), MINE);
      await expectAccessible(page, 'going-live-stats');
      await screenshot(page, 'going-live-11-stats.png');
      await signOut(page);

      // The administrator again: a token for the city's open-data system, its secret shown once.
      await signIn(page, ADMIN.username, ADMIN.password);
      await page.waitForURL(`${BASE}/directory`);
      await menu.getByRole('link', { name: 'API トークン' }).click();
      await page.getByRole('heading', { level: 1, name: 'API トークン' }).waitFor();
      await page.getByText('API トークンはまだ発行されていません。').waitFor();
      await expectAccessible(page, 'going-live-tokens-empty');
      await page.getByRole('button', { name: 'API トークンを発行' }).click();
      const tokenForm = page.getByRole('form', { name: 'API トークンを発行' });
      await tokenForm.getByLabel(/^名前/).fill('オープンデータ連携');
      await tokenForm.getByRole('checkbox', { name: /^相談先一覧と地域を読む/ }).check();
      await expectAccessible(page, 'going-live-token-form');
      await tokenForm.getByRole('button', { name: '発行する' }).click();
      const issued = page.getByRole('region', { name: '「オープンデータ連携」を発行しました' });
      await issued.getByText('このトークンはいまだけ表示します。').waitFor();
      const secret = await issued.getByLabel(/^トークン/).inputValue();
      assert.match(secret, /^tsu_[\w-]{20,}$/);
      await expectAccessible(page, 'going-live-token-issued');
      await screenshot(page, 'going-live-12-token-issued.png');
      // The secret works: the open-data system reads the city's school districts with it.
      const districts = await fetch(`${BASE}/api/v1/areas?kind=SCHOOL_DISTRICT`, { headers: { Authorization: `Bearer ${secret}` } });
      assert.equal(districts.status, 200, await districts.clone().text());
      assert.equal((await districts.json()).items.length, 6);
      await issued.getByRole('button', { name: '控えたので閉じる' }).click();
      const tokens = page.getByRole('table', { name: 'API トークン' });
      const tokenRow = tokens.getByRole('row').filter({ hasText: 'オープンデータ連携' });
      assert.match(await tokenRow.innerText(), new RegExp(`相談先一覧と地域を読む[\\s\\S]*${aYearFromToday()}[\\s\\S]*有効`));
      assert.equal((await page.content()).includes(secret), false, 'the secret is gone from the page once closed');

      // Webhook（変更の通知）: the core system told when a KPI changes, its signing secret shown once; its delivery log
      // (empty, or events waiting: nothing here depends on reaching example.invalid); then deleted after asking.
      await menu.getByRole('link', { name: 'Webhook' }).click();
      await page.getByRole('heading', { level: 1, name: 'Webhook（変更の通知）' }).waitFor();
      await page.getByText('Webhook はまだ登録されていません。').waitFor();
      await expectAccessible(page, 'going-live-webhooks-empty');
      await page.getByRole('button', { name: 'Webhook を登録' }).click();
      const hookForm = page.getByRole('form', { name: 'Webhook を登録' });
      await hookForm.getByLabel(/^通知を受け取る URL/).fill(HOOK_URL);
      await hookForm.getByRole('checkbox', { name: /^成果指標の値が変わった/ }).check();
      await hookForm.getByLabel(/^説明/).fill('基幹系の KPI 取り込み');
      await expectAccessible(page, 'going-live-webhook-form');
      await hookForm.getByRole('button', { name: '登録する' }).click();
      const registered = page.getByRole('region', { name: 'Webhook を登録しました' });
      await registered.getByText('署名の秘密はいまだけ表示します。').waitFor();
      const signingSecret = await registered.getByLabel('署名の秘密').inputValue();
      assert.match(signingSecret, /^whsec_[\w-]{40,}$/);
      await registered.getByRole('heading', { name: '受け取る側での署名の確かめ方' }).waitFor();
      await expectAccessible(page, 'going-live-webhook-registered');
      await screenshot(page, 'going-live-13-webhook-registered.png');
      await registered.getByRole('button', { name: '控えたので閉じる' }).click();
      const hooks = page.getByRole('table', { name: 'Webhook' });
      const hookRow = hooks.getByRole('row').filter({ hasText: HOOK_URL });
      assert.match(await hookRow.innerText(), /基幹系の KPI 取り込み[\s\S]*成果指標の値が変わった/);
      assert.equal((await page.content()).includes(signingSecret), false, 'the signing secret is gone from the page once closed');
      // 一時停止 (say, while the core system is maintained): the state in words, what becomes of the events meanwhile,
      // and the same button, keeping the focus, now resumes it; its 配信の記録 says so too.
      await hookRow.getByText('配信中', { exact: true }).waitFor();
      await hookRow.getByRole('button', { name: `一時停止（${HOOK_URL}）` }).click();
      await page.getByText(`${HOOK_URL} への通知を一時停止しました。そのあいだのできごとは貯めておき、再開すると起きた順に送ります。`).waitFor();
      await hookRow.getByText('一時停止中', { exact: true }).waitFor();
      await hookRow.getByText('通知は送らずに貯めておき、再開すると起きた順に送ります。').waitFor();
      const resume = hookRow.getByRole('button', { name: `再開（${HOOK_URL}）` });
      assert.equal(await resume.evaluate((b) => b === document.activeElement), true, 'the focus stays on the button');
      await expectAccessible(page, 'going-live-webhook-paused');
      await hookRow.getByRole('link', { name: `配信の記録（${HOOK_URL}）` }).click();
      await page.getByRole('heading', { level: 1, name: '配信の記録' }).waitFor();
      await page.getByText('一時停止中', { exact: true }).waitFor();
      await page.getByRole('link', { name: '← Webhook（変更の通知）' }).click();
      await resume.click();
      await page.getByText(`${HOOK_URL} への通知を再開しました。`, { exact: false }).waitFor();
      await hookRow.getByText('配信中', { exact: true }).waitFor();
      await hookRow.getByRole('button', { name: `一時停止（${HOOK_URL}）` }).waitFor();
      // The API says the same.
      const hookList = await page.evaluate(async () => {
        const bearer = sessionStorage.getItem('tsunagu.accessToken');
        return (await fetch('/api/v1/webhooks', { headers: { Authorization: `Bearer ${bearer}` } })).json();
      });
      assert.deepEqual(hookList.items.map((w) => [w.url, w.active]), [[HOOK_URL, true]]);
      await hookRow.getByRole('link', { name: `配信の記録（${HOOK_URL}）` }).click();
      await page.getByRole('heading', { level: 1, name: '配信の記録' }).waitFor();
      await page.getByText(HOOK_URL, { exact: true }).waitFor();
      await page.getByText(/^まだ通知するできごとは起きていません。/).or(page.getByRole('table', { name: '配信の記録' })).waitFor();
      await expectAccessible(page, 'going-live-webhook-log');
      await screenshot(page, 'going-live-14-webhook-log.png');
      await page.getByRole('link', { name: '← Webhook（変更の通知）' }).click();
      await page.getByRole('button', { name: `削除（${HOOK_URL}）` }).click();
      const removal = page.getByRole('region', { name: `${HOOK_URL} への Webhook を削除しますか？` });
      await expectAccessible(page, 'going-live-webhook-delete');
      await removal.getByRole('button', { name: '削除する' }).click();
      await page.getByText(`${HOOK_URL} への Webhook を削除しました。これからは通知しません。`).waitFor();
      await page.getByText('Webhook はまだ登録されていません。').waitFor();
      assert.equal((await page.content()).includes(signingSecret), false);

      // 監査ログ: the account changes, who made them and what they were, on screen and as CSV.
      await menu.getByRole('link', { name: '監査ログ' }).click();
      await page.getByRole('heading', { level: 1, name: '監査ログ' }).waitFor();
      const log = page.getByRole('table', { name: '監査ログ' });
      // The supporter the coordinator registered, by name: personal data, so its creation is in the log too.
      await log.getByRole('row').filter({ hasText: COORDINATOR.username }).filter({ hasText: '担い手' }).filter({ hasText: '黒髪 花子' }).waitFor();
      await expectAccessible(page, 'going-live-audit');
      const filter = page.getByRole('search', { name: '監査ログを絞り込む' });
      await filter.getByLabel(/^記録の種類/).selectOption({ label: '職員アカウント' });
      await filter.getByRole('button', { name: '絞り込む' }).click();
      const created = `作成（有効、COORDINATOR、担当 ${MINE_CODES.join('・')}）`;
      await log.getByRole('row').filter({ hasText: created }).waitFor();
      const accountRows = async () => (await log.getByRole('row').allInnerTexts()).slice(1);
      // Until the filtered page has replaced the whole log on screen.
      await page.waitForFunction(() =>
        [...document.querySelectorAll('main table tbody tr')].every((tr) => tr.children[3].textContent === '職員アカウント'),
      );
      const changes = await accountRows();
      for (const [who, what] of [
        [ADMIN.username, '初期設定で最初の管理者を作成'],
        [ADMIN.username, '作成（有効、PLANNER）'],
        [ADMIN.username, created],
        [COORDINATOR.username, '本人がパスワードを変更'],
      ]) {
        assert.ok(changes.some((r) => r.includes(who) && r.includes('職員アカウント') && r.includes(what)), `${who}: ${what} in\n${changes.join('\n')}`);
      }
      await expectAccessible(page, 'going-live-audit-accounts');
      await screenshot(page, 'going-live-15-audit.png');

      // The same filter as CSV, for the 個人情報保護 review: every row on screen is in the file.
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV をダウンロード' }).click()]);
      const csv = fs.readFileSync(await download.path(), 'utf8');
      assert.equal(download.suggestedFilename(), 'audit-log.csv');
      const lines = csv.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
      assert.equal(lines[0], '番号,日時,だれが,操作,記録の種類,記録の番号,どこから,内容');
      assert.equal(lines.length - 1, changes.length);
      assert.ok(lines.every((l, i) => i === 0 || l.includes(',ACCOUNT,')), csv);
      assert.ok(lines.some((l) => l.includes(COORDINATOR.username) && l.includes('本人がパスワードを変更')), csv);
    } catch (error) {
      await screenshot(page, 'going-live-failure.png').catch(() => {});
      throw error;
    } finally {
      await page.close();
    }
  });
});
