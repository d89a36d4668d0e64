import type { components } from '@/lib/api/schema';
import type { EvaluationStatus } from './api/evaluations';

/** 未作成 is the absence of a 事業調書 (NONE in the overview counts). */
export type StatusKey = EvaluationStatus | 'NONE';

export const STATUS_KEYS: readonly StatusKey[] = ['NONE', 'DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED'];

export const STATUS_LABELS: Record<StatusKey, string> = {
  NONE: '未作成',
  DRAFT: '下書き',
  SUBMITTED: '提出済み',
  RETURNED: '差戻し',
  APPROVED: '承認済み',
};

export function statusLabel(status: string | null | undefined): string {
  const key = (status ?? 'NONE') as StatusKey;
  return STATUS_LABELS[key] ?? status ?? STATUS_LABELS.NONE;
}

type Grade = components['schemas']['Grade'];
export type EvaluationDirection = components['schemas']['EvaluationDirection'];

/** 今後の方向性, a closed set in the order a review council reads it. */
export const DIRECTION_LABELS: Record<EvaluationDirection, string> = {
  EXPAND: '拡充',
  CONTINUE: '継続',
  REVISE: '見直し',
  REDUCE: '縮小',
  ABOLISH: '廃止',
  COMPLETE: '完了',
};
export const DIRECTIONS = Object.keys(DIRECTION_LABELS) as EvaluationDirection[];

export function directionOf(value: string): EvaluationDirection | '' {
  return DIRECTIONS.find((d) => d === value) ?? '';
}

/** The self-assessment a sheet may carry, every grade the API knows (a missing one would not compile). */
const GRADE_ORDER: Record<Grade, number> = { A: 0, B: 1, C: 2, D: 3 };
export const SELF_GRADES = (Object.keys(GRADE_ORDER) as Grade[]).sort((a, b) => GRADE_ORDER[a] - GRADE_ORDER[b]);

export function selfGradeOf(value: string): Grade | '' {
  return SELF_GRADES.find((g) => g === value) ?? '';
}
