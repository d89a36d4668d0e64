import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { meetings, seriesRow, value } from '@/testing/indicator-fixtures';
import { IndicatorChart } from './indicator-chart';

describe('IndicatorChart', () => {
  it('draws one bar per actual and one hollow bar per target, labelled in 令和 years', () => {
    const { container } = render(<IndicatorChart indicator={meetings()} years={[2019, 2020, 2021, 2022, 2023]} />);
    const bars = [...container.querySelectorAll('rect.chart__actual')];
    expect(bars.map((b) => b.querySelector('title')?.textContent)).toEqual([
      '令和3年度 (2021) 実績値 835回',
      '令和4年度 (2022) 実績値 1,305回',
    ]);
    expect(container.querySelectorAll('rect.chart__target')).toHaveLength(3);
    expect(container.querySelectorAll('rect.chart__target')[0].getAttribute('fill')).toBe('none');
    const labels = [...container.querySelectorAll('text.chart__tick')].map((t) => t.textContent);
    expect(labels).toContain('令和元(2019)');
    expect(labels).toContain('令和5(2023)');
    expect(container.querySelector('svg')?.getAttribute('role')).toBe('img');
    expect(container.textContent).toContain('目標値（枠）');
  });

  it('stacks the actuals of an additive disaggregation, one bar per option', () => {
    const options = ['月4回以上', '月2回以上', '月1回以上'];
    const indicator = meetings({
      disaggregation: { name: '開催頻度', additive: true, options },
      values: [
        value(2022, 'ACTUAL', 122, { option: '月4回以上' }),
        value(2022, 'ACTUAL', 83, { option: '月2回以上' }),
        value(2022, 'ACTUAL', 151, { option: '月1回以上' }),
      ],
      series: options.map((o) => seriesRow(2023, { option: o, targetInForce: 100 })),
    });
    const { container } = render(<IndicatorChart indicator={indicator} years={[2022, 2023]} />);
    const bars = [...container.querySelectorAll('rect.chart__actual')];
    expect(bars).toHaveLength(3);
    // Stacked: each bar starts where the previous one ended.
    const tops = bars.map((b) => Number(b.getAttribute('y')));
    const bottoms = bars.map((b) => Number(b.getAttribute('y')) + Number(b.getAttribute('height')));
    expect(bottoms[1]).toBeCloseTo(tops[0], 5);
    expect(bottoms[2]).toBeCloseTo(tops[1], 5);
    // The 2023 target is the sum of the option targets: one hollow bar.
    expect(container.querySelectorAll('rect.chart__target')).toHaveLength(1);
    expect(container.textContent).toContain('実績値 月4回以上');
  });
});
