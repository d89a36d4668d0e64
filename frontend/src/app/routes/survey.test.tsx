import { screen, waitFor, within } from '@testing-library/react';
type Role = import('@/lib/api/schema').components['schemas']['Role'];
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { components } from '@/lib/api/schema';
import {
  byAge,
  comparisonR6,
  emptySurvey,
  importReport,
  kumamotoR6,
  kumamotoResponses,
  me,
  nationalR5,
  shares,
} from '@/testing/survey-fixtures';
import { jsonResponse, mockFetch } from '@/testing/mock-fetch';
import { renderWithProviders } from '@/testing/test-utils';
import { SurveyRoute } from './survey';
import { SurveysRoute } from './surveys';

type Survey = components['schemas']['SurveyResponse'];
type Handler = (request: Request, url: URL) => Response | undefined | Promise<Response | undefined>;

function backend(roles: Role[], surveys: Survey[], handler: Handler = () => undefined) {
  return mockFetch(async (request) => {
    const url = new URL(request.url);
    const answer = await handler(request, url);
    if (answer) return answer;
    if (url.pathname === '/api/v1/me') return jsonResponse(me(roles));
    if (url.pathname === '/api/v1/surveys') return jsonResponse({ items: surveys });
    const survey = surveys.find((s) => url.pathname === `/api/v1/surveys/${s.code}`);
    if (survey && request.method === 'GET') return jsonResponse(survey);
    if (url.pathname === '/api/v1/surveys/kumamoto-r6/comparison') {
      const reference = url.searchParams.get('reference');
      if (reference === 'national-r5') return jsonResponse(comparisonR6);
      return jsonResponse({ status: 404, title: '見つかりません', detail: `アンケート ${reference} はありません。` }, 404);
    }
    if (url.pathname === '/api/v1/surveys/kumamoto-r6-responses/breakdown') return jsonResponse({ ...byAge, attribute: url.searchParams.get('by') });
    return jsonResponse({ status: 404 }, 404);
  });
}

function renderAt(route: string) {
  return renderWithProviders(
    <Routes>
      <Route path="/surveys/:code" element={<SurveyRoute />} />
    </Routes>,
    { route },
  );
}

const rowOf = (table: HTMLElement, header: string) =>
  within(table).getAllByRole('row').find((r) => within(r).queryByRole('rowheader')?.textContent === header)!;

describe('アンケートの詳細', () => {
  it('charts 熊本市 against the national survey, prints the differences in points and links the indicator it feeds', async () => {
    const { requests } = backend(['VIEWER'], [kumamotoR6, nationalR5]);
    renderAt('/surveys/kumamoto-r6');

    await screen.findByRole('heading', { level: 1, name: kumamotoR6.title });
    expect(screen.getByTestId('respondents').textContent).toBe('—');
    const feed = screen.getByTestId('feed');
    expect(feed.textContent).toBe('この調査から算出: 孤独感の程度が高い市民の割合 37.4%（7〜9点＋10〜12点）');
    expect(within(feed).getByRole('link', { name: '孤独感の程度が高い市民の割合' }).getAttribute('href')).toBe('/indicators/kumamoto-5th-iv-3');

    const chart = await screen.findByRole('img', { name: `得点帯ごとの割合: ${kumamotoR6.title}と${nationalR5.title}` });
    expect(within(chart).getAllByText('34.3%')).toHaveLength(1);
    expect(within(chart).getByText('40.1%')).toBeTruthy();

    const table = screen.getByRole('table', { name: '得点帯ごとの割合の比較' });
    const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual(['得点帯', kumamotoR6.title, `${nationalR5.title}比較の基準`, '差異']);
    expect(within(table).getAllByRole('rowheader').map((h) => h.textContent)).toEqual([
      '10〜12点（常にある）',
      '7〜9点（時々ある）',
      '4〜6点（ほとんどない）',
      '3点（決してない）',
      '無回答',
    ]);
    expect(within(rowOf(table, '10〜12点（常にある）')).getAllByRole('cell').map((c) => c.textContent)).toEqual(['3.1%', '6.9%', '-3.8pt']);
    expect(within(rowOf(table, '3点（決してない）')).getAllByRole('cell').map((c) => c.textContent)).toEqual(['28.2%', '13.7%', '14.5pt']);

    const comparison = requests.find((r) => r.url.includes('/comparison'))!;
    expect(new URL(comparison.url).searchParams.get('reference')).toBe('national-r5');
    // A viewer reads only.
    expect(screen.queryByRole('heading', { name: '公表値の入力' })).toBeNull();
    expect(screen.queryByRole('heading', { name: '指標への算出' })).toBeNull();
  });

  it('compares with nothing when asked, showing this survey alone', async () => {
    backend(['VIEWER'], [kumamotoR6, nationalR5]);
    const user = userEvent.setup();
    renderAt('/surveys/kumamoto-r6');

    const select = await screen.findByLabelText('比較の基準');
    await screen.findByRole('table', { name: '得点帯ごとの割合の比較' });
    expect(Array.from((select as HTMLSelectElement).options).map((o) => o.value)).toEqual(['', 'national-r5']);
    await user.selectOptions(select, '');
    const chart = await screen.findByRole('img', { name: `${kumamotoR6.title}の得点帯ごとの割合` });
    expect(chart.querySelectorAll('rect.survey-chart__bar')).toHaveLength(5);
    expect(screen.queryByRole('table', { name: '得点帯ごとの割合の比較' })).toBeNull();
    expect(screen.getByRole('table', { name: '得点帯ごとの割合' })).toBeTruthy();
  });

  it('shows the breakdown by attribute with suppressed cells as ＊ and says why', async () => {
    const { requests } = backend(['VIEWER'], [kumamotoResponses, kumamotoR6], (_request, url) =>
      url.pathname === '/api/v1/surveys/kumamoto-r6-responses/comparison'
        ? jsonResponse({ ...comparisonR6, surveyCode: kumamotoResponses.code, surveyTitle: kumamotoResponses.title, referenceCode: 'kumamoto-r6', referenceTitle: kumamotoR6.title })
        : undefined,
    );
    const user = userEvent.setup();
    renderAt('/surveys/kumamoto-r6-responses');

    expect((await screen.findByTestId('respondents')).textContent).toBe('864人');
    const table = await screen.findByRole('table', { name: '年代別の得点帯の割合' });
    const teens = rowOf(table, '10代');
    expect(within(teens).getAllByRole('cell').every((c) => c.textContent === '＊非表示')).toBe(true);
    const twenties = within(rowOf(table, '20代')).getAllByRole('cell');
    expect(twenties.map((c) => c.textContent)).toEqual(['88人', '＊非表示', '35.2%31人', '30.7%27人', '27.3%24人', '＊非表示']);
    expect(table.textContent).not.toMatch(/(^|[^\d.])0(\.0)?%/);
    expect(screen.getByText(/回答者が10人未満の升目と、引き算で分かってしまう升目は表示していません/)).toBeTruthy();

    await user.selectOptions(screen.getByLabelText('属性'), '区');
    await screen.findByRole('table', { name: '区別の得点帯の割合' });
    expect(requests.map((r) => new URL(r.url).searchParams.get('by')).filter(Boolean)).toEqual(['年代', '区']);
  });

  it('previews an upload, lists its errors by line and keeps 取り込む disabled until the file is clean', async () => {
    const survey = emptySurvey('RESPONSES');
    let stored: Survey = survey;
    const bad = importReport({
      respondents: 3,
      errorCount: 1,
      errors: [{ line: 2, column: 'q1', message: '2 行目 q1: 「5」は回答として読めません（1〜4、決してない・ほとんどない・時々ある・常にある、空欄・無回答）' }],
    });
    const { requests } = backend(['PLANNER'], [survey, nationalR5], async (request, url) => {
      if (url.pathname === '/api/v1/surveys/kumamoto-r7' && request.method === 'GET') return jsonResponse(stored);
      if (url.pathname === '/api/v1/surveys/kumamoto-r7/comparison') return jsonResponse({ ...comparisonR6, surveyCode: 'kumamoto-r7', surveyTitle: survey.title });
      if (url.pathname !== '/api/v1/surveys/kumamoto-r7/imports') return undefined;
      const text = new TextDecoder('utf-8').decode(await request.arrayBuffer());
      const commit = url.searchParams.get('commit') === 'true';
      if (text.includes('5,2,3')) return jsonResponse(bad);
      if (commit) {
        stored = { ...survey, respondents: 4, attributes: ['年代', '区'], distribution: importReport().distribution, version: 1 };
        return jsonResponse(importReport({ committed: true }));
      }
      return jsonResponse(importReport());
    });
    const user = userEvent.setup();
    renderAt('/surveys/kumamoto-r7');

    expect(await screen.findByText(/まだ得点帯の分布がありません。/)).toBeTruthy();
    const input = screen.getByLabelText(/個票ファイル（CSV \/ TSV \/ Excel）/);
    await user.click(screen.getByRole('button', { name: '確認する' }));
    expect(screen.getByText('ファイルを選んでください')).toBeTruthy();

    await user.upload(input, new File(['q1,q2,q3,年代,氏名\n5,2,3,40代,熊本 花子\n'], 'bad.csv', { type: 'text/csv' }));
    await user.click(screen.getByRole('button', { name: '確認する' }));
    const errors = await screen.findByRole('table', { name: /問題（1件）/ });
    expect(within(errors).getAllByRole('cell').map((c) => c.textContent)).toEqual(['2 行目', 'q1', bad.errors[0].message]);
    expect(screen.getByTestId('upload-errors').textContent).toBe('1件');
    expect((screen.getByRole('button', { name: '取り込む' }) as HTMLButtonElement).disabled).toBe(true);

    // Shift_JIS bytes go out as they are ("年代" in Shift_JIS is 94 4E 91 E3).
    const sjis = new Uint8Array([...new TextEncoder().encode('q1,q2,q3,'), 0x94, 0x4e, 0x91, 0xe3, 0x0a, ...new TextEncoder().encode('1,2,3,x\n')]);
    await user.upload(input, new File([sjis], 'good.csv', { type: 'text/csv' }));
    expect(screen.queryByRole('table', { name: /問題/ })).toBeNull();
    await user.click(screen.getByRole('button', { name: '確認する' }));
    await screen.findByText('問題は見つかりませんでした');
    expect(screen.getByTestId('upload-respondents').textContent).toBe('4人');
    expect(screen.getByText('氏名')).toBeTruthy();
    expect(screen.getByRole('img', { name: 'good.csvの得点帯ごとの割合' })).toBeTruthy();
    const commit = screen.getByRole('button', { name: '取り込む' }) as HTMLButtonElement;
    expect(commit.disabled).toBe(false);
    await user.click(commit);

    expect(await screen.findByText('取り込みました')).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('respondents').textContent).toBe('4人'));
    const imports = requests.filter((r) => r.url.includes('/imports'));
    expect(imports.map((r) => new URL(r.url).searchParams.get('commit'))).toEqual(['false', 'false', 'true']);
    expect(imports[2].headers.get('Content-Type')).toBe('text/csv');
    expect(new Uint8Array(await imports[2].arrayBuffer())).toEqual(sjis);
  });

  it('shows a refused commit’s title, detail and each error', async () => {
    const survey = emptySurvey('RESPONSES');
    backend(['PLANNER'], [survey], (_request, url) => {
      if (url.pathname !== '/api/v1/surveys/kumamoto-r7/imports') return undefined;
      if (url.searchParams.get('commit') === 'false') return jsonResponse(importReport());
      return jsonResponse(
        {
          type: '/problems/survey-import-rejected',
          title: '個票を取り込めません',
          status: 422,
          detail: '1 件の問題があるため、何も取り込んでいません。3 行目 q2: 「x」は回答として読めません',
          errors: [{ field: 'line 3.q2', message: '3 行目 q2: 「x」は回答として読めません' }],
        },
        422,
      );
    });
    const user = userEvent.setup();
    renderAt('/surveys/kumamoto-r7');

    await user.upload(await screen.findByLabelText(/個票ファイル（CSV/), new File(['q1,q2,q3\n1,2,3\n'], 'a.csv', { type: 'text/csv' }));
    await user.click(screen.getByRole('button', { name: '確認する' }));
    await user.click(await screen.findByRole('button', { name: '取り込む' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('個票を取り込めません')).toBeTruthy();
    expect(alert.textContent).toContain('1 件の問題があるため、何も取り込んでいません。');
    expect(within(alert).getByRole('listitem').textContent).toBe('3 行目 q2: 「x」は回答として読めません');
  });

  it('lets a planner enter the five published percentages of a survey without data', async () => {
    const survey = emptySurvey('PUBLISHED', { code: 'kumamoto-r7', referenceCode: null, referenceTitle: null });
    let stored: Survey = survey;
    const { requests } = backend(['PLANNER'], [survey, nationalR5], async (request, url) => {
      if (url.pathname === '/api/v1/surveys/kumamoto-r7' && request.method === 'GET') return jsonResponse(stored);
      if (url.pathname === '/api/v1/surveys/kumamoto-r7/published-distribution' && request.method === 'PUT') {
        stored = { ...survey, respondents: 2000, distribution: shares({ SCORE_10_12: 3.1, SCORE_7_9: 34.3, SCORE_4_6: 31.9, SCORE_3: 28.2, NO_ANSWER: 2.4 }), version: 1 };
        return jsonResponse(stored);
      }
      return undefined;
    });
    const user = userEvent.setup();
    renderAt('/surveys/kumamoto-r7');

    await screen.findByRole('heading', { name: '公表値の入力' });
    const form = screen.getByRole('form', { name: '公表値の入力' });
    const field = (label: string) => within(form).getByLabelText(new RegExp(`^${label}`));
    await user.type(field('10〜12点（常にある）'), '3.1');
    await user.type(field('7〜9点（時々ある）'), '34.3');
    await user.type(field('4〜6点（ほとんどない）'), '31.9');
    await user.type(field('3点（決してない）'), '38.2');
    await user.type(field('無回答'), '2.4');
    expect(screen.getByText('合計: 109.9%')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '公表値を保存する' }));
    expect(screen.getByText(/合計が 109.9% です/)).toBeTruthy();
    expect(requests.some((r) => r.method === 'PUT')).toBe(false);

    await user.clear(field('3点（決してない）'));
    await user.type(field('3点（決してない）'), '28.2');
    await user.type(screen.getByLabelText(/^回答者数/), '2000');
    await user.click(screen.getByRole('button', { name: '公表値を保存する' }));

    // With data, the chart replaces the empty state (no reference: this survey alone).
    const chart = await screen.findByRole('img', { name: `${survey.title}の得点帯ごとの割合` });
    expect(within(chart).getByText('34.3%')).toBeTruthy();
    const put = requests.find((r) => r.method === 'PUT')!;
    expect(await put.json()).toEqual({
      shares: [
        { band: 'SCORE_10_12', percent: 3.1 },
        { band: 'SCORE_7_9', percent: 34.3 },
        { band: 'SCORE_4_6', percent: 31.9 },
        { band: 'SCORE_3', percent: 28.2 },
        { band: 'NO_ANSWER', percent: 2.4 },
      ],
      respondents: 2000,
    });
  });
  it('lets a planner point the survey at an indicator, or stop deriving it', async () => {
    let stored: Survey = kumamotoR6;
    const { requests } = backend(['PLANNER'], [kumamotoR6, nationalR5], (request, url) => {
      if (url.pathname === '/api/v1/surveys/kumamoto-r6' && request.method === 'GET') return jsonResponse(stored);
      if (url.pathname !== '/api/v1/surveys/kumamoto-r6/indicator-rule') return undefined;
      stored = request.method === 'DELETE' ? { ...kumamotoR6, feeds: null, version: 4 } : { ...kumamotoR6, version: 3 };
      return jsonResponse(stored);
    });
    const user = userEvent.setup();
    renderAt('/surveys/kumamoto-r6');

    await user.click(await screen.findByText('算出の設定を変える'));
    const form = screen.getByRole('form', { name: '指標への算出' });
    expect((within(form).getByLabelText(/^指標コード/) as HTMLInputElement).value).toBe('kumamoto-5th-iv-3');
    expect(within(form).getAllByRole('checkbox').filter((c) => (c as HTMLInputElement).checked).map((c) => c.parentElement!.textContent)).toEqual([
      '7〜9点（時々ある）',
      '10〜12点（常にある）',
    ]);
    await user.click(within(form).getByRole('button', { name: '算出を設定する' }));
    expect(await within(form).findByText('「孤独感の程度が高い市民の割合」の実績値をこのアンケートから算出します。')).toBeTruthy();
    const put = requests.find((r) => r.method === 'PUT')!;
    expect(await put.json()).toEqual({ indicatorCode: 'kumamoto-5th-iv-3', bands: ['SCORE_7_9', 'SCORE_10_12'] });

    await user.click(within(form).getByRole('button', { name: '算出をやめる' }));
    expect(await screen.findByText('このアンケートから算出している指標はありません。')).toBeTruthy();
    expect(requests.filter((r) => r.method === 'DELETE')).toHaveLength(1);
  });
  it('lets a planner change the title, conductor and reference with the version read, and explains a stale version', async () => {
    let stored: Survey = kumamotoR6;
    let refuse = true;
    const { requests } = backend(['PLANNER'], [kumamotoR6, nationalR5, kumamotoResponses], async (request, url) => {
      if (url.pathname !== '/api/v1/surveys/kumamoto-r6') return undefined;
      if (request.method === 'GET') return jsonResponse(stored);
      if (request.method !== 'PUT') return undefined;
      if (refuse) {
        // Someone else renamed it after this page read it.
        refuse = false;
        stored = { ...kumamotoR6, title: '第5次熊本市地域福祉計画アンケート（令和6年）', version: 3 };
        return jsonResponse(
          {
            type: '/problems/stale-version', title: '競合しています', status: 409,
            detail: 'アンケート「第5次熊本市地域福祉計画 策定アンケート（R6）」 は他の人が先に更新しました。最新の内容を読み込んでからやり直してください。',
          },
          409,
        );
      }
      const body = await request.json();
      stored = { ...stored, title: body.title, conductedBy: body.conductedBy, referenceCode: body.referenceCode, referenceTitle: null, version: stored.version + 1 };
      return jsonResponse(stored);
    });
    const user = userEvent.setup();
    renderAt('/surveys/kumamoto-r6');

    await user.click(await screen.findByText('名称・実施主体・比較の基準を変更する'));
    let form = screen.getByRole('form', { name: 'アンケートの情報の変更' });
    expect((within(form).getByLabelText(/^名称/) as HTMLInputElement).value).toBe(kumamotoR6.title);
    expect((within(form).getByLabelText(/^実施主体/) as HTMLInputElement).value).toBe('熊本市');
    const reference = within(form).getByLabelText(/^比較の基準/) as HTMLSelectElement;
    expect(reference.value).toBe('national-r5');
    // Same scale, not itself.
    expect(Array.from(reference.options).map((o) => o.value)).toEqual(['', 'national-r5', 'kumamoto-r6-responses']);

    await user.clear(within(form).getByLabelText(/^実施主体/));
    await user.type(within(form).getByLabelText(/^実施主体/), '熊本市健康福祉局');
    await user.click(within(form).getByRole('button', { name: '変更を保存' }));
    const alert = await within(form).findByRole('alert');
    expect(within(alert).getByText('他の人が先にこのアンケートを更新しました')).toBeTruthy();
    expect(alert.textContent).toContain('上書きしないよう、保存しませんでした');
    expect(await requests.find((r) => r.method === 'PUT')!.json()).toEqual({
      title: kumamotoR6.title, conductedBy: '熊本市健康福祉局', referenceCode: 'national-r5', version: 2,
    });

    await user.click(within(alert).getByRole('button', { name: '最新の内容を読み込む' }));
    await screen.findByRole('heading', { level: 1, name: '第5次熊本市地域福祉計画アンケート（令和6年）' });
    form = screen.getByRole('form', { name: 'アンケートの情報の変更' });
    expect((within(form).getByLabelText(/^名称/) as HTMLInputElement).value).toBe('第5次熊本市地域福祉計画アンケート（令和6年）');
    expect(within(form).queryByRole('alert')).toBeNull();

    await user.selectOptions(within(form).getByLabelText(/^比較の基準/), '');
    await user.click(within(form).getByRole('button', { name: '変更を保存' }));
    expect(await screen.findByText('「第5次熊本市地域福祉計画アンケート（令和6年）」の情報を保存しました。')).toBeTruthy();
    const second = requests.filter((r) => r.method === 'PUT')[1];
    expect(await second.json()).toEqual({ title: '第5次熊本市地域福祉計画アンケート（令和6年）', conductedBy: '熊本市', referenceCode: null, version: 3 });
  });

  it('deletes a survey after listing what goes with it, then returns to the list', async () => {
    let surveys: Survey[] = [kumamotoR6, nationalR5, kumamotoResponses];
    const { requests } = backend(['ADMIN'], [kumamotoR6, nationalR5, kumamotoResponses], (request, url) => {
      if (url.pathname === '/api/v1/surveys' && request.method === 'GET') return jsonResponse({ items: surveys });
      if (url.pathname === '/api/v1/surveys/kumamoto-r6' && request.method === 'DELETE') {
        surveys = surveys.filter((s) => s.code !== 'kumamoto-r6');
        return new Response(null, { status: 204 });
      }
      return undefined;
    });
    const user = userEvent.setup();
    renderWithProviders(
      <Routes>
        <Route path="/surveys" element={<SurveysRoute />} />
        <Route path="/surveys/:code" element={<SurveyRoute />} />
      </Routes>,
      { route: '/surveys/kumamoto-r6' },
    );

    await user.click(await screen.findByRole('button', { name: 'このアンケートを削除する…' }));
    const confirm = screen.getByRole('group', { name: 'アンケートの削除の確認' });
    const consequences = within(screen.getByTestId('delete-consequences')).getAllByRole('listitem').map((li) => li.textContent);
    expect(consequences).toContain('このアンケートから算出している指標「孤独感の程度が高い市民の割合」の令和5年度 (2023)の実績値（37.4%）も消えます。');
    expect(consequences.some((c) => c?.includes('比較の基準なしになります'))).toBe(true);
    expect(requests.some((r) => r.method === 'DELETE')).toBe(false);

    await user.click(within(confirm).getByRole('button', { name: 'キャンセル' }));
    expect(screen.queryByRole('group', { name: 'アンケートの削除の確認' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'このアンケートを削除する…' }));
    await user.click(within(screen.getByRole('group', { name: 'アンケートの削除の確認' })).getByRole('button', { name: '削除する' }));

    await screen.findByRole('heading', { level: 1, name: '市民アンケート' });
    expect(screen.getByText(`アンケート「${kumamotoR6.title}」を削除しました。`)).toBeTruthy();
    const list = await screen.findByRole('table', { name: '市民アンケートの一覧' });
    await waitFor(() => expect(within(list).queryByRole('link', { name: kumamotoR6.title })).toBeNull());
    expect(requests.filter((r) => r.method === 'DELETE').map((r) => new URL(r.url).pathname)).toEqual(['/api/v1/surveys/kumamoto-r6']);
  });

  it('offers neither change nor deletion to a viewer', async () => {
    backend(['VIEWER'], [kumamotoR6, nationalR5]);
    renderAt('/surveys/kumamoto-r6');
    await screen.findByRole('heading', { level: 1, name: kumamotoR6.title });
    expect(screen.queryByRole('heading', { name: 'アンケートの変更と削除' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'このアンケートを削除する…' })).toBeNull();
  });
});
