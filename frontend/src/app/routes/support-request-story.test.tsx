import { screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { SupportRequest, SupportRequestUpdate } from '@/features/requests/api/support-requests';
import { REQUEST_CONFLICT_MESSAGE } from '@/features/requests/components/request-edit-form';
import { dayOf } from '@/lib/day';
import type { components } from '@/lib/api/schema';
import { jsonResponse, mockFetch } from '@/testing/mock-fetch';
import {
  activityList, areasApi, candidates, categories, coordinator, requestEvent, requestTimeline, supportRequest,
} from '@/testing/support-fixtures';
import { renderWithProviders } from '@/testing/test-utils';
import { SupportRequestRoute } from './support-request';

type S = components['schemas'];

function renderAt(route = '/support/requests/42') {
  return renderWithProviders(
    <Routes>
      <Route path="/support/requests/:id" element={<SupportRequestRoute />} />
    </Routes>,
    { route },
  );
}

const problem = (status: number, type: string, detail: string, errors?: { field: string; message: string }[]) =>
  jsonResponse({ type: `/problems/${type}`, title: status === 409 ? '競合しています' : '処理できない内容です', status, detail, ...(errors ? { errors } : {}) }, status);

/**
 * Request 42 as the server keeps it, with its 経過: a change needs the stored version (409 stale-version) and an
 * open request (409 invalid-transition), a reopen a reason (422) and a finished request (409); each step that
 * changes something is added to the 経過, as the server writes it. `answer` may answer a request first.
 */
function storyBackend(start: SupportRequest, { answer }: { answer?: (request: Request, url: URL) => Response | undefined } = {}) {
  let current = start;
  const events = [...requestTimeline().events];
  let nextId = 100;
  const tell = (kind: S['RequestEventKind'], label: string, extra: Partial<S['RequestEvent']> = {}) =>
    events.push(requestEvent({ id: nextId++, at: '2026-12-02T07:00:00Z', kind, label, ...extra }));
  const closed = () => ['COMPLETED', 'CANCELLED', 'REFERRED'].includes(current.status);
  const fetched = mockFetch(async (request) => {
    const url = new URL(request.url);
    const answered = answer?.(request.clone(), url);
    if (answered) return answered;
    if (url.pathname === '/api/v1/me') return jsonResponse(coordinator);
    if (url.pathname.startsWith('/api/v1/areas')) return areasApi(url)!;
    if (url.pathname === '/api/v1/support-categories') return jsonResponse(categories);
    if (url.pathname === '/api/v1/support-requests/42/candidates') return jsonResponse(candidates);
    if (url.pathname === '/api/v1/support-requests/42/timeline') {
      return jsonResponse(requestTimeline({ events, totalMinutes: events.reduce((sum, e) => sum + (e.minutes ?? 0), 0) }));
    }
    if (url.pathname === '/api/v1/support-requests/42' && request.method === 'GET') return jsonResponse(current);
    if (url.pathname === '/api/v1/support-requests/42' && request.method === 'PUT') {
      const body: SupportRequestUpdate = await request.json();
      if (closed()) return problem(409, 'invalid-transition', `この相談はすでに終わっています（完了）。`);
      if (body.version !== current.version) return problem(409, 'stale-version', '相談 42 は他の人が先に更新しました。最新の内容を読み込んでからやり直してください。');
      if (body.end <= body.start) {
        return jsonResponse({ type: '/problems/validation-failed', title: '入力内容に誤りがあります', status: 400, detail: 'end: 終わりの時刻は始まりより後にしてください',
          errors: [{ field: 'end', message: '終わりの時刻は始まりより後にしてください' }] }, 400);
      }
      const category = categories.find((c) => c.code === body.categoryCode)!;
      current = { ...current, category: category.name, description: body.description, date: body.date, weeklyDay: body.weeklyDay,
        start: body.start, end: body.end, payment: body.payment, urgency: body.urgency, version: current.version + 1 };
      tell('EDITED', '内容の変更', { detail: '日時、緊急度' });
      return jsonResponse(current);
    }
    if (url.pathname === '/api/v1/support-requests/42/reopen' && request.method === 'POST') {
      const { reason } = (await request.json()) as { reason: string | null };
      if (!reason?.trim()) return problem(422, 'reason-required', 'reason: 再開する理由を書いてください', [{ field: 'reason', message: '再開する理由を書いてください' }]);
      if (current.status !== 'COMPLETED' && current.status !== 'CANCELLED') return problem(409, 'invalid-transition', '再開できるのは完了・取消の相談です。');
      current = { ...current, status: 'MATCHING', version: current.version + 1 };
      tell('REOPENED', '再開', { detail: reason.trim() });
      return jsonResponse(current);
    }
    const move = /^\/api\/v1\/assignments\/(\d+)\/(accept|decline|complete)$/.exec(url.pathname);
    if (move && request.method === 'POST') {
      const id = Number(move[1]);
      const text = await request.text();
      const reason = text ? ((JSON.parse(text) as { reason?: string | null }).reason ?? null) : null;
      const to = ({ accept: 'ACCEPTED', decline: 'DECLINED', complete: 'COMPLETED' } as const)[move[2] as 'accept' | 'decline' | 'complete'];
      const assignments = current.assignments.map((a) => (a.id === id ? { ...a, status: to, version: a.version + 1 } : a));
      current = { ...current, assignments, status: to === 'DECLINED' ? 'MATCHING' : current.status, version: current.version + 1 };
      const a = assignments.find((x) => x.id === id)!;
      tell(to, to === 'DECLINED' ? '担い手が辞退' : to, { assignmentId: id, supporterId: a.supporterId, supporterName: a.supporterName, detail: reason });
      return jsonResponse(a);
    }
    if (url.pathname === '/api/v1/activities') return jsonResponse(activityList());
    const activity = /^\/api\/v1\/assignments\/(\d+)\/activities$/.exec(url.pathname);
    if (activity && request.method === 'POST') {
      const body = (await request.json()) as S['ActivityRequest'];
      if (body.date > dayOf(new Date())) {
        return problem(422, 'invalid-activity', 'date: まだ来ていない日の活動は記録できません', [{ field: 'date', message: 'まだ来ていない日の活動は記録できません' }]);
      }
      return jsonResponse({ id: 40, assignmentId: Number(activity[1]), ...body, notes: body.notes ?? null }, 201);
    }
    return jsonResponse({ status: 404 }, 404);
  });
  return { ...fetched, setCurrent: (r: SupportRequest) => (current = r), events };
}

const timelineGets = (requests: Request[]) => requests.filter((r) => new URL(r.url).pathname === '/api/v1/support-requests/42/timeline').length;

/** The lines of the 経過, each as its text. */
async function timelineItems() {
  const list = await screen.findByRole('list', { name: '相談の経過（古い順）' });
  return within(list).getAllByRole('listitem');
}

describe('経過', () => {
  it('lists what happened oldest first, with when in Japan time, who, what, the supporter, the minutes and the reason, and the total', async () => {
    storyBackend(supportRequest({ version: 3 }));
    renderAt();

    const section = await screen.findByRole('region', { name: '経過' });
    const items = await timelineItems();
    expect(items).toHaveLength(8);
    expect(section.querySelector('ol')).toBe(items[0].parentElement);
    const text = items.map((li) => li.textContent);
    expect(text[0]).toBe('2026年11月22日 09:30記録した人 （記録から）受付燃えるごみを集積所まで出してほしい');
    expect(text[1]).toBe('2026年12月1日 14:00記録した人 coordinator担い手に依頼（担い手 佐藤 和子さん）');
    // 23:30 UTC is the next morning in Japan.
    expect(text[2]).toBe('2026年12月2日 08:30記録した人 coordinator担い手が辞退（担い手 佐藤 和子さん）その日は通院のため');
    expect(text[5]).toBe('2026年12月2日 14:05記録した人 coordinator活動記録（担い手 鈴木 洋子さん）1時間ごみ袋 2 つ');
    expect(text[6]).toContain('15分');
    expect(text[7]).toBe('2026年12月2日 15:00記録した人 coordinator内容の変更日時、緊急度');
    // The moments are machine-readable too, as the API sent them.
    expect(within(items[2]).getByText('2026年12月2日 08:30').getAttribute('dateTime')).toBe('2026-12-01T23:30:00Z');
    expect(within(section).getByTestId('timeline-total').textContent).toBe('活動時間の合計 1時間15分');
  });

  it('says so when nothing has been recorded yet', async () => {
    storyBackend(supportRequest(), {
      answer: (_, url) => (url.pathname.endsWith('/timeline') ? jsonResponse({ requestId: 42, events: [], totalMinutes: 0 }) : undefined),
    });
    renderAt();
    const section = await screen.findByRole('region', { name: '経過' });
    expect(await within(section).findByText('まだ記録がありません。')).toBeTruthy();
  });
});

async function openEdit(user: UserEvent) {
  await user.click(await screen.findByRole('button', { name: '内容を直す' }));
  const form = await screen.findByRole('form', { name: '相談の内容を直す' });
  await waitFor(() => expect(within(form).getByLabelText<HTMLSelectElement>(/^困りごと/).value).toBe('GARBAGE'));
  return form;
}

describe('内容を直す', () => {
  it('fills the form from the request, sends the changes with the version, and the page and the 経過 show them', async () => {
    const user = userEvent.setup();
    const { requests } = storyBackend(supportRequest({ version: 3 }));
    renderAt();
    await timelineItems();
    const readsBefore = timelineGets(requests);

    const form = await openEdit(user);
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: '相談の内容を直す' }));
    expect(within(form).getByRole<HTMLInputElement>('radio', { name: '毎週' }).checked).toBe(true);
    expect(within(form).getByLabelText<HTMLSelectElement>(/^曜日/).value).toBe('2');
    expect(within(form).getByLabelText<HTMLInputElement>(/^開始時刻/).value).toBe('09:00');
    expect(within(form).getByRole<HTMLInputElement>('radio', { name: 'どちらでも' }).checked).toBe(true);
    expect(within(form).getByLabelText<HTMLTextAreaElement>(/^相談の内容/).value).toBe('燃えるごみを集積所まで出してほしい');

    await user.click(within(form).getByRole('radio', { name: '1 回' }));
    await user.type(within(form).getByLabelText(/^日付/), '2026-12-10');
    await user.clear(within(form).getByLabelText(/^開始時刻/));
    await user.type(within(form).getByLabelText(/^開始時刻/), '09:30');
    await user.selectOptions(within(form).getByLabelText(/^緊急度/), 'HIGH');
    await user.click(within(form).getByRole('button', { name: '内容を保存' }));

    expect(await screen.findByText('相談の内容を保存しました。変えたところは経過に残りました。')).toBeTruthy();
    const put = requests.find((r) => r.method === 'PUT')!;
    expect(new URL(put.url).pathname).toBe('/api/v1/support-requests/42');
    expect(await put.json()).toEqual({
      categoryCode: 'GARBAGE', description: '燃えるごみを集積所まで出してほしい', date: '2026-12-10', weeklyDay: null,
      start: '09:30', end: '10:00', payment: 'EITHER', urgency: 'HIGH', version: 3,
    });
    expect(screen.queryByRole('form', { name: '相談の内容を直す' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: '内容を直す' }));
    const facts = screen.getByRole('region', { name: '相談の内容' });
    expect(within(facts).getByText('2026年12月10日 09:30〜10:00')).toBeTruthy();
    expect(within(facts).getByText('高い（急ぎ）')).toBeTruthy();
    // The 経過 is read again and ends with the change.
    await waitFor(() => expect(timelineGets(requests)).toBeGreaterThan(readsBefore));
    await waitFor(async () => expect((await timelineItems())).toHaveLength(9));
    expect((await timelineItems()).at(-1)!.textContent).toContain('内容の変更');
  });

  it('says someone else changed it first on a 409, and saves over the newer copy after 再読み込み', async () => {
    const user = userEvent.setup();
    const { requests, setCurrent } = storyBackend(supportRequest({ version: 3 }));
    renderAt();
    const form = await openEdit(user);
    setCurrent(supportRequest({ version: 4, urgency: 'LOW' }));
    await user.click(within(form).getByRole('button', { name: '内容を保存' }));

    const alert = await within(form).findByRole('alert');
    expect(alert.textContent).toContain(REQUEST_CONFLICT_MESSAGE);
    expect(alert.textContent).toContain('他の人が先に変更しました。読み込み直してください。');
    await user.click(within(alert).getByRole('button', { name: '再読み込み' }));
    await waitFor(() =>
      expect(within(screen.getByRole('form', { name: '相談の内容を直す' })).getByLabelText<HTMLSelectElement>(/^緊急度/).value).toBe('LOW'),
    );
    await user.click(within(screen.getByRole('form', { name: '相談の内容を直す' })).getByRole('button', { name: '内容を保存' }));
    expect(await screen.findByText(/相談の内容を保存しました/)).toBeTruthy();
    const versions = await Promise.all(requests.filter((r) => r.method === 'PUT').map(async (r) => (await r.json()).version));
    expect(versions).toEqual([3, 4]);
  });

  it('says what the form finds wrong at the field, focused, and sends nothing', async () => {
    const user = userEvent.setup();
    const { requests } = storyBackend(supportRequest({ version: 3 }));
    renderAt();
    const form = await openEdit(user);

    // 1 回 without a day: said at 日付, which takes the focus, and nothing is sent.
    await user.click(within(form).getByRole('radio', { name: '1 回' }));
    await user.click(within(form).getByRole('button', { name: '内容を保存' }));
    const date = within(form).getByLabelText(/^日付/);
    expect(date.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(date.getAttribute('aria-describedby')!)?.textContent).toBe('1 回の場合は日付を入力してください');
    expect(document.activeElement).toBe(date);
    expect(requests.some((r) => r.method === 'PUT')).toBe(false);
  });

  it('shows the 400 of the server at the field it names', async () => {
    const user = userEvent.setup();
    storyBackend(supportRequest({ version: 3 }), {
      answer: (request) =>
        request.method === 'PUT'
          ? jsonResponse({ type: '/problems/validation-failed', title: '入力内容に誤りがあります', status: 400, detail: 'end: 終わりの時刻は始まりより後にしてください',
            errors: [{ field: 'end', message: '終わりの時刻は始まりより後にしてください' }] }, 400)
          : undefined,
    });
    renderAt();
    const form = await openEdit(user);
    await user.click(within(form).getByRole('button', { name: '内容を保存' }));

    const end = within(form).getByLabelText(/^終了時刻/);
    await waitFor(() => expect(end.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(end.getAttribute('aria-describedby')!)?.textContent).toBe('終わりの時刻は始まりより後にしてください');
    expect(within(form).getByLabelText(/^開始時刻/).getAttribute('aria-invalid')).toBeNull();
  });

  it('says why when the request was finished meanwhile (409 invalid-transition), without offering to reload', async () => {
    const user = userEvent.setup();
    const { setCurrent } = storyBackend(supportRequest({ version: 3 }));
    renderAt();
    const form = await openEdit(user);
    setCurrent(supportRequest({ version: 4, status: 'COMPLETED' }));
    await user.click(within(form).getByRole('button', { name: '内容を保存' }));

    const alert = await within(form).findByRole('alert');
    expect(alert.textContent).toContain('直せませんでした');
    expect(alert.textContent).toContain('この相談はすでに終わっています（完了）。');
    expect(within(alert).queryByRole('button', { name: '再読み込み' })).toBeNull();
    await user.click(within(form).getByRole('button', { name: 'キャンセル' }));
    expect(screen.queryByRole('form', { name: '相談の内容を直す' })).toBeNull();
  });

  it('is not offered for a finished request', async () => {
    for (const status of ['COMPLETED', 'CANCELLED', 'REFERRED'] as const) {
      storyBackend(supportRequest({ status }));
      const { unmount } = renderAt();
      await screen.findByRole('region', { name: '経過' });
      expect(screen.queryByRole('button', { name: '内容を直す' })).toBeNull();
      unmount();
    }
  });
});

describe('相談を再開する', () => {
  it('is offered for a finished request only: 完了 and 取消, not 窓口へ nor an open one', async () => {
    for (const [status, offered] of [['COMPLETED', true], ['CANCELLED', true], ['REFERRED', false], ['MATCHING', false]] as const) {
      storyBackend(supportRequest({ status }));
      const { unmount } = renderAt();
      await screen.findByRole('region', { name: '経過' });
      expect(screen.queryByRole('button', { name: '相談を再開する' }) !== null).toBe(offered);
      unmount();
    }
  });

  it('asks for the reason before sending, shows the server\'s 422 at the reason, and goes back to 調整中', async () => {
    const user = userEvent.setup();
    let refused = false;
    const { requests } = storyBackend(supportRequest({ status: 'COMPLETED', version: 5 }), {
      // The first reason sent is refused as the server refuses a blank one (its check of blank is its own).
      answer: (_, url) => {
        if (url.pathname !== '/api/v1/support-requests/42/reopen' || refused) return undefined;
        refused = true;
        return problem(422, 'reason-required', 'reason: 再開する理由を書いてください', [{ field: 'reason', message: '再開する理由を書いてください' }]);
      },
    });
    renderAt();
    await user.click(await screen.findByRole('button', { name: '相談を再開する' }));
    const form = screen.getByRole('form', { name: '相談を再開する理由' });
    const reason = within(form).getByLabelText(/^理由/);
    expect(document.activeElement).toBe(reason);

    // Blank (or only spaces): said at the field, nothing sent.
    await user.type(reason, '   ');
    await user.click(within(form).getByRole('button', { name: '再開する' }));
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(reason.getAttribute('aria-describedby')!.split(' ').at(-1)!)?.textContent).toBe('再開する理由を入力してください');
    expect(requests.some((r) => r.method === 'POST')).toBe(false);

    await user.clear(reason);
    await user.type(reason, 'また手伝ってほしいと連絡があった');
    await user.click(within(form).getByRole('button', { name: '再開する' }));
    await waitFor(() =>
      expect(document.getElementById(reason.getAttribute('aria-describedby')!.split(' ').at(-1)!)?.textContent).toBe('再開する理由を書いてください'),
    );
    expect(reason.getAttribute('aria-invalid')).toBe('true');

    await user.click(within(form).getByRole('button', { name: '再開する' }));
    expect(await screen.findByText('相談を再開しました。状態は「調整中」に戻りました。')).toBeTruthy();
    const posts = requests.filter((r) => r.method === 'POST' && r.url.endsWith('/reopen'));
    expect(await Promise.all(posts.map((r) => r.json()))).toEqual([
      { reason: 'また手伝ってほしいと連絡があった' },
      { reason: 'また手伝ってほしいと連絡があった' },
    ]);
    const facts = screen.getByRole('region', { name: '相談の内容' });
    expect(await within(facts).findByText('調整中')).toBeTruthy();
    expect(screen.queryByRole('region', { name: '相談を再開する' })).toBeNull();
    // Now open: it can be corrected, and the candidates are offered.
    expect(screen.getByRole('button', { name: '内容を直す' })).toBeTruthy();
    await waitFor(async () => expect((await timelineItems()).at(-1)!.textContent).toContain('再開また手伝ってほしいと連絡があった'));
  });
});

const proposed = (status: S['AssignmentStatus'] = 'PROPOSED') =>
  supportRequest({
    status: 'ASSIGNED',
    version: 2,
    assignments: [{ id: 9, requestId: 42, supporterId: 101, supporterName: '佐藤 和子', status, createdOn: '2026-11-22', version: 0 }],
  });

describe('辞退', () => {
  it('asks for an optional reason and sends it', async () => {
    const user = userEvent.setup();
    const { requests } = storyBackend(proposed());
    renderAt();
    const decline = await screen.findByRole('button', { name: '佐藤 和子さんの辞退' });
    await user.click(decline);
    // Nothing is sent until the reason has been given (or left empty) and 辞退を記録 pressed.
    expect(requests.some((r) => r.url.endsWith('/decline'))).toBe(false);
    expect(decline.getAttribute('aria-expanded')).toBe('true');
    const form = screen.getByRole('form', { name: '佐藤 和子さんの辞退の理由' });
    const reason = within(form).getByLabelText(/^辞退の理由（任意）/);
    expect(document.activeElement).toBe(reason);
    await user.type(reason, 'その日は通院のため');
    await user.click(within(form).getByRole('button', { name: '辞退を記録' }));

    expect(await screen.findByText('辞退を記録しました。相談は調整中に戻りました。')).toBeTruthy();
    const post = requests.find((r) => r.method === 'POST' && r.url.endsWith('/api/v1/assignments/9/decline'))!;
    expect(await post.json()).toEqual({ reason: 'その日は通院のため' });
    expect(screen.queryByRole('form', { name: /辞退の理由/ })).toBeNull();
    // The 経過 now tells it, with the reason.
    await waitFor(async () => expect((await timelineItems()).at(-1)!.textContent).toContain('担い手が辞退（担い手 佐藤 和子さん）その日は通院のため'));
  });

  it('sends no reason when none is given, and やめる sends nothing and gives the focus back', async () => {
    const user = userEvent.setup();
    const { requests } = storyBackend(proposed('ACCEPTED'));
    renderAt();
    const decline = await screen.findByRole('button', { name: '佐藤 和子さんの辞退' });
    await user.click(decline);
    await user.click(within(screen.getByRole('form', { name: '佐藤 和子さんの辞退の理由' })).getByRole('button', { name: 'やめる' }));
    expect(screen.queryByRole('form', { name: /辞退の理由/ })).toBeNull();
    expect(document.activeElement).toBe(decline);
    expect(requests.some((r) => r.method === 'POST')).toBe(false);

    await user.click(decline);
    await user.click(within(screen.getByRole('form', { name: '佐藤 和子さんの辞退の理由' })).getByRole('button', { name: '辞退を記録' }));
    expect(await screen.findByText('辞退を記録しました。相談は調整中に戻りました。')).toBeTruthy();
    const post = requests.find((r) => r.method === 'POST' && r.url.endsWith('/decline'))!;
    expect(await post.json()).toEqual({ reason: null });
  });
});

describe('活動記録', () => {
  it('lists the records of a proposal when opened, newest first, with the total', async () => {
    const user = userEvent.setup();
    const { requests } = storyBackend(proposed('ACCEPTED'));
    renderAt();
    const summary = await screen.findByText('活動記録', { selector: 'summary' });
    // Read (and audited) only when asked for.
    expect(requests.some((r) => new URL(r.url).pathname === '/api/v1/activities')).toBe(false);
    await user.click(summary);

    const list = await screen.findByRole('list', { name: '佐藤 和子さんの活動記録' });
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      '2026年11月26日 15分',
      '2026年11月24日 1時間燃えるごみ 2 袋',
    ]);
    expect(screen.getByTestId('activity-total').textContent).toBe('2件 合計 1時間15分');
    const get = requests.find((r) => new URL(r.url).pathname === '/api/v1/activities')!;
    expect(new URL(get.url).searchParams.get('assignment')).toBe('9');
  });

  it('shows the server\'s refusal of a day still to come at 活動日', async () => {
    const user = userEvent.setup();
    storyBackend(proposed('ACCEPTED'));
    renderAt();
    await user.click(await screen.findByText('活動を記録'));
    const date = screen.getByLabelText(/^活動日/);
    await user.clear(date);
    await user.type(date, '2999-01-01');
    await user.click(screen.getByRole('button', { name: '記録する' }));

    await waitFor(() => expect(date.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(date.getAttribute('aria-describedby')!)?.textContent).toBe('まだ来ていない日の活動は記録できません');
  });

  it('refuses no minutes before sending', async () => {
    const user = userEvent.setup();
    const { requests } = storyBackend(proposed('ACCEPTED'));
    renderAt();
    await user.click(await screen.findByText('活動を記録'));
    const minutes = screen.getByLabelText(/^時間（分）/);
    await user.clear(minutes);
    await user.type(minutes, '0');
    await user.click(screen.getByRole('button', { name: '記録する' }));
    expect(minutes.getAttribute('aria-invalid')).toBe('true');
    expect(requests.some((r) => r.url.endsWith('/activities') && r.method === 'POST')).toBe(false);
  });
});
