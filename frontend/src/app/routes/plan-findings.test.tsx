import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { components } from '@/lib/api/schema';
import { bodiesOf } from '@/testing/plan-builder-fixtures';
import { jsonResponse, mockFetch } from '@/testing/mock-fetch';
import { ikiiki, ikiikiTree } from '@/testing/plan-fixtures';
import { renderWithProviders } from '@/testing/test-utils';
import { PlanRoute } from './plan';

type S = components['schemas'];

const LONG = 30_000;
const PLAN = 'kitakyushu-ikiiki2';

function finding(id: number, kind: S['FindingKind'], title: string, extra: Partial<S['FindingResponse']> = {}): S['FindingResponse'] {
  return {
    id, nodeCode: null, nodeTitle: null, kind, title, text: null, examples: [], sources: [], version: 0,
    updatedAt: '2026-04-01T09:00:00+09:00', updatedBy: 'planner', ...extra,
  };
}

/** 課題 as くるめ's hearings and workshops found them, 困りごと with the residents' words, a 現状 of one node. */
function written(): S['FindingResponse'][] {
  return [
    finding(1, 'TROUBLE', 'ゴミ出し', {
      text: '第2層協議体やニーズ調査（自由記載欄）等で\n寄せられた地域の課題、困りごと',
      examples: ['粗大ごみを出せないのを助けてほしい', '普段のごみ出しが大変'],
      sources: ['COUNCIL', 'NEEDS_SURVEY'],
    }),
    finding(2, 'ISSUE', '支え合う意識やつながりの希薄化への対応が必要', { sources: ['HEARING', 'WORKSHOP'] }),
    finding(3, 'ISSUE', '誰もが気軽に集える場の不足への対応が必要', { sources: ['HEARING', 'WORKSHOP'] }),
    finding(4, 'CURRENT_STATE', '現状', {
      nodeCode: '②', nodeTitle: '高齢者と家族、地域がつながり、支え合うまち',
      text: '第2層協議体の開催が思うようにできませんでした。',
    }),
  ];
}

const stale = { type: '/problems/stale-version', title: '競合しています', status: 409, detail: '「ゴミ出し」は他の人が先に更新しました。' };

/** The plan's API with its findings kept as the server keeps them: ids given, versions checked and moved on. */
function backend(roles: string[], { findings = written(), conflictOnce = false, refuse }: { findings?: S['FindingResponse'][]; conflictOnce?: boolean; refuse?: Response } = {}) {
  const state = { findings, conflictOnce, nextId: 100 };
  const fetched = mockFetch(async (request) => {
    const path = decodeURIComponent(new URL(request.url).pathname);
    const method = request.method;
    if (path === '/api/v1/me') return jsonResponse({ subject: 'u', displayName: 'u', kind: 'USER', roles, scopes: [], districts: [] });
    if (path === `/api/v1/plans/${PLAN}/tree`) return jsonResponse({ plan: ikiiki(), nodes: ikiikiTree() });
    if (path === `/api/v1/plans/${PLAN}/findings` && method === 'GET') return jsonResponse({ items: state.findings });
    const nodeTitle = (code: string | null | undefined) => (code === '②' ? '高齢者と家族、地域がつながり、支え合うまち' : code === '63' ? 'いのちをつなぐネットワークの推進' : null);
    const fromBody = (id: number, body: S['FindingRequest'], version: number) =>
      finding(id, body.kind, body.title, {
        nodeCode: body.nodeCode ?? null, nodeTitle: nodeTitle(body.nodeCode), text: body.text ?? null, examples: body.examples ?? [], sources: body.sources ?? [], version,
      });
    if (path === `/api/v1/plans/${PLAN}/findings` && method === 'POST') {
      if (refuse) return refuse;
      const created = fromBody(state.nextId++, await request.json(), 0);
      state.findings = [...state.findings, created];
      return jsonResponse(created, 201);
    }
    const one = new RegExp(`^/api/v1/plans/${PLAN}/findings/(\\d+)$`).exec(path);
    if (one) {
      const id = Number(one[1]);
      const old = state.findings.find((f) => f.id === id)!;
      if (method === 'PUT') {
        const body: S['FindingRequest'] = await request.json();
        if (state.conflictOnce || body.version !== old.version) {
          state.conflictOnce = false;
          // Someone else saved it meanwhile.
          state.findings = state.findings.map((f) => (f.id === id ? { ...f, title: 'ごみ出し', version: f.version + 1 } : f));
          return jsonResponse(stale, 409);
        }
        const saved = fromBody(id, body, old.version + 1);
        state.findings = state.findings.map((f) => (f.id === id ? saved : f));
        return jsonResponse(saved);
      }
      if (method === 'DELETE') {
        state.findings = state.findings.filter((f) => f.id !== id);
        return new Response(null, { status: 204 });
      }
    }
    return jsonResponse({ status: 404, detail: `no handler for ${method} ${path}` }, 404);
  });
  return { ...fetched, state };
}

function renderPlan() {
  return renderWithProviders(
    <Routes>
      <Route path="/plans/:code" element={<PlanRoute />} />
    </Routes>,
    { route: `/plans/${PLAN}` },
  );
}

async function findingsSection() {
  return screen.findByRole('region', { name: '課題・困りごと' });
}

/** The list item of a finding, by its title. */
async function item(title: string) {
  const heading = await screen.findByRole('heading', { level: 4, name: title });
  return heading.closest('li')!;
}

describe('計画の課題・困りごと', () => {
  it('lists them grouped by kind (課題, 困りごと, 現状), each with its text as written, its examples, sources and node', { timeout: LONG }, async () => {
    backend(['VIEWER']);
    renderPlan();
    const section = await findingsSection();
    await within(section).findByRole('heading', { level: 4, name: 'ゴミ出し' });
    expect(within(section).getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['課題（2件）', '困りごと（1件）', '現状（1件）']);

    const issues = within(section).getByRole('region', { name: /^課題/ });
    expect(within(issues).getAllByRole('heading', { level: 4 }).map((h) => h.textContent)).toEqual([
      '支え合う意識やつながりの希薄化への対応が必要',
      '誰もが気軽に集える場の不足への対応が必要',
    ]);
    expect(within(issues).getAllByText('ヒアリング・ワークショップ')).toHaveLength(2);

    const trouble = await item('ゴミ出し');
    const examples = within(trouble).getByRole('list', { name: '例' });
    expect(within(examples).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['粗大ごみを出せないのを助けてほしい', '普段のごみ出しが大変']);
    expect(trouble.textContent).toContain('出てきたところ: 協議体・ニーズ調査');
    // The text as written, its line break kept.
    const text = within(trouble).getByText((_, el) => el?.tagName === 'P' && el.textContent === '第2層協議体やニーズ調査（自由記載欄）等で\n寄せられた地域の課題、困りごと');
    expect(text.className).toContain('finding__text');

    const state = await item('現状');
    expect(within(state).getByText('目標: ② 高齢者と家族、地域がつながり、支え合うまち')).toBeTruthy();
  });

  it('offers a viewer no way to add, edit or delete them', async () => {
    backend(['VIEWER']);
    const { client } = renderPlan();
    const section = await findingsSection();
    await within(section).findByRole('heading', { level: 4, name: 'ゴミ出し' });
    await waitFor(() => expect(client.getQueryState(['me'])?.status).toBe('success'));
    expect(within(section).queryByRole('button')).toBeNull();
  });

  it('lets a planner add one: kind, node, title, text, examples one per line and sources go to the API', { timeout: LONG }, async () => {
    const { requests } = backend(['PLANNER']);
    const user = userEvent.setup();
    renderPlan();
    const section = await findingsSection();
    await user.click(await within(section).findByRole('button', { name: '課題・困りごとを追加' }));
    const form = within(section).getByRole('form', { name: '課題・困りごとを追加' });
    expect(document.activeElement).toBe(within(form).getByLabelText(/^種類/));
    await user.selectOptions(within(form).getByLabelText(/^種類/), '困りごと');
    await user.selectOptions(within(form).getByLabelText(/^項目/), '63');
    await user.type(within(form).getByLabelText(/^題/), '移動支援等');
    await user.type(within(form).getByLabelText(/^本文/), '寄せられた困りごと');
    await user.type(within(form).getByLabelText(/^例/), '病院までの送迎があるとうれしい{Enter}{Enter}  駅まで送ってほしい  {Enter}');
    await user.click(within(form).getByRole('checkbox', { name: 'ニーズ調査' }));
    await user.click(within(form).getByRole('checkbox', { name: '協議体' }));
    await user.click(within(form).getByRole('button', { name: '追加する' }));

    expect(await within(section).findByText('「移動支援等」を追加しました。')).toBeTruthy();
    expect(await bodiesOf(requests, 'POST', `/plans/${PLAN}/findings`)).toEqual([
      {
        kind: 'TROUBLE',
        nodeCode: '63',
        title: '移動支援等',
        text: '寄せられた困りごと',
        examples: ['病院までの送迎があるとうれしい', '駅まで送ってほしい'],
        sources: ['COUNCIL', 'NEEDS_SURVEY'],
      },
    ]);
    const added = await item('移動支援等');
    expect(within(added).getByText('取組: 63 いのちをつなぐネットワークの推進')).toBeTruthy();
    expect(within(within(added).getByRole('list', { name: '例' })).getAllByRole('listitem')).toHaveLength(2);
    await waitFor(() => expect(document.activeElement).toBe(within(added).getByRole('button', { name: '「移動支援等」を編集' })));
  });

  it('shows the API’s field errors at the fields', { timeout: LONG }, async () => {
    const refuse = jsonResponse(
      {
        type: '/problems/validation-failed', title: '入力内容に誤りがあります', status: 400, detail: 'title: 200 文字以内で入力してください',
        errors: [
          { field: 'title', message: '200 文字以内で入力してください' },
          { field: 'examples[1]', message: '400 文字以内で入力してください' },
        ],
      },
      400,
    );
    backend(['ADMIN'], { refuse });
    const user = userEvent.setup();
    renderPlan();
    const section = await findingsSection();
    await user.click(await within(section).findByRole('button', { name: '課題・困りごとを追加' }));
    const form = within(section).getByRole('form', { name: '課題・困りごとを追加' });
    await user.type(within(form).getByLabelText(/^題/), '見守り');
    await user.type(within(form).getByLabelText(/^例/), 'a{Enter}b');
    await user.click(within(form).getByRole('button', { name: '追加する' }));
    await waitFor(() => expect(within(form).getByLabelText(/^題/).getAttribute('aria-invalid')).toBe('true'));
    expect(within(form).getByText('200 文字以内で入力してください')).toBeTruthy();
    expect(within(form).getByText('2 つ目の例: 400 文字以内で入力してください')).toBeTruthy();
    expect(within(form).getByLabelText(/^例/).getAttribute('aria-invalid')).toBe('true');
  });

  it('edits one with the version read; a stale version offers 再読み込み, and the form is filled afresh', { timeout: LONG }, async () => {
    const { requests } = backend(['PLANNER'], { conflictOnce: true });
    const user = userEvent.setup();
    renderPlan();
    await findingsSection();
    await user.click(await screen.findByRole('button', { name: '「ゴミ出し」を編集' }));
    let form = screen.getByRole('form', { name: '課題・困りごとの編集: ゴミ出し' });
    expect((within(form).getByLabelText(/^例/) as HTMLTextAreaElement).value).toBe('粗大ごみを出せないのを助けてほしい\n普段のごみ出しが大変');
    expect((within(form).getByRole('checkbox', { name: '協議体' }) as HTMLInputElement).checked).toBe(true);
    await user.type(within(form).getByLabelText(/^例/), '{Enter}電球交換をしてほしい');
    await user.click(within(form).getByRole('button', { name: '変更を保存' }));

    await user.click(await within(form).findByRole('button', { name: '再読み込み' }));
    form = await screen.findByRole('form', { name: '課題・困りごとの編集: ごみ出し' });
    await user.type(within(form).getByLabelText(/^例/), '{Enter}電球交換をしてほしい');
    await user.click(within(form).getByRole('button', { name: '変更を保存' }));
    expect(await screen.findByText('「ごみ出し」を保存しました。')).toBeTruthy();

    const bodies = await bodiesOf<S['FindingRequest']>(requests, 'PUT', `/plans/${PLAN}/findings/1`);
    expect(bodies.map((b) => b.version)).toEqual([0, 1]);
    expect(bodies[1]).toEqual({
      kind: 'TROUBLE',
      nodeCode: null,
      title: 'ごみ出し',
      text: '第2層協議体やニーズ調査（自由記載欄）等で\n寄せられた地域の課題、困りごと',
      examples: ['粗大ごみを出せないのを助けてほしい', '普段のごみ出しが大変', '電球交換をしてほしい'],
      sources: ['COUNCIL', 'NEEDS_SURVEY'],
      version: 1,
    });
    const saved = await item('ごみ出し');
    await waitFor(() => expect(within(within(saved).getByRole('list', { name: '例' })).getAllByRole('listitem')).toHaveLength(3));
  });

  it('deletes one only after asking', { timeout: LONG }, async () => {
    const { requests } = backend(['PLANNER']);
    const user = userEvent.setup();
    renderPlan();
    await user.click(await screen.findByRole('button', { name: '「支え合う意識やつながりの希薄化への対応が必要」を削除' }));
    const dialog = screen.getByRole('alertdialog', { name: '「支え合う意識やつながりの希薄化への対応が必要」を削除しますか？' });
    expect(document.activeElement).toBe(dialog);
    await user.click(within(dialog).getByRole('button', { name: 'やめる' }));
    expect(requests.filter((r) => r.method === 'DELETE')).toHaveLength(0);
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-label')).toBe('「支え合う意識やつながりの希薄化への対応が必要」を削除'));

    await user.click(screen.getByRole('button', { name: '「支え合う意識やつながりの希薄化への対応が必要」を削除' }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: '削除する' }));
    expect(await screen.findByText('「支え合う意識やつながりの希薄化への対応が必要」を削除しました。')).toBeTruthy();
    expect(requests.filter((r) => r.method === 'DELETE').map((r) => new URL(r.url).pathname)).toEqual([`/api/v1/plans/${PLAN}/findings/2`]);
    await waitFor(() => expect(screen.queryByRole('heading', { level: 4, name: '支え合う意識やつながりの希薄化への対応が必要' })).toBeNull());
    expect(screen.getByRole('heading', { level: 3, name: /^課題（1件）/ })).toBeTruthy();
  });

  it('says so when the plan has none', async () => {
    backend(['VIEWER'], { findings: [] });
    renderPlan();
    const section = await findingsSection();
    expect(await within(section).findByText('この計画には課題・困りごとがまだ登録されていません')).toBeTruthy();
  });
});
