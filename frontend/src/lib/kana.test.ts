import { expect, it } from 'vitest';
import { normaliseForSearch } from './kana';

it('folds katakana, half-width kana and spaces to plain hiragana', () => {
  expect(normaliseForSearch('ヒヨシ')).toBe('ひよし');
  expect(normaliseForSearch('ﾋﾖｼ')).toBe('ひよし');
  expect(normaliseForSearch(' ひ よし ')).toBe('ひよし');
  expect(normaliseForSearch('日吉校区')).toBe('日吉校区');
});
