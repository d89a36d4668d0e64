import { ApiError } from '@/lib/api/problem';
import type { BatchPick, BatchProposal, BatchProposalRequest, BatchRow } from './api/batch-matching';

/** What the coordinator made of one row of a proposal: keep it (この行を確定する) and with which supporter. */
export interface RowChoice {
  keep: boolean;
  supporterId: number | null;
}

/** The choices by request, as a proposal first stands: every row with a supporter kept, with the one proposed. */
export function initialChoices(rows: readonly BatchRow[]): Map<number, RowChoice> {
  return new Map(rows.map((r) => [r.requestId, { keep: r.supporterId !== null, supporterId: r.supporterId }]));
}

/** The rows to confirm, in the order of the table: those kept that have a supporter. */
export function picksOf(rows: readonly BatchRow[], choices: ReadonlyMap<number, RowChoice>): BatchPick[] {
  return rows.flatMap((r) => {
    const c = choices.get(r.requestId);
    return c?.keep && c.supporterId !== null ? [{ requestId: r.requestId, supporterId: c.supporterId }] : [];
  });
}

/** One-at-a-time (greedy) would have given the row another supporter, or none, or one where the batch has none. */
export const differsFromGreedy = (r: BatchRow) => r.supporterId !== r.greedySupporterId;

/** Why the batch gives a row nobody: no supporter fits it at all, or those who do have no place left. */
export const whyUnassigned = (r: BatchRow) => (r.candidates === 0 ? '候補なし' : '受け持ちの空きが足りない');

export interface SupporterOption {
  id: number;
  name: string;
}

const collator = new Intl.Collator('ja');

/** The supporters the proposal gives work to, each once, by name: what a row's supporter can be swapped for. */
export function proposedSupporters(proposal: BatchProposal): SupporterOption[] {
  const byId = new Map<number, string>();
  for (const r of proposal.rows) {
    if (r.supporterId !== null && !byId.has(r.supporterId)) byId.set(r.supporterId, r.supporterName ?? `担い手 ${r.supporterId}`);
  }
  return [...byId].map(([id, name]) => ({ id, name })).sort((a, b) => collator.compare(a.name, b.name) || a.id - b.id);
}

/**
 * The supporters one row may be given: those of the proposal, and the one one-at-a-time would have chosen for it
 * (a pair the rules allow) when the proposal gives them nothing else.
 */
export function optionsForRow(r: BatchRow, proposed: readonly SupporterOption[]): readonly SupporterOption[] {
  if (r.greedySupporterId === null || proposed.some((s) => s.id === r.greedySupporterId)) return proposed;
  return [...proposed, { id: r.greedySupporterId, name: r.greedySupporterName ?? `担い手 ${r.greedySupporterId}` }];
}

/** A refusal of one row of a confirmation, as the API named it (`rows[3]`, `rows[3].supporterId`). */
export interface RowProblem {
  /** What in the row: the row as a whole (stale), its supporter (not allowed), its request (not found). */
  part: 'row' | 'supporterId' | 'requestId';
  message: string;
}

const ROW_FIELD = /(?:^|\.)rows\[(\d+)\](?:\.(supporterId|requestId))?$/;

/** The rows a refused confirmation names, by request: errors[].field `rows[i]…` is row i of what was sent. */
export function rowProblems(error: unknown, sent: readonly BatchPick[] | undefined): Map<number, RowProblem[]> {
  const found = new Map<number, RowProblem[]>();
  if (!(error instanceof ApiError) || !sent) return found;
  for (const e of error.problem.errors ?? []) {
    const m = ROW_FIELD.exec(e.field);
    const pick = m ? sent[Number(m[1])] : undefined;
    if (!m || !pick) continue;
    const part = (m[2] as RowProblem['part'] | undefined) ?? 'row';
    found.set(pick.requestId, [...(found.get(pick.requestId) ?? []), { part, message: e.message }]);
  }
  return found;
}

/** The error fields a refusal names that rowProblems placed in the table (ProblemAlert leaves them out). */
export function rowFields(error: unknown, sent: readonly BatchPick[] | undefined): string[] {
  if (!(error instanceof ApiError) || !sent) return [];
  return (error.problem.errors ?? []).map((e) => e.field).filter((f) => {
    const m = ROW_FIELD.exec(f);
    return m !== null && sent[Number(m[1])] !== undefined;
  });
}

/** The filter of 一括マッチング as typed: every field a string, blank for 「すべて」. */
export interface BatchFilterValues {
  areaCode: string;
  receivedFrom: string;
  receivedTo: string;
  categoryCode: string;
  fairness: string;
}

export const DEFAULT_FAIRNESS = '0.1';

export const emptyBatchFilter: BatchFilterValues = { areaCode: '', receivedFrom: '', receivedTo: '', categoryCode: '', fairness: DEFAULT_FAIRNESS };

/** What is wrong with the filter, by field (the API's rules, said before asking). */
export function validateBatchFilter(v: BatchFilterValues): Partial<Record<keyof BatchFilterValues, string>> {
  const errors: Partial<Record<keyof BatchFilterValues, string>> = {};
  if (v.receivedFrom && v.receivedTo && v.receivedTo < v.receivedFrom) errors.receivedTo = '終わりの日は始まりの日より後にしてください';
  const text = v.fairness.trim();
  const fairness = Number(text);
  if (text === '' || !Number.isFinite(fairness) || fairness < 0 || fairness > 1) errors.fairness = '0 から 1 までの数を入力してください';
  return errors;
}

/** The body of 提案を作る: only the conditions given (blank means all), and the fairness as a number. */
export function toProposalRequest(v: BatchFilterValues): BatchProposalRequest {
  return {
    ...(v.areaCode ? { areaCode: v.areaCode } : {}),
    ...(v.receivedFrom ? { receivedFrom: v.receivedFrom } : {}),
    ...(v.receivedTo ? { receivedTo: v.receivedTo } : {}),
    ...(v.categoryCode ? { categoryCode: v.categoryCode } : {}),
    fairness: Number(v.fairness.trim()),
  };
}
