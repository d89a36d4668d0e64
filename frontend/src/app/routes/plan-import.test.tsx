import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { me, plan } from '@/testing/evaluation-fixtures';
import { installFakeXhr } from '@/testing/fake-xhr';
import { jsonResponse, mockFetch } from '@/testing/mock-fetch';
import { renderWithProviders } from '@/testing/test-utils';
import { PlanImportRoute } from './plan-import';

function report(committed: boolean, problems: { row: number; column: string; value: string | null; message: string; severity: 'ERROR' | 'WARNING' }[]) {
  const errors = problems.filter((p) => p.severity === 'ERROR').length;
  return {
    planCode: plan.code,
    fiscalYear: 2022,
    committed,
    summary: { CREATE: 1, UPDATE: 1, UNCHANGED: 0, ERROR: errors, WARNING: problems.length - errors },
    rows: [
      { row: 7, nodeCode: '59', title: '地域交流や居場所づくりの推進', action: 'CREATE', changes: ['取組を作成'] },
      { row: 8, nodeCode: '60', title: '生活援助員の派遣', action: 'UPDATE', changes: ['取組結果', '自己評価 B → A'] },
    ],
    problems,
  };
}

function backend(problems: Parameters<typeof report>[1]) {
  return mockFetch((request) => {
    const url = new URL(request.url);
    if (url.pathname === '/api/v1/me') return jsonResponse(me(['PLANNER']));
    if (url.pathname === '/api/v1/plans/kitakyushu-ikiiki2') return jsonResponse(plan);
    if (url.pathname === '/api/v1/plans/kitakyushu-ikiiki2/imports' && request.method === 'POST') {
      return jsonResponse(report(url.searchParams.get('commit') === 'true', problems));
    }
    return jsonResponse({ status: 404 }, 404);
  });
}

function renderPage() {
  return renderWithProviders(
    <Routes>
      <Route path="/plans/:code/import" element={<PlanImportRoute />} />
    </Routes>,
    { route: '/plans/kitakyushu-ikiiki2/import' },
  );
}

const tsv = () => new File(['目標\t施策の方向性\tNo.\t取組名\n'], '事業調書 2022.tsv', { type: '' });

afterEach(() => vi.unstubAllGlobals());

describe('事業調書の取り込み', () => {
  it('previews a dry run, marks errors with 誤り and does not let them be imported', async () => {
    const { requests } = backend([
      { row: 11, column: '成果指標', value: '約100回', message: '「約100回」を数値として読めません', severity: 'ERROR' },
      { row: 12, column: '自己評価', value: null, message: '自己評価が空欄です', severity: 'WARNING' },
    ]);
    const user = userEvent.setup();
    renderPage();

    await user.upload(await screen.findByLabelText(/ファイル（TSV \/ CSV \/ XLSX）/), tsv());
    await user.selectOptions(screen.getByLabelText(/年度/), '2022');
    await user.click(screen.getByRole('button', { name: '確認' }));

    const problems = await screen.findByRole('table', { name: /見つかった問題/ });
    const [error, warning] = within(problems).getAllByRole('row').slice(1);
    expect(error.textContent).toContain('誤り');
    expect(error.textContent).toContain('約100回');
    expect(error.className).toContain('import-problem--error');
    expect(warning.textContent).toContain('注意');
    expect(warning.textContent).not.toContain('誤り');
    expect(warning.className).not.toContain('import-problem--error');

    const rows = within(screen.getByRole('table', { name: /取り込む取組/ })).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[2].textContent)).toEqual(['作成', '変更']);
    expect(rows[1].textContent).toContain('自己評価 B → A');
    expect(screen.getByText('誤りが 1 件あります')).toBeTruthy();
    expect((screen.getByRole('button', { name: '取り込む' }) as HTMLButtonElement).disabled).toBe(true);

    expect(requests.some((r) => r.url.includes('commit=true'))).toBe(false);
    const dryRun = requests.find((r) => r.url.includes('/imports'))!;
    const url = new URL(dryRun.url);
    expect(url.searchParams.get('commit')).toBe('false');
    expect(url.searchParams.get('fiscalYear')).toBe('2022');
    expect(dryRun.headers.get('Content-Type')).toBe('text/tab-separated-values');
    expect(dryRun.headers.get('X-File-Name')).toBe(encodeURIComponent('事業調書 2022.tsv'));
    expect(await dryRun.text()).toBe('目標\t施策の方向性\tNo.\t取組名\n');
  });

  it('imports a file without errors and shows the result', async () => {
    const { requests } = backend([]);
    const user = userEvent.setup();
    renderPage();

    await user.upload(await screen.findByLabelText(/ファイル（TSV \/ CSV \/ XLSX）/), tsv());
    await user.click(screen.getByRole('button', { name: '確認' }));
    const commit = await screen.findByRole('button', { name: '取り込む' });
    expect((commit as HTMLButtonElement).disabled).toBe(false);
    await user.click(commit);

    expect(await screen.findByRole('heading', { name: '3. 取り込み完了' })).toBeTruthy();
    expect(screen.getByRole('link', { name: '計画の体系を見る' }).getAttribute('href')).toBe('/plans/kitakyushu-ikiiki2');
    const committed = requests.filter((r) => r.url.includes('commit=true'));
    expect(committed).toHaveLength(1);
    expect(new URL(committed[0].url).searchParams.get('fiscalYear')).toBe('2022');
  });

  it('shows how much of the file has gone out, then that the server is working on it', async () => {
    backend([]);
    const xhr = installFakeXhr();
    const user = userEvent.setup();
    renderPage();
    const uploading = () => document.querySelector<HTMLElement>('.uploading');

    await user.upload(await screen.findByLabelText(/ファイル（TSV \/ CSV \/ XLSX）/), tsv());
    await user.click(screen.getByRole('button', { name: '確認' }));
    const dryRun = await xhr.sent();
    act(() => dryRun.progress(45, 100));
    await waitFor(() => expect(uploading()?.textContent).toBe('送信中 45%'));
    expect(uploading()!.getAttribute('role')).toBe('status');
    const bar = within(uploading()!).getByRole('progressbar', { name: '送信中' });
    expect([bar.getAttribute('value'), bar.getAttribute('max')]).toEqual(['45', '100']);

    act(() => dryRun.uploaded());
    await waitFor(() => expect(uploading()?.textContent).toBe('サーバーで確認しています…'));
    expect(within(uploading()!).getByRole('progressbar').hasAttribute('value')).toBe(false);
    act(() => dryRun.respond(200, JSON.stringify(report(false, [])), { 'Content-Type': 'application/json' }));
    await user.click(await screen.findByRole('button', { name: '取り込む' }));

    const commit = await xhr.sent();
    await waitFor(() => expect(uploading()?.textContent).toBe('送信中 0%'));
    act(() => commit.uploaded());
    await waitFor(() => expect(uploading()?.textContent).toBe('取り込んでいます…'));
    act(() => commit.respond(200, JSON.stringify(report(true, [])), { 'Content-Type': 'application/json' }));
    expect(await screen.findByRole('heading', { name: '3. 取り込み完了' })).toBeTruthy();
    expect(uploading()).toBeNull();
  });
});
