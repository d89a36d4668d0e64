import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { components } from '@/lib/api/schema';
import { saveSession } from '@/lib/session';
import { jsonResponse, mockFetch } from '@/testing/mock-fetch';
import { renderWithProviders } from '@/testing/test-utils';
import { AdminAuditRoute } from './admin-audit';

type AuditEntry = components['schemas']['AuditEntry'];
type Role = components['schemas']['Role'];

const KINDS = ['ACCOUNT', 'RECIPIENT', 'SUPPORTER'] as const;
const ACTORS = ['kanri', 'takasu-soudan'];

/** `count` entries, newest (highest id) first, one every hour back from 2026-11-22 18:00 Japan time. */
function entries(count: number): AuditEntry[] {
  return Array.from({ length: count }, (_, i) => {
    const id = count - i;
    return {
      id,
      at: new Date(Date.parse('2026-11-22T18:00:00+09:00') - i * 3_600_000).toISOString(),
      actor: ACTORS[id % 2],
      action: id % 3 === 0 ? 'READ' : id % 3 === 1 ? 'CREATE' : 'UPDATE',
      entity: KINDS[id % 3],
      entityId: 100 + id,
      ip: id % 5 === 0 ? null : `10.0.0.${id}`,
      detail: id % 3 === 1 ? `記録 ${id} を作成` : null,
    };
  });
}

const japanDay = (iso: string) => new Date(Date.parse(iso) + 9 * 3_600_000).toISOString().slice(0, 10);

/** The audit log API as it behaves: filters, pages of `limit` after the cursor (the last id), and the CSV form. */
function backend({ roles = ['ADMIN'] as Role[], count = 5, refuse }: { roles?: Role[]; count?: number; refuse?: (url: URL) => Response | undefined } = {}) {
  const log = entries(count);
  return mockFetch((request) => {
    const url = new URL(request.url);
    if (url.pathname === '/api/v1/me') return jsonResponse({ subject: 'kanri', displayName: '管理者', kind: 'USER', roles, scopes: [], districts: [], mustChangePassword: false });
    const refused = refuse?.(url);
    if (refused) return refused;
    if (url.pathname !== '/api/v1/audit-log') return jsonResponse({ status: 404 }, 404);
    const q = url.searchParams;
    const matching = log
      .filter((e) => !q.get('actor') || e.actor === q.get('actor'))
      .filter((e) => !q.get('entity') || e.entity === q.get('entity'))
      .filter((e) => !q.get('from') || japanDay(e.at) >= q.get('from')!)
      .filter((e) => !q.get('to') || japanDay(e.at) <= q.get('to')!);
    if (q.get('format') === 'csv') {
      const rows = matching.map((e) => [e.id, e.at, e.actor, e.action, e.entity, e.entityId, e.ip ?? '', e.detail ?? ''].join(','));
      return new Response(`\uFEFF番号,日時,だれが,操作,記録の種類,記録の番号,どこから,内容\r\n${rows.join('\r\n')}\r\n`, {
        headers: { 'Content-Type': 'text/csv; charset=UTF-8', 'Content-Disposition': 'attachment; filename="audit-log.csv"' },
      });
    }
    const limit = Number(q.get('limit') ?? 200);
    const after = q.get('cursor');
    const rest = matching.filter((e) => !after || e.id < Number(after));
    const items = rest.slice(0, limit);
    return jsonResponse({ items, nextCursor: rest.length > limit ? String(items[items.length - 1].id) : null });
  });
}

const auditCalls = (requests: Request[]) => requests.filter((r) => new URL(r.url).pathname === '/api/v1/audit-log').map((r) => new URL(r.url));
const table = () => screen.getByRole('table', { name: '監査ログ' });
const ids = () => within(table()).getAllByRole('row').slice(1).map((r) => r.querySelectorAll('td')[3].textContent);

describe('監査ログ', () => {
  let saved: { name: string; blob: Blob }[];
  beforeEach(() => {
    // jsdom neither makes object URLs nor downloads: record what the page hands the browser to save.
    saved = [];
    const blobs = new Map<string, Blob>();
    Object.assign(URL, {
      createObjectURL: vi.fn((blob: Blob) => {
        const url = `blob:test/${blobs.size}`;
        blobs.set(url, blob);
        return url;
      }),
      revokeObjectURL: vi.fn(),
    });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push({ name: this.download, blob: blobs.get(this.href)! });
    });
  });
  afterEach(() => {
    Reflect.deleteProperty(URL, 'createObjectURL');
    Reflect.deleteProperty(URL, 'revokeObjectURL');
  });

  it('lists who did what to which record, when and from where, newest first', async () => {
    backend();
    renderWithProviders(<AdminAuditRoute />);
    expect(await screen.findByRole('heading', { level: 1, name: '監査ログ' })).toBeTruthy();
    await screen.findByRole('table', { name: '監査ログ' });
    const rows = within(table()).getAllByRole('row').slice(1).map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent));
    expect(rows).toHaveLength(5);
    // In the browser's time zone (the tests' may not be Japan's).
    expect(rows[0][0]).toMatch(/^2026年11月2[12]日 \d{2}:00$/);
    expect(rows[0].slice(1)).toEqual(['takasu-soudan', '変更', '担い手', '105', '—', '—']);
    expect(rows[1].slice(1)).toEqual(['kanri', '登録', '要支援者', '104', '10.0.0.4', '記録 4 を作成']);
    expect(rows[2].slice(1)).toEqual(['takasu-soudan', '閲覧', '職員アカウント', '103', '10.0.0.3', '—']);
    expect(screen.getByText('1 ページ目（5件）')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '次へ' })).toBeNull();
  });

  it('sends the filters as query parameters and starts again from the first page', async () => {
    const { requests } = backend({ count: 120 });
    const user = userEvent.setup();
    renderWithProviders(<AdminAuditRoute />);
    await screen.findByRole('table', { name: '監査ログ' });
    await user.click(screen.getByRole('button', { name: '次へ' }));
    await screen.findByText('2 ページ目（50件）');

    const filter = screen.getByRole('search', { name: '監査ログを絞り込む' });
    await user.type(within(filter).getByLabelText(/^だれが/), ' kanri ');
    await user.selectOptions(within(filter).getByLabelText(/^記録の種類/), '職員アカウント');
    await user.type(within(filter).getByLabelText(/^いつから/), '2026-11-20');
    await user.type(within(filter).getByLabelText(/^いつまで/), '2026-11-21');
    await user.click(within(filter).getByRole('button', { name: '絞り込む' }));

    await screen.findByText(/^1 ページ目/);
    const last = auditCalls(requests).at(-1)!;
    expect(Object.fromEntries(last.searchParams)).toEqual({ actor: 'kanri', entity: 'ACCOUNT', from: '2026-11-20', to: '2026-11-21', limit: '50' });
    await waitFor(() => expect(within(table()).getAllByRole('row').length).toBeGreaterThan(1));
    for (const row of within(table()).getAllByRole('row').slice(1)) {
      expect(row.querySelector('th')!.textContent).toBe('kanri');
      expect(row.querySelectorAll('td')[2].textContent).toBe('職員アカウント');
    }

    // 条件をクリア: the whole log again.
    await user.click(within(filter).getByRole('button', { name: '条件をクリア' }));
    await waitFor(() => expect(Object.fromEntries(auditCalls(requests).at(-1)!.searchParams)).toEqual({ limit: '50' }));
    expect((within(filter).getByLabelText(/^だれが/) as HTMLInputElement).value).toBe('');
  });

  it('says an end before the start is wrong before asking', async () => {
    const { requests } = backend();
    const user = userEvent.setup();
    renderWithProviders(<AdminAuditRoute />);
    await screen.findByRole('table', { name: '監査ログ' });
    const before = auditCalls(requests).length;
    const filter = screen.getByRole('search', { name: '監査ログを絞り込む' });
    await user.type(within(filter).getByLabelText(/^いつから/), '2026-11-21');
    await user.type(within(filter).getByLabelText(/^いつまで/), '2026-11-01');
    await user.click(within(filter).getByRole('button', { name: '絞り込む' }));
    const to = within(filter).getByLabelText(/^いつまで/);
    expect(to.getAttribute('aria-invalid')).toBe('true');
    expect(within(filter).getByText('終わりの日は始まりの日より後にしてください')).toBeTruthy();
    expect(auditCalls(requests)).toHaveLength(before);
  });

  it('pages by cursor: 次へ, 前へ and 最初へ', async () => {
    const { requests } = backend({ count: 120 });
    const user = userEvent.setup();
    renderWithProviders(<AdminAuditRoute />);
    await screen.findByText('1 ページ目（50件）');
    expect(ids()[0]).toBe('220');
    expect(screen.queryByRole('button', { name: '最初へ' })).toBeNull();

    await user.click(screen.getByRole('button', { name: '次へ' }));
    await screen.findByText('2 ページ目（50件）');
    expect(ids()[0]).toBe('170');
    expect(auditCalls(requests).at(-1)!.searchParams.get('cursor')).toBe('71');

    await user.click(screen.getByRole('button', { name: '次へ' }));
    await screen.findByText('3 ページ目（20件）');
    expect(ids()).toHaveLength(20);
    expect(ids().at(-1)).toBe('101');
    expect(auditCalls(requests).at(-1)!.searchParams.get('cursor')).toBe('21');
    // The end of the log: no 次へ.
    expect(screen.queryByRole('button', { name: '次へ' })).toBeNull();

    await user.click(screen.getByRole('button', { name: '前へ' }));
    await screen.findByText('2 ページ目（50件）');
    await user.click(screen.getByRole('button', { name: '最初へ' }));
    await screen.findByText('1 ページ目（50件）');
    expect(ids()[0]).toBe('220');
  });

  it('downloads exactly the filtered log as CSV, with the session, every page of it', async () => {
    const { requests } = backend({ count: 120 });
    const user = userEvent.setup();
    saveSession('session-token', 28_800);
    renderWithProviders(<AdminAuditRoute />);
    await screen.findByRole('table', { name: '監査ログ' });
    const filter = screen.getByRole('search', { name: '監査ログを絞り込む' });
    await user.type(within(filter).getByLabelText(/^だれが/), 'kanri');
    await user.selectOptions(within(filter).getByLabelText(/^記録の種類/), '要支援者');
    await user.click(within(filter).getByRole('button', { name: '絞り込む' }));
    await screen.findByText(/^1 ページ目/);
    const button = screen.getByRole('button', { name: 'CSV をダウンロード' });
    expect(document.getElementById(button.getAttribute('aria-describedby')!)!.textContent).toContain('だれが: kanri、記録の種類: 要支援者');

    await user.click(button);
    expect(await screen.findByText('「audit-log.csv」を保存しました。')).toBeTruthy();
    const csv = requests.filter((r) => new URL(r.url).searchParams.get('format') === 'csv');
    expect(csv).toHaveLength(1);
    expect(csv[0].headers.get('Accept')).toContain('text/csv');
    expect(Object.fromEntries(new URL(csv[0].url).searchParams)).toEqual({ actor: 'kanri', entity: 'RECIPIENT', format: 'csv' });
    expect(csv[0].headers.get('Authorization')).toBe('Bearer session-token');

    expect(saved.map((s) => s.name)).toEqual(['audit-log.csv']);
    // The file as the API sent it, byte for byte: the BOM Excel needs to read UTF-8 stays (text() would drop it).
    const bytes = new Uint8Array(await saved[0].blob.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = (await saved[0].blob.text()).trim().split('\r\n');
    expect(lines[0]).toBe('番号,日時,だれが,操作,記録の種類,記録の番号,どこから,内容');
    // All 20 of kanri's entries on recipients, past the 50 a page of the table holds.
    expect(lines).toHaveLength(1 + 20);
    expect(lines.slice(1).every((l) => l.split(',')[2] === 'kanri' && l.split(',')[4] === 'RECIPIENT')).toBe(true);
  });

  it('shows why a download or the list was refused', async () => {
    let listRefused = false;
    backend({
      refuse: (url) =>
        url.searchParams.get('format') === 'csv'
          ? jsonResponse({ type: '/problems/forbidden', title: 'Forbidden', status: 403, detail: 'この操作を行う権限がありません。' }, 403)
          : listRefused
            ? jsonResponse({ type: '/problems/validation', title: 'Bad Request', status: 422, detail: '終わりの日は始まりの日より後にしてください' }, 422)
            : undefined,
    });
    const user = userEvent.setup();
    renderWithProviders(<AdminAuditRoute />);
    await screen.findByRole('table', { name: '監査ログ' });
    await user.click(screen.getByRole('button', { name: 'CSV をダウンロード' }));
    expect((await screen.findByRole('alert')).textContent).toBe('この操作を行う権限がありません。');
    expect(saved).toHaveLength(0);

    listRefused = true;
    const filter = screen.getByRole('search', { name: '監査ログを絞り込む' });
    await user.type(within(filter).getByLabelText(/^だれが/), 'someone');
    await user.click(within(filter).getByRole('button', { name: '絞り込む' }));
    expect((await screen.findByRole('alert')).textContent).toContain('終わりの日は始まりの日より後にしてください');
  });

  it('keeps other roles out', async () => {
    const { requests } = backend({ roles: ['COORDINATOR'] });
    renderWithProviders(<AdminAuditRoute />);
    expect(await screen.findByRole('heading', { name: 'このページを表示する権限がありません' })).toBeTruthy();
    expect(auditCalls(requests)).toHaveLength(0);
  });
});
