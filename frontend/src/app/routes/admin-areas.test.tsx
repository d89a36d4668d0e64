import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { Area } from '@/features/areas/api/get-school-districts';
import type { components } from '@/lib/api/schema';
import { jsonResponse, mockFetch } from '@/testing/mock-fetch';
import { areaOf, city, coordinator, shoji, takasu } from '@/testing/support-fixtures';
import { renderWithProviders } from '@/testing/test-utils';
import { AdminAreasRoute } from './admin-areas';

type S = components['schemas'];

const admin: S['MeResponse'] = { ...coordinator, subject: 'admin', roles: ['ADMIN'], districts: [] };
const ward: S['AreaRef'] = { code: '40101', name: '門司区', kind: 'WARD' };

function startingTree(): Area[] {
  return [
    areaOf(city, { parentCode: null, path: [], kana: 'し' }),
    areaOf(ward, { version: 3 }),
    areaOf(shoji, { parentCode: ward.code, path: [city, ward] }),
    areaOf(takasu, { parentCode: ward.code, path: [city, ward], retired: true }),
  ];
}

const subtree = (areas: Area[], code: string): S['AreaTreeNode'] => {
  const a = areas.find((x) => x.code === code)!;
  return { code, name: a.name, kana: a.kana, kind: a.kind, retired: a.retired, children: areas.filter((x) => x.parentCode === code).map((x) => subtree(areas, x.code)) };
};

const importReport = (committed: boolean, problems: S['AreaImportProblem'][] = []): S['AreaImportReport'] => ({
  committed,
  summary: { CREATE: 1, UPDATE: 1, UNCHANGED: 0 },
  rows: [
    { row: 2, code: '40101-new', name: '新校区', kind: 'SCHOOL_DISTRICT', parentCode: ward.code, action: 'CREATE' },
    { row: 3, code: shoji.code, name: '庄司校区', kind: 'SCHOOL_DISTRICT', parentCode: ward.code, action: 'UPDATE' },
  ],
  problems,
});

/** The area API over a tree kept as the server keeps it (versions, 409 area-in-use for 庄司, 422 for a bad parent). */
function backend(me: S['MeResponse'] = admin, problems: S['AreaImportProblem'][] = []) {
  const areas = startingTree();
  const fetched = mockFetch(async (request) => {
    const url = new URL(request.url);
    const path = url.pathname;
    if (path === '/api/v1/me') return jsonResponse(me);
    if (path === '/api/v1/areas' && request.method === 'GET') {
      const kind = url.searchParams.get('kind');
      return jsonResponse({ items: areas.filter((a) => !kind || a.kind === kind), nextCursor: null });
    }
    if (path === '/api/v1/areas' && request.method === 'POST') {
      const body: S['CreateAreaRequest'] = await request.json();
      const parent = areas.find((a) => a.code === body.parentCode);
      const created = areaOf({ code: body.code, name: body.name, kind: body.kind }, { kana: body.kana, parentCode: body.parentCode ?? null, path: parent ? [city] : [] });
      areas.push(created);
      return jsonResponse(created, 201);
    }
    if (path === '/api/v1/areas/imports') {
      if (url.searchParams.get('commit') === 'true' && problems.length > 0) {
        return jsonResponse({ type: '/problems/area-import-invalid', title: '取り込めない行があります', status: 422, detail: '1 件の問題があるため、何も取り込んでいません。', errors: [{ field: 'rows[4].parent', message: '4 行目: 親がありません' }] }, 422);
      }
      return jsonResponse(importReport(url.searchParams.get('commit') === 'true', problems));
    }
    const sub = /^\/api\/v1\/areas\/([^/]+)\/subtree$/.exec(path);
    if (sub) return jsonResponse(subtree(areas, decodeURIComponent(sub[1])));
    const action = /^\/api\/v1\/areas\/([^/]+)\/(retire|reinstate)$/.exec(path);
    if (action) {
      const i = areas.findIndex((a) => a.code === decodeURIComponent(action[1]));
      areas[i] = { ...areas[i], retired: action[2] === 'retire', version: areas[i].version + 1 };
      return jsonResponse(areas[i]);
    }
    const one = /^\/api\/v1\/areas\/([^/]+)$/.exec(path);
    if (one) {
      const code = decodeURIComponent(one[1]);
      const i = areas.findIndex((a) => a.code === code);
      if (request.method === 'DELETE') {
        if (code === shoji.code) {
          return jsonResponse({ type: '/problems/area-in-use', title: '競合しています', status: 409, detail: '地域「庄司」には要支援者 3 人が登録されています。' }, 409);
        }
        areas.splice(i, 1);
        return new Response(null, { status: 204 });
      }
      if (request.method === 'PUT') {
        const body: S['UpdateAreaRequest'] = await request.json();
        if (body.version !== areas[i].version) return jsonResponse({ type: '/problems/stale-version', title: '競合しています', status: 409, detail: '古い版です。' }, 409);
        if (areas.find((a) => a.code === body.parentCode)?.parentCode === code) {
          return jsonResponse({ type: '/problems/invalid-parent', title: '処理できない内容です', status: 422, detail: '地域を自分の下の地域の下には移せません。' }, 422);
        }
        areas[i] = { ...areas[i], name: body.name, kana: body.kana, kind: body.kind, parentCode: body.parentCode ?? null, version: body.version + 1 };
        return jsonResponse(areas[i]);
      }
      return jsonResponse(areas[i]);
    }
    return jsonResponse({ status: 404 }, 404);
  });
  return { ...fetched, areas };
}

function renderPage() {
  return renderWithProviders(
    <Routes>
      <Route path="/admin/areas" element={<AdminAreasRoute />} />
    </Routes>,
    { route: '/admin/areas' },
  );
}

const rowOf = (name: string) => screen.getAllByTestId('area-row').find((r) => within(r).getByRole('rowheader').textContent?.startsWith(name))!;

describe('地域 (admin)', () => {
  it('shows the tree from the cities down, with retired areas marked', async () => {
    const { requests } = backend();
    renderPage();
    await waitFor(() => expect(screen.getAllByTestId('area-row')).toHaveLength(4));
    expect(screen.getAllByTestId('area-row').map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['北九州市（し）', '門司区', '庄司', '高須']);
    expect(rowOf('高須').textContent).toContain('廃止');
    expect(within(rowOf('高須')).getByRole('button', { name: '再開（高須）' })).toBeTruthy();
    expect(requests.some((r) => new URL(r.url).searchParams.get('kind') === 'CITY')).toBe(true);
    expect(requests.some((r) => r.url.endsWith(`/areas/${city.code}/subtree`))).toBe(true);
  });

  it('is for administrators only', async () => {
    backend(coordinator);
    renderPage();
    expect(await screen.findByText(/管理者/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: '地域を追加' })).toBeNull();
  });

  it('adds an area below another', async () => {
    const user = userEvent.setup();
    const { requests } = backend();
    renderPage();
    await user.click(await screen.findByRole('button', { name: '下に追加（門司区）' }));
    const form = screen.getByRole('form', { name: '地域の追加' });
    expect(within(form).getByLabelText<HTMLSelectElement>(/^種類/).value).toBe('SCHOOL_DISTRICT');
    expect(within(form).getByLabelText<HTMLSelectElement>(/^親の地域/).value).toBe(ward.code);
    // A retired area is no parent for a new one.
    expect(Array.from(within(form).getByLabelText<HTMLSelectElement>(/^親の地域/).options).map((o) => o.value)).not.toContain(takasu.code);
    await user.click(within(form).getByRole('button', { name: '追加する' }));
    expect(within(form).getByLabelText(/^地域コード/).getAttribute('aria-invalid')).toBe('true');

    await user.type(within(form).getByLabelText(/^地域コード/), '40101-tanoura');
    await user.type(within(form).getByLabelText(/^名前/), '田野浦');
    await user.type(within(form).getByLabelText(/^よみがな/), 'たのうら');
    await user.click(within(form).getByRole('button', { name: '追加する' }));
    expect(await screen.findByText('「田野浦」を追加しました。')).toBeTruthy();
    const post = requests.find((r) => r.method === 'POST' && r.url.endsWith('/api/v1/areas'))!;
    expect(await post.json()).toEqual({ code: '40101-tanoura', name: '田野浦', kana: 'たのうら', kind: 'SCHOOL_DISTRICT', parentCode: ward.code });
    expect(await screen.findByRole('rowheader', { name: /^田野浦/ })).toBeTruthy();
  });

  it('renames and moves an area with its version, and shows a refused parent at the field', async () => {
    const user = userEvent.setup();
    const { requests } = backend();
    renderPage();
    await user.click(await screen.findByRole('button', { name: '変更（門司区）' }));
    const form = screen.getByRole('form', { name: '地域の変更: 門司区' });
    await user.clear(within(form).getByLabelText(/^名前/));
    await user.type(within(form).getByLabelText(/^名前/), '門司');
    await user.click(within(form).getByRole('button', { name: '変更を保存' }));
    expect(await screen.findByText('「門司」を保存しました。')).toBeTruthy();
    const put = requests.find((r) => r.method === 'PUT')!;
    expect(await put.json()).toEqual({ name: '門司', kana: '', kind: 'WARD', parentCode: city.code, version: 3 });

    await user.click(screen.getByRole('button', { name: '変更（門司）' }));
    const again = screen.getByRole('form', { name: '地域の変更: 門司' });
    await user.selectOptions(within(again).getByLabelText(/^親の地域/), shoji.code);
    await user.click(within(again).getByRole('button', { name: '変更を保存' }));
    const parent = within(again).getByLabelText(/^親の地域/);
    await waitFor(() => expect(parent.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(parent.getAttribute('aria-describedby')!.split(' ').at(-1)!)?.textContent).toBe('地域を自分の下の地域の下には移せません。');
  });

  it('offers 廃止 when an area in use cannot be deleted, and retires it', async () => {
    const user = userEvent.setup();
    const { requests } = backend();
    renderPage();
    await user.click(await screen.findByRole('button', { name: '削除（庄司）' }));
    await user.click(screen.getByRole('button', { name: '削除する' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('地域「庄司」には要支援者 3 人が登録されています。');
    await user.click(within(alert).getByRole('button', { name: '廃止する' }));
    expect(await screen.findByText(/「庄司」を廃止しました。/)).toBeTruthy();
    expect(requests.some((r) => r.method === 'POST' && r.url.endsWith(`/areas/${shoji.code}/retire`))).toBe(true);
    await waitFor(() => expect(within(rowOf('庄司')).getByRole('button', { name: '再開（庄司）' })).toBeTruthy());

    await user.click(within(rowOf('庄司')).getByRole('button', { name: '再開（庄司）' }));
    expect(await screen.findByText('「庄司」を再開しました。')).toBeTruthy();
  });

  it('deletes an area nothing uses once asked to', async () => {
    const user = userEvent.setup();
    const { requests } = backend();
    renderPage();
    await user.click(await screen.findByRole('button', { name: '削除（高須）' }));
    expect(requests.some((r) => r.method === 'DELETE')).toBe(false);
    await user.click(screen.getByRole('button', { name: '削除する' }));
    expect(await screen.findByText('「高須」を削除しました。')).toBeTruthy();
    await waitFor(() => expect(screen.getAllByTestId('area-row')).toHaveLength(3));
  });
});

describe('地域の取り込み', () => {
  const csv = () => new File(['code,name,kana,kind,parent\n'], '地域 一覧.csv', { type: 'text/csv' });

  it('shows the dry run with its counts and rows, then commits', async () => {
    const user = userEvent.setup();
    const { requests } = backend();
    renderPage();
    await user.upload(await screen.findByLabelText(/ファイル（TSV \/ CSV \/ XLSX）/), csv());
    await user.click(screen.getByRole('button', { name: '確認する（まだ保存しません）' }));
    const check = await screen.findByRole('region', { name: '取り込みの確認' });
    expect(within(check).getByText('問題はありません。「取り込む」を押すと、すべての行をまとめて保存します。')).toBeTruthy();
    const rows = within(check).getAllByTestId('area-import-row');
    expect(rows.map((r) => r.textContent)).toEqual(['240101-new新校区校区40101追加', '340101-shoji庄司校区校区40101変更']);
    const dryRun = requests.find((r) => r.url.includes('/areas/imports'))!;
    expect(new URL(dryRun.url).searchParams.get('commit')).toBe('false');
    expect(dryRun.headers.get('X-File-Name')).toBe(encodeURIComponent('地域 一覧.csv'));
    expect(dryRun.headers.get('Content-Type')).toBe('text/csv');

    await user.click(within(check).getByRole('button', { name: '取り込む' }));
    expect(await screen.findByText('取り込みました')).toBeTruthy();
    expect(requests.some((r) => r.url.includes('/areas/imports?commit=true'))).toBe(true);
  });

  it('lists every problem with its row and does not offer to commit', async () => {
    const user = userEvent.setup();
    const { requests } = backend(admin, [
      { row: 4, column: 'parent', value: '49999', message: '親の地域コード 49999 はファイルにも登録済みの地域にもありません' },
      { row: 5, column: 'kind', value: 'TOWN', message: '種類 TOWN は使えません' },
    ]);
    renderPage();
    await user.upload(await screen.findByLabelText(/ファイル（TSV \/ CSV \/ XLSX）/), csv());
    await user.click(screen.getByRole('button', { name: '確認する（まだ保存しません）' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('問題が 2 件あります');
    expect(within(alert).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      '4 行目（parent: 49999）: 親の地域コード 49999 はファイルにも登録済みの地域にもありません',
      '5 行目（kind: TOWN）: 種類 TOWN は使えません',
    ]);
    expect(screen.getByRole<HTMLButtonElement>('button', { name: '取り込む' }).disabled).toBe(true);
    expect(requests.some((r) => r.url.includes('commit=true'))).toBe(false);
  });
});
