import { describe, expect, it } from 'vitest';
import {
  SOURCE_ORDER,
  axisMax,
  bandFullLabel,
  bandSum,
  cellView,
  feedSummary,
  formatPercent,
  formatPoints,
  groupView,
  inSourceOrder,
  parsePublished,
} from './bands';
import { byAge, comparisonR6, kumamotoR6 } from '@/testing/survey-fixtures';

describe('formatPoints', () => {
  it('prints differences as the source does: one decimal, "pt", no plus sign', () => {
    expect(formatPoints(-3.8)).toBe('-3.8pt');
    expect(formatPoints(14.5)).toBe('14.5pt');
    expect(formatPoints(1.6)).toBe('1.6pt');
    expect(formatPoints(2)).toBe('2.0pt');
    // Subtracting in floating point must not leak digits: 3.1 − 6.9 = -3.8000000000000003.
    expect(formatPoints(3.1 - 6.9)).toBe('-3.8pt');
  });

  it('never prints a negative zero, and a missing difference as a dash', () => {
    expect(formatPoints(0)).toBe('0.0pt');
    expect(formatPoints(-0.04)).toBe('0.0pt');
    expect(formatPoints(null)).toBe('—');
    expect(formatPoints(undefined)).toBe('—');
  });
});

describe('formatPercent', () => {
  it('keeps one decimal and shows a missing share as a dash, not 0', () => {
    expect(formatPercent(34.3)).toBe('34.3%');
    expect(formatPercent(40)).toBe('40.0%');
    expect(formatPercent(0)).toBe('0.0%');
    expect(formatPercent(null)).toBe('—');
  });
});

describe('band order', () => {
  it('puts rows in the order the source prints them, from 10〜12点 down to 無回答', () => {
    // The API answers in score order.
    expect(comparisonR6.rows.map((r) => r.band)).toEqual(['SCORE_3', 'SCORE_4_6', 'SCORE_7_9', 'SCORE_10_12', 'NO_ANSWER']);
    expect(inSourceOrder(comparisonR6.rows).map((r) => r.band)).toEqual(['SCORE_10_12', 'SCORE_7_9', 'SCORE_4_6', 'SCORE_3', 'NO_ANSWER']);
    expect(inSourceOrder(comparisonR6.rows).map((r) => bandFullLabel(r.band))).toEqual([
      '10〜12点（常にある）',
      '7〜9点（時々ある）',
      '4〜6点（ほとんどない）',
      '3点（決してない）',
      '無回答',
    ]);
  });

  it('adds bands up in score order', () => {
    expect(bandSum(['SCORE_10_12', 'SCORE_7_9'])).toBe('7〜9点＋10〜12点');
    expect(bandSum(['SCORE_7_9', 'SCORE_10_12'])).toBe('7〜9点＋10〜12点');
    expect(bandSum(['SCORE_3'])).toBe('3点');
  });

  it('sums up what an indicator gets from a survey', () => {
    expect(feedSummary(kumamotoR6.feeds!)).toBe('37.4%（7〜9点＋10〜12点）');
    expect(feedSummary({ ...kumamotoR6.feeds!, value: null })).toBe('まだ算出できません（7〜9点＋10〜12点）');
  });
});

describe('suppressed breakdown cells', () => {
  it('shows a suppressed cell as ＊, never as 0', () => {
    const hidden = cellView({ band: 'SCORE_10_12', count: null, percent: null, suppressed: true });
    expect(hidden).toEqual({ text: '＊', count: null, hidden: true, label: '非表示' });
    expect(cellView({ band: 'SCORE_3', count: 24, percent: 27.3, suppressed: false })).toEqual({
      text: '27.3%',
      count: '24人',
      hidden: false,
      label: '27.3%（24人）',
    });
    // A cell the API left out is unknown, not zero either.
    expect(cellView(undefined).text).toBe('—');
  });

  it('hides a suppressed group whole, and orders its cells as the source does', () => {
    const [teens, twenties, seventies] = byAge.groups.map(groupView);
    expect(teens.hidden).toBe(true);
    expect(teens.respondents.text).toBe('＊');
    expect(teens.cells.map((c) => c.view.text)).toEqual(['＊', '＊', '＊', '＊', '＊']);
    expect(twenties.respondents.text).toBe('88人');
    expect(twenties.cells.map((c) => c.band)).toEqual([...SOURCE_ORDER]);
    expect(twenties.cells.map((c) => c.view.text)).toEqual(['＊', '35.2%', '30.7%', '27.3%', '＊']);
    expect(seventies.cells.map((c) => c.view.text)).toEqual(['5.7%', '29.5%', '31.4%', '28.6%', '4.8%']);
  });

  it('hides even a suppressed group whose cells came without the flag', () => {
    const group = { value: '90代', respondents: 3, suppressed: true, cells: [{ band: 'SCORE_3' as const, count: 0, percent: 0, suppressed: false }] };
    const view = groupView(group);
    expect(view.respondents.text).toBe('＊');
    expect(view.cells.find((c) => c.band === 'SCORE_3')!.view.text).toBe('＊');
  });
});

describe('parsePublished', () => {
  const kumamoto = { SCORE_10_12: '3.1', SCORE_7_9: '34.3', SCORE_4_6: '31.9', SCORE_3: '28.2', NO_ANSWER: '2.4' };

  it('reads five shares in the source order and their total', () => {
    const parsed = parsePublished(kumamoto);
    expect(parsed).toEqual({
      ok: true,
      total: 99.9,
      shares: [
        { band: 'SCORE_10_12', percent: 3.1 },
        { band: 'SCORE_7_9', percent: 34.3 },
        { band: 'SCORE_4_6', percent: 31.9 },
        { band: 'SCORE_3', percent: 28.2 },
        { band: 'NO_ANSWER', percent: 2.4 },
      ],
    });
  });

  it('accepts full-width digits and a % sign as typed with a Japanese IME', () => {
    const parsed = parsePublished({ ...kumamoto, SCORE_7_9: '３４．３％' });
    expect(parsed.ok && parsed.shares[1]).toEqual({ band: 'SCORE_7_9', percent: 34.3 });
  });

  it('refuses blanks, two decimals, more than 100 and a total far from 100', () => {
    const blank = parsePublished({ ...kumamoto, NO_ANSWER: '' });
    expect(blank.ok).toBe(false);
    expect(!blank.ok && blank.errors.NO_ANSWER).toBe('割合を入力してください（該当なしは 0）');
    const precise = parsePublished({ ...kumamoto, SCORE_3: '28.25' });
    expect(!precise.ok && precise.errors.SCORE_3).toBe('0〜100 の数を小数第1位まで入力してください');
    expect(parsePublished({ ...kumamoto, SCORE_3: '101' }).ok).toBe(false);
    const off = parsePublished({ ...kumamoto, SCORE_3: '38.2' });
    expect(!off.ok && off.errors.total).toBe('合計が 109.9% です（四捨五入の誤差を見込んでも 99.0〜101.0% に収まりません）');
  });
});

describe('axisMax', () => {
  it('ends the axis at the next 10 above the largest share', () => {
    expect(axisMax([34.3, 40.1, null])).toBe(50);
    expect(axisMax([40])).toBe(40);
    expect(axisMax([])).toBe(10);
    expect(axisMax([100])).toBe(100);
  });
});
