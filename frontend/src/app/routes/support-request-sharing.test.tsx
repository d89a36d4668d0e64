import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { components } from '@/lib/api/schema';
import { jsonResponse, mockFetch } from '@/testing/mock-fetch';
import {
  areasApi, coordinator, handout, handoutByMeeting, handoutWithoutConsent, recipient, requestTimeline, sharingDecision, supportRequest,
} from '@/testing/support-fixtures';
import { renderWithProviders } from '@/testing/test-utils';
import { SupportRequestRoute } from './support-request';

type SharingDecision = components['schemas']['SharingDecisionResponse'];
type Recipient = components['schemas']['RecipientResponse'];

/** The form loads on first use (a chunk of its own): time for that when the machine is busy. */
const LAZY = { timeout: 5000 };
/** The longest journey here, given room beyond Vitest's 5 s on a busy machine. */
const LONG = 15_000;

const EXPLANATION = '社会福祉法第106条の6の支援会議では、構成員に守秘義務があるため、本人の同意がなくても情報を共有できます。';

const problem = (status: number, type: string, detail: string, errors: { field: string; message: string }[]) =>
  jsonResponse({ type: `/problems/${type}`, title: 'エラー', status, detail, errors }, status);

function renderAt() {
  return renderWithProviders(
    <Routes>
      <Route path="/support/requests/:id" element={<SupportRequestRoute />} />
    </Routes>,
    { route: '/support/requests/42' },
  );
}

/**
 * Request 42 with an accepted proposal (9) for 庄司 一郎, and the API as it behaves about sharing his contact: the
 * decisions recorded so far (latest meeting first), a meeting still to come refused (422 at meetingDate), blank names
 * refused (400), and the 依頼票 carrying the contact on his consent or on the latest decision.
 */
function sharingBackend({
  person = { ...recipient, consent: false },
  decisions: start = [] as SharingDecision[],
  refuse,
}: { person?: Recipient; decisions?: SharingDecision[]; refuse?: (request: Request) => Response | undefined } = {}) {
  const current: Recipient = person;
  let decisions = start;
  return mockFetch(async (request) => {
    const url = new URL(request.url);
    const path = url.pathname;
    const refused = refuse?.(request);
    if (refused) return refused;
    if (path === '/api/v1/me') return jsonResponse(coordinator);
    if (path.startsWith('/api/v1/areas')) return areasApi(url)!;
    if (path === '/api/v1/support-requests/42/timeline') return jsonResponse(requestTimeline());
    if (path === '/api/v1/support-requests/42') {
      return jsonResponse(
        supportRequest({
          status: 'ASSIGNED',
          assignments: [{ id: 9, requestId: 42, supporterId: 101, supporterName: '佐藤 和子', status: 'ACCEPTED', createdOn: '2026-11-22', version: 1 }],
        }),
      );
    }
    if (path === '/api/v1/recipients/7' && request.method === 'GET') return jsonResponse(current);
    if (path === '/api/v1/recipients/7/sharing-decisions' && request.method === 'GET') return jsonResponse(decisions);
    if (path === '/api/v1/recipients/7/sharing-decisions' && request.method === 'POST') {
      const body = await request.json();
      const blank = (['meetingName', 'decidedBy'] as const).filter((f) => !body[f]?.trim());
      if (blank.length) {
        return problem(400, 'validation', '入力内容を確認してください。', blank.map((f) => ({ field: `recordSharingDecision.request.${f}`, message: '入力してください' })));
      }
      if (body.meetingDate > '2026-11-22') {
        return problem(422, 'invalid-decision', 'meetingDate: まだ開かれていない会議の決定は記録できません', [
          { field: 'meetingDate', message: 'まだ開かれていない会議の決定は記録できません' },
        ]);
      }
      const made = sharingDecision({ id: decisions.length + 1, ...body, recordedAt: '2026-11-22T01:00:00Z' });
      decisions = [made, ...decisions].sort((a, b) => b.meetingDate.localeCompare(a.meetingDate));
      return jsonResponse(made, 201);
    }
    if (path === '/api/v1/assignments/9/handout') {
      return jsonResponse(current.consent ? handout() : decisions[0] ? handoutByMeeting(decisions[0]) : handoutWithoutConsent());
    }
    return jsonResponse({ status: 404 }, 404);
  });
}

const section = () => screen.getByRole('region', { name: '情報共有の根拠' });

async function openSection(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByText('同意と支援会議の決定を見る', { selector: 'summary' }));
  return within(section()).findByTestId('sharing-basis');
}

const reads = (requests: Request[], path: string) => requests.filter((r) => r.method === 'GET' && new URL(r.url).pathname === path);

describe('情報共有の根拠', () => {
  beforeEach(() => {
    // Only the clock: timers stay real for the user events and the requests.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-22T10:00:00+09:00'));
  });
  afterEach(() => vi.useRealTimers());

  it('reads nothing about the recipient until opened, then lists the decisions, the latest meeting first', async () => {
    const user = userEvent.setup();
    const { requests } = sharingBackend({
      decisions: [
        sharingDecision({ id: 2, meetingDate: '2026-11-20', note: '娘さんの了承あり' }),
        sharingDecision({ id: 1, meetingDate: '2026-10-16', meetingName: '庄司校区 支援会議（10月）', decidedBy: '地域包括支援センター' }),
      ],
    });
    renderAt();
    await screen.findByRole('heading', { level: 2, name: '情報共有の根拠' });
    // Each read of the recipient or their decisions is audited: none is made before the section is opened.
    expect(requests.some((r) => new URL(r.url).pathname.startsWith('/api/v1/recipients'))).toBe(false);

    const basis = await openSection(user);
    expect(basis.textContent).toBe('ご本人の同意はありませんが、支援会議の決定（2026年11月20日「庄司校区 支援会議」）により、依頼票に連絡先が載ります。');
    const list = within(section()).getByRole('list', { name: '庄司 一郎さんについての支援会議の決定' });
    const items = within(list).getAllByTestId('sharing-decision').map((li) => li.textContent);
    expect(items).toEqual([
      // Recorded at 2026-11-20T07:30Z: 16:30 in Japan.
      '2026年11月20日 庄司校区 支援会議決めた人・機関支援会議（議長 地域包括支援センター長）メモ娘さんの了承あり記録coordinator（2026年11月20日 16:30）',
      '2026年10月16日 庄司校区 支援会議（10月）決めた人・機関地域包括支援センター記録coordinator（2026年11月20日 16:30）',
    ]);
  });

  it('says so when the recipient consented', async () => {
    const user = userEvent.setup();
    sharingBackend({ person: { ...recipient, consent: true } });
    renderAt();
    expect((await openSection(user)).textContent).toBe('ご本人が同意しています。依頼票に連絡先が載ります。');
    expect(within(section()).getByText('記録された支援会議の決定はありません。')).toBeTruthy();
  });

  it('records a decision: checks the names first, shows a meeting still to come at 会議の日, then sends it, and the list and the 依頼票 follow', { timeout: LONG }, async () => {
    const user = userEvent.setup();
    const { requests } = sharingBackend();
    renderAt();
    expect((await openSection(user)).textContent).toBe('ご本人の同意も支援会議の決定もないため、依頼票に連絡先は載りません。');
    expect(within(section()).getByText('記録された支援会議の決定はありません。')).toBeTruthy();

    // Before: the 依頼票 carries no contact.
    await user.click(screen.getByRole('button', { name: '佐藤 和子さんの依頼票' }));
    let card = await screen.findByRole('dialog', { name: '依頼票' });
    expect(await within(card).findByText('同意も支援会議の決定もないため、連絡先は載せていません')).toBeTruthy();
    await user.click(within(card).getByRole('button', { name: '閉じる' }));

    await user.click(within(section()).getByRole('button', { name: '支援会議の決定を記録する' }));
    const form = await within(section()).findByRole('form', { name: '支援会議の決定を記録する' }, LAZY);
    expect(within(form).getByText(EXPLANATION)).toBeTruthy();

    // Nothing filled in: said at each field, nothing sent.
    await user.click(within(form).getByRole('button', { name: '決定を記録する' }));
    expect(within(form).getByText('会議の日を入力してください')).toBeTruthy();
    expect(within(form).getByText('会議の名前を入力してください')).toBeTruthy();
    expect(within(form).getByText('決めた人・機関を入力してください')).toBeTruthy();
    expect(requests.some((r) => r.method === 'POST')).toBe(false);

    const date = within(form).getByLabelText(/^会議の日/);
    await user.type(date, '2026-11-27');
    await user.type(within(form).getByLabelText(/^会議の名前/), '  庄司校区 支援会議 ');
    await user.type(within(form).getByLabelText(/^決めた人・機関/), '支援会議（議長 地域包括支援センター長）');
    await user.click(within(form).getByRole('button', { name: '決定を記録する' }));

    // A meeting still to come: the API's 422, at 会議の日, which takes the focus.
    await waitFor(() => expect(date.getAttribute('aria-invalid')).toBe('true'));
    expect(within(form).getByText('まだ開かれていない会議の決定は記録できません')).toBeTruthy();
    expect(document.activeElement).toBe(date);
    expect(within(form).getByRole('alert').textContent).toContain('印の付いた欄を確認してください');

    await user.clear(date);
    await user.type(date, '2026-11-20');
    await user.type(within(form).getByLabelText(/^メモ/), '民生委員から相談');
    const before = reads(requests, '/api/v1/recipients/7/sharing-decisions').length;
    await user.click(within(form).getByRole('button', { name: '決定を記録する' }));

    expect(
      await within(section()).findByText(
        '支援会議の決定（2026年11月20日「庄司校区 支援会議」）を記録しました。これからの依頼票には、この決定を根拠に連絡先が載ります。',
      ),
    ).toBeTruthy();
    const posts = requests.filter((r) => r.method === 'POST');
    expect(posts.map((r) => new URL(r.url).pathname)).toEqual(['/api/v1/recipients/7/sharing-decisions', '/api/v1/recipients/7/sharing-decisions']);
    expect(await posts[1].json()).toEqual({
      meetingDate: '2026-11-20',
      meetingName: '庄司校区 支援会議',
      decidedBy: '支援会議（議長 地域包括支援センター長）',
      note: '民生委員から相談',
    });
    expect(within(section()).queryByRole('form')).toBeNull();
    // The focus goes back to where the form was opened.
    await waitFor(() => expect(document.activeElement).toBe(within(section()).getByRole('button', { name: '支援会議の決定を記録する' })));

    // The decisions are read again, and the ground follows.
    await waitFor(() => expect(reads(requests, '/api/v1/recipients/7/sharing-decisions').length).toBeGreaterThan(before));
    expect(await within(section()).findAllByTestId('sharing-decision')).toHaveLength(1);
    expect(within(section()).getByTestId('sharing-basis').textContent).toBe(
      'ご本人の同意はありませんが、支援会議の決定（2026年11月20日「庄司校区 支援会議」）により、依頼票に連絡先が載ります。',
    );

    // The 依頼票 is read afresh: the contact is on it, on the decision.
    const handoutReads = reads(requests, '/api/v1/assignments/9/handout').length;
    await user.click(screen.getByRole('button', { name: '佐藤 和子さんの依頼票' }));
    card = await screen.findByRole('dialog', { name: '依頼票' });
    expect(await within(card).findByText('093-000-1111')).toBeTruthy();
    expect(
      within(card).getByText('支援会議（社会福祉法第106条の6）2026-11-20「庄司校区 支援会議」の決定（支援会議（議長 地域包括支援センター長）、記録: coordinator）'),
    ).toBeTruthy();
    expect(reads(requests, '/api/v1/assignments/9/handout')).toHaveLength(handoutReads + 1);
  });

  it('shows the names the API refused at their fields', async () => {
    const user = userEvent.setup();
    // The API's own check of the names (@NotBlank, @Size), answered in place of the record.
    const { requests } = sharingBackend({
      refuse: (request) =>
        request.method === 'POST'
          ? problem(400, 'validation', '入力内容を確認してください。', [
              { field: 'recordSharingDecision.request.decidedBy', message: '決めた人・機関は 200 文字以内で入力してください' },
            ])
          : undefined,
    });
    renderAt();
    await openSection(user);
    await user.click(within(section()).getByRole('button', { name: '支援会議の決定を記録する' }));
    const form = await within(section()).findByRole('form', { name: '支援会議の決定を記録する' }, LAZY);
    await user.type(within(form).getByLabelText(/^会議の日/), '2026-11-20');
    await user.type(within(form).getByLabelText(/^会議の名前/), '庄司校区 支援会議');
    await user.type(within(form).getByLabelText(/^決めた人・機関/), '地域包括支援センター');
    await user.click(within(form).getByRole('button', { name: '決定を記録する' }));

    const decidedBy = within(form).getByLabelText(/^決めた人・機関/);
    await waitFor(() => expect(decidedBy.getAttribute('aria-invalid')).toBe('true'));
    expect(within(form).getByText('決めた人・機関は 200 文字以内で入力してください')).toBeTruthy();
    expect(document.activeElement).toBe(decidedBy);
    expect(within(form).getByLabelText(/^会議の名前/).getAttribute('aria-invalid')).toBeNull();
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(1);

    await user.click(within(form).getByRole('button', { name: 'キャンセル' }));
    expect(within(section()).queryByRole('form')).toBeNull();
    expect(within(section()).getByText('記録された支援会議の決定はありません。')).toBeTruthy();
  });
});
