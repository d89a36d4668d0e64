import type { Finding, FindingKind, FindingSource } from './api/findings';

/** The kinds in the order the plan page lists them. */
export const FINDING_KINDS: readonly FindingKind[] = ['ISSUE', 'TROUBLE', 'CURRENT_STATE'];

export const FINDING_KIND_LABELS: Record<FindingKind, string> = { ISSUE: '課題', TROUBLE: '困りごと', CURRENT_STATE: '現状' };

/** Where a finding came from, in the order they are offered and shown. */
export const FINDING_SOURCES: readonly FindingSource[] = ['HEARING', 'WORKSHOP', 'COUNCIL', 'NEEDS_SURVEY', 'STATISTICS', 'OTHER'];

export const FINDING_SOURCE_LABELS: Record<FindingSource, string> = {
  HEARING: 'ヒアリング',
  WORKSHOP: 'ワークショップ',
  COUNCIL: '協議体',
  NEEDS_SURVEY: 'ニーズ調査',
  STATISTICS: '統計・現状分析',
  OTHER: 'その他',
};

/** The most examples and the longest one the API takes. */
export const MAX_EXAMPLES = 30;
export const MAX_EXAMPLE_LENGTH = 400;

/** 「ヒアリング・ワークショップ」: the sources in words, in their usual order. */
export function sourcesText(sources: readonly FindingSource[]): string {
  return FINDING_SOURCES.filter((s) => sources.includes(s))
    .map((s) => FINDING_SOURCE_LABELS[s])
    .join('・');
}

/** The findings of each kind, in the order written; kinds without any are left out. */
export function groupFindings(findings: readonly Finding[]): { kind: FindingKind; items: Finding[] }[] {
  return FINDING_KINDS.map((kind) => ({ kind, items: findings.filter((f) => f.kind === kind) })).filter((g) => g.items.length > 0);
}

/** The examples typed one per line: each line trimmed, blank lines dropped. */
export function examplesOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}
