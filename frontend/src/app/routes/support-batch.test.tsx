import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { components } from '@/lib/api/schema';
import { areasApi, categories, coordinator, shoji, takasu, viewer } from '@/testing/support-fixtures';
import { jsonResponse, mockFetch } from '@/testing/mock-fetch';
import { renderWithProviders } from '@/testing/test-utils';
import { SupportBatchRoute } from './support-batch';

type S = components['schemas'];

const parts = (distance: number): S['CandidateScore'] => ({ distance, availability: 1, load: 0.5, continuity: 0, fairness: 1 });

function row(extra: Partial<S['BatchRow']> & Pick<S['BatchRow'], 'requestId' | 'recipientName'>): S['BatchRow'] {
  return {
    area: shoji,
    category: 'ゴミ出し',
    date: null,
    weeklyDay: 2,
    start: '09:00',
    end: '10:00',
    urgency: 'NORMAL',
    supporterId: null,
    supporterName: null,
    score: null,
    parts: null,
    candidates: 2,
    greedySupporterId: null,
    greedySupporterName: null,
    greedyScore: null,
    ...extra,
  };
}

/**
 * Five waiting requests, urgent first: 51 goes to 佐藤 both ways; 52 to 鈴木 where one at a time would take 佐藤;
 * 54 to 山田 where one at a time has nobody left; 53 fits nobody at all; 55 fits two supporters with no place left.
 */
const proposal: S['BatchProposal'] = {
  rows: [
    row({ requestId: 51, recipientName: '庄司 一郎', urgency: 'HIGH', supporterId: 101, supporterName: '佐藤 和子', score: 0.745, parts: parts(0.7), greedySupporterId: 101, greedySupporterName: '佐藤 和子', greedyScore: 0.745 }),
    row({ requestId: 52, recipientName: '高須 花子', area: takasu, category: '掃除', weeklyDay: null, date: '2026-12-01', supporterId: 102, supporterName: '鈴木 洋子', score: 0.61, parts: parts(0.3), greedySupporterId: 101, greedySupporterName: '佐藤 和子', greedyScore: 0.7 }),
    row({ requestId: 54, recipientName: '庄司 三郎', supporterId: 103, supporterName: '山田 太郎', score: 0.5, parts: parts(1), candidates: 3 }),
    row({ requestId: 53, recipientName: '若園 次郎', category: '粗大ごみ', candidates: 0 }),
    row({ requestId: 55, recipientName: '庄司 四郎' }),
  ],
  fairness: 0.1,
  optimum: { served: 3, totalScore: 1.855 },
  fairnessPenalty: 0,
  greedy: { served: 2, totalScore: 1.445 },
  exact: true,
};

const assignment = (requestId: number, supporterId: number, supporterName: string): S['AssignmentResponse'] => ({
  id: 900 + requestId,
  requestId,
  supporterId,
  supporterName,
  status: 'PROPOSED',
  createdOn: '2026-12-02',
  version: 0,
});

const NAMES: Record<number, string> = { 101: '佐藤 和子', 102: '鈴木 洋子', 103: '山田 太郎' };

/** The API; `confirm` answers 確定 in place of the 201 that registers every row sent. */
function backend({ me = coordinator, propose = () => jsonResponse(proposal), confirm }: {
  me?: S['MeResponse'];
  propose?: () => Response;
  confirm?: () => Response;
} = {}) {
  return mockFetch(async (request) => {
    const url = new URL(request.url);
    if (url.pathname === '/api/v1/me') return jsonResponse(me);
    if (url.pathname.startsWith('/api/v1/areas')) return areasApi(url)!;
    if (url.pathname === '/api/v1/support-categories') return jsonResponse(categories);
    if (url.pathname === '/api/v1/support-requests/batch-proposals' && request.method === 'POST') return propose();
    if (url.pathname === '/api/v1/support-requests/batch-assignments' && request.method === 'POST') {
      if (confirm) return confirm();
      const { rows } = (await request.json()) as S['BatchAssignmentRequest'];
      return jsonResponse({ assignments: rows.map((r) => assignment(r.requestId, r.supporterId, NAMES[r.supporterId])) }, 201);
    }
    return jsonResponse({ status: 404 }, 404);
  });
}

function renderPage() {
  return renderWithProviders(
    <Routes>
      <Route path="/support/batch" element={<SupportBatchRoute />} />
      <Route path="/support/stats" element={<p>地区の統計のページ</p>} />
    </Routes>,
    { route: '/support/batch' },
  );
}

const bodiesTo = async (sent: Request[], path: string) =>
  Promise.all(sent.filter((r) => new URL(r.url).pathname === `/api/v1/support-requests/${path}`).map((r) => r.clone().json()));

const table = () => screen.getByRole('table', { name: /^一括マッチングの提案/ });
/** The table row of a request (its header is 「相談 N」, then any refusal of it). */
const rowOf = (id: number) => within(table()).getByRole('rowheader', { name: new RegExp(`^相談 ${id}\\b`) }).closest('tr')!;
const keep = (id: number) => within(rowOf(id)).getByRole('checkbox', { name: new RegExp(`^この行を確定する（相談 ${id} `) });
/** What one request at a time would have given the row (the table's last column). */
const greedyOf = (id: number) => rowOf(id).lastElementChild?.textContent;
const supporterOf = (id: number) => within(rowOf(id)).getByRole('combobox', { name: `相談 ${id}の担い手` });

async function proposeAll(user: ReturnType<typeof userEvent.setup>) {
  await screen.findByRole('option', { name: '掃除' });
  await user.click(screen.getByRole('button', { name: '提案を作る' }));
  await screen.findByRole('table', { name: /^一括マッチングの提案/ });
}

describe('一括マッチング', () => {
  it('sends the conditions given and the fairness, and none it was not given', async () => {
    const user = userEvent.setup();
    const { requests: sent } = backend();
    renderPage();

    expect(await screen.findByRole('heading', { level: 1, name: '一括マッチング' })).toBeTruthy();
    const menu = screen.getByRole('navigation', { name: '生活支援のメニュー' });
    expect(within(menu).getByRole('link', { name: '一括マッチング' }).getAttribute('aria-current')).toBe('page');
    expect(screen.getByText(/同じ担い手への2件目以降の提案ごとに差し引く点/)).toBeTruthy();
    await proposeAll(user);
    expect(await bodiesTo(sent, 'batch-proposals')).toEqual([{ fairness: 0.1 }]);

    // The districts and categories the other support pages offer; an end before the start is refused here.
    await screen.findByRole('option', { name: '庄司' });
    await user.selectOptions(screen.getByRole('combobox', { name: /^地区/ }), '庄司');
    await user.type(screen.getByLabelText(/^受付日（から）/), '2026-11-30');
    await user.type(screen.getByLabelText(/^受付日（まで）/), '2026-11-01');
    await user.selectOptions(screen.getByRole('combobox', { name: /^相談の種類/ }), '掃除');
    const fairness = screen.getByLabelText(/^公平性/);
    await user.clear(fairness);
    await user.type(fairness, '1.5');
    await user.click(screen.getByRole('button', { name: '提案を作る' }));
    expect(screen.getByText('終わりの日は始まりの日より後にしてください')).toBeTruthy();
    expect(screen.getByText('0 から 1 までの数を入力してください')).toBeTruthy();
    expect(await bodiesTo(sent, 'batch-proposals')).toHaveLength(1);

    const from = screen.getByLabelText(/^受付日（から）/);
    await user.clear(from);
    await user.type(from, '2026-11-01');
    const to = screen.getByLabelText(/^受付日（まで）/);
    await user.clear(to);
    await user.type(to, '2026-11-30');
    await user.clear(fairness);
    await user.type(fairness, '0.25');
    await user.click(screen.getByRole('button', { name: '提案を作る' }));
    await waitFor(async () => expect(await bodiesTo(sent, 'batch-proposals')).toHaveLength(2));
    expect((await bodiesTo(sent, 'batch-proposals'))[1]).toEqual({
      areaCode: shoji.code,
      receivedFrom: '2026-11-01',
      receivedTo: '2026-11-30',
      categoryCode: 'CLEANING',
      fairness: 0.25,
    });
    expect(await bodiesTo(sent, 'batch-assignments')).toEqual([]);
  });

  it('shows the batch beside one request at a time, marks the rows that differ and says why a row has nobody', async () => {
    const user = userEvent.setup();
    backend();
    renderPage();
    await proposeAll(user);

    expect(screen.getByText('一括: 3件 / 1件ずつ: 2件')).toBeTruthy();
    expect(screen.getByText('一括: 1.855 / 1件ずつ: 1.445')).toBeTruthy();
    expect(screen.getByText('0.000（公平性 0.10）')).toBeTruthy();
    expect(screen.getByText('最適（規則と時間の重なりを守った中で最良）')).toBeTruthy();
    expect(screen.getByText(/相談 5件のうち、一括で 3件（1件ずつなら 2件）に担い手を割り当てます/)).toBeTruthy();

    expect(within(table()).getAllByRole('rowheader').map((th) => th.textContent)).toEqual(['相談 51', '相談 52', '相談 54', '相談 53', '相談 55']);
    expect(within(rowOf(51)).getByRole('link', { name: '相談 51' }).getAttribute('href')).toBe('/support/requests/51');
    expect(within(rowOf(51)).getByText('毎週 火曜 09:00〜10:00')).toBeTruthy();
    expect(within(rowOf(51)).getByText('高い（急ぎ）')).toBeTruthy();
    expect(within(rowOf(52)).getByText('2026年12月1日 09:00〜10:00')).toBeTruthy();

    // The same supporter both ways: not marked. Another one, or one where one at a time has nobody: marked.
    expect(within(rowOf(51)).queryByText('一括と違う')).toBeNull();
    expect(rowOf(51).className).not.toContain('batch-row--differs');
    expect(within(rowOf(52)).getByText('一括と違う')).toBeTruthy();
    expect(rowOf(52).className).toContain('batch-row--differs');
    expect(greedyOf(52)).toBe('佐藤 和子 0.700点一括と違う');
    expect((supporterOf(52) as HTMLSelectElement).selectedOptions[0].textContent).toBe('鈴木 洋子');
    expect(within(rowOf(54)).getByText('一括と違う')).toBeTruthy();
    expect(greedyOf(54)).toBe('割り当てなし一括と違う');
    expect(greedyOf(51)).toBe('佐藤 和子 0.745点');
    expect(screen.getByText('2行')).toBeTruthy();

    // The score and its parts, as on the candidates of a request.
    expect(within(rowOf(52)).getByText('0.610')).toBeTruthy();
    expect(within(rowOf(52)).getByText('近さ').nextElementSibling?.textContent).toBe('0.30');

    // Nobody: no supporter fits at all, or those who fit have no place left; such rows are not confirmed.
    expect(within(rowOf(53)).getByText('候補なし')).toBeTruthy();
    expect(within(rowOf(53)).queryByRole('combobox')).toBeNull();
    expect(within(rowOf(55)).getByText('受け持ちの空きが足りない')).toBeTruthy();
    expect((keep(53) as HTMLInputElement).checked).toBe(false);
    expect((keep(55) as HTMLInputElement).disabled).toBe(true);
    expect((keep(51) as HTMLInputElement).checked).toBe(true);
    expect(screen.getByRole('button', { name: '選んだ3件を確定する' })).toBeTruthy();
  });

  it('confirms the rows kept with the supporters chosen, and links to the requests registered', async () => {
    const user = userEvent.setup();
    const { requests: sent } = backend();
    renderPage();
    await proposeAll(user);

    await user.click(keep(51));
    expect(screen.getByRole('button', { name: '選んだ2件を確定する' })).toBeTruthy();
    // 52 to the supporter one at a time would have chosen: that one's score is the one known.
    await user.selectOptions(supporterOf(52), '佐藤 和子');
    expect(within(rowOf(52)).getByText('入れ替え（提案は鈴木 洋子さん）')).toBeTruthy();
    expect(within(rowOf(52)).getByText('0.700')).toBeTruthy();
    // 55 had nobody: offered the supporters of the batch, it is confirmed once chosen and ticked.
    expect(within(supporterOf(55)).getAllByRole('option').map((o) => o.textContent)).toEqual(['選んでください', '佐藤 和子', '山田 太郎', '鈴木 洋子']);
    await user.selectOptions(supporterOf(55), '山田 太郎');
    await user.click(keep(55));
    await user.click(screen.getByRole('button', { name: '選んだ3件を確定する' }));

    expect(await screen.findByText('3件の調整を登録しました')).toBeTruthy();
    // The table the focus was in is gone: the focus is on what happened.
    expect(document.activeElement?.textContent).toContain('3件の調整を登録しました');
    expect(await bodiesTo(sent, 'batch-assignments')).toEqual([
      {
        rows: [
          { requestId: 52, supporterId: 101 },
          { requestId: 54, supporterId: 103 },
          { requestId: 55, supporterId: 103 },
        ],
      },
    ]);
    expect(screen.getByRole('link', { name: '相談 52（高須 花子さん）' }).getAttribute('href')).toBe('/support/requests/52');
    expect(screen.getByRole('link', { name: '相談 55（庄司 四郎さん）' }).getAttribute('href')).toBe('/support/requests/55');
    expect(screen.getByText(/佐藤 和子さん（依頼中）/)).toBeTruthy();
    // The proposal is spent.
    expect(screen.queryByRole('table', { name: /^一括マッチングの提案/ })).toBeNull();
  });

  it('marks the row a 409 names, of the rows sent, and proposes again on 提案を作り直す', async () => {
    const user = userEvent.setup();
    const { requests: sent } = backend({
      confirm: () =>
        jsonResponse(
          {
            type: '/problems/batch-stale',
            title: '競合しています',
            status: 409,
            detail: '1 行は提案のあとで状況が変わりました。何も登録していません。提案をもう一度作ってください。',
            errors: [{ field: 'rows[1]', message: '担い手「山田 太郎」の空きは 0 件です（この確定で 1 件）' }],
          },
          409,
        ),
    });
    renderPage();
    await proposeAll(user);

    // Row 51 is dropped, so rows[1] of what is sent is request 54 (the third row of the table).
    await user.click(keep(51));
    await user.click(screen.getByRole('button', { name: '選んだ2件を確定する' }));

    expect(await screen.findByText('1 行は提案のあとで状況が変わりました。何も登録していません。提案をもう一度作ってください。')).toBeTruthy();
    expect(within(rowOf(54)).getByText('担い手「山田 太郎」の空きは 0 件です（この確定で 1 件）')).toBeTruthy();
    expect(rowOf(54).className).toContain('batch-row--problem');
    expect(rowOf(52).className).not.toContain('batch-row--problem');
    expect(keep(54).getAttribute('aria-describedby')).toBeTruthy();
    expect(screen.getByText(/庄司 三郎さん（相談 54）/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '相談 54の行へ' }));
    expect(document.activeElement).toBe(keep(54));

    await user.click(screen.getByRole('button', { name: '提案を作り直す' }));
    await waitFor(async () => expect(await bodiesTo(sent, 'batch-proposals')).toEqual([{ fairness: 0.1 }, { fairness: 0.1 }]));
    // A fresh proposal: every row as proposed, nothing marked.
    await waitFor(() => expect((keep(51) as HTMLInputElement).checked).toBe(true));
    expect(rowOf(54).className).not.toContain('batch-row--problem');
    expect(screen.queryByText(/状況が変わりました/)).toBeNull();
  });

  it('marks the supporter a 422 refuses', async () => {
    const user = userEvent.setup();
    backend({
      confirm: () =>
        jsonResponse(
          {
            type: '/problems/pair-not-allowed',
            title: '処理できない内容です',
            status: 422,
            detail: '1 行の担い手は相談の条件に合いません。何も登録していません。',
            errors: [{ field: 'rows[0].supporterId', message: '担い手 103 はこの相談の条件（地区・種類・曜日と時間・車・有償/無償）に合いません' }],
          },
          422,
        ),
    });
    renderPage();
    await proposeAll(user);
    await user.selectOptions(supporterOf(51), '山田 太郎');
    await user.click(screen.getByRole('button', { name: '選んだ3件を確定する' }));

    expect(await screen.findByText('1 行の担い手は相談の条件に合いません。何も登録していません。')).toBeTruthy();
    expect(supporterOf(51).getAttribute('aria-invalid')).toBe('true');
    expect(supporterOf(52).getAttribute('aria-invalid')).toBeNull();
    expect(within(rowOf(51)).getByText(/担い手 103 はこの相談の条件/)).toBeTruthy();
    expect(screen.getByRole('button', { name: '提案を作り直す' })).toBeTruthy();
  });

  it('says so when no request is waiting', async () => {
    const user = userEvent.setup();
    backend({
      propose: () =>
        jsonResponse(
          {
            type: '/problems/batch-size',
            title: '処理できない内容です',
            status: 422,
            detail: 'requestIds: 調整を待っている相談がありません（1 件以上）',
            errors: [{ field: 'requestIds', message: '調整を待っている相談がありません（1 件以上）' }],
          },
          422,
        ),
    });
    renderPage();
    await screen.findByRole('option', { name: '掃除' });
    await user.click(screen.getByRole('button', { name: '提案を作る' }));

    expect(await screen.findByText('調整を待っている相談がありません（1 件以上）')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('asks viewers for nothing and sends them to the statistics', async () => {
    const { requests: sent } = backend({ me: viewer });
    renderPage();

    expect(await screen.findByText('地区の統計のページ')).toBeTruthy();
    expect(sent.filter((r) => r.method === 'POST')).toEqual([]);
  });
});
