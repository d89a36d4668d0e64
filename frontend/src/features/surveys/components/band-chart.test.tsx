import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { comparisonR6, nationalR5 } from '@/testing/survey-fixtures';
import { BandChart, chartRows } from './band-chart';

const series = [
  { name: comparisonR6.surveyTitle, shares: comparisonR6.rows.map((r) => ({ band: r.band, percent: r.percent })) },
  { name: comparisonR6.referenceTitle, shares: comparisonR6.rows.map((r) => ({ band: r.band, percent: r.referencePercent })) },
];

describe('BandChart', () => {
  it('pairs the survey with its reference band by band, in the order the source prints them', () => {
    expect(chartRows(series)).toEqual([
      { band: 'SCORE_10_12', values: [3.1, 6.9] },
      { band: 'SCORE_7_9', values: [34.3, 40.1] },
      { band: 'SCORE_4_6', values: [31.9, 38.5] },
      { band: 'SCORE_3', values: [28.2, 13.7] },
      { band: 'NO_ANSWER', values: [2.4, 0.8] },
    ]);
  });

  it('draws labelled horizontal bars and a legend with both titles', () => {
    const { container } = render(<BandChart title="得点帯ごとの割合" series={series} />);
    const chart = screen.getByRole('img', { name: '得点帯ごとの割合' });

    const groups = Array.from(chart.querySelectorAll('.survey-chart__group'));
    expect(groups.map((g) => g.getAttribute('data-band'))).toEqual(['SCORE_10_12', 'SCORE_7_9', 'SCORE_4_6', 'SCORE_3', 'NO_ANSWER']);
    expect(groups.map((g) => g.querySelector('.survey-chart__band')!.textContent)).toEqual(['10〜12点', '7〜9点', '4〜6点', '3点', '無回答']);
    const sevenToNine = groups[1];
    expect(Array.from(sevenToNine.querySelectorAll('.survey-chart__value')).map((t) => t.textContent)).toEqual(['34.3%', '40.1%']);

    // Widths are proportional to the share (the axis runs to 50%).
    const bars = Array.from(container.querySelectorAll('rect.survey-chart__bar'));
    expect(bars).toHaveLength(10);
    const width = (i: number) => Number(bars[i].getAttribute('width'));
    expect(width(2) / width(3)).toBeCloseTo(34.3 / 40.1, 5);
    expect(bars[2].getAttribute('class')).toContain('survey-chart__bar--survey');
    expect(bars[3].getAttribute('class')).toContain('survey-chart__bar--reference');
    expect(bars[2].querySelector('title')!.textContent).toBe(`${comparisonR6.surveyTitle} 7〜9点 34.3%`);

    const legend = screen.getByRole('list', { name: '凡例' });
    expect(within(legend).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      comparisonR6.surveyTitle,
      `${comparisonR6.referenceTitle}（比較の基準）`,
    ]);
  });

  it('says データなし for a band without a share, and draws no bar for it', () => {
    const { container } = render(
      <BandChart title="全国" series={[{ name: nationalR5.title, shares: nationalR5.distribution.filter((s) => s.band !== 'NO_ANSWER') }]} />,
    );
    expect(container.querySelectorAll('rect.survey-chart__bar')).toHaveLength(4);
    expect(container.querySelector('[data-band="NO_ANSWER"] .survey-chart__value')!.textContent).toBe('データなし');
  });
});
