import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { meetings, seriesRow, value } from '@/testing/indicator-fixtures';
import { IndicatorChart } from './indicator-chart';

/** The y of each point of a polyline, in order. */
function pointYs(polyline: Element): number[] {
  return (polyline.getAttribute('points') ?? '').split(' ').map((p) => Number(p.split(',')[1]));
}

describe('IndicatorChart', () => {
  it('draws actuals as bars, targets as one line through each year and the baseline as a reference line labelled 基準値', () => {
    const { container } = render(<IndicatorChart indicator={meetings()} years={[2019, 2020, 2021, 2022, 2023]} />);
    const bars = [...container.querySelectorAll('rect.chart__actual')];
    expect(bars.map((b) => b.querySelector('title')?.textContent)).toEqual([
      '令和3年度 (2021) 実績値 835回',
      '令和4年度 (2022) 実績値 1,305回',
    ]);

    const chart = screen.getByRole('img', { name: '地域会合等への参加（回数）の目標値と実績値（年度別、単位: 回）' });
    const targetLines = within(chart).getAllByTestId('target-line');
    expect(targetLines).toHaveLength(1);
    const line = targetLines[0].querySelector('polyline')!;
    // 令和3〜5年度 all hold 1,530 (the 2023 target is 現状維持): three points at the same height.
    expect(pointYs(line)).toHaveLength(3);
    expect(new Set(pointYs(line)).size).toBe(1);
    expect([...targetLines[0].querySelectorAll('circle title')].map((t) => t.textContent)).toEqual([
      '令和3年度 (2021) 目標値 1,530回',
      '令和4年度 (2022) 目標値 1,530回',
      '令和5年度 (2023) 目標値 1,530回',
    ]);

    const baseline = within(chart).getByTestId('baseline-line');
    const reference = baseline.querySelector('line')!;
    // Horizontal, across the plot, at the height of 1,530.
    expect(reference.getAttribute('y1')).toBe(reference.getAttribute('y2'));
    expect(Number(reference.getAttribute('y1'))).toBeCloseTo(pointYs(line)[0], 5);
    expect(baseline.querySelector('text')?.textContent).toBe('基準値 1,530');

    const labels = [...container.querySelectorAll('text.chart__tick')].map((t) => t.textContent);
    expect(labels).toContain('令和元(2019)');
    expect(labels).toContain('令和5(2023)');
    expect(container.textContent).toContain('目標値（線）');
    expect(container.textContent).toContain('基準値（破線）');
  });

  it('says what it shows in words (its description), for those who cannot see it', () => {
    render(<IndicatorChart indicator={meetings()} years={[2019, 2020, 2021, 2022, 2023]} />);
    const chart = screen.getByRole('img', { name: /地域会合等への参加/ });
    const description = document.getElementById(chart.getAttribute('aria-describedby')!)!.textContent;
    expect(description).toContain('基準値: 1,530回（令和元年度 (2019)）');
    expect(description).toContain('目標値: 令和3年度 (2021) 1,530回');
    expect(description).toContain('実績値: 令和3年度 (2021) 835回、令和4年度 (2022) 1,305回');
  });

  it('draws no baseline when the indicator has none', () => {
    const indicator = meetings({ values: meetings().values.filter((v) => v.kind !== 'BASELINE') });
    render(<IndicatorChart indicator={indicator} years={[2021, 2022, 2023]} />);
    expect(screen.queryByTestId('baseline-line')).toBeNull();
    expect(screen.getAllByTestId('target-line')).toHaveLength(1);
  });

  it('stacks the actuals of an additive disaggregation, one bar per option, under one target line', () => {
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
    // The 2023 target is the sum of the option targets: one line, one point.
    const targets = screen.getAllByTestId('target-line');
    expect(targets).toHaveLength(1);
    expect(targets[0].querySelector('circle title')?.textContent).toBe('令和5年度 (2023) 目標値 300回');
    expect(container.textContent).toContain('実績値 月4回以上');
  });

  it('draws one target line and one baseline per option when the options do not add up', () => {
    const options = ['男性', '女性'];
    const indicator = meetings({
      unit: '%',
      disaggregation: { name: '性別', additive: false, options },
      values: [
        value(2019, 'BASELINE', 40, { option: '男性' }),
        value(2019, 'BASELINE', 50, { option: '女性' }),
        value(2022, 'ACTUAL', 45, { option: '男性' }),
      ],
      series: options.flatMap((o) => [seriesRow(2022, { option: o, targetInForce: 55 }), seriesRow(2023, { option: o, targetInForce: 60 })]),
    });
    render(<IndicatorChart indicator={indicator} years={[2022, 2023]} />);
    expect(screen.getAllByTestId('target-line').map((g) => g.getAttribute('data-option'))).toEqual(['男性', '女性']);
    expect(screen.getAllByTestId('baseline-line').map((g) => g.querySelector('text')?.textContent)).toEqual(['基準値 男性 40', '基準値 女性 50']);
  });
});
