import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { components } from '@/lib/api/schema';
import { bodiesOf, builderBackend, stored } from '@/testing/plan-builder-fixtures';
import { renderWithProviders } from '@/testing/test-utils';
import { PlanRoute } from './plan';

type S = components['schemas'];
type User = ReturnType<typeof userEvent.setup>;

/** A form filled in by keyboard and mouse takes a few seconds in jsdom on a busy machine. */
const LONG = 30_000;

function renderPage() {
  return renderWithProviders(
    <Routes>
      <Route path="/plans/:code" element={<PlanRoute />} />
    </Routes>,
    { route: '/plans/kumamoto-5th' },
  );
}

async function fill(user: User, element: HTMLElement, text: string) {
  await user.clear(element);
  await user.paste(text);
}

async function openEditMode(user: User) {
  await user.click(await screen.findByRole('button', { name: '編集モード' }));
  expect(screen.getByRole('button', { name: '編集モード' }).getAttribute('aria-pressed')).toBe('true');
}

/** The 第5次熊本市地域福祉計画's 基本方針Ⅳ with three 取組 under it, at the versions the API gave them. */
function policyIV() {
  return [
    stored('Ⅳ', 'だれもがつながる地域づくり', {
      version: 2,
      children: [
        stored('13', '複雑化・複合化した課題へ対応するための相談支援体制の充実', { version: 3 }),
        stored('14', '官民連携による孤独・孤立対策の推進', { version: 5 }),
        stored('15', '地域での見守り活動の推進', { version: 1 }),
      ],
    }),
  ];
}

const optionLabels = (select: HTMLElement) => Array.from((select as HTMLSelectElement).options).map((o) => o.textContent);

/** 熊本市's 取組13 prints its own: (主な事業や取組) 事業の実施主体〔○〕 連携・協力団体〔□〕. */
const legend13: S['RoleLegendEntry'][] = [
  { symbol: '○', meaning: '事業の実施主体', role: 'LEAD' },
  { symbol: '□', meaning: '連携・協力団体', role: 'PARTNER' },
];

const titlesUnder = () => screen.getAllByTestId('builder-node').map((li) => li.querySelector('.builder-node__title')?.textContent);

describe('計画の編集モード', () => {
  it('adds a node at the top and one under it, with its 主な活動の単位 and the symbol of each actor from the plan’s legend', { timeout: LONG }, async () => {
    const user = userEvent.setup();
    const { requests } = builderBackend();
    renderPage();
    await openEditMode(user);
    expect(screen.getByText(/この計画にはまだ項目がありません/)).toBeTruthy();

    await user.click(screen.getByRole('button', { name: '最上位に項目を追加' }));
    let form = screen.getByRole('form', { name: '最上位に項目を追加' });
    expect(form.textContent).toContain('階層: 基本方針');
    await fill(user, within(form).getByLabelText(/^番号/), 'Ⅳ');
    await fill(user, within(form).getByLabelText(/^名前/), 'だれもがつながる地域づくり');
    await user.click(within(form).getByRole('button', { name: '追加する' }));
    await screen.findByRole('group', { name: 'Ⅳ だれもがつながる地域づくりの操作' });

    await user.click(screen.getByRole('button', { name: 'Ⅳ だれもがつながる地域づくりの下に項目を追加' }));
    form = screen.getByRole('form', { name: '「Ⅳ だれもがつながる地域づくり」の下に項目を追加' });
    expect(form.textContent).toContain('階層: 取組の視点');
    await fill(user, within(form).getByLabelText(/^番号/), 'Ⅳ-1');
    await fill(user, within(form).getByLabelText(/^名前/), '誰一人取り残さないための包括的な相談支援体制づくり');
    await fill(user, within(form).getByLabelText('主な活動の単位', { exact: false }), '市内全域');
    // The node has no legend of its own: the plan's holds, and its symbols are what each actor may get.
    expect(within(form).getByRole('group', { name: 'この項目の凡例' }).textContent).toContain('入力しなければ、上位の凡例（◎ 実施主体　○ 連携・協力）に従います。');
    const city = within(within(form).getByRole('group', { name: '市' })).getByLabelText('市の記号');
    expect(optionLabels(city)).toEqual(['（なし）', '◎ 実施主体', '○ 連携・協力']);
    await user.selectOptions(city, '◎ 実施主体');
    const council = within(form).getByRole('group', { name: '市社協' });
    expect((within(council).getByLabelText('市社協が行うこと') as HTMLInputElement).disabled).toBe(true);
    await user.selectOptions(within(council).getByLabelText('市社協の記号'), '○ 連携・協力');
    await fill(user, within(council).getByLabelText('市社協が行うこと'), 'CSW を配置します');
    await user.click(within(form).getByRole('button', { name: '追加する' }));

    const roles = await screen.findByRole('list', { name: 'Ⅳ-1 誰一人取り残さないための包括的な相談支援体制づくりの役割分担' });
    expect(within(roles).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['◎市（実施主体）', '○市社協（連携・協力）: CSW を配置します']);
    expect(screen.getByText('主な活動の単位: 市内全域')).toBeTruthy();

    const bodies = await bodiesOf<S['CreateNodeRequest']>(requests, 'POST', '/plans/kumamoto-5th/nodes');
    expect(bodies).toEqual([
      { code: 'Ⅳ', title: 'だれもがつながる地域づくり', summary: null, activityUnit: null, mainTarget: null, roles: [], legend: [], parentCode: null },
      {
        code: 'Ⅳ-1',
        title: '誰一人取り残さないための包括的な相談支援体制づくり',
        summary: null,
        activityUnit: '市内全域',
        mainTarget: null,
        // The symbols as chosen; the API reads their meaning through the legend in force.
        roles: [
          { actor: 'city', symbol: '◎', role: null, statement: null },
          { actor: 'council', symbol: '○', role: null, statement: 'CSW を配置します' },
        ],
        legend: [],
        parentCode: 'Ⅳ',
      },
    ]);
  });

  it('moves a node up and down among its siblings, sending its place and the version it was read at', { timeout: LONG }, async () => {
    const user = userEvent.setup();
    const { requests } = builderBackend({ nodes: policyIV() });
    renderPage();
    await openEditMode(user);

    await user.click(screen.getByRole('button', { name: '14 官民連携による孤独・孤立対策の推進を上へ移動' }));
    await waitFor(() => expect(titlesUnder()[1]).toContain('官民連携'));
    expect(titlesUnder().map((t) => t?.match(/(\d+|Ⅳ)/)?.[0])).toEqual(['Ⅳ', '14', '13', '15']);
    expect(screen.getByText('「14 官民連携による孤独・孤立対策の推進」を上へ移動しました。')).toBeTruthy();
    // At the top now: its 上へ is disabled, so the focus went to its 下へ, and Enter moves it back down.
    const down = screen.getByRole('button', { name: '14 官民連携による孤独・孤立対策の推進を下へ移動' });
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-label')).toBe(down.getAttribute('aria-label')));
    await user.keyboard('{Enter}');
    await waitFor(() => expect(titlesUnder()[2]).toContain('官民連携'));

    const moves = await bodiesOf<S['MoveNodeRequest']>(requests, 'POST', '/nodes/14/move');
    expect(moves).toEqual([
      { parentCode: 'Ⅳ', position: 0, version: 5 },
      { parentCode: 'Ⅳ', position: 1, version: 6 },
    ]);
    expect(screen.getByRole('button', { name: 'Ⅳ だれもがつながる地域づくりを上へ移動' })).toHaveProperty('disabled', true);
  });

  it('moves a node under another parent', { timeout: LONG }, async () => {
    const user = userEvent.setup();
    const nodes = [...policyIV(), stored('Ⅴ', '地域福祉を推進するための基盤づくり', { version: 0 })];
    const { requests } = builderBackend({ nodes });
    renderPage();
    await openEditMode(user);
    await user.click(screen.getByRole('button', { name: '15 地域での見守り活動の推進を別の親へ移動' }));
    const form = screen.getByRole('form', { name: '移動: 15 地域での見守り活動の推進' });
    await user.selectOptions(within(form).getByLabelText('移動先の親'), 'Ⅴ 地域福祉を推進するための基盤づくり');
    await user.click(within(form).getByRole('button', { name: '移動する' }));
    await screen.findByText('「15 地域での見守り活動の推進」を移動しました。');
    expect(await bodiesOf(requests, 'POST', '/nodes/15/move')).toEqual([{ parentCode: 'Ⅴ', position: 0, version: 1 }]);
    const v = screen.getAllByTestId('builder-node').find((li) => li.querySelector('.builder-node__title')?.textContent?.includes('基盤づくり'))!;
    expect(within(v).getByText(/地域での見守り活動の推進/)).toBeTruthy();
  });

  it('says another member of staff changed the node when the API answers 409, and reads it again', { timeout: LONG }, async () => {
    const user = userEvent.setup();
    const backend = builderBackend({ nodes: policyIV() });
    backend.state.conflictOnce = '13';
    renderPage();
    await openEditMode(user);
    await user.click(screen.getByRole('button', { name: '13 複雑化・複合化した課題へ対応するための相談支援体制の充実を編集' }));
    const form = screen.getByRole('form', { name: /^項目の編集: 13/ });
    await fill(user, within(form).getByLabelText(/^番号/), '13-1');
    await user.click(within(form).getByRole('button', { name: '変更を保存' }));

    expect(await within(form).findByText('他の職員がこの項目を更新しました。再読み込みしてください')).toBeTruthy();
    const put = await bodiesOf<S['UpdateNodeRequest']>(backend.requests, 'PUT', '/nodes/13');
    expect(put[0]).toMatchObject({ code: '13-1', version: 3 });

    // Someone renamed it meanwhile: 再読み込み reads the tree and fills the form afresh.
    backend.state.nodes[0].children[0].title = '相談支援体制の充実';
    backend.state.nodes[0].children[0].version = 4;
    const reads = backend.state.treeReads;
    await user.click(within(form).getByRole('button', { name: '再読み込み' }));
    await waitFor(() => expect(backend.state.treeReads).toBe(reads + 1));
    const fresh = await screen.findByRole('form', { name: '項目の編集: 13 相談支援体制の充実' });
    expect((within(fresh).getByLabelText(/^番号/) as HTMLInputElement).value).toBe('13');
    expect(within(fresh).queryByText('他の職員がこの項目を更新しました。再読み込みしてください')).toBeNull();
    await user.click(within(fresh).getByRole('button', { name: '変更を保存' }));
    await screen.findByText('「13」を保存しました。');
    expect((await bodiesOf<S['UpdateNodeRequest']>(backend.requests, 'PUT', '/nodes/13'))[1]).toMatchObject({ code: '13', version: 4 });
  });

  it('says the same when a move meets a newer version', { timeout: LONG }, async () => {
    const user = userEvent.setup();
    const backend = builderBackend({ nodes: policyIV() });
    backend.state.conflictOnce = '15';
    renderPage();
    await openEditMode(user);
    await user.click(screen.getByRole('button', { name: '15 地域での見守り活動の推進を上へ移動' }));
    const alert = await screen.findByText('他の職員がこの項目を更新しました。再読み込みしてください');
    const reads = backend.state.treeReads;
    await user.click(within(alert.closest('.alert') as HTMLElement).getByRole('button', { name: '再読み込み' }));
    await waitFor(() => expect(backend.state.treeReads).toBe(reads + 1));
    await waitFor(() => expect(screen.queryByText('他の職員がこの項目を更新しました。再読み込みしてください')).toBeNull());
  });

  it('deletes a node with indicators only after showing what hangs on it and asking again (まとめて削除)', { timeout: LONG }, async () => {
    const user = userEvent.setup();
    const nodes = policyIV();
    nodes[0].children[0].indicators = [{ code: 'k-1', name: '新規相談受付件数', unit: '件', direction: 'INCREASE', notSet: false, notSetReason: null }];
    nodes[0].children[0].values = 3;
    const { requests } = builderBackend({ nodes });
    renderPage();
    await openEditMode(user);
    const label = '13 複雑化・複合化した課題へ対応するための相談支援体制の充実';
    await user.click(screen.getByRole('button', { name: `${label}を削除` }));
    const dialog = screen.getByRole('alertdialog', { name: `「${label}」を削除しますか？` });
    await user.click(within(dialog).getByRole('button', { name: '削除する' }));

    const counts = await within(dialog).findByRole('list', { name: 'この項目に付いているもの' });
    expect(within(counts).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['成果指標 1 件', '指標の値 3 件']);
    expect(screen.getAllByTestId('builder-node')).toHaveLength(4);
    await user.click(within(dialog).getByRole('button', { name: 'まとめて削除' }));
    expect(dialog.textContent).toContain('元に戻せません');
    await user.click(within(dialog).getByRole('button', { name: 'まとめて削除する' }));

    await screen.findByText(`「${label}」を削除しました。`);
    expect(screen.getAllByTestId('builder-node')).toHaveLength(3);
    const deletes = requests.filter((r) => r.method === 'DELETE').map((r) => new URL(r.url).search);
    expect(deletes).toEqual(['?cascade=false', '?cascade=true']);
  });

  it('adds an indicator with its baseline and a target for each year, then edits one target with its version', { timeout: LONG }, async () => {
    const user = userEvent.setup();
    const { requests } = builderBackend({ nodes: policyIV() });
    renderPage();
    await openEditMode(user);
    await user.click(screen.getByRole('button', { name: 'Ⅳ だれもがつながる地域づくりに指標を追加' }));
    const form = screen.getByRole('form', { name: '指標を追加: Ⅳ だれもがつながる地域づくり' });
    await fill(user, within(form).getByLabelText(/^指標名/), '〔熊本市生活自立支援センター〕の新規相談受付件数(年間)');
    await fill(user, within(form).getByLabelText(/^指標コード/), 'kumamoto-5th-iv-1');
    await fill(user, within(form).getByLabelText(/^単位/), '件');
    await user.click(within(within(form).getByRole('group', { name: /^方向/ })).getByLabelText('増加'));
    await fill(user, within(form).getByLabelText('指標設定の考え方'), '相談支援体制の充実を測る');
    const targetYears = within(form).getAllByRole('rowheader').map((th) => Number(/\((\d{4})\)/.exec(th.textContent ?? '')?.[1]));
    expect(targetYears).toEqual([2024, 2025, 2026, 2027, 2028, 2029, 2030, 2031]);
    await user.selectOptions(within(form).getByLabelText('基準値の年度'), '令和5年度 (2023)');
    await fill(user, within(form).getByLabelText('基準値（件）'), '1,336');
    await fill(user, within(form).getByLabelText('令和9年度 (2027)の目標値'), '1,621');
    await fill(user, within(form).getByLabelText('令和13年度 (2031)の目標値'), '２０００');
    await user.click(within(form).getByRole('button', { name: '指標を追加' }));

    await screen.findByText('指標を追加しました。');
    const list = screen.getByRole('list', { name: 'Ⅳ だれもがつながる地域づくりの成果指標' });
    expect(within(list).getByRole('link', { name: '〔熊本市生活自立支援センター〕の新規相談受付件数(年間)' })).toBeTruthy();
    expect(await bodiesOf(requests, 'POST', '/api/v1/indicators')).toEqual([
      {
        code: 'kumamoto-5th-iv-1',
        planCode: 'kumamoto-5th',
        nodeCode: 'Ⅳ',
        name: '〔熊本市生活自立支援センター〕の新規相談受付件数(年間)',
        unit: '件',
        direction: 'INCREASE',
        rationale: '相談支援体制の充実を測る',
        notSet: false,
        notSetReason: null,
        disaggregation: null,
      },
    ]);
    const puts = requests.filter((r) => r.method === 'PUT').map((r) => new URL(r.url).pathname);
    expect(puts).toEqual(['/api/v1/indicators/kumamoto-5th-iv-1/values/2023', '/api/v1/indicators/kumamoto-5th-iv-1/values/2027', '/api/v1/indicators/kumamoto-5th-iv-1/values/2031']);
    expect(await bodiesOf(requests, 'PUT', /\/values\//)).toEqual([
      { kind: 'BASELINE', option: null, value: 1336, marker: null, version: 0 },
      { kind: 'TARGET', option: null, value: 1621, marker: null, version: 0 },
      { kind: 'TARGET', option: null, value: 2000, marker: null, version: 0 },
    ]);

    // Edit: the form reads the indicator, shows its values, and writes only what changed, with its version.
    await user.click(within(list).getByRole('button', { name: '指標を編集: 〔熊本市生活自立支援センター〕の新規相談受付件数(年間)' }));
    const edit = await screen.findByRole('form', { name: '指標を編集: 〔熊本市生活自立支援センター〕の新規相談受付件数(年間)' });
    expect((within(edit).getByLabelText('基準値（件）') as HTMLInputElement).value).toBe('1336');
    expect((within(edit).getByLabelText('基準値の年度') as HTMLSelectElement).value).toBe('2023');
    expect((within(edit).getByLabelText('令和9年度 (2027)の目標値') as HTMLInputElement).value).toBe('1621');
    await fill(user, within(edit).getByLabelText('令和13年度 (2031)の目標値'), '2100');
    await user.click(within(edit).getByRole('button', { name: '保存する' }));
    await screen.findByText('指標を保存しました。');
    const values = await bodiesOf(requests, 'PUT', /\/values\//);
    expect(values).toHaveLength(4);
    expect(values[3]).toEqual({ kind: 'TARGET', option: null, value: 2100, marker: null, version: 1 });
    expect(requests.some((r) => r.method === 'PUT' && new URL(r.url).pathname === '/api/v1/indicators/kumamoto-5th-iv-1')).toBe(false);
  });

  it('sets a node’s own legend as printed, and its actors’ symbols come from that legend', { timeout: LONG }, async () => {
    const user = userEvent.setup();
    const { requests } = builderBackend({ nodes: policyIV() });
    renderPage();
    await openEditMode(user);
    const label13 = '13 複雑化・複合化した課題へ対応するための相談支援体制の充実';
    await user.click(screen.getByRole('button', { name: `${label13}を編集` }));
    const form = screen.getByRole('form', { name: `項目の編集: ${label13}` });
    const legend = within(form).getByRole('group', { name: 'この項目の凡例' });
    for (const [i, line] of legend13.entries()) {
      await user.click(within(legend).getByRole('button', { name: '凡例の行を追加' }));
      await fill(user, within(legend).getByLabelText(new RegExp(`^凡例${i + 1}行目の記号`)), line.symbol);
      await fill(user, within(legend).getByLabelText(new RegExp(`^凡例${i + 1}行目の意味`)), line.meaning);
      await user.selectOptions(within(legend).getByLabelText(new RegExp(`^凡例${i + 1}行目の役割`)), line.role === 'LEAD' ? '実施主体' : '連携・協力');
    }
    // The choices follow the legend as typed: ○ is 事業の実施主体 here, and □ is offered.
    const roles = within(form).getByRole('group', { name: '役割分担' });
    expect(roles.textContent).toContain('凡例: ○ 事業の実施主体　□ 連携・協力団体（この項目の凡例）');
    expect(optionLabels(within(roles).getByLabelText('市の記号'))).toEqual(['（なし）', '○ 事業の実施主体', '□ 連携・協力団体']);
    await user.selectOptions(within(roles).getByLabelText('市の記号'), '○ 事業の実施主体');
    await user.selectOptions(within(roles).getByLabelText('民生委員の記号'), '□ 連携・協力団体');
    await user.click(within(form).getByRole('button', { name: '変更を保存' }));

    await screen.findByText('「13」を保存しました。');
    const [put] = await bodiesOf<S['UpdateNodeRequest']>(requests, 'PUT', '/nodes/13');
    expect(put).toEqual({
      code: '13',
      title: '複雑化・複合化した課題へ対応するための相談支援体制の充実',
      summary: null,
      activityUnit: null,
      mainTarget: '',
      roles: [
        { actor: 'city', symbol: '○', role: null, statement: null },
        { actor: 'minsei', symbol: '□', role: null, statement: null },
      ],
      legend: legend13,
      version: 3,
    });
    const node = screen.getAllByTestId('builder-node').find((li) => li.querySelector('.builder-node__title')?.textContent?.includes('相談支援体制の充実'))!;
    expect(node.textContent).toContain('凡例: ○ 事業の実施主体　□ 連携・協力団体');
    const list = within(node).getByRole('list', { name: `${label13}の役割分担` });
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['○市（事業の実施主体）', '□民生委員（連携・協力団体）']);
  });

  it('offers a new node under a section the symbols of that section’s legend', { timeout: LONG }, async () => {
    const user = userEvent.setup();
    const nodes = policyIV();
    nodes[0].children[0].legend = legend13;
    const { requests } = builderBackend({ nodes });
    renderPage();
    await openEditMode(user);
    await user.click(screen.getByRole('button', { name: '13 複雑化・複合化した課題へ対応するための相談支援体制の充実の下に項目を追加' }));
    const form = screen.getByRole('form', { name: /の下に項目を追加$/ });
    expect(within(form).getByRole('group', { name: 'この項目の凡例' }).textContent).toContain('上位の凡例（○ 事業の実施主体　□ 連携・協力団体）に従います');
    await fill(user, within(form).getByLabelText(/^番号/), '13-2');
    await fill(user, within(form).getByLabelText(/^名前/), '権利擁護のための地域連携ネットワーク');
    const city = within(form).getByLabelText('市の記号');
    expect(optionLabels(city)).toEqual(['（なし）', '○ 事業の実施主体', '□ 連携・協力団体']);
    await user.selectOptions(city, '○ 事業の実施主体');
    await user.selectOptions(within(form).getByLabelText('市社協の記号'), '□ 連携・協力団体');
    await user.click(within(form).getByRole('button', { name: '追加する' }));

    await screen.findByText('「13-2」を追加しました。');
    const [post] = await bodiesOf<S['CreateNodeRequest']>(requests, 'POST', '/plans/kumamoto-5th/nodes');
    expect(post.roles).toEqual([
      { actor: 'city', symbol: '○', role: null, statement: null },
      { actor: 'council', symbol: '□', role: null, statement: null },
    ]);
    expect(post.legend).toEqual([]);
    expect(post.parentCode).toBe('13');
  });

  it('keeps a stored symbol the legend does not list, flagged, when the node is edited', { timeout: LONG }, async () => {
    const user = userEvent.setup();
    const nodes = policyIV();
    nodes[0].children[0].legend = legend13;
    // 福祉総合相談 prints ◎ under 取組13, whose legend lists ○ and □ only.
    nodes[0].children[0].children = [stored('13-5', '福祉総合相談', { version: 1, roles: [{ actor: 'city', symbol: '◎', statement: null }] })];
    const { requests } = builderBackend({ nodes });
    renderPage();
    await openEditMode(user);
    const list = await screen.findByRole('list', { name: '13-5 福祉総合相談の役割分担' });
    expect(within(list).getByRole('listitem').textContent).toBe('◎市凡例にない記号');

    await user.click(screen.getByRole('button', { name: '13-5 福祉総合相談を編集' }));
    const form = screen.getByRole('form', { name: '項目の編集: 13-5 福祉総合相談' });
    const city = within(form).getByLabelText('市の記号') as HTMLSelectElement;
    expect(city.value).toBe('◎');
    expect(optionLabels(city)).toEqual(['（なし）', '○ 事業の実施主体', '□ 連携・協力団体', '◎（凡例にない記号）']);
    await fill(user, within(form).getByLabelText('主な活動の単位', { exact: false }), '市内全域');
    await user.click(within(form).getByRole('button', { name: '変更を保存' }));

    await screen.findByText('「13-5」を保存しました。');
    const [put] = await bodiesOf<S['UpdateNodeRequest']>(requests, 'PUT', '/nodes/13-5');
    expect(put.roles).toEqual([{ actor: 'city', symbol: '◎', role: null, statement: null }]);
    expect(put.legend).toEqual([]);
    expect(put.activityUnit).toBe('市内全域');
  });

  it('changes the plan’s legend in 計画の設定', { timeout: LONG }, async () => {
    const user = userEvent.setup();
    const backend = builderBackend({ nodes: policyIV() });
    renderPage();
    await openEditMode(user);
    await user.click(screen.getByRole('button', { name: /^計画の設定/ }));
    const form = screen.getByRole('form', { name: /^計画の設定/ });
    const legend = within(form).getByRole('group', { name: '役割の記号の凡例' });
    expect((within(legend).getByLabelText(/^凡例1行目の記号/) as HTMLInputElement).value).toBe('◎');
    expect((within(legend).getByLabelText(/^凡例2行目の意味/) as HTMLInputElement).value).toBe('連携・協力');
    await fill(user, within(legend).getByLabelText(/^凡例2行目の意味/), '連携・協力団体');
    await user.click(within(form).getByRole('button', { name: '設定を保存' }));

    await waitFor(() => expect(screen.queryByRole('form', { name: /^計画の設定/ })).toBeNull());
    const [put] = await bodiesOf<S['UpdatePlanRequest']>(backend.requests, 'PUT', '/api/v1/plans/kumamoto-5th');
    expect(put.legend).toEqual([
      { symbol: '◎', meaning: '実施主体', role: 'LEAD' },
      { symbol: '○', meaning: '連携・協力団体', role: 'PARTNER' },
    ]);
    expect(put.version).toBe(0);
  });

  it('shows each node’s 取組の主な対象 under its title, in the table and in 編集モード', { timeout: LONG }, async () => {
    const user = userEvent.setup();
    const nodes = policyIV();
    nodes[0].mainTarget = '地域と連携できる多様な関係機関・地域で困難な課題を抱える方など';
    builderBackend({ nodes });
    renderPage();
    const row = await screen.findByRole('rowheader', { name: /だれもがつながる地域づくり/ });
    expect(row.textContent).toContain('主な対象: 地域と連携できる多様な関係機関・地域で困難な課題を抱える方など');
    expect(screen.getAllByText(/^主な対象:/)).toHaveLength(1);
    await openEditMode(user);
    const node = screen.getAllByTestId('builder-node')[0];
    expect(node.querySelector('.builder-node__body')?.textContent).toContain('主な対象: 地域と連携できる多様な関係機関・地域で困難な課題を抱える方など');
  });

  it('sends 取組の主な対象 from the node form: as typed on a new node and on a change, "" to clear it', { timeout: LONG }, async () => {
    const user = userEvent.setup();
    const nodes = policyIV();
    nodes[0].mainTarget = '地域で困難な課題を抱える方など';
    const { requests } = builderBackend({ nodes });
    renderPage();
    await openEditMode(user);

    const labelIV = 'Ⅳ だれもがつながる地域づくり';
    await user.click(screen.getByRole('button', { name: `${labelIV}を編集` }));
    let form = screen.getByRole('form', { name: `項目の編集: ${labelIV}` });
    const target = within(form).getByLabelText('取組の主な対象', { exact: false }) as HTMLTextAreaElement;
    expect(target.value).toBe('地域で困難な課題を抱える方など');
    await fill(user, target, '地域と連携できる多様な関係機関・地域で困難な課題を抱える方など');
    await user.click(within(form).getByRole('button', { name: '変更を保存' }));
    await screen.findByText('「Ⅳ」を保存しました。');
    expect(screen.getAllByTestId('builder-node')[0].textContent).toContain('主な対象: 地域と連携できる多様な関係機関・地域で困難な課題を抱える方など');

    await user.click(screen.getByRole('button', { name: `${labelIV}を編集` }));
    form = screen.getByRole('form', { name: `項目の編集: ${labelIV}` });
    await user.clear(within(form).getByLabelText('取組の主な対象', { exact: false }));
    await user.click(within(form).getByRole('button', { name: '変更を保存' }));
    await waitFor(() => expect(screen.queryByRole('form', { name: `項目の編集: ${labelIV}` })).toBeNull());
    await waitFor(() => expect(screen.queryByText(/^主な対象:/)).toBeNull());

    const puts = await bodiesOf<S['UpdateNodeRequest']>(requests, 'PUT', '/nodes/Ⅳ');
    expect(puts.map((p) => p.mainTarget)).toEqual(['地域と連携できる多様な関係機関・地域で困難な課題を抱える方など', '']);

    await user.click(screen.getByRole('button', { name: `${labelIV}の下に項目を追加` }));
    form = screen.getByRole('form', { name: `「${labelIV}」の下に項目を追加` });
    await fill(user, within(form).getByLabelText(/^番号/), 'Ⅳ-1');
    await fill(user, within(form).getByLabelText(/^名前/), '誰一人取り残さないための包括的な相談支援体制づくり');
    await fill(user, within(form).getByLabelText('取組の主な対象', { exact: false }), '相談支援機関');
    await user.click(within(form).getByRole('button', { name: '追加する' }));
    await screen.findByText('「Ⅳ-1」を追加しました。');
    const [post] = await bodiesOf<S['CreateNodeRequest']>(requests, 'POST', '/plans/kumamoto-5th/nodes');
    expect(post.mainTarget).toBe('相談支援機関');
  });

  it('shows no 編集モード to a viewer', async () => {
    builderBackend({ roles: ['VIEWER'], nodes: policyIV() });
    const { client } = renderPage();
    await screen.findByRole('table', { name: '計画の体系と役割分担' });
    await waitFor(() => expect(client.getQueryData(['me'])).toBeTruthy());
    expect(screen.queryByRole('button', { name: '編集モード' })).toBeNull();
    expect(screen.queryByRole('button', { name: /を編集$/ })).toBeNull();
  });
});
