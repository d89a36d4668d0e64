import { describe, expect, it } from 'vitest';
import { counselorsError, parseCounselors, paymentMark } from './profiles';

describe('paymentMark', () => {
  it('prints 有償か as the report does, 「—」 when it printed none', () => {
    expect(paymentMark('PAID')).toBe('《有償》');
    expect(paymentMark('UNPAID')).toBe('《無償》');
    expect(paymentMark('BOTH')).toBe('有償・無償');
    expect(paymentMark(null)).toBe('—');
  });
});

describe('counselorsError and parseCounselors', () => {
  it('take a whole number from 0 to 999, full-width digits too', () => {
    expect(counselorsError('')).toBe('必須項目です（いなければ 0）');
    expect(counselorsError(' 2 ')).toBeUndefined();
    expect(counselorsError('０')).toBeUndefined();
    expect(parseCounselors('１２')).toBe(12);
    expect(counselorsError('999')).toBeUndefined();
    expect(counselorsError('1000')).toBe('0〜999の整数で入力してください');
    expect(counselorsError('-1')).toBe('0〜999の整数で入力してください');
    expect(counselorsError('1.5')).toBe('0〜999の整数で入力してください');
  });
});
