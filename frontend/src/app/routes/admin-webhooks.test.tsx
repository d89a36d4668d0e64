import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { components } from '@/lib/api/schema';
import { jsonResponse, mockFetch } from '@/testing/mock-fetch';
import { renderWithProviders } from '@/testing/test-utils';
import { AdminWebhookEventsRoute } from './admin-webhook-events';
import { AdminWebhooksRoute } from './admin-webhooks';

type Webhook = components['schemas']['Webhook'];
type WebhookEvent = components['schemas']['WebhookEvent'];
type Role = components['schemas']['Role'];

const SECRET = 'whsec_Q2xk9PvJ0dZ7mN4rT1yW6uB5cA9eF2gH0iK3lMnOpRs';

function webhook(id: number, url: string, over: Partial<Webhook> = {}): Webhook {
  return {
    id,
    url,
    events: ['kpi.changed'],
    description: null,
    active: true,
    createdAt: '2026-04-01T09:00:00+09:00',
    createdBy: 'kanri',
    pending: 0,
    failed: 0,
    ...over,
  };
}

function event(id: number, type: WebhookEvent['type'], over: Partial<WebhookEvent> = {}): WebhookEvent {
  return {
    id,
    type,
    body: JSON.stringify({ id, type, occurredAt: '2026-11-22T00:58:00Z', planCode: 'chiiki-fukushi' }),
    createdAt: '2026-11-22T00:58:00Z',
    attempts: 0,
    deliveredAt: null,
    gaveUpAt: null,
    nextAttemptAt: '2026-11-22T00:58:00Z',
    deliveries: [],
    ...over,
  };
}

/** The delivery log of subscription 1, newest first; times in UTC, shown in Japan time (+9 h). */
function log(): WebhookEvent[] {
  return [
    event(8, 'kpi.changed', { createdAt: '2026-11-22T00:59:30Z', nextAttemptAt: '2026-11-22T00:59:30Z' }),
    event(7, 'kpi.changed', {
      attempts: 2,
      nextAttemptAt: '2026-11-22T01:05:00Z',
      deliveries: [
        { attempt: 1, statusCode: 500, error: 'HTTP 500', durationMs: 1234, attemptedAt: '2026-11-22T00:58:05Z' },
        { attempt: 2, statusCode: null, error: 'ConnectException: Connection refused', durationMs: 3, attemptedAt: '2026-11-22T00:58:25Z' },
      ],
    }),
    event(6, 'plan.changed', {
      createdAt: '2026-11-21T23:00:00Z',
      attempts: 1,
      deliveredAt: '2026-11-21T23:00:01Z',
      nextAttemptAt: null,
      deliveries: [{ attempt: 1, statusCode: 204, error: null, durationMs: 85, attemptedAt: '2026-11-21T23:00:01Z' }],
    }),
    event(5, 'evaluation.approved', {
      createdAt: '2026-11-20T00:00:00Z',
      attempts: 3,
      gaveUpAt: '2026-11-21T00:00:10Z',
      nextAttemptAt: null,
      deliveries: [
        { attempt: 1, statusCode: 503, error: 'HTTP 503', durationMs: 40, attemptedAt: '2026-11-20T00:00:01Z' },
        { attempt: 2, statusCode: 503, error: 'HTTP 503', durationMs: 38, attemptedAt: '2026-11-20T00:00:21Z' },
        { attempt: 3, statusCode: null, error: 'HttpTimeoutException: request timed out', durationMs: 10_000, attemptedAt: '2026-11-21T00:00:10Z' },
      ],
    }),
  ];
}

const problem = (status: number, type: string, detail: string, errors?: { field: string; message: string }[]) =>
  jsonResponse({ type: `/problems/${type}`, title: 'エラー', status, detail, ...(errors ? { errors } : {}) }, status);

/** The webhooks API as it behaves (the list never carries a secret); `refuse` answers a call in its place. */
function backend({ roles = ['ADMIN'] as Role[], refuse }: { roles?: Role[]; refuse?: (method: string, path: string) => Response | undefined } = {}) {
  let webhooks: Webhook[] = [
    webhook(1, 'https://kikan.city.example.lg.jp/hooks/tsunagu', {
      events: ['kpi.changed', 'plan.changed'],
      description: '基幹系の KPI 取り込み',
      pending: 2,
      failed: 1,
    }),
    webhook(2, 'https://opendata.example.jp/notify', { events: ['evaluation.approved'] }),
  ];
  let events = log();
  let nextEvent = 9;
  return mockFetch(async (request) => {
    const path = new URL(request.url).pathname;
    const refused = refuse?.(request.method, path);
    if (refused) return refused;
    if (path === '/api/v1/me') return jsonResponse({ subject: 'kanri', displayName: '管理者', kind: 'USER', roles, scopes: [], districts: [], mustChangePassword: false });
    if (path === '/api/v1/webhooks' && request.method === 'GET') return jsonResponse({ items: webhooks });
    if (path === '/api/v1/webhooks' && request.method === 'POST') {
      const body = await request.clone().json();
      const created = webhook(webhooks.length + 1, body.url, { events: body.events, description: body.description, createdAt: new Date().toISOString() });
      webhooks = [...webhooks, created];
      return jsonResponse({ webhook: created, secret: SECRET }, 201);
    }
    const one = path.match(/^\/api\/v1\/webhooks\/(\d+)$/);
    if (one && request.method === 'DELETE') {
      webhooks = webhooks.filter((w) => w.id !== Number(one[1]));
      return new Response(null, { status: 204 });
    }
    if (one && request.method === 'PATCH') {
      const { active } = await request.clone().json();
      webhooks = webhooks.map((w) => (w.id === Number(one[1]) ? { ...w, active } : w));
      const updated = webhooks.find((w) => w.id === Number(one[1]));
      return updated ? jsonResponse(updated) : problem(404, 'webhook-not-found', `Webhook の購読 ${one[1]} はありません。`);
    }
    const list = path.match(/^\/api\/v1\/webhooks\/(\d+)\/events$/);
    if (list) return jsonResponse({ items: list[1] === '1' ? events : [] });
    const again = path.match(/^\/api\/v1\/webhooks\/1\/events\/(\d+)\/redeliveries$/);
    if (again && request.method === 'POST') {
      const original = events.find((e) => e.id === Number(again[1]))!;
      const copy = event(nextEvent++, original.type, {
        body: JSON.stringify({ ...JSON.parse(original.body), id: nextEvent - 1, redeliveryOf: original.id }),
        createdAt: new Date().toISOString(),
        nextAttemptAt: new Date().toISOString(),
      });
      events = [copy, ...events];
      webhooks = webhooks.map((w) => (w.id === 1 ? { ...w, pending: w.pending + 1 } : w));
      return jsonResponse(copy, 201);
    }
    return jsonResponse({ status: 404 }, 404);
  });
}

/** Both pages, as the router has them: the list and each subscription's 配信の記録. */
function renderPages(route = '/admin/webhooks') {
  return renderWithProviders(
    <Routes>
      <Route path="/admin/webhooks" element={<AdminWebhooksRoute />} />
      <Route path="/admin/webhooks/:id/events" element={<AdminWebhookEventsRoute />} />
    </Routes>,
    { route },
  );
}

const table = () => screen.getByRole('table', { name: 'Webhook' });
const rowOf = (url: string) => within(table()).getByRole('rowheader', { name: new RegExp(`^${url.replace(/[.]/g, '\\.')}`) }).closest('tr')!;
const cells = (row: HTMLElement) => [...row.querySelectorAll(':scope > th, :scope > td')].map((c) => c.textContent);

const logTable = () => screen.getByRole('table', { name: '配信の記録' });
const eventRow = (id: number) => within(logTable()).getByRole('rowheader', { name: String(id) }).closest('tr')!;

const KIKAN = 'https://kikan.city.example.lg.jp/hooks/tsunagu';
const HOOK = 'https://example.invalid/hook';

describe('Webhook（変更の通知）', () => {
  beforeEach(() => {
    // Only the clock: timers stay real for the user events and the requests.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-22T10:00:00+09:00'));
  });
  afterEach(() => vi.useRealTimers());

  it('lists the subscriptions: where to, which events in Japanese, what is still to be delivered and what was given up', async () => {
    backend();
    renderPages();
    expect(await screen.findByRole('heading', { level: 1, name: 'Webhook（変更の通知）' })).toBeTruthy();
    await screen.findByRole('table', { name: 'Webhook' });
    expect(cells(rowOf(KIKAN)).slice(0, 5)).toEqual([
      `${KIKAN}基幹系の KPI 取り込み`,
      '成果指標の値が変わった kpi.changed計画・体系が変わった plan.changed',
      '配信中',
      '未配信 2 件配信をあきらめた 1 件',
      '2026年4月1日kanri',
    ]);
    // The given-up count is flagged in words and in colour.
    expect(within(rowOf(KIKAN)).getByText('配信をあきらめた 1 件').className).toContain('webhook-failed');
    expect(cells(rowOf('https://opendata.example.jp/notify')).slice(1, 4)).toEqual(['事業調書が承認された evaluation.approved', '配信中', '未配信なし']);
    expect(within(rowOf(KIKAN)).getByRole('link', { name: `配信の記録（${KIKAN}）` }).getAttribute('href')).toBe('/admin/webhooks/1/events');
  });

  it('registers a URL and shows its signing secret once, with a copy button and how to check the signature', async () => {
    const { requests } = backend();
    const user = userEvent.setup();
    renderPages();
    await user.click(await screen.findByRole('button', { name: 'Webhook を登録' }));
    const form = screen.getByRole('form', { name: 'Webhook を登録' });
    await user.type(within(form).getByLabelText(/^通知を受け取る URL/), HOOK);
    await user.click(within(form).getByRole('checkbox', { name: /^計画・体系が変わった/ }));
    await user.click(within(form).getByRole('checkbox', { name: /^成果指標の値が変わった/ }));
    await user.type(within(form).getByLabelText(/^説明/), '試験用の受け口');
    await user.click(within(form).getByRole('button', { name: '登録する' }));

    const shown = await screen.findByRole('region', { name: 'Webhook を登録しました' });
    expect(within(shown).getByText('署名の秘密はいまだけ表示します。')).toBeTruthy();
    const secret = within(shown).getByLabelText('署名の秘密') as HTMLInputElement;
    expect(secret.value).toBe(SECRET);
    expect(secret.readOnly).toBe(true);
    await user.click(within(shown).getByRole('button', { name: 'コピー' }));
    expect(await within(shown).findByText('コピーしました。')).toBeTruthy();
    expect(await navigator.clipboard.readText()).toBe(SECRET);
    // How the receiving system checks a delivery with it.
    expect(within(shown).getByRole('heading', { name: '受け取る側での署名の確かめ方' })).toBeTruthy();
    expect(shown.textContent).toContain('Tsunagu-Signature: t=<UNIX 時刻（秒）>,v1=<署名>');
    expect(shown.textContent).toContain('v1 = HMAC-SHA256(秘密, t + "." + 本文)');

    // Sent in the API's order of events, whatever the order they were ticked in.
    const post = requests.find((r) => r.method === 'POST')!;
    expect(await post.json()).toEqual({ url: HOOK, events: ['kpi.changed', 'plan.changed'], description: '試験用の受け口' });
    await waitFor(() => expect(cells(rowOf(HOOK))[1]).toBe('成果指標の値が変わった kpi.changed計画・体系が変わった plan.changed'));

    // Once closed, the secret is nowhere on the page.
    await user.click(within(shown).getByRole('button', { name: '控えたので閉じる' }));
    expect(screen.queryByRole('region', { name: 'Webhook を登録しました' })).toBeNull();
    expect(document.body.innerHTML).not.toContain(SECRET);
    expect(screen.getByRole('button', { name: 'Webhook を登録' })).toBeTruthy();
  });

  it('forgets the secret when the page is left while it shows, and a reload never brings it back', async () => {
    backend();
    const user = userEvent.setup();
    const first = renderPages();
    await user.click(await screen.findByRole('button', { name: 'Webhook を登録' }));
    const form = screen.getByRole('form', { name: 'Webhook を登録' });
    await user.type(within(form).getByLabelText(/^通知を受け取る URL/), HOOK);
    await user.click(within(form).getByRole('checkbox', { name: /^成果指標の値が変わった/ }));
    await user.click(within(form).getByRole('button', { name: '登録する' }));
    await screen.findByRole('region', { name: 'Webhook を登録しました' });
    expect(document.body.innerHTML).toContain(SECRET);

    // To its 配信の記録 and back, without closing the panel.
    await waitFor(() => expect(rowOf(HOOK)).toBeTruthy());
    await user.click(within(rowOf(HOOK)).getByRole('link', { name: `配信の記録（${HOOK}）` }));
    await screen.findByRole('heading', { level: 1, name: '配信の記録' });
    await user.click(screen.getByRole('link', { name: '← Webhook（変更の通知）' }));
    await screen.findByRole('heading', { level: 1, name: 'Webhook（変更の通知）' });
    await waitFor(() => expect(rowOf(HOOK)).toBeTruthy());
    expect(screen.queryByRole('region', { name: 'Webhook を登録しました' })).toBeNull();
    expect(document.body.innerHTML).not.toContain(SECRET);

    // A reload (a new app on the same API) lists the subscription without it either.
    first.unmount();
    renderPages();
    await screen.findByRole('table', { name: 'Webhook' });
    expect(rowOf(HOOK)).toBeTruthy();
    expect(document.body.innerHTML).not.toContain(SECRET);
  });

  it('says what is missing before asking, and shows what the API refused at its field', async () => {
    const { requests } = backend({
      refuse: (method, path) =>
        method === 'POST' && path === '/api/v1/webhooks'
          ? problem(400, 'validation', '入力内容を確認してください。', [
              { field: 'url', message: 'http:// または https:// で始まる URL を指定してください' },
              { field: 'createWebhook.request.events', message: 'できごとは 1〜3 個選んでください' },
            ])
          : undefined,
    });
    const user = userEvent.setup();
    renderPages();
    await user.click(await screen.findByRole('button', { name: 'Webhook を登録' }));
    const form = screen.getByRole('form', { name: 'Webhook を登録' });
    await user.click(within(form).getByRole('button', { name: '登録する' }));
    expect(within(form).getByText('通知を受け取る URL を入力してください')).toBeTruthy();
    expect(within(form).getByText('通知するできごとを 1 つ以上選んでください')).toBeTruthy();
    expect(requests.some((r) => r.method === 'POST')).toBe(false);

    const url = within(form).getByLabelText(/^通知を受け取る URL/);
    await user.type(url, 'ftp://kikan.example/hook');
    await user.click(within(form).getByRole('checkbox', { name: /^事業調書が承認された/ }));
    await user.click(within(form).getByRole('button', { name: '登録する' }));
    await waitFor(() => expect(url.getAttribute('aria-invalid')).toBe('true'));
    expect(within(form).getByText('http:// または https:// で始まる URL を指定してください')).toBeTruthy();
    const group = within(form).getByRole('group', { name: /^通知するできごと/ });
    expect(within(group).getByText('できごとは 1〜3 個選んでください')).toBeTruthy();
    expect(document.getElementById(group.getAttribute('aria-describedby')!)?.textContent).toBe('できごとは 1〜3 個選んでください');
    // The alert says the problem once, without repeating what stands at the fields.
    const alert = within(form).getByRole('alert');
    expect(alert.textContent).toBe('入力内容を確認してください。');
    expect(screen.queryByRole('region', { name: 'Webhook を登録しました' })).toBeNull();
  });

  it('deletes a subscription after asking, and not before', async () => {
    const { requests } = backend();
    const user = userEvent.setup();
    renderPages();
    await user.click(await screen.findByRole('button', { name: `削除（${KIKAN}）` }));
    let confirm = screen.getByRole('region', { name: `${KIKAN} への Webhook を削除しますか？` });
    expect(confirm.textContent).toContain('まだ届けていない通知（2 件）と配信の記録も消え');
    await user.click(within(confirm).getByRole('button', { name: 'やめる' }));
    expect(screen.queryByRole('region', { name: /を削除しますか/ })).toBeNull();
    expect(requests.some((r) => r.method === 'DELETE')).toBe(false);

    await user.click(screen.getByRole('button', { name: `削除（${KIKAN}）` }));
    confirm = screen.getByRole('region', { name: `${KIKAN} への Webhook を削除しますか？` });
    await user.click(within(confirm).getByRole('button', { name: '削除する' }));
    expect(await screen.findByText(`${KIKAN} への Webhook を削除しました。これからは通知しません。`)).toBeTruthy();
    await waitFor(() => expect(within(table()).queryByRole('rowheader', { name: new RegExp(`^${KIKAN}`) })).toBeNull());
    expect(requests.filter((r) => r.method === 'DELETE').map((r) => new URL(r.url).pathname)).toEqual(['/api/v1/webhooks/1']);
  });

  it('shows why the API refused to delete', async () => {
    backend({ refuse: (method) => (method === 'DELETE' ? problem(404, 'webhook-not-found', 'Webhook の購読 2 はありません。') : undefined) });
    const user = userEvent.setup();
    renderPages();
    await user.click(await screen.findByRole('button', { name: '削除（https://opendata.example.jp/notify）' }));
    const confirm = screen.getByRole('region', { name: /への Webhook を削除しますか/ });
    await user.click(within(confirm).getByRole('button', { name: '削除する' }));
    expect((await within(confirm).findByRole('alert')).textContent).toContain('Webhook の購読 2 はありません。');
  });

  it('pauses a subscription and resumes it: PATCH with active, the list read again, the state in words and what becomes of the events', async () => {
    const { requests } = backend();
    const user = userEvent.setup();
    renderPages();
    const pause = await screen.findByRole('button', { name: `一時停止（${KIKAN}）` });
    const patches = () => requests.filter((r) => r.method === 'PATCH');
    const listReads = () => requests.filter((r) => r.method === 'GET' && new URL(r.url).pathname === '/api/v1/webhooks').length;
    expect(listReads()).toBe(1);

    await user.click(pause);
    expect(
      await screen.findByText(`${KIKAN} への通知を一時停止しました。そのあいだのできごとは貯めておき、再開すると起きた順に送ります。`),
    ).toBeTruthy();
    expect(patches().map((r) => new URL(r.url).pathname)).toEqual(['/api/v1/webhooks/1']);
    expect(await patches()[0].json()).toEqual({ active: false });
    expect(listReads()).toBe(2);
    expect(cells(rowOf(KIKAN))[2]).toBe('一時停止中通知は送らずに貯めておき、再開すると起きた順に送ります。');
    expect(within(rowOf(KIKAN)).getByText('一時停止中').tagName).toBe('STRONG');
    // The events still count as waiting; the other subscription goes on.
    expect(cells(rowOf(KIKAN))[3]).toBe('未配信 2 件配信をあきらめた 1 件');
    expect(cells(rowOf('https://opendata.example.jp/notify'))[2]).toBe('配信中');
    // The same button, still focused, now resumes it.
    const resume = within(rowOf(KIKAN)).getByRole('button', { name: `再開（${KIKAN}）` });
    expect(resume).toBe(pause);
    expect(document.activeElement).toBe(resume);
    expect(within(rowOf(KIKAN)).queryByRole('button', { name: `一時停止（${KIKAN}）` })).toBeNull();

    // Its 配信の記録 says so too.
    await user.click(within(rowOf(KIKAN)).getByRole('link', { name: `配信の記録（${KIKAN}）` }));
    await screen.findByRole('heading', { level: 1, name: '配信の記録' });
    expect(screen.getByText('一時停止中')).toBeTruthy();
    await user.click(screen.getByRole('link', { name: '← Webhook（変更の通知）' }));

    await user.click(await screen.findByRole('button', { name: `再開（${KIKAN}）` }));
    expect(await screen.findByText(`${KIKAN} への通知を再開しました。貯まっていた 2 件を起きた順に送ります。`)).toBeTruthy();
    expect(await patches()[1].json()).toEqual({ active: true });
    expect(cells(rowOf(KIKAN))[2]).toBe('配信中');
    expect(within(rowOf(KIKAN)).getByRole('button', { name: `一時停止（${KIKAN}）` })).toBeTruthy();
  });

  it('shows why a pause was refused, and reads the list again', async () => {
    const { requests } = backend({
      refuse: (method) => (method === 'PATCH' ? problem(404, 'webhook-not-found', 'Webhook の購読 2 はありません。') : undefined),
    });
    const user = userEvent.setup();
    renderPages();
    await user.click(await screen.findByRole('button', { name: '一時停止（https://opendata.example.jp/notify）' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Webhook の購読 2 はありません。');
    await waitFor(() => expect(requests.filter((r) => r.method === 'GET' && new URL(r.url).pathname === '/api/v1/webhooks').length).toBe(2));
    expect(cells(rowOf('https://opendata.example.jp/notify'))[2]).toBe('配信中');
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('shows the delivery log: each event, when it happened and how it stands, in Japan time', async () => {
    backend();
    renderPages('/admin/webhooks/1/events');
    expect(await screen.findByRole('heading', { level: 1, name: '配信の記録' })).toBeTruthy();
    await screen.findByRole('table', { name: '配信の記録' });
    expect(await screen.findByText(KIKAN)).toBeTruthy();
    expect(screen.getByText('成果指標の値が変わった、計画・体系が変わった')).toBeTruthy();
    const ids = within(logTable()).getAllByRole('rowheader').map((h) => h.textContent);
    expect(ids).toEqual(['8', '7', '6', '5']);
    const row = (id: number) => [...cells(eventRow(id)).slice(1, 4), eventRow(id).querySelector('summary')!.textContent];
    expect(row(8)).toEqual(['成果指標の値が変わった kpi.changed', '2026年11月22日 09:59', '配信待ち', 'まだ送っていません（イベント 8）']);
    expect(row(7)).toEqual(['成果指標の値が変わった kpi.changed', '2026年11月22日 09:58', '再試行待ち（次回 10:05）', '試み 2 回（イベント 7）']);
    expect(row(6)).toEqual(['計画・体系が変わった plan.changed', '2026年11月22日 08:00', '配信済み2026年11月22日 08:00', '試み 1 回（イベント 6）']);
    expect(row(5)).toEqual(['事業調書が承認された evaluation.approved', '2026年11月20日 09:00', 'あきらめた2026年11月21日 09:00', '試み 3 回（イベント 5）']);
    expect(eventRow(5).querySelector('.delivery-state--gave-up')).not.toBeNull();
  });

  it('unfolds an event\'s tries: the HTTP status or the error, how long each took, and when', async () => {
    backend();
    const user = userEvent.setup();
    renderPages('/admin/webhooks/1/events');
    await screen.findByRole('table', { name: '配信の記録' });
    const details = eventRow(7).querySelector('details')!;
    expect(details.open).toBe(false);
    await user.click(within(eventRow(7)).getByText('試み 2 回'));
    expect(details.open).toBe(true);
    const tries = within(details).getByRole('table', { name: 'イベント 7 の送信の試み' });
    const rows = within(tries)
      .getAllByRole('row')
      .map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent));
    expect(rows).toEqual([
      ['回', '結果', '所要', '日時'],
      ['1', 'HTTP 500', '1,234 ms', '2026年11月22日 09:58'],
      ['2', 'エラー: ConnectException: Connection refused', '3 ms', '2026年11月22日 09:58'],
    ]);
    // What was sent, readable.
    expect(within(details).getByText(/"planCode": "chiiki-fukushi"/)).toBeTruthy();

    await user.click(within(eventRow(5)).getByText('試み 3 回'));
    const given = within(eventRow(5)).getByRole('table', { name: 'イベント 5 の送信の試み' });
    expect(within(given).getByText('エラー: HttpTimeoutException: request timed out')).toBeTruthy();
    expect(within(given).getByText('10,000 ms')).toBeTruthy();
  });

  it('sends an event again: the log is read again and shows the new event first, and the list counts it', async () => {
    const { requests } = backend();
    const user = userEvent.setup();
    renderPages('/admin/webhooks/1/events');
    await screen.findByRole('table', { name: '配信の記録' });
    const reads = () => requests.filter((r) => r.method === 'GET' && new URL(r.url).pathname === '/api/v1/webhooks/1/events').length;
    expect(reads()).toBe(1);
    await user.click(within(eventRow(5)).getByRole('button', { name: '送り直す（イベント 5）' }));

    expect(await screen.findByText('イベント 5 を送り直します。新しいイベント 9 として、未配信の通知の最後に加えました。')).toBeTruthy();
    await waitFor(() => expect(within(logTable()).getAllByRole('rowheader').map((h) => h.textContent)).toEqual(['9', '8', '7', '6', '5']));
    expect(reads()).toBe(2);
    expect(cells(eventRow(9)).slice(1, 4)).toEqual(['事業調書が承認された evaluation.approvedイベント 5 の送り直し', '2026年11月22日 10:00', '配信待ち']);
    // The one sent again stays as it was.
    expect(cells(eventRow(5))[3]).toBe('あきらめた2026年11月21日 09:00');
    const post = requests.find((r) => r.method === 'POST')!;
    expect(new URL(post.url).pathname).toBe('/api/v1/webhooks/1/events/5/redeliveries');

    await user.click(screen.getByRole('link', { name: '← Webhook（変更の通知）' }));
    await screen.findByRole('table', { name: 'Webhook' });
    await waitFor(() => expect(cells(rowOf(KIKAN))[3]).toBe('未配信 3 件配信をあきらめた 1 件'));
  });

  it('says why a redelivery was refused', async () => {
    backend({ refuse: (method) => (method === 'POST' ? problem(404, 'webhook-event-not-found', '購読 1 にイベント 7 はありません。') : undefined) });
    const user = userEvent.setup();
    renderPages('/admin/webhooks/1/events');
    await screen.findByRole('table', { name: '配信の記録' });
    await user.click(within(eventRow(7)).getByRole('button', { name: '送り直す（イベント 7）' }));
    expect((await screen.findByRole('alert')).textContent).toContain('購読 1 にイベント 7 はありません。');
  });

  it('reads the log again every half minute while an event waits, and stops once all are settled', async () => {
    const settled = log().filter((e) => e.deliveredAt || e.gaveUpAt);
    let items = log();
    const { requests } = backend({ refuse: (_method, path) => (path === '/api/v1/webhooks/1/events' ? jsonResponse({ items }) : undefined) });
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    vi.setSystemTime(new Date('2026-11-22T10:00:00+09:00'));
    const reads = () => requests.filter((r) => new URL(r.url).pathname === '/api/v1/webhooks/1/events').length;
    renderPages('/admin/webhooks/1/events');
    await screen.findByRole('table', { name: '配信の記録' });
    expect(reads()).toBe(1);
    items = settled;
    await vi.advanceTimersByTimeAsync(30_000);
    await waitFor(() => expect(reads()).toBe(2));
    await waitFor(() => expect(within(logTable()).getAllByRole('rowheader').map((h) => h.textContent)).toEqual(['6', '5']));
    await vi.advanceTimersByTimeAsync(120_000);
    expect(reads()).toBe(2);
  });

  it('says so when nothing has been sent yet', async () => {
    backend();
    renderPages('/admin/webhooks/2/events');
    expect(await screen.findByText(/まだ通知するできごとは起きていません。/)).toBeTruthy();
    expect(screen.queryByRole('table', { name: '配信の記録' })).toBeNull();
  });

  it('keeps other roles out of both pages', async () => {
    for (const route of ['/admin/webhooks', '/admin/webhooks/1/events']) {
      const { requests } = backend({ roles: ['PLANNER'] });
      const { unmount } = renderPages(route);
      expect(await screen.findByRole('heading', { name: 'このページを表示する権限がありません' })).toBeTruthy();
      expect(requests.some((r) => new URL(r.url).pathname.startsWith('/api/v1/webhooks'))).toBe(false);
      unmount();
    }
  });
});
