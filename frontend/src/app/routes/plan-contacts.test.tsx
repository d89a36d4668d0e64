import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { components } from '@/lib/api/schema';
import { jsonResponse, mockFetch } from '@/testing/mock-fetch';
import { bodiesOf, builderBackend, kumamotoPlan } from '@/testing/plan-builder-fixtures';
import { renderWithProviders } from '@/testing/test-utils';
import { PlanRoute } from './plan';

type S = components['schemas'];
type User = ReturnType<typeof userEvent.setup>;

const LONG = 30_000;

/** くるめ支え合うプラン's back cover. */
const kurumeContacts: S['PlanContactDto'][] = [
  { department: '久留米市 健康福祉部 地域福祉課', phone: '0942-30-9173', fax: '0942-30-9752' },
  { department: '社会福祉法人久留米市社会福祉協議会', phone: '0942-34-3035', fax: '0942-34-3090' },
];

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
  if (text) await user.paste(text);
}

async function openSettings(user: User) {
  await user.click(await screen.findByRole('button', { name: '編集モード' }));
  await user.click(screen.getByRole('button', { name: /^計画の設定/ }));
  const form = screen.getByRole('form', { name: /^計画の設定/ });
  return { form, contacts: within(form).getByRole('group', { name: '問い合わせ先' }) };
}

describe('計画の問い合わせ先', () => {
  it('shows each department with its 電話 (to dial) and FAX', async () => {
    builderBackend({ roles: ['VIEWER'], plan: { ...kumamotoPlan, contacts: kurumeContacts } });
    renderPage();
    const box = await screen.findByRole('region', { name: '問い合わせ先' });
    const items = within(box).getAllByRole('listitem');
    expect(items.map((li) => Array.from(li.children).map((p) => p.textContent))).toEqual([
      ['久留米市 健康福祉部 地域福祉課', '電話 0942-30-9173', 'FAX 0942-30-9752'],
      ['社会福祉法人久留米市社会福祉協議会', '電話 0942-34-3035', 'FAX 0942-34-3090'],
    ]);
    expect(within(items[0]).getByRole('link', { name: '0942-30-9173' }).getAttribute('href')).toBe('tel:0942309173');
  });

  it('shows no box for a plan without any', async () => {
    builderBackend({ roles: ['VIEWER'] });
    renderPage();
    await screen.findByRole('region', { name: '課題・困りごと' });
    expect(screen.queryByRole('region', { name: '問い合わせ先' })).toBeNull();
  });

  it('edits them in 計画の設定: a number changed, a department added, one taken out; all are sent', { timeout: LONG }, async () => {
    const user = userEvent.setup();
    const backend = builderBackend({ plan: { ...kumamotoPlan, contacts: kurumeContacts } });
    renderPage();
    const { form, contacts } = await openSettings(user);
    expect((within(contacts).getByLabelText(/^1件目の部署/) as HTMLInputElement).value).toBe('久留米市 健康福祉部 地域福祉課');
    expect((within(contacts).getByLabelText('2件目の FAX') as HTMLInputElement).value).toBe('0942-34-3090');

    await fill(user, within(contacts).getByLabelText('1件目の電話'), '0942-30-9999');
    await user.click(within(contacts).getByRole('button', { name: '2件目の問い合わせ先を削除' }));
    await user.click(within(contacts).getByRole('button', { name: '問い合わせ先を追加' }));
    await fill(user, within(contacts).getByLabelText(/^2件目の部署/), '久留米市 健康福祉部 長寿支援課');
    await user.click(within(form).getByRole('button', { name: '設定を保存' }));

    await waitFor(() => expect(screen.queryByRole('form', { name: /^計画の設定/ })).toBeNull());
    const [put] = await bodiesOf<S['UpdatePlanRequest']>(backend.requests, 'PUT', '/api/v1/plans/kumamoto-5th');
    expect(put.contacts).toEqual([
      { department: '久留米市 健康福祉部 地域福祉課', phone: '0942-30-9999', fax: '0942-30-9752' },
      { department: '久留米市 健康福祉部 長寿支援課', phone: null, fax: null },
    ]);
    const box = await screen.findByRole('region', { name: '問い合わせ先' });
    await waitFor(() => expect(box.textContent).toContain('久留米市 健康福祉部 長寿支援課'));
  });

  it('clears them all with an empty list', { timeout: LONG }, async () => {
    const user = userEvent.setup();
    const backend = builderBackend({ plan: { ...kumamotoPlan, contacts: kurumeContacts.slice(0, 1) } });
    renderPage();
    await screen.findByRole('region', { name: '問い合わせ先' });
    const { form, contacts } = await openSettings(user);
    await user.click(within(contacts).getByRole('button', { name: '1件目の問い合わせ先を削除' }));
    await user.click(within(form).getByRole('button', { name: '設定を保存' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: '問い合わせ先' })).toBeNull());
    const [put] = await bodiesOf<S['UpdatePlanRequest']>(backend.requests, 'PUT', '/api/v1/plans/kumamoto-5th');
    expect(put.contacts).toEqual([]);
  });

  it('shows the API’s refusal of a number at that number', { timeout: LONG }, async () => {
    const user = userEvent.setup();
    const backend = builderBackend({ plan: { ...kumamotoPlan, contacts: kurumeContacts } });
    // The API refuses the second FAX; everything else is the builder's fake API.
    mockFetch((request) =>
      request.method === 'PUT' && new URL(request.url).pathname === '/api/v1/plans/kumamoto-5th'
        ? jsonResponse(
            {
              type: '/problems/validation-failed', title: '入力内容に誤りがあります', status: 400,
              detail: 'contacts[1].fax: FAX 番号は数字とハイフンで指定してください',
              errors: [{ field: 'contacts[1].fax', message: 'FAX 番号は数字とハイフンで指定してください' }],
            },
            400,
          )
        : backend.spy(request),
    );
    renderPage();
    const { form, contacts } = await openSettings(user);
    await user.click(within(form).getByRole('button', { name: '設定を保存' }));
    const fax = within(contacts).getByLabelText('2件目の FAX');
    await waitFor(() => expect(fax.getAttribute('aria-invalid')).toBe('true'));
    expect(fax.closest('.field')?.textContent).toContain('FAX 番号は数字とハイフンで指定してください');
    expect(within(contacts).getByLabelText('1件目の FAX').getAttribute('aria-invalid')).toBeNull();
  });
});
