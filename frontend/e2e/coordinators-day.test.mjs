// Browser journey: a coordinator's day in 生活支援, run by .ci/lib/e2e.sh (API_A_URL, BASE_URL) beside the others.
//   要対応: the queue's four sections for one district, the urgent request under 調整を待っている相談 at once, and
//   the menu's 「要対応 (N)」 agreeing with the page's 合計.
//   一括マッチング: the district's waiting requests proposed at once — a backlog where one request at a time serves
//   2 of 3 and the batch serves all 3 — one row left out, 選んだ2件を確定する, the links of what was registered.
//   A request's story: 内容を直す (緊急度 and 時刻), 辞退 with a reason, and the 経過 listing 受付 … 内容の変更 … 担い手が辞退.
//
// Isolation: the other journeys count 庄司's consultations and use the demo districts, and they run at the same
// time as this one. So everything here lives in a 校区 of this journey's own, created through the API as `admin`
// (who sees every district, and whom the SPA is driven as), with supporters and requests on 土曜 — a day no demo
// supporter and no other journey offers — so no candidate crosses between this district and its siblings under
// 若松区 (40101). The city's thresholds are left as they are: an urgent request is in 要対応 from the day it is received.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { BASE_URL, PASSWORD, TIMEOUT, browserJourney } from './lib/browser.mjs';
import { expectAccessible } from './lib/a11y.mjs';

const API = process.env.API_A_URL;
const { newPage, logIn, screenshot } = browserJourney({ user: 'admin' });

async function call(path, token, body, method = body === undefined ? 'GET' : 'POST') {
  const response = await fetch(`${API}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null };
}

/** Polls until `read()` gives what `ok` accepts (or the journey's timeout passes), and returns the last value. */
async function eventually(page, read, ok) {
  const deadline = Date.now() + TIMEOUT;
  let value = await read();
  while (!ok(value) && Date.now() < deadline) {
    await page.waitForTimeout(250);
    value = await read();
  }
  return value;
}

/** True when `wanted` appears in `list` in this order (other entries may come between). */
function inOrder(list, wanted) {
  let i = 0;
  for (const item of list) if (item === wanted[i]) i += 1;
  return i === wanted.length;
}

const SATURDAY = 6;

describe("コーディネーターの一日 (要対応・一括マッチング・相談の経過)", () => {
  const n = Date.now() % 100000;
  const district = `e2e-day-${Date.now().toString(36)}`;
  const districtName = `一日確認校区${n}`;
  // 甲 can take either morning request; 乙 only the first, and less of it; 丙 the afternoon one. One capacity each.
  const supporters = {
    ko: { name: `一日 甲${n}`, slot: ['09:00', '12:00'] },
    otsu: { name: `一日 乙${n}`, slot: ['09:00', '09:45'] },
    hei: { name: `一日 丙${n}`, slot: ['14:00', '16:00'] },
  };
  // The urgent one is proposed first one at a time and takes 甲 (the better fit), which leaves the second without
  // anyone; the batch gives it 乙 instead, so that 甲 serves the second.
  const requests = {
    urgent: { name: `一日 急子${n}`, kana: 'いちにち きゅうこ', time: ['09:00', '10:00'], urgency: 'HIGH' },
    second: { name: `一日 次郎${n}`, kana: 'いちにち じろう', time: ['11:00', '12:00'], urgency: 'NORMAL' },
    afternoon: { name: `一日 三子${n}`, kana: 'いちにち みつこ', time: ['14:00', '15:00'], urgency: 'NORMAL' },
  };
  let admin;

  before(async () => {
    assert.ok(API, 'set API_A_URL to the API the SPA talks to (bash .ci/lib/e2e.sh does)');
    admin = (await call('/api/v1/auth/token', null, { username: 'admin', password: PASSWORD })).json.access_token;
    const area = await call('/api/v1/areas', admin, {
      code: district, name: districtName, kana: 'いちにちかくにんこうく', kind: 'SCHOOL_DISTRICT', parentCode: '40101',
    });
    assert.equal(area.status, 201, JSON.stringify(area.json));
    // In order: 甲 has the lower id, and wins a tie — though with 乙's shorter time there is none.
    for (const s of Object.values(supporters)) {
      const r = await call('/api/v1/supporters', admin, {
        name: s.name, kana: 'いちにち にないて', areaCode: district, categoryCodes: ['REPAIRS'], capacity: 1, hasVehicle: false,
        availability: [{ dayOfWeek: SATURDAY, start: s.slot[0], end: s.slot[1] }],
      });
      assert.equal(r.status, 201, JSON.stringify(r.json));
      s.id = r.json.id;
    }
    for (const q of Object.values(requests)) {
      const recipient = await call('/api/v1/recipients', admin, {
        name: q.name, kana: q.kana, areaCode: district, referredBy: 'SELF', consent: true,
      });
      assert.equal(recipient.status, 201, JSON.stringify(recipient.json));
      const r = await call('/api/v1/support-requests', admin, {
        recipientId: recipient.json.id, categoryCode: 'REPAIRS', weeklyDay: SATURDAY, start: q.time[0], end: q.time[1],
        payment: 'EITHER', urgency: q.urgency, description: '棚の扉がはずれたので直してほしい',
      });
      assert.equal(r.status, 201, JSON.stringify(r.json));
      q.id = r.json.id;
    }
  });

  test('要対応, 一括マッチング and a request\'s story in a district of its own', async () => {
    const page = await newPage();
    const supportMenu = page.getByRole('navigation', { name: '生活支援のメニュー' });
    const followUpsLink = supportMenu.getByRole('link', { name: /^要対応/ });
    const section = (heading) => page.getByRole('region', { name: new RegExp(`^${heading}（\\d+件）$`) });
    const sectionCount = async (heading) => Number((await section(heading).getByRole('heading', { level: 2 }).innerText()).match(/（(\d+)件）/)[1]);
    try {
      await logIn(page);
      await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '生活支援' }).click();
      await page.getByRole('heading', { level: 1, name: '生活支援' }).waitFor();

      // ── 要対応: the whole city first (ADMIN), where the menu's badge and the page's 合計 are the same read.
      await followUpsLink.click();
      await page.waitForURL(`${BASE_URL}/support/follow-ups`);
      await page.getByRole('heading', { level: 1, name: '要対応' }).waitFor();
      const total = page.getByText(/^対応が必要なもの 合計 \d+件$/);
      await total.waitFor();
      const readBoth = async () => ({
        page: Number((await total.innerText()).match(/合計 (\d+)件/)[1]),
        badge: (await followUpsLink.locator('.followup-badge').count()) ? await followUpsLink.locator('.followup-badge').innerText() : '',
      });
      // Other journeys run meanwhile: should the badge have been read at another moment, 最新の状態にする reads both again.
      let both = await eventually(page, readBoth, (v) => v.badge !== '');
      if (both.badge !== `(${both.page})`) {
        await page.getByRole('button', { name: '最新の状態にする' }).click();
        both = await eventually(page, readBoth, (v) => v.badge === `(${v.page})`);
      }
      assert.equal(both.badge, `(${both.page})`, 'the menu shows 「要対応 (N)」 with the page\'s 合計');
      assert.ok(both.page >= 1, 'at least this journey\'s urgent request');
      // Seen as 「(N)」, heard as 「N件」.
      await supportMenu.getByRole('link', { name: `要対応 ${both.page}件`, exact: true }).waitFor();
      for (const heading of ['調整を待っている相談', '返事のない提案', '活動記録のない支援', 'しばらく依頼していない担い手']) {
        await section(heading).waitFor();
      }
      // No 地区 to choose for an ADMIN without districts: the whole city is the page's scope.
      assert.equal(await page.getByLabel('地区', { exact: true }).count(), 0);

      // This district alone (?area=, as a coordinator's 地区 choice writes it): the urgent request, at once.
      await page.goto(`${BASE_URL}/support/follow-ups?area=${district}`);
      await page.getByText('対応が必要なもの 合計 1件', { exact: true }).waitFor();
      assert.equal(await sectionCount('調整を待っている相談'), 1);
      assert.equal(await sectionCount('返事のない提案'), 0);
      assert.equal(await sectionCount('活動記録のない支援'), 0);
      assert.equal(await sectionCount('しばらく依頼していない担い手'), 0);
      const waiting = section('調整を待っている相談').getByRole('listitem');
      assert.equal(await waiting.count(), 1);
      const item = await waiting.innerText();
      assert.match(item, /緊急/);
      // Received today: 0 days (the API dates a request by the server's clock and counts the days in Japan, so
      // between 00:00 and 09:00 in Japan on a UTC server it reads 1).
      assert.match(item, /緊急の相談です。受付から [01] 日、担い手が決まっていません/);
      assert.match(item, new RegExp(`地区: ${districtName}・困りごと: 家具等の修理・\\d{4}年\\d{1,2}月\\d{1,2}日から [01]日`));
      await waiting.getByRole('link', { name: `相談 ${requests.urgent.id}: ${requests.urgent.name}さん` }).waitFor();
      for (const heading of ['返事のない提案', '活動記録のない支援', 'しばらく依頼していない担い手']) {
        await section(heading).getByText('対応が必要なものはありません').waitFor();
      }
      await screenshot(page, 'coordinators-day-follow-ups.png');
      await expectAccessible(page, 'coordinators-day-follow-ups');

      // ── 一括マッチング of this district.
      await supportMenu.getByRole('link', { name: '一括マッチング' }).click();
      await page.getByRole('heading', { level: 1, name: '一括マッチング' }).waitFor();
      const filter = page.getByRole('form', { name: '一括マッチングの条件' });
      // ADMIN is offered every school district; this one among them.
      await filter.locator(`select option[value="${district}"]`).waitFor({ state: 'attached' });
      await expectAccessible(page, 'coordinators-day-batch-form');
      await filter.getByLabel('地区', { exact: true }).selectOption(district);
      await filter.getByRole('button', { name: '提案を作る' }).click();
      await page.getByText('提案ができました: 相談 3件のうち、一括で 3件（1件ずつなら 2件）に担い手を割り当てます。', { exact: true }).waitFor();

      const summary = page.getByRole('region', { name: '提案のまとめ' });
      const facts = await summary.locator('dl.facts').innerText();
      assert.match(facts, /相談\s+3件/);
      assert.match(facts, /割り当て件数\s+一括: 3件 \/ 1件ずつ: 2件/);
      assert.match(facts, /1件ずつと担い手が違う行\s+2行/);
      assert.match(await summary.getByRole('figure').innerText(), /一括\s+3件\s+1件ずつ\s+2件/);

      const table = page.getByRole('table', { name: /^一括マッチングの提案（相談 3件/ });
      const row = (q) => table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: `相談 ${q.id}`, exact: true }) });
      const supporterOf = (q) => row(q).getByLabel(`相談 ${q.id}の担い手`, { exact: true });
      // Urgent first, then as received.
      const order = await table.getByRole('rowheader').allInnerTexts();
      assert.deepEqual(order.map((t) => t.trim()), [requests.urgent, requests.second, requests.afternoon].map((q) => `相談 ${q.id}`));
      // The urgent one goes to 乙 in the batch, to 甲 one at a time; the second to 甲, or nobody; the afternoon to 丙 either way.
      assert.equal(await supporterOf(requests.urgent).inputValue(), String(supporters.otsu.id));
      assert.match(await row(requests.urgent).innerText(), new RegExp(`${supporters.ko.name}\\s+\\d\\.\\d{1,3}点\\s*一括と違う`));
      assert.equal(await supporterOf(requests.second).inputValue(), String(supporters.ko.id));
      assert.match(await row(requests.second).innerText(), /割り当てなし\s*一括と違う/);
      assert.equal(await supporterOf(requests.afternoon).inputValue(), String(supporters.hei.id));
      assert.doesNotMatch(await row(requests.afternoon).innerText(), /一括と違う/);
      for (const q of Object.values(requests)) assert.match(await row(q).innerText(), new RegExp(`${q.name}\\s+${districtName}\\s+家具等の修理\\s+毎週 土曜`));
      await screenshot(page, 'coordinators-day-batch.png');
      await expectAccessible(page, 'coordinators-day-batch-proposal');

      // The afternoon one is left for another day: two rows confirmed.
      const keep = (q) => page.getByLabel(`この行を確定する（相談 ${q.id} ${q.name}さん）`, { exact: true });
      assert.ok(await keep(requests.afternoon).isChecked());
      await keep(requests.afternoon).uncheck();
      await page.getByRole('button', { name: '選んだ2件を確定する' }).click();
      const done = page.getByRole('status').filter({ hasText: '2件の調整を登録しました' });
      await done.waitFor();
      assert.match(await done.innerText(), new RegExp(`相談 ${requests.urgent.id}（${requests.urgent.name}さん）: ${supporters.otsu.name}さん（依頼中）`));
      assert.match(await done.innerText(), new RegExp(`相談 ${requests.second.id}（${requests.second.name}さん）: ${supporters.ko.name}さん（依頼中）`));
      assert.equal(await done.getByRole('link').count(), 2);
      assert.equal(await table.count(), 0, 'the proposal is spent');
      await screenshot(page, 'coordinators-day-batch-confirmed.png');
      await expectAccessible(page, 'coordinators-day-batch-confirmed');
      // What was left out still waits; the other two are 調整済み.
      assert.equal((await call(`/api/v1/support-requests/${requests.afternoon.id}`, admin)).json.status, 'RECEIVED');
      assert.equal((await call(`/api/v1/support-requests/${requests.second.id}`, admin)).json.status, 'ASSIGNED');

      // ── The urgent request's story, from the link of the confirmation.
      await done.getByRole('link', { name: `相談 ${requests.urgent.id}（${requests.urgent.name}さん）` }).click();
      await page.waitForURL(`${BASE_URL}/support/requests/${requests.urgent.id}`);
      await page.getByRole('heading', { level: 1, name: `相談 ${requests.urgent.id}: ${requests.urgent.name}さん` }).waitFor();
      const details = page.locator('dl.facts');
      await details.getByText('調整済み', { exact: true }).waitFor();
      assert.match(await details.innerText(), /毎週 土曜 09:00〜10:00/);
      assert.match(await details.innerText(), /緊急度\s+高い（急ぎ）/);
      const timeline = page.getByRole('list', { name: '相談の経過（古い順）' });
      const events = timeline.getByTestId('timeline-event');
      const labels = async () => events.locator('.timeline__what strong').allInnerTexts();
      await events.filter({ hasText: '担い手に依頼' }).waitFor();
      assert.ok(inOrder(await labels(), ['受付', '候補を確認', '担い手に依頼']), (await labels()).join(' → '));
      assert.match(await events.filter({ hasText: '候補を確認' }).first().innerText(), /一括マッチングで候補を確認/);
      assert.match(await events.filter({ hasText: '担い手に依頼' }).innerText(), new RegExp(`（担い手 ${supporters.otsu.name}さん）`));
      await expectAccessible(page, 'coordinators-day-request');

      // 内容を直す: no longer urgent, and half an hour, which is what 乙 has.
      await page.getByRole('button', { name: '内容を直す', exact: true }).click();
      const edit = page.getByRole('form', { name: '相談の内容を直す' });
      await edit.waitFor();
      assert.equal(await edit.getByLabel(/^緊急度/).inputValue(), 'HIGH');
      assert.equal(await edit.getByLabel(/^開始時刻/).inputValue(), '09:00');
      await expectAccessible(page, 'coordinators-day-request-edit');
      await edit.getByLabel(/^緊急度/).selectOption({ label: '普通' });
      await edit.getByLabel(/^終了時刻/).fill('09:30');
      await edit.getByRole('button', { name: '内容を保存' }).click();
      await page.getByText('相談の内容を保存しました。変えたところは経過に残りました。', { exact: true }).waitFor();
      await edit.waitFor({ state: 'detached' });
      await eventually(page, async () => details.innerText(), (t) => /緊急度\s+普通/.test(t));
      assert.match(await details.innerText(), /毎週 土曜 09:00〜09:30/);
      assert.match(await details.innerText(), /緊急度\s+普通/);
      const edited = events.filter({ hasText: '内容の変更' });
      await edited.waitFor();
      assert.match(await edited.locator('.timeline__detail').innerText(), /日時/);
      assert.match(await edited.locator('.timeline__detail').innerText(), /緊急度/);
      assert.ok(inOrder(await labels(), ['受付', '候補を確認', '担い手に依頼', '内容の変更']), (await labels()).join(' → '));

      // 乙 cannot after all: 辞退 with the reason they gave, kept in the 経過; the request waits again.
      await page.getByRole('button', { name: `${supporters.otsu.name}さんの辞退` }).click();
      const decline = page.getByRole('form', { name: `${supporters.otsu.name}さんの辞退の理由` });
      await decline.waitFor();
      await expectAccessible(page, 'coordinators-day-decline');
      const reason = '土曜の朝は家の用事ができたため';
      await decline.getByLabel(/^辞退の理由/).fill(reason);
      await decline.getByRole('button', { name: '辞退を記録' }).click();
      await page.getByText('辞退を記録しました。相談は調整中に戻りました。', { exact: true }).waitFor();
      await details.getByText('調整中', { exact: true }).waitFor();
      const declined = events.filter({ hasText: '担い手が辞退' });
      await declined.waitFor();
      assert.match(await declined.innerText(), new RegExp(`（担い手 ${supporters.otsu.name}さん）`));
      assert.equal(await declined.locator('.timeline__detail').innerText(), reason);
      assert.ok(
        inOrder(await labels(), ['受付', '候補を確認', '担い手に依頼', '内容の変更', '担い手が辞退']),
        (await labels()).join(' → '),
      );
      // Waiting again, with the candidates shown once more: 乙's place is free again (甲's is taken by the second).
      const candidates = page.getByRole('table', { name: /^候補の担い手/ });
      await candidates.getByRole('button', { name: `${supporters.otsu.name}さんに依頼する` }).waitFor();
      assert.equal(await candidates.getByRole('button', { name: `${supporters.ko.name}さんに依頼する` }).count(), 0);
      await screenshot(page, 'coordinators-day-request.png');
      await expectAccessible(page, 'coordinators-day-request-declined');

      // ── Back to 要対応: nothing of this district needs a call now (the waiting one is no longer urgent).
      await page.goto(`${BASE_URL}/support/follow-ups?area=${district}`);
      await page.getByText('対応が必要なもの 合計 0件', { exact: true }).waitFor();
      assert.equal(await sectionCount('調整を待っている相談'), 0);
      await expectAccessible(page, 'coordinators-day-follow-ups-after');
    } finally {
      await page.close();
    }
  });
});
