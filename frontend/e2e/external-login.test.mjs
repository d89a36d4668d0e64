// Browser journey for signing in at the city's identity provider (played by e2e/lib/fake-idp.mjs, which
// .ci/lib/e2e.sh starts and both API replicas trust): the login page offers 庁内アカウントでログイン, the
// provider approves, the SPA exchanges the code with its PKCE verifier, and the coordinator the provider
// vouches for works in their district (高須) with the role its group maps to.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BASE_URL, browserJourney } from './lib/browser.mjs';

const { newPage, screenshot } = browserJourney({ user: 'city-coordinator' });

describe('庁内アカウントでログイン', () => {
  test('the provider signs a coordinator in, and the API takes its token', async () => {
    const page = await newPage();
    try {
      await page.goto(`${BASE_URL}/support`);
      await page.waitForURL(/\/login/);
      await page.getByRole('button', { name: '庁内アカウントでログイン' }).click();
      await page.getByRole('heading', { name: '市の認証基盤（試験用）' }).waitFor();
      await page.getByRole('button', { name: '承認してサインイン' }).click();

      // Back in Tsunagu as the provider's user, on the page they first asked for.
      await page.waitForURL(`${BASE_URL}/support`);
      await page.getByText('市 相談員 さん').waitFor();
      await screenshot(page, 'external-login.png');

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
    } catch (error) {
      await screenshot(page, 'external-login-failure.png');
      throw error;
    }
  });
});
