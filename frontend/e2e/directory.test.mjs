// Browser journeys for 相談先検索, run with `npm run e2e` against a running SPA + API:
//   BASE_URL=http://127.0.0.1:5173 E2E_USER=admin E2E_PASSWORD=tsunagu-demo npm run e2e
// Uses the Debian chromium package through playwright-core (no browser download).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BASE_URL, PASSWORD, browserJourney } from './lib/browser.mjs';
import { expectAccessible } from './lib/a11y.mjs';

const USER = process.env.E2E_USER ?? 'admin';
const { newPage, logIn, screenshot } = browserJourney({ user: USER });

/** Types into the 校区 combobox and picks the option whose label starts with `name`. */
async function pickSchoolDistrict(page, typed, name) {
  const input = page.getByRole('combobox', { name: '校区' });
  await input.fill(typed);
  await page.getByRole('option', { name: new RegExp(`^${name}`) }).first().click();
}

function windowCard(page, name) {
  return page.getByRole('article', { name });
}

describe('相談先検索', () => {
  test('admin finds the elderly-care window for 日吉校区', async () => {
    const page = await newPage();
    try {
      await logIn(page);
      await page.waitForURL(`${BASE_URL}/directory`);
      await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '相談先検索' }).click();
      await page.getByRole('heading', { level: 1, name: '相談先検索' }).waitFor();

      await pickSchoolDistrict(page, 'ひよし', '日吉');
      await page.getByLabel('相談の種類').selectOption({ label: '高齢者' });

      const card = windowCard(page, '中央地域包括支援センター');
      await card.waitFor();
      const text = await card.innerText();
      assert.match(text, /電話\s*0942-46-8711/);
      assert.match(text, /FAX\s*0942-34-7217/);
      assert.equal(await card.getByRole('link', { name: '0942-46-8711' }).getAttribute('href'), 'tel:0942468711');
      await screenshot(page, 'directory.png');
      await expectAccessible(page, 'directory');
    } finally {
      await page.close();
    }
  });

  test('上津 and 生活困窮者 route to 生活自立支援センター', async () => {
    const page = await newPage();
    try {
      await logIn(page);
      await page.waitForURL(`${BASE_URL}/directory`);

      await pickSchoolDistrict(page, '上津', '上津');
      await page.getByLabel('相談の種類').selectOption({ label: '生活困窮者' });

      const card = windowCard(page, '生活自立支援センター');
      await card.waitFor();
      const text = await card.innerText();
      assert.match(text, /電話\s*0942-30-9113/);
      assert.match(text, /FAX\s*0942-30-9327/);
      await screenshot(page, 'directory-living-hardship.png');
      await expectAccessible(page, 'directory-living-hardship');
    } finally {
      await page.close();
    }
  });

  test('a wrong password is refused with a message', async () => {
    const page = await newPage();
    try {
      await logIn(page, USER, `${PASSWORD}-wrong`);
      const alert = page.getByRole('alert').filter({ hasText: 'ユーザー名またはパスワードが正しくありません' });
      await alert.waitFor();
      assert.equal(new URL(page.url()).pathname, '/login');
      await screenshot(page, 'login-error.png');
      await expectAccessible(page, 'login-error');
    } finally {
      await page.close();
    }
  });
});
