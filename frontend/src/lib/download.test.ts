import { describe, expect, it } from 'vitest';
import { fileNameOf } from './download';

describe('fileNameOf', () => {
  it('prefers the UTF-8 name of a Content-Disposition header', () => {
    const header = `attachment; filename="kitakyushu-ikiiki2-evaluation-2022.xlsx"; filename*=UTF-8''${encodeURIComponent('事業調書（令和4年度）.xlsx')}`;
    expect(fileNameOf(header, 'x')).toBe('事業調書（令和4年度）.xlsx');
    expect(fileNameOf('attachment; filename="a.csv"', 'x')).toBe('a.csv');
    expect(fileNameOf(null, 'fallback.csv')).toBe('fallback.csv');
  });
});
