import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '@/testing/test-utils';
import type { PlanTreeNode } from '../api/plans';
import { PlanTreeTable } from './plan-tree-table';

function node(code: string, title: string, extra: Partial<PlanTreeNode> = {}): PlanTreeNode {
  return { code, title, summary: null, activityUnit: null, depth: 0, level: null, roles: [], indicators: [], children: [], version: 0, ...extra };
}

const actors = [
  { key: 'city', name: '市' },
  { key: 'council', name: '市社協' },
  { key: 'residents', name: '地域住民' },
];

describe('PlanTreeTable', () => {
  it('draws ◎ for LEAD and ○ for PARTNER in each actor column, with the indicators under their node', () => {
    const nodes = [
      node('Ⅳ', 'だれもがつながる地域づくり', {
        level: '基本方針',
        children: [
          node('13', '相談支援体制の充実', {
            depth: 1,
            level: '取組',
            activityUnit: '小中学校区',
            roles: [
              { actor: 'city', role: 'LEAD', statement: null },
              { actor: 'council', role: 'PARTNER', statement: null },
            ],
            indicators: [{ code: 'kumamoto-5th-iv-1', name: '新規相談受付件数', unit: '件', direction: 'INCREASE', notSet: false, notSetReason: null }],
          }),
        ],
      }),
    ];
    renderWithProviders(<PlanTreeTable nodes={nodes} actors={actors} levels={['基本方針', '取組']} />);

    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['番号', '項目', '市', '市社協', '地域住民']);
    const row = screen.getByRole('rowheader', { name: /相談支援体制の充実/ }).closest('tr')!;
    const cells = within(row).getAllByRole('cell');
    // cells: code, 市, 市社協, 地域住民
    expect(cells[0].textContent).toBe('13');
    expect(cells[1].textContent).toContain('◎');
    expect(cells[1].textContent).toContain('市: 実施主体');
    expect(cells[2].textContent).toContain('○');
    expect(cells[2].textContent).toContain('市社協: 連携・協力');
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
    renderWithProviders(<PlanTreeTable nodes={nodes} actors={[]} levels={[]} />);
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
          { actor: 'residents', role: 'LEAD', statement: '身近な地域での見守り活動を進めます' },
          { actor: 'city', role: 'LEAD', statement: 'あらゆる見守り活動を支援します' },
        ],
      }),
    ];
    renderWithProviders(<PlanTreeTable nodes={nodes} actors={kurumeActors} levels={[]} />);
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['番号', '項目']);
    const row = screen.getByRole('rowheader', { name: /見守り活動の推進/ });
    expect(row.textContent).toContain('地域住民等');
    expect(row.textContent).toContain('身近な地域での見守り活動を進めます');
    expect(row.textContent).toContain('あらゆる見守り活動を支援します');
  });
});
