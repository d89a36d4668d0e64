import type { PlanChange } from './api/changes';
import type { PlanTreeNode } from './api/plans';
import { formatPeriod, planKindLabel } from './plan-kind';

/*
 * The change log of a plan in words. The API names the record (PLAN / NODE / INDICATOR) and the field as
 * plain strings, not enums, so a record or field this file does not know yet is shown as the API names it.
 */

const RECORDS: Record<string, string> = { PLAN: '計画', NODE: '項目', INDICATOR: '指標', FINDING: '課題・困りごと' };

const FIELDS: Record<string, Record<string, string>> = {
  PLAN: {
    title: '名称', kind: '種類', period: '計画期間', vision: 'めざす姿', status: '状態', levels: '階層の名前',
    gradeThresholds: '評価の区分（A・B・C の下限）', legend: '凡例', contacts: '問い合わせ先',
  },
  NODE: {
    code: '番号', title: '名称', summary: '概要', activityUnit: '主な活動の単位', mainTarget: '取組の主な対象', legend: '凡例', roles: '役割分担', position: '位置', deleted: '削除',
  },
  INDICATOR: { name: '名称', unit: '単位', direction: '方向', rationale: '指標設定の考え方', notSet: '未設定' },
  FINDING: { title: '題', text: '本文' },
};

const STATUS_LABELS: Record<string, string> = { DRAFT: '策定中', ACTIVE: '推進中', CLOSED: '終了' };
const DIRECTION_LABELS: Record<string, string> = { INCREASE: '増加', DECREASE: '減少', MAINTAIN: '維持' };

/** An old or new value in words: a plan kind, a status, a direction, a period; blank as —. */
export function changeValueText(record: string, field: string, value: string | null): string {
  if (value === null || value === '') return '—';
  if (record === 'PLAN' && field === 'kind') return planKindLabel(value);
  if (record === 'PLAN' && field === 'status') return STATUS_LABELS[value] ?? value;
  if (record === 'PLAN' && field === 'period') {
    const m = /^(\d{4})-(\d{4})$/.exec(value);
    if (m) return formatPeriod(Number(m[1]), Number(m[2]));
  }
  if (record === 'INDICATOR' && field === 'direction') return DIRECTION_LABELS[value] ?? value;
  return value;
}

/** Where each node and indicator sits in the tree: 「② > 1 > 63 いのちをつなぐネットワークの推進」. */
export function treePaths(nodes: readonly PlanTreeNode[]) {
  const nodePaths = new Map<string, string>();
  const indicatorPaths = new Map<string, string>();
  const walk = (list: readonly PlanTreeNode[], codes: string[]) => {
    for (const n of list) {
      const path = [...codes, n.code];
      nodePaths.set(n.code, `${path.join(' > ')} ${n.title}`);
      for (const i of n.indicators) indicatorPaths.set(i.code, `${nodePaths.get(n.code)} > ${i.name}`);
      walk(n.children, path);
    }
  };
  walk(nodes, []);
  return {
    node: (code: string) => nodePaths.get(code) ?? null,
    indicator: (code: string) => indicatorPaths.get(code) ?? null,
  };
}

export interface DescribedChange {
  /** 「計画」, 「項目 ② > 1 > 63 いのちを…」, 「指標 … > 地域会合等への参加（回数）」. */
  what: string;
  /** The indicator's code when the change is about one (for a link to its page). */
  indicatorCode: string | null;
  field: string;
  before: string;
  after: string;
}

/** One change of the plan's definitions in words, placed in the tree as it is now (a node since renumbered or deleted by its code). */
export function describePlanChange(change: PlanChange, paths: ReturnType<typeof treePaths>): DescribedChange {
  const record = RECORDS[change.record] ?? change.record;
  const where =
    change.record === 'PLAN'
      ? null
      : change.record === 'NODE'
        ? paths.node(change.key)
        : change.record === 'INDICATOR'
          ? paths.indicator(change.key)
          : null;
  return {
    what: change.record === 'PLAN' ? record : `${record} ${where ?? change.key}`,
    indicatorCode: change.record === 'INDICATOR' && where ? change.key : null,
    field: FIELDS[change.record]?.[change.field] ?? change.field,
    before: changeValueText(change.record, change.field, change.oldValue),
    after: changeValueText(change.record, change.field, change.newValue),
  };
}
