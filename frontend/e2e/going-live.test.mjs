// Browser journey 運用開始 (going live), against an API of its own on an EMPTY database in the prod profile, with
// TSUNAGU_BOOTSTRAP_ADMIN set (.ci/lib/e2e.sh starts both, and an SPA in front of it):
//   GOING_LIVE_URL=http://127.0.0.1:15174 GOING_LIVE_SETUP_CODE=… npm run e2e
// The login page leads to 初期設定; the setup code makes the first administrator, who signs in and creates a
// coordinator for one school district (the city, ward and district are made through the API first: there is no
// area page yet); the coordinator signs in, is sent to パスワード変更 whatever they asked for, changes it, and
// then works on the support pages. Skipped when GOING_LIVE_URL is not set.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { browserJourney } from './lib/browser.mjs';
import { expectAccessible } from './lib/a11y.mjs';

const BASE = (process.env.GOING_LIVE_URL ?? '').replace(/\/$/, '');
const SETUP_CODE = process.env.GOING_LIVE_SETUP_CODE ?? '';
const ADMIN = { username: 'kanri', displayName: '福祉政策課 管理者', password: 'ひだまりの街で暮らす-2026' };
const COORDINATOR = {
  username: 'hikari-soudan',
  displayName: 'ひかり 相談員',
  initial: 'はじめの合言葉-ひかり-01',
  chosen: 'ひかり校区の相談を受ける-2026',
};
const CITY = { code: '40999', name: 'つなぐ市', kana: 'つなぐし', kind: 'CITY' };
const WARD = { code: '40999-chuo', name: '中央区', kana: 'ちゅうおうく', kind: 'WARD', parentCode: CITY.code };
const DISTRICT = { code: '40999-hikari', name: 'ひかり', kana: 'ひかり', kind: 'SCHOOL_DISTRICT', parentCode: WARD.code };

const { newPage, screenshot } = browserJourney({ user: ADMIN.username });

/** The API through the SPA's server (which forwards /api), as the administrator: there is no area page yet. */
async function createAreas() {
  const tokenResponse = await fetch(`${BASE}/api/v1/auth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: ADMIN.username, password: ADMIN.password }),
  });
  assert.equal(tokenResponse.status, 200, await tokenResponse.clone().text());
  const { access_token: token } = await tokenResponse.json();
  for (const area of [CITY, WARD, DISTRICT]) {
    const response = await fetch(`${BASE}/api/v1/areas`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify(area),
    });
    assert.equal(response.status, 201, `${area.code}: ${await response.text()}`);
  }
}

async function signIn(page, username, password) {
  await page.goto(`${BASE}/login`);
  const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'ログイン', exact: true }) });
  await form.getByLabel(/^ユーザー名/).fill(username);
  await form.getByLabel(/^パスワード/).fill(password);
  await form.getByRole('button', { name: 'ログイン', exact: true }).click();
}

describe('運用開始', { skip: BASE ? false : 'GOING_LIVE_URL is not set' }, () => {
  test('初期設定 → first administrator → a coordinator for one district → their own password → 生活支援', async () => {
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

      // No area page yet: the city, a ward and one school district through the API.
      await createAreas();

      // The administrator creates a coordinator for ひかり.
      await signIn(page, ADMIN.username, ADMIN.password);
      await page.waitForURL(`${BASE}/directory`);
      await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '職員アカウント' }).click();
      await page.getByRole('heading', { level: 1, name: '職員アカウント' }).waitFor();
      await page.getByRole('table', { name: '職員アカウント' }).getByRole('rowheader', { name: ADMIN.username }).waitFor();
      await expectAccessible(page, 'going-live-accounts');
      await page.getByRole('button', { name: '新しいアカウント' }).click();
      const form = page.getByRole('form', { name: '新しいアカウント' });
      await form.getByRole('checkbox', { name: /^ひかり/ }).waitFor();
      await form.getByLabel(/^ユーザー名/).fill(COORDINATOR.username);
      await form.getByLabel(/^表示名/).fill(COORDINATOR.displayName);
      await form.getByRole('checkbox', { name: '地域支援コーディネーター' }).check();
      await form.getByRole('checkbox', { name: /^ひかり/ }).check();
      await form.getByLabel(/^初期パスワード/).fill(COORDINATOR.initial);
      await expectAccessible(page, 'going-live-account-form');
      await screenshot(page, 'going-live-04-account-form.png');
      await form.getByRole('button', { name: '作成する' }).click();
      await page.getByText(`「${COORDINATOR.username}」を作成しました。`, { exact: false }).waitFor();
      const row = page.getByRole('table', { name: '職員アカウント' }).getByRole('row').filter({ hasText: COORDINATOR.username });
      await row.getByText('パスワード変更待ち').waitFor();
      assert.match(await row.innerText(), /地域支援コーディネーター[\s\S]*ひかり/);
      await expectAccessible(page, 'going-live-account-created');
      await screenshot(page, 'going-live-05-account-created.png');
      await page.getByRole('button', { name: 'ログアウト' }).click();
      await page.waitForURL(`${BASE}/login`);

      // The coordinator signs in and asks for 生活支援, but must choose a password first.
      await signIn(page, COORDINATOR.username, COORDINATOR.initial);
      await page.waitForURL(`${BASE}/password`);
      await page.goto(`${BASE}/support`);
      await page.waitForURL(`${BASE}/password`);
      await page.getByText('管理者がパスワードを再設定しました。新しいパスワードを決めてください。').waitFor();
      await expectAccessible(page, 'going-live-password-forced');
      await screenshot(page, 'going-live-06-password-forced.png');
      const change = page.getByRole('form', { name: 'パスワード変更' });
      await change.getByLabel(/^いまのパスワード/).fill(COORDINATOR.initial);
      await change.getByLabel(/^新しいパスワード必須/).fill(COORDINATOR.chosen);
      await change.getByLabel(/^新しいパスワード（確認）/).fill(COORDINATOR.chosen);
      await change.getByRole('button', { name: 'パスワードを変更' }).click();
      await page.waitForURL(`${BASE}/directory`);

      // Now a coordinator: the support pages of ひかり.
      await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '生活支援' }).click();
      await page.getByRole('heading', { level: 1, name: '生活支援' }).waitFor();
      await expectAccessible(page, 'going-live-support');
      await screenshot(page, 'going-live-07-support.png');
    } catch (error) {
      await screenshot(page, 'going-live-failure.png').catch(() => {});
      throw error;
    } finally {
      await page.close();
    }
  });
});
