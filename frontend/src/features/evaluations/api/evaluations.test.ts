import { describe, expect, it } from 'vitest';
import { contentTypeOf, fileNameOf } from './evaluations';

describe('fileNameOf', () => {
  it('prefers the UTF-8 name of a Content-Disposition header', () => {
    const header = `attachment; filename="kitakyushu-ikiiki2-evaluation-2022.xlsx"; filename*=UTF-8''${encodeURIComponent('事業調書（令和4年度）.xlsx')}`;
    expect(fileNameOf(header, 'x')).toBe('事業調書（令和4年度）.xlsx');
    expect(fileNameOf('attachment; filename="a.csv"', 'x')).toBe('a.csv');
    expect(fileNameOf(null, 'fallback.csv')).toBe('fallback.csv');
  });
});

describe('contentTypeOf', () => {
  it('goes by the extension, then by the browser type, else octet-stream', () => {
    expect(contentTypeOf({ name: 'a.TSV', type: '' })).toBe('text/tab-separated-values');
    expect(contentTypeOf({ name: 'a.csv', type: 'application/vnd.ms-excel' })).toBe('text/csv');
    expect(contentTypeOf({ name: 'a.xlsx', type: '' })).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(contentTypeOf({ name: 'a', type: 'text/csv' })).toBe('text/csv');
    expect(contentTypeOf({ name: 'a.bin', type: '' })).toBe('application/octet-stream');
  });
});
