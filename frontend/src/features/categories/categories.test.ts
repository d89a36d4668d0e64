import { describe, expect, it } from 'vitest';
import { categoryCodeError, categoryNameError, normaliseCategoryCode } from './categories';

const inUse = [
  { code: 'GARBAGE', name: 'ゴミ出し' },
  { code: 'TRANSPORT', name: '送迎・移動支援' },
];

describe('normaliseCategoryCode', () => {
  it('makes what was typed into a code', () => {
    expect(normaliseCategoryCode(' light work ')).toBe('LIGHT_WORK');
    expect(normaliseCategoryCode('ｌｉｇｈｔ＿ｗｏｒｋ２')).toBe('LIGHT_WORK2');
    expect(normaliseCategoryCode('hospital-escort')).toBe('HOSPITAL_ESCORT');
  });
});

describe('categoryCodeError', () => {
  it('takes an upper-case letter then letters, digits or _, up to 40', () => {
    expect(categoryCodeError('LIGHT_WORK', inUse)).toBeUndefined();
    expect(categoryCodeError('A', inUse)).toBeUndefined();
    expect(categoryCodeError('', inUse)).toBe('必須項目です');
    expect(categoryCodeError('1ST', inUse)).toMatch(/英大文字で始め/);
    expect(categoryCodeError('_X', inUse)).toMatch(/英大文字で始め/);
    expect(categoryCodeError('ゴミ', inUse)).toMatch(/英大文字で始め/);
    expect(categoryCodeError(`A${'B'.repeat(39)}`, inUse)).toBeUndefined();
    expect(categoryCodeError(`A${'B'.repeat(40)}`, inUse)).toMatch(/40 文字以内/);
  });

  it('refuses a code in use', () => {
    expect(categoryCodeError('GARBAGE', inUse)).toBe('コード GARBAGE はすでに使われています。一覧の「変更」から変えてください');
  });
});

describe('categoryNameError', () => {
  it('requires a name of up to 60 characters not used by another category', () => {
    expect(categoryNameError('  ', inUse)).toBe('必須項目です');
    expect(categoryNameError('あ'.repeat(61), inUse)).toBe('60文字以内で入力してください');
    expect(categoryNameError('ゴミ出し', inUse, 'NEW')).toBe('「ゴミ出し」はすでにあります');
    expect(categoryNameError('ゴミ出し', inUse, 'GARBAGE')).toBeUndefined();
    expect(categoryNameError(' 掃除 ', inUse, 'CLEANING')).toBeUndefined();
  });
});
