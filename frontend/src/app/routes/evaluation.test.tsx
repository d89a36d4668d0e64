import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { evaluation, me, tree } from '@/testing/evaluation-fixtures';
import { meetings } from '@/testing/indicator-fixtures';
import { jsonResponse, mockFetch } from '@/testing/mock-fetch';
import { renderWithProviders } from '@/testing/test-utils';
import { EvaluationRoute } from './evaluation';

const BASE = '/api/v1/plans/kitakyushu-ikiiki2/evaluations/62/2022';

type Handler = (request: Request) => Response | Promise<Response>;

function backend(roles: string[], current: ReturnType<typeof evaluation> | null, on: Record<string, Handler> = {}) {
  return mockFetch(async (request) => {
    const url = new URL(request.url);
    if (url.pathname === '/api/v1/me') return jsonResponse(me(roles));
    if (url.pathname === '/api/v1/plans/kitakyushu-ikiiki2/tree') return jsonResponse(tree);
    if (url.pathname === '/api/v1/indicators/kitakyushu-ikiiki2-62-1') {
      return jsonResponse(meetings({ code: 'kitakyushu-ikiiki2-62-1', name: 'サロン助成団体数', unit: '団体', nodeCode: '62' }));
    }
    const key = `${request.method} ${url.pathname}`;
    if (on[key]) return on[key](request);
    if (key === `GET ${BASE}`) return current ? jsonResponse(current) : jsonResponse({ status: 404, title: 'Not Found' }, 404);
    return jsonResponse({ status: 404 }, 404);
  });
}

function renderPage() {
  return renderWithProviders(
    <Routes>
      <Route path="/plans/:code/evaluations/:node/:fiscalYear" element={<EvaluationRoute />} />
    </Routes>,
    { route: '/plans/kitakyushu-ikiiki2/evaluations/62/2022' },
  );
}

const buttonNames = () => screen.queryAllByRole('button').map((b) => b.textContent);

describe('事業調書の編集', () => {
  it('lets a planner edit and submit a draft, but not approve it', async () => {
    const { requests } = backend(['PLANNER'], evaluation({
      transitions: [{ fromStatus: null, toStatus: 'DRAFT', comment: null, actor: 'planner', at: '2026-11-22T09:05:00+09:00' }],
    }), {
      [`POST ${BASE}/submit`]: () => jsonResponse(evaluation({ status: 'SUBMITTED', editable: false, version: 4 })),
    });
    const user = userEvent.setup();
    renderPage();

    await screen.findByRole('heading', { level: 1, name: '62 住民主体による居場所づくり' });
    expect((screen.getByLabelText('取組結果') as HTMLTextAreaElement).value).toBe('サロン活動への助成を行った。');
    expect((screen.getByLabelText('自己評価') as HTMLSelectElement).value).toBe('B');
    expect(buttonNames()).toContain('保存');
    expect(buttonNames()).toContain('提出');
    expect(buttonNames()).not.toContain('承認');
    expect(buttonNames()).not.toContain('差戻し');
    expect(buttonNames()).not.toContain('再開');
    expect(screen.getByText('下書き', { selector: '.status' })).toBeTruthy();
    const history = screen.getByRole('heading', { name: '経過' }).parentElement!;
    expect(history.textContent).toMatch(/2026年11月22日 \d\d:\d\d/);
    expect(history.textContent).toContain('planner');
    // The measure's indicator, with its chart, beside the text.
    expect(await screen.findByRole('link', { name: 'サロン助成団体数' })).toBeTruthy();
    expect(await screen.findByRole('img', { name: /サロン助成団体数の目標値と実績値/ })).toBeTruthy();

    await user.click(screen.getByRole('button', { name: '提出' }));
    expect(await screen.findByText('提出しました')).toBeTruthy();
    expect(screen.getByText('提出済み', { selector: '.status' })).toBeTruthy();
    expect(buttonNames()).not.toContain('提出');
    expect(buttonNames()).not.toContain('保存');
    const submit = requests.find((r) => r.url.endsWith('/submit'))!;
    expect(await submit.json()).toEqual({ version: 3, comment: null });
  });

  it('shows 承認 and 差戻し to an approver of a submitted one, and requires a reason to return it', async () => {
    const { requests } = backend(['APPROVER'], evaluation({ status: 'SUBMITTED', editable: false }), {
      [`POST ${BASE}/return`]: () => jsonResponse(evaluation({ status: 'RETURNED', version: 4 })),
    });
    const user = userEvent.setup();
    renderPage();

    await screen.findByRole('heading', { level: 1, name: '62 住民主体による居場所づくり' });
    expect(buttonNames()).toEqual(expect.arrayContaining(['承認', '差戻し']));
    expect(buttonNames()).not.toContain('提出');
    expect(buttonNames()).not.toContain('保存');
    expect(screen.getByLabelText('取組結果').hasAttribute('readonly')).toBe(true);

    await user.click(screen.getByRole('button', { name: '差戻し' }));
    expect(screen.getByText('差戻しの理由を入力してください')).toBeTruthy();
    expect(requests.some((r) => r.url.endsWith('/return'))).toBe(false);

    await user.type(screen.getByLabelText('コメント'), '指標の説明を補ってください');
    await user.click(screen.getByRole('button', { name: '差戻し' }));
    expect(await screen.findByText('差し戻しました')).toBeTruthy();
    const returned = requests.find((r) => r.url.endsWith('/return'))!;
    expect(await returned.json()).toEqual({ version: 3, comment: '指標の説明を補ってください' });
  });

  it('shows 再開 to an approver of an approved one, and reopens only with a reason, which it sends', async () => {
    const { requests } = backend(['APPROVER'], evaluation({ status: 'APPROVED', editable: false }), {
      [`POST ${BASE}/reopen`]: () => jsonResponse(evaluation({ status: 'DRAFT', editable: true, version: 4 })),
    });
    const user = userEvent.setup();
    renderPage();
    await screen.findByRole('heading', { level: 1, name: '62 住民主体による居場所づくり' });
    expect(buttonNames()).toContain('再開');
    expect(buttonNames()).not.toContain('承認');
    await user.click(screen.getByRole('button', { name: '再開' }));
    expect(await screen.findByText('再開の理由を入力してください')).toBeTruthy();
    expect(requests.some((r) => r.url.endsWith('/reopen'))).toBe(false);
    await user.type(screen.getByLabelText(/^コメント/), '審議会の指摘で実績を訂正する');
    await user.click(screen.getByRole('button', { name: '再開' }));
    expect(await screen.findByText('再開しました（下書きに戻りました）')).toBeTruthy();
    const reopened = requests.find((r) => r.url.endsWith('/reopen'))!;
    expect(await reopened.json()).toEqual({ version: 3, reason: '審議会の指摘で実績を訂正する' });
  });

  it('opens an empty editor when there is none yet, creates it with version null, and explains a conflict', async () => {
    let puts = 0;
    const { requests } = backend(['PLANNER'], null, {
      [`PUT ${BASE}`]: () => (++puts === 1
        ? jsonResponse(evaluation({ resultText: '実施した', futureDirection: null, selfGrade: 'A', version: 0 }))
        : jsonResponse({ status: 409, title: 'Conflict', detail: 'stale version' }, 409)),
    });
    const user = userEvent.setup();
    renderPage();

    const result = await screen.findByLabelText('取組結果');
    expect((result as HTMLTextAreaElement).value).toBe('');
    expect(screen.getByText('未作成', { selector: '.status' })).toBeTruthy();
    expect(buttonNames()).not.toContain('提出');
    await user.type(result, '実施した');
    await user.selectOptions(screen.getByLabelText('自己評価'), 'A');
    await user.selectOptions(screen.getByLabelText('今後の方向性'), '見直し');
    await user.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText('保存しました')).toBeTruthy();
    const put = requests.find((r) => r.method === 'PUT')!;
    expect(await put.json()).toEqual({ resultText: '実施した', futureDirection: null, direction: 'REVISE', selfGrade: 'A', version: null });
    expect(buttonNames()).toContain('提出');

    await user.type(screen.getByLabelText('方向性の補足・課題'), '続ける');
    await user.click(screen.getByRole('button', { name: '保存' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('他の人が先に更新しました。再読み込みしてください');
    expect(within(alert).getByRole('button', { name: '再読み込み' })).toBeTruthy();
  });
});
