// Browser journey for signing in at the city's identity provider (played by e2e/lib/fake-idp.mjs, which
// .ci/lib/e2e.sh starts and both API replicas trust): the login page offers 庁内アカウントでログイン, the
// provider approves, the SPA exchanges the code with its PKCE verifier, and the coordinator the provider
// vouches for works in their district (高須) with the role its group maps to. ログアウト then signs out at the
// provider too (RP-Initiated Logout, naming the session with the ID token the provider issued), so the next person
// on a shared PC is not let in as this one.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BASE_URL, browserJourney } from './lib/browser.mjs';
import { expectAccessible } from './lib/a11y.mjs';

const { newPage, screenshot } = browserJourney({ user: 'city-coordinator' });
const IDP_URL = (process.env.IDP_URL ?? '').replace(/\/$/, '');

/**
 * How many times the stand-in provider was asked to end a session, and how many of those named it with an ID token
 * the provider issued (asked from here, not from the page).
 */
async function providerSignOuts() {
  assert.ok(IDP_URL, 'IDP_URL (the stand-in provider, started by .ci/lib/e2e.sh) is not set');
  const response = await fetch(`${IDP_URL}/sessions`);
  assert.equal(response.status, 200);
  const { signOuts, hintedSignOuts } = await response.json();
  return { signOuts, hintedSignOuts };
}

describe('庁内アカウントでログイン', () => {
  test('the provider signs a coordinator in, the API takes its token, and ログアウト signs out there too', async () => {
    const page = await newPage();
    const before = await providerSignOuts();
    try {
      // 相談の一覧 by its own address (生活支援 itself would open on the coordinator's 要対応).
      await page.goto(`${BASE_URL}/support/requests`);
      await page.waitForURL(/\/login/);
      const external = page.getByRole('button', { name: '庁内アカウントでログイン' });
      await external.waitFor();
      await expectAccessible(page, 'login-with-provider');
      await external.click();
      // The stand-in provider's page is not ours: axe is not run on it.
      await page.getByRole('heading', { name: '市の認証基盤（試験用）' }).waitFor();
      await page.getByRole('button', { name: '承認してサインイン' }).click();

      // Back in Tsunagu as the provider's user, on the page they first asked for.
      await page.waitForURL(`${BASE_URL}/support/requests`);
      await page.getByText('市 相談員 さん').waitFor();
      await page.getByRole('region', { name: /^相談の一覧/ }).waitFor();
      await screenshot(page, 'external-login.png');
      await expectAccessible(page, 'support-as-provider-user');

      // What the API makes of the provider's token: a coordinator of 高須 only.
      const me = await page.evaluate(async () => {
        const bearer = sessionStorage.getItem('tsunagu.accessToken');
        const response = await fetch('/api/v1/me', { headers: { Authorization: `Bearer ${bearer}` } });
        return { status: response.status, body: await response.json() };
      });
      assert.equal(me.status, 200);
      assert.equal(me.body.subject, 'city-coordinator');
      assert.deepEqual(me.body.roles, ['COORDINATOR']);
      assert.deepEqual(me.body.districts, ['40102-takasu']);

      // ログアウト ends the provider's session too: the provider sends the browser back to the login page.
      await page.getByRole('button', { name: 'ログアウト' }).click();
      await page.waitForURL(`${BASE_URL}/login`);
      await page.getByRole('button', { name: '庁内アカウントでログイン' }).waitFor();
      await expectAccessible(page, 'login-after-logout');
      assert.equal(await page.evaluate(() => sessionStorage.getItem('tsunagu.accessToken')), null);
      const { signOuts, hintedSignOuts } = await providerSignOuts();
      assert.ok(signOuts >= 1, `the provider counted no sign-out (signOuts: ${signOuts})`);
      assert.ok(signOuts > before.signOuts, `ログアウト did not reach the provider (signOuts: ${before.signOuts} → ${signOuts})`);
      assert.ok(
        hintedSignOuts > before.hintedSignOuts,
        `ログアウト did not name the session with the provider's ID token (id_token_hint: ${before.hintedSignOuts} → ${hintedSignOuts})`,
      );
    } catch (error) {
      await screenshot(page, 'external-login-failure.png');
      throw error;
    }
  });
});
