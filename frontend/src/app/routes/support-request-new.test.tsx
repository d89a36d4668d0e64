import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { areasApi, categories, coordinator, recipient, shoji, supportRequest } from '@/testing/support-fixtures';
import { toRequestBody, validateIntake, type IntakeValues } from '@/features/requests/components/intake-form';
import { NETWORK_MESSAGE } from '@/lib/api/problem';
import { jsonResponse, mockFetch } from '@/testing/mock-fetch';
import { renderWithProviders } from '@/testing/test-utils';
import { SupportRequestNewRoute } from './support-request-new';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The API; `instead` may answer a call in its place (or throw, as fetch does when the network is gone). */
function backend(instead: (request: Request) => Response | undefined | Promise<Response | undefined> = () => undefined) {
  return mockFetch(async (request) => {
    const answer = await instead(request);
    if (answer) return answer;
    const url = new URL(request.url);
    if (url.pathname === '/api/v1/me') return jsonResponse(coordinator);
    if (url.pathname.startsWith('/api/v1/areas')) return areasApi(url)!;
    if (url.pathname === '/api/v1/support-categories') return jsonResponse(categories);
    if (url.pathname === '/api/v1/recipients' && request.method === 'GET') return jsonResponse([recipient]);
    if (url.pathname === '/api/v1/recipients' && request.method === 'POST') {
      const body = await request.json();
      return jsonResponse({ ...recipient, id: 8, name: body.name, kana: body.kana, area: shoji }, 201);
    }
    if (url.pathname === '/api/v1/support-requests' && request.method === 'POST') return jsonResponse(supportRequest({ id: 43 }), 201);
    return jsonResponse({ status: 404 }, 404);
  });
}

function renderPage() {
  return renderWithProviders(
    <Routes>
      <Route path="/support/requests/new" element={<SupportRequestNewRoute />} />
      <Route path="/support/requests/:id" element={<p>相談のページ</p>} />
    </Routes>,
    { route: '/support/requests/new' },
  );
}

const base: IntakeValues = {
  recipientId: 7, categoryCode: 'GARBAGE', frequency: 'ONCE', date: '', weeklyDay: '', start: '09:00', end: '10:00',
  payment: 'EITHER', urgency: 'NORMAL', description: '',
};

describe('validateIntake', () => {
  it('asks for the date of a one-off request and the day of a weekly one, never both', () => {
    expect(validateIntake(base)).toEqual({ date: '1 回の場合は日付を入力してください' });
    expect(validateIntake({ ...base, date: '2026-12-01' })).toEqual({});
    expect(validateIntake({ ...base, frequency: 'WEEKLY', date: '2026-12-01' })).toEqual({ weeklyDay: '毎週の場合は曜日を選んでください' });
    expect(validateIntake({ ...base, frequency: 'WEEKLY', weeklyDay: '2' })).toEqual({});
    expect(toRequestBody({ ...base, frequency: 'WEEKLY', weeklyDay: '2', date: '2026-12-01' })).toMatchObject({ date: null, weeklyDay: 2 });
    expect(toRequestBody({ ...base, date: '2026-12-01', weeklyDay: '2' })).toMatchObject({ date: '2026-12-01', weeklyDay: null });
  });

  it('wants a recipient, a category and an end after the start', () => {
    expect(validateIntake({ ...base, recipientId: null, categoryCode: '', date: '2026-12-01', end: '09:00' })).toEqual({
      recipientId: '要支援者を選ぶか、新しく登録してください',
      categoryCode: '困りごとを選んでください',
      end: '終了時刻は開始時刻より後にしてください',
    });
  });
});

describe('新しい相談', () => {
  it('refuses a one-off request without a date, then sends a weekly one with the day only', async () => {
    const user = userEvent.setup();
    const { requests } = backend();
    renderPage();

    await user.type(await screen.findByLabelText('名前・ふりがなで探す'), 'しょうじ');
    await user.click(screen.getByRole('button', { name: '探す' }));
    await user.click(await screen.findByRole('button', { name: '庄司 一郎さんを選ぶ' }));
    expect(screen.getByRole('status').textContent).toContain('庄司 一郎');

    await screen.findByRole('option', { name: 'ゴミ出し' });
    await user.selectOptions(screen.getByRole('combobox', { name: /^困りごと/ }), 'GARBAGE');
    await user.click(screen.getByRole('button', { name: '相談を受け付ける' }));
    expect((await screen.findAllByText('1 回の場合は日付を入力してください')).length).toBeGreaterThan(0);
    expect(requests.some((r) => r.method === 'POST')).toBe(false);

    await user.click(screen.getByLabelText('毎週'));
    expect(screen.queryByLabelText(/日付/)).toBeNull();
    await user.click(screen.getByRole('button', { name: '相談を受け付ける' }));
    expect((await screen.findAllByText('毎週の場合は曜日を選んでください')).length).toBeGreaterThan(0);
    expect(requests.some((r) => r.method === 'POST')).toBe(false);

    await user.selectOptions(screen.getByLabelText(/曜日/), '火曜');
    await user.click(screen.getByLabelText('どちらでも'));
    await user.click(screen.getByRole('button', { name: '相談を受け付ける' }));

    expect(await screen.findByText('相談のページ')).toBeTruthy();
    const post = requests.find((r) => r.method === 'POST' && r.url.endsWith('/api/v1/support-requests'))!;
    expect(await post.json()).toEqual({
      recipientId: 7, categoryCode: 'GARBAGE', description: null, date: null, weeklyDay: 2, start: '09:00', end: '10:00',
      payment: 'EITHER', urgency: 'NORMAL',
    });
    expect(post.headers.get('Idempotency-Key')).toMatch(UUID);
  });

  it('asks for at most 50 recipients, and says when a search may have left some out', async () => {
    const user = userEvent.setup();
    const found = (n: number) => Array.from({ length: n }, (_, i) => ({ ...recipient, id: 100 + i, name: `庄司 ${i + 1}` }));
    let answer = found(49);
    const { requests } = backend((request) =>
      request.method === 'GET' && new URL(request.url).pathname === '/api/v1/recipients' ? jsonResponse(answer) : undefined,
    );
    renderPage();

    await user.type(await screen.findByLabelText('名前・ふりがなで探す'), 'しょうじ');
    await user.click(screen.getByRole('button', { name: '探す' }));
    expect(await screen.findByRole('button', { name: '庄司 49さんを選ぶ' })).toBeTruthy();
    const search = requests.find((r) => new URL(r.url).pathname === '/api/v1/recipients')!;
    expect(Object.fromEntries(new URL(search.url).searchParams)).toEqual({ q: 'しょうじ', limit: '50' });
    expect(screen.queryByText(/50人までを表示しています/)).toBeNull();

    answer = found(50);
    await user.type(screen.getByLabelText('名前・ふりがなで探す'), ' 一');
    await user.click(screen.getByRole('button', { name: '探す' }));
    expect(await screen.findByText('50人までを表示しています。名前やふりがなをもっと詳しく入れて絞り込んでください。')).toBeTruthy();
    expect(within(screen.getByRole('list', { name: '見つかった要支援者' })).getAllByRole('listitem')).toHaveLength(50);
  });

  it('registers a recipient inline in one of the caller\'s districts', async () => {
    const user = userEvent.setup();
    const { requests } = backend();
    renderPage();

    await user.click(await screen.findByRole('button', { name: '要支援者を新しく登録する' }));
    const area = screen.getByLabelText(/^地区/) as HTMLSelectElement;
    await waitFor(() => expect(Array.from(area.options).map((o) => o.textContent)).toEqual(['選択してください', '高須', '庄司']));
    await user.click(screen.getByRole('button', { name: '登録して選ぶ' }));
    expect(screen.getByText('氏名を入力してください')).toBeTruthy();
    expect(requests.some((r) => r.method === 'POST')).toBe(false);

    await user.type(screen.getByLabelText(/^氏名/), '庄司 花子');
    await user.type(screen.getByLabelText(/^ふりがな/), 'しょうじ はなこ');
    await user.selectOptions(area, '40101-shoji');
    await user.selectOptions(screen.getByLabelText(/^紹介者/), 'FAMILY');
    await user.click(screen.getByLabelText('支援者に連絡先を伝えることへの同意'));
    await user.click(screen.getByRole('button', { name: '登録して選ぶ' }));

    expect((await screen.findByRole('status')).textContent).toContain('庄司 花子');
    const post = requests.find((r) => r.method === 'POST' && r.url.endsWith('/api/v1/recipients'))!;
    expect(await post.json()).toEqual({
      name: '庄司 花子', kana: 'しょうじ はなこ', areaCode: '40101-shoji', contact: null, householdNotes: null, referredBy: 'FAMILY', consent: true,
    });
    expect(post.headers.get('Idempotency-Key')).toMatch(UUID);
  });

  it('changes the chosen recipient\'s details on the spot and keeps them chosen under the new name', async () => {
    const user = userEvent.setup();
    const { requests } = backend(async (request) => {
      if (new URL(request.url).pathname !== '/api/v1/recipients/7') return undefined;
      if (request.method === 'GET') return jsonResponse({ ...recipient, version: 3 });
      return jsonResponse({ ...recipient, ...(await request.clone().json()), area: shoji, version: 4 });
    });
    renderPage();

    await user.type(await screen.findByLabelText('名前・ふりがなで探す'), 'しょうじ');
    await user.click(screen.getByRole('button', { name: '探す' }));
    await user.click(await screen.findByRole('button', { name: '庄司 一郎さんを選ぶ' }));
    await user.click(screen.getByRole('button', { name: '庄司 一郎さんの登録内容を変更' }));
    const form = await screen.findByRole('form', { name: '要支援者の変更: 庄司 一郎さん' });
    await user.type(within(form).getByLabelText(/^連絡先/), '093-000-2222');
    await user.clear(within(form).getByLabelText(/^ふりがな/));
    await user.type(within(form).getByLabelText(/^ふりがな/), 'しょうじ いちろ');
    await user.click(within(form).getByRole('button', { name: '変更を保存' }));

    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('しょうじ いちろ）'));
    expect(screen.queryByRole('form', { name: /要支援者の変更/ })).toBeNull();
    const put = requests.find((r) => r.method === 'PUT')!;
    expect(await put.json()).toEqual({
      name: '庄司 一郎', kana: 'しょうじ いちろ', areaCode: '40101-shoji', contact: '093-000-2222', householdNotes: null,
      referredBy: 'SELF', consent: true, version: 3,
    });
  });

  it('resends a registration that got no answer with the same Idempotency-Key, and an edited one with a new key', async () => {
    const user = userEvent.setup();
    const failures = [
      () => { throw new TypeError('Failed to fetch'); },
      () => jsonResponse({ status: 503, title: 'Service Unavailable' }, 503),
    ];
    const { requests } = backend((request) =>
      request.method === 'POST' && new URL(request.url).pathname === '/api/v1/recipients' ? failures.shift()?.() : undefined,
    );
    renderPage();

    await user.click(await screen.findByRole('button', { name: '要支援者を新しく登録する' }));
    await user.type(screen.getByLabelText(/^氏名/), '庄司 花子');
    await user.type(screen.getByLabelText(/^ふりがな/), 'しょうじ はなこ');
    await user.selectOptions(screen.getByLabelText(/^地区/), '40101-shoji');
    await user.selectOptions(screen.getByLabelText(/^紹介者/), 'FAMILY');
    await user.click(screen.getByRole('button', { name: '登録して選ぶ' }));
    expect((await screen.findByRole('alert')).textContent).toContain(NETWORK_MESSAGE);
    await user.click(screen.getByRole('button', { name: '登録して選ぶ' }));
    expect((await screen.findByRole('alert')).textContent).toContain('サーバーでエラーが発生しました');
    await user.type(screen.getByLabelText(/^連絡先/), '0942-00-0000');
    await user.click(screen.getByRole('button', { name: '登録して選ぶ' }));

    expect((await screen.findByRole('status')).textContent).toContain('庄司 花子');
    const keys = requests
      .filter((r) => r.method === 'POST' && r.url.endsWith('/api/v1/recipients'))
      .map((r) => r.headers.get('Idempotency-Key'));
    expect(keys).toHaveLength(3);
    expect(keys[0]).toMatch(UUID);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).toMatch(UUID);
    expect(keys[2]).not.toBe(keys[0]);
  });
});
