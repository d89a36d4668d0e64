import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { components } from '@/lib/api/schema';
import { jsonResponse, mockFetch } from '@/testing/mock-fetch';
import { bodiesOf, kumamotoPlan, meWith } from '@/testing/plan-builder-fixtures';
import { renderWithProviders } from '@/testing/test-utils';
import { PlansRoute } from './plans';

type S = components['schemas'];

const kumamoto = { code: '43100', name: '熊本市', kind: 'CITY', kana: 'くまもとし', parentCode: null, path: [], retired: false, version: 0 };
const kurume = { ...kumamoto, code: '40203', name: '久留米市', kana: 'くるめし' };

function backend(roles: S['Role'][] = ['PLANNER'], answer?: (body: S['CreatePlanRequest']) => Response) {
  return mockFetch(async (request) => {
    const url = new URL(request.url);
    if (url.pathname === '/api/v1/me') return jsonResponse(meWith(roles));
    if (url.pathname === '/api/v1/plans' && request.method === 'GET') return jsonResponse({ items: [] });
    if (url.pathname === '/api/v1/areas' && url.searchParams.get('kind') === 'CITY') return jsonResponse({ items: [kurume, kumamoto], nextCursor: null });
    if (url.pathname === '/api/v1/plans' && request.method === 'POST') {
      const body: S['CreatePlanRequest'] = await request.json();
      return answer?.(body) ?? jsonResponse({ ...kumamotoPlan, code: body.code, title: body.title }, 201);
    }
    return jsonResponse({ status: 404 }, 404);
  });
}

function renderPage() {
  return renderWithProviders(
    <Routes>
      <Route path="/plans" element={<PlansRoute />} />
      <Route path="/plans/:code" element={<p>計画のページ</p>} />
    </Routes>,
    { route: '/plans' },
  );
}

/** Types text at once (a paste: one input event, not one per character). */
async function fill(user: ReturnType<typeof userEvent.setup>, element: HTMLElement, text: string) {
  await user.clear(element);
  await user.paste(text);
}

async function fillPlan(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByRole('button', { name: '計画を作成' }));
  const form = await screen.findByRole('form', { name: '計画を作成' });
  await fill(user, within(form).getByLabelText(/^計画コード/), 'tebiki-1');
  await fill(user, within(form).getByLabelText(/^計画の名前/), '第5次熊本市地域福祉計画（手引き）');
  await user.selectOptions(within(form).getByLabelText(/^市/), '熊本市');
  await user.selectOptions(within(form).getByLabelText(/^種類/), '地域福祉計画');
  await user.selectOptions(within(form).getByLabelText(/^計画期間の始まり/), '令和6年度 (2024)');
  await user.selectOptions(within(form).getByLabelText(/^計画期間の終わり/), '令和13年度 (2031)');
  await fill(user, within(form).getByLabelText('めざす姿'), 'だれもが自分らしく暮らせるまち');
  await fill(user, within(form).getByLabelText(/^第1階層の名前/), '取組');
  await user.click(within(form).getByRole('button', { name: '階層を追加' }));
  await fill(user, within(form).getByLabelText(/^第2階層の名前/), '基本方針');
  await user.click(within(form).getByRole('button', { name: '階層を追加' }));
  await fill(user, within(form).getByLabelText(/^第3階層の名前/), '事業');
  // 基本方針 belongs on top: moved up with the keyboard, and the focus stays on it.
  within(form).getByRole('button', { name: '第2階層を上へ' }).focus();
  await user.keyboard('{Enter}');
  expect((within(form).getByLabelText(/^第1階層の名前/) as HTMLInputElement).value).toBe('基本方針');
  expect(document.activeElement).toBe(within(form).getByRole('button', { name: '第1階層を下へ' }));
  for (const [i, [key, name]] of [['city', '市'], ['council', '市社協'], ['oops', '消す列'], ['minsei', '民生委員']].entries()) {
    await user.click(within(form).getByRole('button', { name: '列を追加' }));
    await fill(user, within(form).getByLabelText(new RegExp(`^${i + 1}列目の名前`)), name);
    await fill(user, within(form).getByLabelText(new RegExp(`^${i + 1}列目のキー`)), key);
  }
  await user.click(within(form).getByRole('button', { name: '3列目を削除' }));
  await fill(user, within(form).getByLabelText(/^A（% 以上）/), '95');
  return form;
}

/** A whole form filled in by keyboard and mouse takes a few seconds in jsdom on a busy machine. */
const LONG = 30_000;

describe('計画を作成', () => {
  it('sends every field of the form and opens the new plan', { timeout: LONG }, async () => {
    const user = userEvent.setup();
    const { requests } = backend();
    renderPage();
    const form = await fillPlan(user);
    await user.click(within(form).getByRole('button', { name: '計画を作成' }));

    expect(await screen.findByText('計画のページ')).toBeTruthy();
    const [body] = await bodiesOf<S['CreatePlanRequest']>(requests, 'POST', '/api/v1/plans');
    expect(body).toEqual({
      code: 'tebiki-1',
      cityCode: '43100',
      kind: 'COMMUNITY_WELFARE',
      title: '第5次熊本市地域福祉計画（手引き）',
      periodStart: 2024,
      periodEnd: 2031,
      vision: 'だれもが自分らしく暮らせるまち',
      levels: ['基本方針', '取組', '事業'],
      actors: [
        { key: 'city', name: '市' },
        { key: 'council', name: '市社協' },
        { key: 'minsei', name: '民生委員' },
      ],
      gradeThresholds: { a: 95, b: 80, c: 50 },
      legend: [
        { symbol: '◎', meaning: '実施主体', role: 'LEAD' },
        { symbol: '○', meaning: '連携・協力', role: 'PARTNER' },
      ],
      contacts: [],
    });
  });

  it('sends the legend as the city prints it', { timeout: LONG }, async () => {
    const user = userEvent.setup();
    const { requests } = backend();
    renderPage();
    const form = await fillPlan(user);
    // (主な事業や取組) 事業の実施主体〔○〕 連携・協力団体〔□〕, with a third line typed and taken out again.
    const legend = within(form).getByRole('group', { name: '役割の記号の凡例' });
    expect(within(legend).getAllByRole('listitem')).toHaveLength(2);
    await fill(user, within(legend).getByLabelText(/^凡例1行目の記号/), '○');
    await fill(user, within(legend).getByLabelText(/^凡例1行目の意味/), '事業の実施主体');
    await fill(user, within(legend).getByLabelText(/^凡例2行目の記号/), '□');
    await fill(user, within(legend).getByLabelText(/^凡例2行目の意味/), '連携・協力団体');
    await user.click(within(legend).getByRole('button', { name: '凡例の行を追加' }));
    expect((within(legend).getByLabelText(/^凡例3行目の役割/) as HTMLSelectElement).value).toBe('PARTNER');
    await user.click(within(legend).getByRole('button', { name: '凡例3行目を削除' }));
    await user.click(within(form).getByRole('button', { name: '計画を作成' }));

    expect(await screen.findByText('計画のページ')).toBeTruthy();
    const [body] = await bodiesOf<S['CreatePlanRequest']>(requests, 'POST', '/api/v1/plans');
    expect(body.legend).toEqual([
      { symbol: '○', meaning: '事業の実施主体', role: 'LEAD' },
      { symbol: '□', meaning: '連携・協力団体', role: 'PARTNER' },
    ]);
  });

  it('sends the 問い合わせ先 typed, each number checked before sending', { timeout: LONG }, async () => {
    const user = userEvent.setup();
    const { requests } = backend();
    renderPage();
    const form = await fillPlan(user);
    const contacts = within(form).getByRole('group', { name: '問い合わせ先' });
    await user.click(within(contacts).getByRole('button', { name: '問い合わせ先を追加' }));
    await fill(user, within(contacts).getByLabelText(/^1件目の部署/), '久留米市 健康福祉部 地域福祉課');
    await fill(user, within(contacts).getByLabelText('1件目の電話'), '0942-30-9173');
    await fill(user, within(contacts).getByLabelText('1件目の FAX'), '0942-30-9752');
    await user.click(within(contacts).getByRole('button', { name: '問い合わせ先を追加' }));
    await fill(user, within(contacts).getByLabelText(/^2件目の部署/), '社会福祉法人久留米市社会福祉協議会');
    await fill(user, within(contacts).getByLabelText('2件目の電話'), '0942-34-3035（代表）');
    await user.click(within(form).getByRole('button', { name: '計画を作成' }));
    const phone = within(contacts).getByLabelText('2件目の電話');
    expect(phone.getAttribute('aria-invalid')).toBe('true');
    expect(phone.closest('.field')?.textContent).toContain('電話番号は数字とハイフンで入力してください');
    expect(requests.some((r) => r.method === 'POST')).toBe(false);

    await fill(user, phone, '0942-34-3035');
    await user.click(within(form).getByRole('button', { name: '計画を作成' }));
    expect(await screen.findByText('計画のページ')).toBeTruthy();
    const [body] = await bodiesOf<S['CreatePlanRequest']>(requests, 'POST', '/api/v1/plans');
    expect(body.contacts).toEqual([
      { department: '久留米市 健康福祉部 地域福祉課', phone: '0942-30-9173', fax: '0942-30-9752' },
      { department: '社会福祉法人久留米市社会福祉協議会', phone: '0942-34-3035', fax: null },
    ]);
  });

  it('shows the API’s field errors next to their fields', { timeout: LONG }, async () => {
    const user = userEvent.setup();
    backend(['ADMIN'], () =>
      jsonResponse(
        {
          type: '/problems/validation-failed',
          title: '入力内容に誤りがあります',
          status: 422,
          detail: 'levels[1]: 60 文字以内で入力してください; gradeThresholds: 評価の閾値は A > B > C の順にしてください',
          errors: [
            { field: 'levels[1]', message: '60 文字以内で入力してください' },
            { field: 'gradeThresholds', message: '評価の閾値は A > B > C の順にしてください' },
            { field: 'actors[1].name', message: '列の名前が長すぎます' },
          ],
        },
        422,
      ),
    );
    renderPage();
    const form = await fillPlan(user);
    await user.click(within(form).getByRole('button', { name: '計画を作成' }));

    const level = await within(form).findByLabelText(/^第2階層の名前/);
    expect(level.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(level.getAttribute('aria-describedby')!.split(' ').pop()!)?.textContent).toBe('60 文字以内で入力してください');
    const actor = within(form).getByLabelText(/^2列目の名前/);
    expect(actor.closest('.field')?.textContent).toContain('列の名前が長すぎます');
    expect(within(form).getByRole('group', { name: '評価の閾値（達成率 %）' }).textContent).toContain('評価の閾値は A > B > C の順にしてください');
    expect(screen.queryByText('計画のページ')).toBeNull();
  });

  it('checks the legend before sending: a symbol twice, a line without its meaning', { timeout: LONG }, async () => {
    const user = userEvent.setup();
    const { requests } = backend();
    renderPage();
    const form = await fillPlan(user);
    const legend = within(form).getByRole('group', { name: '役割の記号の凡例' });
    await fill(user, within(legend).getByLabelText(/^凡例2行目の記号/), '◎');
    await user.clear(within(legend).getByLabelText(/^凡例2行目の意味/));
    await user.click(within(form).getByRole('button', { name: '計画を作成' }));
    expect(within(legend).getByLabelText(/^凡例2行目の記号/).closest('.field')?.textContent).toContain('記号「◎」が凡例に 2 回あります');
    expect(within(legend).getByLabelText(/^凡例2行目の意味/).closest('.field')?.textContent).toContain('意味を入力してください');
    expect(requests.some((r) => r.method === 'POST')).toBe(false);
  });

  it('checks the form before sending: a bad code, a missing city, bands out of order', async () => {
    const user = userEvent.setup();
    const { requests } = backend();
    renderPage();
    await user.click(await screen.findByRole('button', { name: '計画を作成' }));
    const form = await screen.findByRole('form', { name: '計画を作成' });
    await fill(user, within(form).getByLabelText(/^計画コード/), 'Kumamoto 5');
    await fill(user, within(form).getByLabelText(/^C（% 以上）/), '90');
    await user.click(within(form).getByRole('button', { name: '計画を作成' }));
    expect(within(form).getByLabelText(/^計画コード/).closest('.field')?.textContent).toContain('英小文字・数字・ハイフン');
    expect(within(form).getByLabelText(/^市/).closest('.field')?.textContent).toContain('市を選んでください');
    expect(within(form).getByLabelText(/^第1階層の名前/).closest('.field')?.textContent).toContain('第1階層の名前を入力してください');
    expect(form.textContent).toContain('A > B > C の順に');
    expect(requests.some((r) => r.method === 'POST')).toBe(false);
  });

  it('offers no 計画を作成 to a viewer', async () => {
    backend(['VIEWER']);
    const { client } = renderPage();
    await screen.findByText('計画はまだ登録されていません');
    await waitFor(() => expect(client.getQueryData(['me'])).toBeTruthy());
    expect(screen.queryByRole('button', { name: '計画を作成' })).toBeNull();
  });
});
