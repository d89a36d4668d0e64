import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Recipient, RecipientRequest } from '@/features/recipients/api/recipients';
import type { AssignmentHandout } from '@/features/requests/api/assignments';
import {
  candidates, coordinator, handout, handoutByMeeting, handoutWithoutConsent, meetingGrounds, recipient, requestTimeline, sharingDecision, shoji,
  supportRequest, takasu, viewer, areasApi,
} from '@/testing/support-fixtures';
import { CONFLICT_MESSAGE } from '@/lib/api/problem';
import { REPEAT_WINDOW_MS } from '@/lib/api/idempotency';
import { jsonResponse, mockFetch } from '@/testing/mock-fetch';
import { renderWithProviders } from '@/testing/test-utils';
import { SupportRequestRoute } from './support-request';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function renderAt(route = '/support/requests/42') {
  return renderWithProviders(
    <Routes>
      <Route path="/support/requests/:id" element={<SupportRequestRoute />} />
    </Routes>,
    { route },
  );
}

describe('相談の詳細', () => {
  afterEach(() => vi.useRealTimers());

  it('lists the candidates with every part of the score as a bar and a number, and the total', async () => {
    mockFetch((request) => {
      const url = new URL(request.url);
      if (url.pathname === '/api/v1/me') return jsonResponse(coordinator);
      if (url.pathname.startsWith('/api/v1/areas')) return areasApi(url)!;
      if (url.pathname === '/api/v1/support-requests/42/timeline') return jsonResponse(requestTimeline());
    if (url.pathname === '/api/v1/support-requests/42/timeline') return jsonResponse(requestTimeline());
      if (url.pathname === '/api/v1/support-requests/42') return jsonResponse(supportRequest());
      if (url.pathname === '/api/v1/support-requests/42/candidates') return jsonResponse(candidates);
      return jsonResponse({ status: 404 }, 404);
    });
    renderAt();

    expect(await screen.findByRole('heading', { level: 1, name: '相談 42: 庄司 一郎さん' })).toBeTruthy();
    expect(screen.getByText('毎週 火曜 09:00〜10:00')).toBeTruthy();
    const table = await screen.findByRole('table', { name: /候補の担い手/ });
    const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual([
      '順位', '担い手', '得点', '近さ重み 0.35', '空き時間重み 0.25', '受け持ち重み 0.15', '継続性重み 0.15', '公平性重み 0.10', '受け持ち', '操作',
    ]);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    const cells = within(rows[0]).getAllByRole('cell');
    // 順位, 得点, 5 parts, 受け持ち, 操作
    expect(cells.slice(1, 7).map((c) => c.textContent)).toEqual(['0.745', '0.70', '1.00', '0.50', '0.00', '1.00']);
    const bars = Array.from(rows[0].querySelectorAll<HTMLElement>('.score-part__bar')).map((b) => b.style.width);
    expect(bars).toEqual(['74.5%', '70%', '100%', '50%', '0%', '100%']);
    expect(cells[7].textContent).toBe('1/2');
    expect(within(rows[1]).getAllByRole('cell')[6].textContent).toBe('0.33');
    expect(within(rows[0]).getByRole('button', { name: '佐藤 和子さんに依頼する' })).toBeTruthy();
  });

  it('leaves a 受付 request as it is while showing candidates, and 調整を始める moves it to 調整中', async () => {
    let status: 'RECEIVED' | 'MATCHING' = 'RECEIVED';
    const { requests } = mockFetch((request) => {
      const url = new URL(request.url);
      if (url.pathname === '/api/v1/me') return jsonResponse(coordinator);
      if (url.pathname.startsWith('/api/v1/areas')) return areasApi(url)!;
      if (url.pathname === '/api/v1/support-requests/42/timeline') return jsonResponse(requestTimeline());
    if (url.pathname === '/api/v1/support-requests/42/timeline') return jsonResponse(requestTimeline());
      if (url.pathname === '/api/v1/support-requests/42/start-matching' && request.method === 'POST') {
        status = 'MATCHING';
        return jsonResponse(supportRequest({ status }));
      }
      if (url.pathname === '/api/v1/support-requests/42') return jsonResponse(supportRequest({ status }));
      if (url.pathname === '/api/v1/support-requests/42/candidates') return jsonResponse(candidates);
      return jsonResponse({ status: 404 }, 404);
    });
    renderAt();

    await screen.findByRole('table', { name: /候補の担い手/ });
    // The status in the request's facts (the 経過 has a 受付 of its own).
    const facts = () => screen.getByRole('region', { name: '相談の内容' });
    expect(within(facts()).getByText('受付')).toBeTruthy();
    expect(requests.some((r) => r.method === 'POST')).toBe(false);
    await userEvent.click(screen.getByRole('button', { name: '調整を始める（調整中にする）' }));
    expect(await within(facts()).findByText('調整中')).toBeTruthy();
    expect(requests.filter((r) => r.method === 'POST').map((r) => new URL(r.url).pathname)).toEqual(['/api/v1/support-requests/42/start-matching']);
    expect(screen.queryByRole('button', { name: '調整を始める（調整中にする）' })).toBeNull();
  });

  it('proposes to a candidate and shows the 409 message when the supporter is full', async () => {
    const { requests } = mockFetch((request) => {
      const url = new URL(request.url);
      if (url.pathname === '/api/v1/me') return jsonResponse(coordinator);
      if (url.pathname.startsWith('/api/v1/areas')) return areasApi(url)!;
      if (url.pathname === '/api/v1/support-requests/42/timeline') return jsonResponse(requestTimeline());
    if (url.pathname === '/api/v1/support-requests/42/timeline') return jsonResponse(requestTimeline());
      if (url.pathname === '/api/v1/support-requests/42') return jsonResponse(supportRequest());
      if (url.pathname === '/api/v1/support-requests/42/candidates') return jsonResponse(candidates);
      if (url.pathname === '/api/v1/support-requests/42/assignments' && request.method === 'POST') {
        return jsonResponse(
          { status: 409, title: 'Conflict', detail: '担い手「佐藤 和子」は受け持ちが上限に達しているか、活動していません。' },
          409,
        );
      }
      return jsonResponse({ status: 404 }, 404);
    });
    renderAt();
    await userEvent.click(await screen.findByRole('button', { name: '佐藤 和子さんに依頼する' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('依頼できませんでした');
    expect(alert.textContent).toContain('受け持ちが上限に達しているか');
    const post = requests.find((r) => r.method === 'POST')!;
    expect(await post.json()).toEqual({ supporterId: 101 });
    expect(post.headers.get('Idempotency-Key')).toMatch(UUID);
  });

  it('records an activity once for a double click, and a second identical one on purpose under a new Idempotency-Key', async () => {
    vi.useFakeTimers({ toFake: ['Date'] }); // only the clock: the test moves it past the double-click window
    const user = userEvent.setup();
    const accepted = supportRequest({
      status: 'ASSIGNED',
      assignments: [{ id: 9, requestId: 42, supporterId: 101, supporterName: '佐藤 和子', status: 'ACCEPTED', createdOn: '2026-11-22', version: 1 }],
    });
    // Like the server: a key seen before gets the first answer again, and nothing new is recorded.
    const answers = new Map<string, unknown>();
    let recorded = 0;
    const { requests } = mockFetch(async (request) => {
      const url = new URL(request.url);
      if (url.pathname === '/api/v1/me') return jsonResponse(coordinator);
      if (url.pathname.startsWith('/api/v1/areas')) return areasApi(url)!;
      if (url.pathname === '/api/v1/support-requests/42/timeline') return jsonResponse(requestTimeline());
    if (url.pathname === '/api/v1/support-requests/42/timeline') return jsonResponse(requestTimeline());
      if (url.pathname === '/api/v1/support-requests/42') return jsonResponse(accepted);
      if (url.pathname === '/api/v1/assignments/9/activities' && request.method === 'POST') {
        const key = request.headers.get('Idempotency-Key') ?? `none-${recorded}`;
        if (!answers.has(key)) answers.set(key, { id: ++recorded, assignmentId: 9, ...(await request.json()) });
        return jsonResponse(answers.get(key), 201);
      }
      return jsonResponse({ status: 404 }, 404);
    });
    renderAt();
    await user.click(await screen.findByText('活動を記録'));
    await user.clear(screen.getByLabelText(/^活動日/));
    await user.type(screen.getByLabelText(/^活動日/), '2026-11-24');
    const record = screen.getByRole('button', { name: '記録する' });

    await user.dblClick(record);
    expect(await screen.findByText('活動を記録しました。')).toBeTruthy();
    const doubleClick = requests.filter((r) => r.method === 'POST').map((r) => r.headers.get('Idempotency-Key'));
    expect(doubleClick[0]).toMatch(UUID);
    expect(new Set(doubleClick).size).toBe(1);
    expect(recorded).toBe(1);

    vi.setSystemTime(Date.now() + REPEAT_WINDOW_MS);
    await user.click(record);
    await waitFor(() => expect(recorded).toBe(2));
    const posts = requests.filter((r) => r.method === 'POST');
    const again = posts.at(-1)!;
    expect(await again.json()).toEqual({ date: '2026-11-24', minutes: 60, notes: null });
    expect(again.headers.get('Idempotency-Key')).toMatch(UUID);
    expect(again.headers.get('Idempotency-Key')).not.toBe(doubleClick[0]);
  });

  it('offers 引受 and 辞退 for a proposal, and no candidates once assigned', async () => {
    const assigned = supportRequest({
      status: 'ASSIGNED',
      assignments: [{ id: 9, requestId: 42, supporterId: 101, supporterName: '佐藤 和子', status: 'PROPOSED', createdOn: '2026-11-22', version: 0 }],
    });
    const { requests } = mockFetch((request) => {
      const url = new URL(request.url);
      if (url.pathname === '/api/v1/me') return jsonResponse(coordinator);
      if (url.pathname.startsWith('/api/v1/areas')) return areasApi(url)!;
      if (url.pathname === '/api/v1/support-requests/42/timeline') return jsonResponse(requestTimeline());
    if (url.pathname === '/api/v1/support-requests/42/timeline') return jsonResponse(requestTimeline());
      if (url.pathname === '/api/v1/support-requests/42') return jsonResponse(assigned);
      if (url.pathname === '/api/v1/assignments/9/accept') {
        return jsonResponse({ ...assigned.assignments[0], status: 'ACCEPTED' });
      }
      return jsonResponse({ status: 404 }, 404);
    });
    renderAt();
    const accept = await screen.findByRole('button', { name: '佐藤 和子さんの引受' });
    expect(screen.getByRole('button', { name: '佐藤 和子さんの辞退' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: '候補の担い手' })).toBeNull();
    await userEvent.click(accept);
    expect(await screen.findByText('引き受けを記録しました。')).toBeTruthy();
    expect(requests.some((r) => r.method === 'POST' && r.url.endsWith('/api/v1/assignments/9/accept'))).toBe(true);
    expect(requests.some((r) => r.url.includes('/candidates'))).toBe(false);
  });

  it('refuses a viewer', async () => {
    const { requests } = mockFetch((request) =>
      new URL(request.url).pathname === '/api/v1/me' ? jsonResponse(viewer) : jsonResponse({ status: 403 }, 403),
    );
    renderAt();
    expect(await screen.findByRole('heading', { name: 'このページを表示する権限がありません' })).toBeTruthy();
    await waitFor(() => expect(requests.every((r) => new URL(r.url).pathname === '/api/v1/me')).toBe(true));
  });
});

/**
 * The API for the request page with its recipient stored as the server keeps them: a change needs the stored
 * version (409 otherwise), may not move them out of the coordinator's districts (422), and renames the request.
 */
function recipientBackend(start: Recipient = { ...recipient, contact: '093-000-1111', version: 2 }) {
  let current = start;
  const fetched = mockFetch(async (request) => {
    const url = new URL(request.url);
    if (url.pathname === '/api/v1/me') return jsonResponse(coordinator);
    if (url.pathname.startsWith('/api/v1/areas')) return areasApi(url)!;
    if (url.pathname === '/api/v1/support-requests/42/timeline') return jsonResponse(requestTimeline());
    if (url.pathname === '/api/v1/support-requests/42') return jsonResponse(supportRequest({ recipientName: current.name }));
    if (url.pathname === '/api/v1/support-requests/42/candidates') return jsonResponse(candidates);
    if (url.pathname === '/api/v1/recipients/7' && request.method === 'GET') return jsonResponse(current);
    if (url.pathname === '/api/v1/recipients/7' && request.method === 'PUT') {
      const body: RecipientRequest = await request.json();
      if (body.version !== current.version) {
        return jsonResponse({ type: '/problems/stale-version', title: '競合しています', status: 409, detail: '要支援者「庄司 一郎」 は他の人が先に更新しました。' }, 409);
      }
      if (![shoji.code, takasu.code].includes(body.areaCode)) {
        return jsonResponse({ type: '/problems/area-not-yours', title: '処理できない内容です', status: 422, detail: '地域「若園」は担当外です。' }, 422);
      }
      const { version, areaCode, ...rest } = body;
      current = { ...current, ...rest, contact: rest.contact ?? null, householdNotes: rest.householdNotes ?? null, consent: rest.consent ?? false,
        area: areaCode === takasu.code ? takasu : shoji, version: (version ?? 0) + 1 };
      return jsonResponse(current);
    }
    return jsonResponse({ status: 404 }, 404);
  });
  return { ...fetched, setCurrent: (r: Recipient) => (current = r) };
}

describe('要支援者の変更', () => {
  it('sends the changed details with the version and the consent, and the request shows the new name', async () => {
    const user = userEvent.setup();
    const { requests } = recipientBackend();
    renderAt();

    await user.click(await screen.findByRole('button', { name: '庄司 一郎さんの登録内容を変更' }));
    const form = await screen.findByRole('form', { name: '要支援者の変更: 庄司 一郎さん' });
    const consent = within(form).getByLabelText<HTMLInputElement>('支援者に連絡先を伝えることへの同意');
    expect(consent.checked).toBe(true);
    expect(within(form).getByLabelText<HTMLInputElement>(/^連絡先/).value).toBe('093-000-1111');
    expect(within(form).getByLabelText<HTMLSelectElement>(/^地区/).value).toBe('40101-shoji');

    await user.clear(within(form).getByLabelText(/^氏名/));
    await user.type(within(form).getByLabelText(/^氏名/), '庄司 一朗');
    await user.selectOptions(within(form).getByLabelText(/^紹介者/), 'CARE_MANAGER');
    await user.type(within(form).getByLabelText(/^世帯の状況/), '娘さんが週末に来る');
    await user.click(consent);
    await user.click(within(form).getByRole('button', { name: '変更を保存' }));

    expect(await screen.findByText('庄司 一朗さんの登録内容を保存しました。')).toBeTruthy();
    const put = requests.find((r) => r.method === 'PUT')!;
    expect(new URL(put.url).pathname).toBe('/api/v1/recipients/7');
    expect(await put.json()).toEqual({
      name: '庄司 一朗', kana: 'しょうじ いちろう', areaCode: '40101-shoji', contact: '093-000-1111',
      householdNotes: '娘さんが週末に来る', referredBy: 'CARE_MANAGER', consent: false, version: 2,
    });
    expect(screen.queryByRole('form', { name: /要支援者の変更/ })).toBeNull();
    // The request (and its heading) is read again, with the recipient's new name.
    expect(await screen.findByRole('heading', { level: 1, name: '相談 42: 庄司 一朗さん' })).toBeTruthy();
  });

  it('says someone else changed the recipient first, and fills the form afresh on 再読み込み', async () => {
    const user = userEvent.setup();
    const { requests, setCurrent } = recipientBackend();
    renderAt();

    await user.click(await screen.findByRole('button', { name: '庄司 一郎さんの登録内容を変更' }));
    const form = await screen.findByRole('form', { name: '要支援者の変更: 庄司 一郎さん' });
    setCurrent({ ...recipient, contact: '093-999-0000', consent: false, version: 3 });
    await user.click(within(form).getByRole('button', { name: '変更を保存' }));

    const alert = await within(form).findByRole('alert');
    expect(alert.textContent).toContain(CONFLICT_MESSAGE);
    await user.click(within(alert).getByRole('button', { name: '再読み込み' }));
    await waitFor(() => expect(within(screen.getByRole('form', { name: /要支援者の変更/ })).getByLabelText<HTMLInputElement>(/^連絡先/).value).toBe('093-999-0000'));
    const fresh = screen.getByRole('form', { name: /要支援者の変更/ });
    expect(within(fresh).getByLabelText<HTMLInputElement>('支援者に連絡先を伝えることへの同意').checked).toBe(false);
    await user.click(within(fresh).getByRole('button', { name: '変更を保存' }));

    expect(await screen.findByText('庄司 一郎さんの登録内容を保存しました。')).toBeTruthy();
    const versions = await Promise.all(requests.filter((r) => r.method === 'PUT').map(async (r) => (await r.json()).version));
    expect(versions).toEqual([2, 3]);
  });

  it('shows the 422 area-not-yours detail at the district', async () => {
    const user = userEvent.setup();
    // Stored in a district the coordinator no longer holds: it is offered as it is, and refused by the API.
    recipientBackend({ ...recipient, area: { code: '40106-wakazono', name: '若園', kind: 'SCHOOL_DISTRICT' }, version: 0 });
    renderAt();

    await user.click(await screen.findByRole('button', { name: '庄司 一郎さんの登録内容を変更' }));
    const form = await screen.findByRole('form', { name: '要支援者の変更: 庄司 一郎さん' });
    const area = within(form).getByLabelText<HTMLSelectElement>(/^地区/);
    expect(Array.from(area.options).map((o) => o.textContent)).toEqual(['選択してください', '高須', '庄司', '若園']);
    expect(area.value).toBe('40106-wakazono');
    await user.click(within(form).getByRole('button', { name: '変更を保存' }));

    expect((await within(form).findByRole('alert')).textContent).toContain('地域「若園」は担当外です。');
    expect(area.getAttribute('aria-invalid')).toBe('true');
    expect(within(form).queryByText(CONFLICT_MESSAGE)).toBeNull();
  });
});

/** The request page with one accepted proposal (9, to 佐藤 和子), whose 依頼票 the API answers with `card`. */
function handoutBackend(card: AssignmentHandout) {
  const assigned = supportRequest({
    status: 'ASSIGNED',
    assignments: [{ id: 9, requestId: 42, supporterId: 101, supporterName: '佐藤 和子', status: 'ACCEPTED', createdOn: '2026-11-22', version: 1 }],
  });
  return mockFetch((request) => {
    const url = new URL(request.url);
    if (url.pathname === '/api/v1/me') return jsonResponse(coordinator);
    if (url.pathname.startsWith('/api/v1/areas')) return areasApi(url)!;
    if (url.pathname === '/api/v1/support-requests/42/timeline') return jsonResponse(requestTimeline());
    if (url.pathname === '/api/v1/support-requests/42') return jsonResponse(assigned);
    if (url.pathname === '/api/v1/assignments/9/handout' && request.method === 'GET') return jsonResponse(card);
    return jsonResponse({ status: 404 }, 404);
  });
}

/** The card's lines as 見出し → 中身, in their order. */
function factsOf(card: HTMLElement): Record<string, string> {
  return Object.fromEntries(
    Array.from(card.querySelectorAll('dt')).map((dt) => [dt.textContent, dt.nextElementSibling?.textContent ?? '']),
  );
}

async function openHandout(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByRole('button', { name: '佐藤 和子さんの依頼票' }));
  const card = await screen.findByRole('dialog', { name: '依頼票' });
  await within(card).findByText('担い手');
  return card;
}

describe('依頼票', () => {
  it('is offered for the proposal being carried out, not for one the supporter declined', async () => {
    const declinedThenAccepted = supportRequest({
      status: 'ASSIGNED',
      assignments: [
        { id: 8, requestId: 42, supporterId: 102, supporterName: '鈴木 洋子', status: 'DECLINED', createdOn: '2026-11-21', version: 1 },
        { id: 9, requestId: 42, supporterId: 101, supporterName: '佐藤 和子', status: 'ACCEPTED', createdOn: '2026-11-22', version: 1 },
      ],
    });
    mockFetch((request) => {
      const url = new URL(request.url);
      if (url.pathname === '/api/v1/me') return jsonResponse(coordinator);
      if (url.pathname.startsWith('/api/v1/areas')) return areasApi(url)!;
      if (url.pathname === '/api/v1/support-requests/42/timeline') return jsonResponse(requestTimeline());
    if (url.pathname === '/api/v1/support-requests/42/timeline') return jsonResponse(requestTimeline());
      if (url.pathname === '/api/v1/support-requests/42') return jsonResponse(declinedThenAccepted);
      return jsonResponse({ status: 404 }, 404);
    });
    renderAt();
    await screen.findByRole('button', { name: '佐藤 和子さんの依頼票' });
    expect(screen.queryByRole('button', { name: '鈴木 洋子さんの依頼票' })).toBeNull();
  });

  it('shows the contact and the household notes of a recipient who consented, and closes back to its button', async () => {
    const user = userEvent.setup();
    const { requests } = handoutBackend(handout());
    renderAt();
    // Nothing about the recipient is read (and audited) until the card is asked for.
    await screen.findByRole('button', { name: '佐藤 和子さんの依頼票' });
    expect(requests.some((r) => r.url.includes('/handout'))).toBe(false);

    const card = await openHandout(user);
    expect(factsOf(card)).toEqual({
      担い手: '佐藤 和子',
      要支援者: '庄司 一郎',
      地区: '庄司',
      困りごと: 'ゴミ出し',
      日時: '毎週 火曜 09:00〜10:00',
      内容: '燃えるごみを集積所まで出してほしい',
      連絡先: '093-000-1111',
      世帯の様子: '娘さんが週末に来る',
      // Why the contact is on the sheet, in words.
      連絡先を載せる根拠: 'ご本人の同意',
    });
    expect(within(card).getByText('連絡先は、ご本人の同意を得て載せています。支援のためだけに使ってください。')).toBeTruthy();
    expect(within(card).queryByText(/連絡先は載せていません/)).toBeNull();
    expect(requests.filter((r) => new URL(r.url).pathname === '/api/v1/assignments/9/handout')).toHaveLength(1);

    await user.click(within(card).getByRole('button', { name: '閉じる' }));
    expect(screen.queryByRole('dialog', { name: '依頼票' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: '佐藤 和子さんの依頼票' }));
  });

  it('says why no contact is on it when there is neither consent nor a 支援会議 decision, and the date as the feature writes it', async () => {
    const user = userEvent.setup();
    handoutBackend(handoutWithoutConsent({ date: '2026-12-01', weeklyDay: null }));
    renderAt();

    const card = await openHandout(user);
    const facts = factsOf(card);
    expect(facts['日時']).toBe('2026年12月1日 09:00〜10:00');
    // No contact, no household notes, and no ground to share them.
    expect(Object.keys(facts)).toEqual(['担い手', '要支援者', '地区', '困りごと', '日時', '内容']);
    const note = within(card).getByRole('status');
    expect(within(note).getByText('同意も支援会議の決定もないため、連絡先は載せていません')).toBeTruthy();
    expect(note.textContent).toContain('連絡先は、ご本人の同意がないため載せていません。相談員を通して連絡してください。');
    expect(within(card).queryByText('093-000-1111')).toBeNull();

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog', { name: '依頼票' })).toBeNull();
  });

  it('shows the contact of a recipient who did not consent on a 支援会議\'s decision, and says so in words', async () => {
    const user = userEvent.setup();
    const decision = sharingDecision({ decidedBy: '支援会議（議長 地域包括支援センター長）' });
    handoutBackend(handoutByMeeting(decision));
    renderAt();

    const card = await openHandout(user);
    const facts = factsOf(card);
    expect(facts['連絡先']).toBe('093-000-1111');
    expect(facts['世帯の様子']).toBe('娘さんが週末に来る');
    expect(facts['連絡先を載せる根拠']).toBe(
      '支援会議（社会福祉法第106条の6）2026-11-20「庄司校区 支援会議」の決定（支援会議（議長 地域包括支援センター長）、記録: coordinator）',
    );
    expect(facts['連絡先を載せる根拠']).toBe(meetingGrounds(decision));
    expect(within(card).getByText(/支援会議（社会福祉法第106条の6）の決定により載せています/)).toBeTruthy();
    expect(within(card).queryByText(/連絡先は載せていません/)).toBeNull();
  });

  it('prints the card alone: 印刷する calls window.print, with the page beside it inert and left out', async () => {
    const user = userEvent.setup();
    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    handoutBackend(handout());
    const { container } = renderAt();

    const card = await openHandout(user);
    // The print stylesheet leaves out every child of <body> but the card's layer: the card must be one of them,
    // and the app (header, navigation, the request page) another.
    const layer = card.parentElement!;
    expect(layer.parentElement).toBe(document.body);
    expect(layer.contains(container)).toBe(false);
    expect(container.hasAttribute('inert')).toBe(true);
    expect(print).not.toHaveBeenCalled();

    await user.click(within(card).getByRole('button', { name: '印刷する' }));
    expect(print).toHaveBeenCalledTimes(1);
    // Printing keeps the card open; closing it gives the page back.
    expect(screen.getByRole('dialog', { name: '依頼票' })).toBe(card);
    await user.click(within(card).getByRole('button', { name: '閉じる' }));
    expect(container.hasAttribute('inert')).toBe(false);
  });

  it('says so when the proposal is not in the coordinator\'s districts, and offers nothing to print', async () => {
    const user = userEvent.setup();
    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    const assigned = supportRequest({
      status: 'ASSIGNED',
      assignments: [{ id: 9, requestId: 42, supporterId: 101, supporterName: '佐藤 和子', status: 'ACCEPTED', createdOn: '2026-11-22', version: 1 }],
    });
    mockFetch((request) => {
      const url = new URL(request.url);
      if (url.pathname === '/api/v1/me') return jsonResponse(coordinator);
      if (url.pathname.startsWith('/api/v1/areas')) return areasApi(url)!;
      if (url.pathname === '/api/v1/support-requests/42/timeline') return jsonResponse(requestTimeline());
    if (url.pathname === '/api/v1/support-requests/42/timeline') return jsonResponse(requestTimeline());
      if (url.pathname === '/api/v1/support-requests/42') return jsonResponse(assigned);
      return jsonResponse({ status: 404, title: 'Not Found', detail: '需給調整 9 はありません。' }, 404);
    });
    renderAt();

    await user.click(await screen.findByRole('button', { name: '佐藤 和子さんの依頼票' }));
    const card = await screen.findByRole('dialog', { name: '依頼票' });
    expect((await within(card).findByRole('alert')).textContent).toContain('需給調整 9 はありません。');
    const printButton = within(card).getByRole<HTMLButtonElement>('button', { name: '印刷する' });
    expect(printButton.disabled).toBe(true);
    await user.click(printButton);
    expect(print).not.toHaveBeenCalled();
  });
});
