import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api/problem';
import type { BatchProposal, BatchRow } from './api/batch-matching';
import {
  emptyBatchFilter,
  initialChoices,
  optionsForRow,
  picksOf,
  proposedSupporters,
  rowFields,
  rowProblems,
  toProposalRequest,
  validateBatchFilter,
  whyUnassigned,
} from './batch';

const row = (requestId: number, supporterId: number | null, supporterName: string | null, extra: Partial<BatchRow> = {}): BatchRow => ({
  requestId,
  recipientName: `依頼者 ${requestId}`,
  area: { code: 'd1', name: '第一', kind: 'SCHOOL_DISTRICT' },
  category: 'ゴミ出し',
  date: null,
  weeklyDay: 2,
  start: '09:00',
  end: '10:00',
  urgency: 'NORMAL',
  supporterId,
  supporterName,
  score: supporterId === null ? null : 0.5,
  parts: null,
  candidates: 2,
  greedySupporterId: null,
  greedySupporterName: null,
  greedyScore: null,
  ...extra,
});

const rows = [row(1, 11, 'わ'), row(2, null, null, { greedySupporterId: 13, greedySupporterName: 'か' }), row(3, 12, 'あ'), row(4, 11, 'わ')];
const proposal: BatchProposal = { rows, fairness: 0.1, optimum: { served: 3, totalScore: 1.5 }, fairnessPenalty: 0.1, greedy: { served: 2, totalScore: 1 }, exact: true };

describe('the choices of a proposal', () => {
  it('keeps every row with a supporter, and sends those kept in the order of the table', () => {
    const choices = initialChoices(rows);
    expect(picksOf(rows, choices)).toEqual([
      { requestId: 1, supporterId: 11 },
      { requestId: 3, supporterId: 12 },
      { requestId: 4, supporterId: 11 },
    ]);
    choices.set(1, { keep: false, supporterId: 11 }).set(2, { keep: true, supporterId: 12 }).set(4, { keep: true, supporterId: 12 });
    expect(picksOf(rows, choices)).toEqual([
      { requestId: 2, supporterId: 12 },
      { requestId: 3, supporterId: 12 },
      { requestId: 4, supporterId: 12 },
    ]);
    // Kept without a supporter is nothing to send.
    choices.set(2, { keep: true, supporterId: null });
    expect(picksOf(rows, choices).map((p) => p.requestId)).toEqual([3, 4]);
  });

  it('offers the supporters of the proposal once each by name, and a row the one greedy chose for it', () => {
    const proposed = proposedSupporters(proposal);
    expect(proposed).toEqual([
      { id: 12, name: 'あ' },
      { id: 11, name: 'わ' },
    ]);
    expect(optionsForRow(rows[0], proposed)).toBe(proposed);
    expect(optionsForRow(rows[1], proposed)).toEqual([...proposed, { id: 13, name: 'か' }]);
  });

  it('says why a row has nobody', () => {
    expect(whyUnassigned(row(5, null, null, { candidates: 0 }))).toBe('候補なし');
    expect(whyUnassigned(row(5, null, null, { candidates: 3 }))).toBe('受け持ちの空きが足りない');
  });
});

describe('rowProblems', () => {
  const sent = [
    { requestId: 3, supporterId: 12 },
    { requestId: 4, supporterId: 11 },
  ];
  const refusal = (errors: { field: string; message: string }[]) => new ApiError(409, { status: 409, errors });

  it('maps rows[i] to the request of the i-th row sent, whatever part of it is named', () => {
    const error = refusal([
      { field: 'rows[1]', message: '空きがありません' },
      { field: 'rows[0].supporterId', message: '条件に合いません' },
      { field: 'confirmBatch.request.rows[0].requestId', message: 'ありません' },
      { field: 'rows[7]', message: '送っていない行' },
      { field: 'requestIds', message: '行ではない' },
    ]);
    expect(Object.fromEntries(rowProblems(error, sent))).toEqual({
      3: [
        { part: 'supporterId', message: '条件に合いません' },
        { part: 'requestId', message: 'ありません' },
      ],
      4: [{ part: 'row', message: '空きがありません' }],
    });
    expect(rowFields(error, sent)).toEqual(['rows[1]', 'rows[0].supporterId', 'confirmBatch.request.rows[0].requestId']);
  });

  it('finds nothing in an error that is not the API’s, or before anything was sent', () => {
    expect(rowProblems(new TypeError('offline'), sent).size).toBe(0);
    expect(rowProblems(refusal([{ field: 'rows[0]', message: 'x' }]), undefined).size).toBe(0);
  });
});

describe('the filter', () => {
  it('sends the conditions given and the fairness as a number', () => {
    expect(toProposalRequest(emptyBatchFilter)).toEqual({ fairness: 0.1 });
    expect(toProposalRequest({ areaCode: 'd1', receivedFrom: '2026-11-01', receivedTo: '', categoryCode: 'GARBAGE', fairness: ' 0 ' })).toEqual({
      areaCode: 'd1',
      receivedFrom: '2026-11-01',
      categoryCode: 'GARBAGE',
      fairness: 0,
    });
  });

  it('wants the end on or after the start and a fairness from 0 to 1', () => {
    expect(validateBatchFilter(emptyBatchFilter)).toEqual({});
    expect(validateBatchFilter({ ...emptyBatchFilter, receivedFrom: '2026-11-02', receivedTo: '2026-11-02', fairness: '1' })).toEqual({});
    expect(validateBatchFilter({ ...emptyBatchFilter, receivedFrom: '2026-11-02', receivedTo: '2026-11-01', fairness: '' })).toEqual({
      receivedTo: '終わりの日は始まりの日より後にしてください',
      fairness: '0 から 1 までの数を入力してください',
    });
    expect(validateBatchFilter({ ...emptyBatchFilter, fairness: '-0.1' }).fairness).toBeDefined();
    expect(validateBatchFilter({ ...emptyBatchFilter, fairness: 'abc' }).fairness).toBeDefined();
  });
});
