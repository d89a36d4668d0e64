import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { env } from '@/config/env';
import { getAccessToken, saveSession } from '@/lib/session';
import { installFakeXhr } from '@/testing/fake-xhr';
import { setUnauthorizedHandler } from './client';
import { ApiError, NETWORK_MESSAGE, errorMessage } from './problem';
import { contentTypeOf, uploadFile } from './upload';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const JSON_TYPE = { 'Content-Type': 'application/json' };
const PROBLEM_TYPE = { 'Content-Type': 'application/problem+json' };

const surveyReport = {
  committed: false,
  respondents: 2,
  errorCount: 0,
  errors: [],
  attributes: ['年代'],
  ignoredColumns: ['氏名'],
  distribution: [],
};

let xhr: ReturnType<typeof installFakeXhr>;

beforeEach(() => {
  xhr = installFakeXhr();
});

afterEach(() => {
  vi.unstubAllGlobals();
  setUnauthorizedHandler(() => {});
});

const csv = (text = 'q1,q2,q3\n1,2,3\n', name = '回答 2025.csv') => new File([text], name, { type: 'text/csv' });

function uploadSurvey(file: File, onProgress?: (sent: number, total: number) => void) {
  return uploadFile('/api/v1/surveys/{code}/imports', { params: { path: { code: 'kumamoto-r7' }, query: { commit: false } }, file, onProgress });
}

describe('uploadFile', () => {
  it('reports each step of the bytes going out, from none to all', async () => {
    const onProgress = vi.fn();
    const file = csv('x'.repeat(1000));
    const done = uploadSurvey(file, onProgress);

    const request = await xhr.sent();
    expect(onProgress.mock.calls).toEqual([[0, 1000]]);
    request.progress(450, 1000);
    request.progress(900, 1000);
    request.uploaded();
    request.respond(200, JSON.stringify(surveyReport), JSON_TYPE);
    await done;

    expect(onProgress.mock.calls).toEqual([
      [0, 1000],
      [450, 1000],
      [900, 1000],
      [1000, 1000],
    ]);
  });

  it('posts the raw bytes with the file name and type to the client base URL, and resolves with the JSON body', async () => {
    const bytes = new Uint8Array([0x89, 0xf1, 0x93, 0x9a, 0x0a]); // Shift_JIS, which text decoding would garble
    const done = uploadFile('/api/v1/plans/{plan}/imports', {
      params: { path: { plan: 'kitakyushu-ikiiki2' }, query: { commit: true, fiscalYear: 2022 } },
      file: new File([bytes], '事業調書.xlsx', { type: '' }),
    });

    const request = await xhr.sent();
    const url = new URL(request.url);
    expect(request.method).toBe('POST');
    expect(url.origin).toBe(new URL(env.apiBaseUrl).origin);
    expect(url.pathname).toBe('/api/v1/plans/kitakyushu-ikiiki2/imports');
    expect(url.searchParams.get('commit')).toBe('true');
    expect(url.searchParams.get('fiscalYear')).toBe('2022');
    expect(request.requestHeaders.get('Content-Type')).toBe(XLSX);
    expect(request.requestHeaders.get('X-File-Name')).toBe(encodeURIComponent('事業調書.xlsx'));
    expect(request.requestHeaders.get('Accept')).toContain('application/problem+json');
    expect(new Uint8Array(request.body as ArrayBuffer)).toEqual(bytes);

    const report = { planCode: 'kitakyushu-ikiiki2', fiscalYear: 2022, committed: true, summary: {}, rows: [], problems: [] };
    request.respond(200, JSON.stringify(report), JSON_TYPE);
    expect(await done).toEqual(report);
  });

  it('sends the session token as a bearer token', async () => {
    saveSession('jwt-upload', 600);
    const done = uploadSurvey(csv());
    const request = await xhr.sent();
    expect(request.requestHeaders.get('Authorization')).toBe('Bearer jwt-upload');
    request.respond(200, JSON.stringify(surveyReport), JSON_TYPE);
    await done;
  });

  it('turns a 422 problem into an ApiError with its errors by line', async () => {
    const problem = {
      type: '/problems/survey-import-rejected',
      title: '個票を取り込めません',
      status: 422,
      detail: '1 件の問題があるため、何も取り込んでいません。',
      errors: [{ field: 'line 3.q2', message: '3 行目 q2: 「x」は回答として読めません' }],
    };
    const done = uploadSurvey(csv()).catch((e: unknown) => e);
    (await xhr.sent()).respond(422, JSON.stringify(problem), PROBLEM_TYPE);

    const error = await done;
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(422);
    expect((error as ApiError).problem).toEqual(problem);
    expect((error as ApiError).fieldError('q2')).toBe('3 行目 q2: 「x」は回答として読めません');
    expect(errorMessage(error)).toBe('1 件の問題があるため、何も取り込んでいません。');
  });

  it('rejects with an ApiError saying the server cannot be reached when no answer comes', async () => {
    const done = uploadSurvey(csv()).catch((e: unknown) => e);
    (await xhr.sent()).fail();

    const error = await done;
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(0);
    expect(errorMessage(error)).toBe(NETWORK_MESSAGE);
  });

  it('ends an expired session on 401, as every other call does', async () => {
    saveSession('jwt-expired', 600);
    const onUnauthorized = vi.fn();
    setUnauthorizedHandler(onUnauthorized);
    const done = uploadSurvey(csv()).catch((e: unknown) => e);
    (await xhr.sent()).respond(401, JSON.stringify({ title: 'Unauthorized', status: 401 }), PROBLEM_TYPE);

    expect(((await done) as ApiError).status).toBe(401);
    expect(getAccessToken()).toBeNull();
    expect(onUnauthorized).toHaveBeenCalledOnce();
  });
});

describe('contentTypeOf', () => {
  it('goes by the extension, then by the browser type, else octet-stream', () => {
    expect(contentTypeOf({ name: 'a.TSV', type: '' })).toBe('text/tab-separated-values');
    expect(contentTypeOf({ name: 'a.txt', type: 'text/plain' })).toBe('text/tab-separated-values');
    expect(contentTypeOf({ name: '個票.CSV', type: 'application/vnd.ms-excel' })).toBe('text/csv');
    expect(contentTypeOf({ name: '回答.xlsx', type: '' })).toBe(XLSX);
    expect(contentTypeOf({ name: 'a', type: 'text/csv' })).toBe('text/csv');
    expect(contentTypeOf({ name: 'a.bin', type: '' })).toBe('application/octet-stream');
  });
});
