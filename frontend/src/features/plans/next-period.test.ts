import { describe, expect, it } from 'vitest';
import { nextPeriod, nextPlanCode, nextPlanTitle } from './next-period';

describe('次期計画の初期値', () => {
  it('moves the trailing number of the code on, keeping its ordinal suffix and its zero padding', () => {
    expect(nextPlanCode('kitakyushu-ikiiki2')).toBe('kitakyushu-ikiiki3');
    expect(nextPlanCode('kaigo-9th')).toBe('kaigo-10th');
    expect(nextPlanCode('plan-1st')).toBe('plan-2nd');
    expect(nextPlanCode('plan-12th')).toBe('plan-13th');
    expect(nextPlanCode('plan-22nd')).toBe('plan-23rd');
    expect(nextPlanCode('keikaku-09')).toBe('keikaku-10');
    expect(nextPlanCode('kurume')).toBe('');
  });

  it('moves 第n次 on, written as the title writes it', () => {
    expect(nextPlanTitle('第2次北九州市いきいき長寿プラン')).toBe('第3次北九州市いきいき長寿プラン');
    expect(nextPlanTitle('第９次介護保険事業計画')).toBe('第１０次介護保険事業計画');
    expect(nextPlanTitle('第二次地域福祉活動計画')).toBe('第三次地域福祉活動計画');
    expect(nextPlanTitle('第九次計画')).toBe('第十次計画');
    expect(nextPlanTitle('くるめ支え合うプラン')).toBe('');
    expect(nextPlanTitle('市の第2次計画')).toBe('');
  });

  it('takes the period after the current one, as long', () => {
    expect(nextPeriod(2021, 2023)).toEqual({ periodStart: 2024, periodEnd: 2026 });
    expect(nextPeriod(2024, 2031)).toEqual({ periodStart: 2032, periodEnd: 2039 });
    expect(nextPeriod(2024, 2024)).toEqual({ periodStart: 2025, periodEnd: 2025 });
  });
});
