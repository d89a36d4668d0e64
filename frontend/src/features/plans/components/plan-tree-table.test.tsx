import { getDefaultNormalizer, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '@/testing/test-utils';
import { standardLegend, treeNode as node } from '@/testing/plan-fixtures';
import type { RoleCell, RoleLegendEntry } from '../legend';
import { PlanTreeTable } from './plan-tree-table';

/** Text as printed: the full-width space between a legend's lines kept. */
const asPrinted = getDefaultNormalizer({ collapseWhitespace: false });

/** A cell as the API reads it through `legend`: a symbol the legend does not list comes flagged, with no meaning. */
function cell(actor: string, symbol: string, legend: RoleLegendEntry[], statement: string | null = null): RoleCell {
  const entry = legend.find((e) => e.symbol === symbol);
  return { actor, symbol, role: entry?.role ?? null, meaning: entry?.meaning ?? null, inLegend: Boolean(entry), statement };
}

/** 熊本市's 取組13 prints its own: (主な事業や取組) 事業の実施主体〔○〕 連携・協力団体〔□〕. */
const legend13: RoleLegendEntry[] = [
  { symbol: '○', meaning: '事業の実施主体', role: 'LEAD' },
  { symbol: '□', meaning: '連携・協力団体', role: 'PARTNER' },
];

const actors = [
  { key: 'city', name: '市' },
  { key: 'council', name: '市社協' },
  { key: 'residents', name: '地域住民' },
];

describe('PlanTreeTable', () => {
  it('draws each symbol as printed in its actor column, with its meaning in words, and the indicators under their node', () => {
    const nodes = [
      node('Ⅳ', 'だれもがつながる地域づくり', {
        level: '基本方針',
        children: [
          node('13', '相談支援体制の充実', {
            depth: 1,
            level: '取組',
            activityUnit: '小中学校区',
            roles: [cell('city', '◎', standardLegend()), cell('council', '○', standardLegend())],
            indicators: [{ code: 'kumamoto-5th-iv-1', name: '新規相談受付件数', unit: '件', direction: 'INCREASE', notSet: false, notSetReason: null }],
          }),
        ],
      }),
    ];
    renderWithProviders(<PlanTreeTable nodes={nodes} actors={actors} levels={['基本方針', '取組']} legend={standardLegend()} />);

    expect(screen.getByText('凡例: ◎ 実施主体　○ 連携・協力', { normalizer: asPrinted })).toBeTruthy();
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['番号', '項目', '市', '市社協', '地域住民']);
    const row = screen.getByRole('rowheader', { name: /相談支援体制の充実/ }).closest('tr')!;
    const cells = within(row).getAllByRole('cell');
    // cells: code, 市, 市社協, 地域住民
    expect(cells[0].textContent).toBe('13');
    expect(cells[1].querySelector('[aria-hidden="true"]')?.textContent).toBe('◎');
    expect(within(row).getByRole('cell', { name: '市: ◎ 実施主体' })).toBe(cells[1]);
    expect(cells[2].querySelector('[aria-hidden="true"]')?.textContent).toBe('○');
    expect(within(row).getByRole('cell', { name: '市社協: ○ 連携・協力' })).toBe(cells[2]);
    expect(row.textContent).not.toContain('凡例にない記号');
    // No node has a legend of its own: the plan's, above the table, holds for every row.
    expect(screen.queryAllByText(/^凡例:/)).toHaveLength(1);
    expect(cells[3].textContent).not.toMatch(/[◎○]/);
    expect(row.textContent).toContain('主な活動の単位: 小中学校区');
    expect(row.textContent).toContain('取組');
    expect(within(row).getByRole('link', { name: '新規相談受付件数' }).getAttribute('href')).toBe('/indicators/kumamoto-5th-iv-1');

    const top = screen.getByRole('rowheader', { name: /だれもがつながる地域づくり/ }).closest('tr')!;
    expect(top.textContent).not.toMatch(/[◎○]/);
  });

  it('marks a 未設定 indicator 未設定, with its reason, under its node', () => {
    const nodes = [
      node('1', '見守り活動', {
        indicators: [
          { code: 'p-1', name: '見守り訪問の件数', unit: '件', direction: 'INCREASE', notSet: false, notSetReason: null },
          { code: 'p-2', name: '安心して暮らせる体制', unit: null, direction: null, notSet: true, notSetReason: '見守りの安心は数で測らない' },
        ],
      }),
    ];
    renderWithProviders(<PlanTreeTable nodes={nodes} actors={[]} levels={[]} legend={standardLegend()} />);
    const items = within(screen.getByRole('list', { name: '1 見守り活動の成果指標' })).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual(['指標見守り訪問の件数（件）', '指標安心して暮らせる体制未設定（見守りの安心は数で測らない）']);
  });

  it('shows what each actor does as text under the node when the roles carry statements', () => {
    const kurumeActors = [
      { key: 'residents', name: '地域住民等' },
      { key: 'council', name: '社協' },
      { key: 'city', name: '市' },
    ];
    const nodes = [
      node('1-2', '見守り活動の推進', {
        roles: [
          cell('residents', '◎', standardLegend(), '身近な地域での見守り活動を進めます'),
          cell('city', '◎', standardLegend(), 'あらゆる見守り活動を支援します'),
        ],
      }),
    ];
    renderWithProviders(<PlanTreeTable nodes={nodes} actors={kurumeActors} levels={[]} legend={standardLegend()} />);
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['番号', '項目']);
    const row = screen.getByRole('rowheader', { name: /見守り活動の推進/ });
    expect(row.textContent).toContain('地域住民等');
    expect(row.textContent).toContain('身近な地域での見守り活動を進めます');
    expect(row.textContent).toContain('あらゆる見守り活動を支援します');
  });

  it('reads each section through its own legend, shown above it as printed, and flags a symbol that legend lacks', () => {
    const plan = standardLegend();
    const nodes = [
      node('Ⅳ', 'だれもがつながる地域づくり', {
        children: [
          node('13', '複雑化・複合化した課題へ対応するための相談支援体制の充実', {
            depth: 1,
            legend: legend13,
            legendInForce: legend13,
            children: [
              node('13-1', '困難な問題を抱える女性支援事業', {
                depth: 2,
                legendInForce: legend13,
                roles: [cell('city', '○', legend13), cell('council', '□', legend13)],
              }),
              node('13-5', '福祉総合相談', { depth: 2, legendInForce: legend13, roles: [cell('city', '◎', legend13)] }),
            ],
          }),
          node('14', '官民連携による孤独・孤立対策の推進', { depth: 1, roles: [cell('city', '◎', plan)] }),
        ],
      }),
    ];
    renderWithProviders(<PlanTreeTable nodes={nodes} actors={actors} levels={[]} legend={plan} />);

    // The plan's legend, above the table.
    expect(screen.getAllByText('凡例: ◎ 実施主体　○ 連携・協力', { normalizer: asPrinted })[0].closest('table')).toBeNull();
    const rows = within(screen.getByRole('table', { name: '計画の体系と役割分担' })).getAllByRole('row').slice(1);
    const texts = rows.map((r) => r.textContent ?? '');
    // 13's legend sits right above 13's row; where 13's section ends, the plan's holds again and is shown again.
    expect(texts[1]).toBe('凡例: ○ 事業の実施主体　□ 連携・協力団体（「13」とその下の項目）');
    expect(texts[2]).toContain('複雑化・複合化した課題');
    expect(texts[5]).toBe('凡例: ◎ 実施主体　○ 連携・協力（計画の凡例）');
    expect(texts[6]).toContain('官民連携');

    // ○ means 事業の実施主体 under 13 (not 連携・協力), and □ is read, not rewritten as ○.
    const r131 = rows[3];
    expect(within(r131).getByRole('cell', { name: '市: ○ 事業の実施主体' }).querySelector('[aria-hidden="true"]')?.textContent).toBe('○');
    expect(within(r131).getByRole('cell', { name: '市社協: □ 連携・協力団体' }).querySelector('[aria-hidden="true"]')?.textContent).toBe('□');

    // ◎ is not in 13's legend: kept as printed, and said so in words (not by colour alone).
    const r135 = rows[4];
    const flagged = within(r135).getByRole('cell', { name: '市: ◎ 凡例にない記号' });
    expect(flagged.querySelector('[aria-hidden="true"]')?.textContent).toBe('◎');
    const warning = within(flagged).getByText('凡例にない記号');
    expect(warning.className).not.toContain('visually-hidden');
    expect(within(rows[6]).getByRole('cell', { name: '市: ◎ 実施主体' })).toBeTruthy();
    expect(screen.getAllByText('凡例にない記号')).toHaveLength(1);
  });
});
