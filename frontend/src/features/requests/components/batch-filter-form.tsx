import { useState, type FormEvent } from 'react';
import { Alert, ProblemAlert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { ApiError, isProblemType } from '@/lib/api/problem';
import type { AreaOption } from '@/lib/support-areas';
import { emptyBatchFilter, toProposalRequest, validateBatchFilter, type BatchFilterValues } from '../batch';
import type { BatchProposalRequest } from '../api/batch-matching';

/** The fields the form shows the API's refusals next to (ProblemAlert leaves them out of its list). */
const SHOWN_FIELDS = ['areaCode', 'receivedFrom', 'receivedTo', 'categoryCode', 'fairness'] as const;

/**
 * Why 提案を作る was refused, under the form: no waiting request matches (or too many do) as a note, anything else
 * as the problem the API sent, less the field errors the form shows next to its fields.
 */
export function BatchProposeProblem({ error }: { error: unknown }) {
  if (!error) return null;
  if (isProblemType(error, 'batch-size')) {
    return (
      <Alert kind="info">
        <p>{error.fieldError('requestIds') ?? error.message}</p>
        <p>条件を変えて、もう一度提案を作ってください（受付・調整中の相談が対象です）。</p>
      </Alert>
    );
  }
  return <ProblemAlert error={error} shownFields={SHOWN_FIELDS} />;
}

export interface BatchFilterFormProps {
  /** The areas of 生活支援 the caller works in (their districts and the neighbourhoods below them). */
  areaOptions: readonly AreaOption[];
  /** What 地区 left blank means: the caller's districts, or (ADMIN) the whole city. */
  allAreasLabel: string;
  /** 相談の種類 in use, as the page read them (features/categories). */
  categories: readonly { code: string; name: string }[];
  categoriesLoading: boolean;
  pending: boolean;
  /** The last refusal of 提案を作る, its field errors shown next to the fields. */
  error: unknown;
  onPropose: (body: BatchProposalRequest) => void;
}

/** 一括マッチングの条件: which waiting requests (地区・受付日・種類) and how much the fairness weighs; 提案を作る. */
export function BatchFilterForm({ areaOptions, allAreasLabel, categories, categoriesLoading, pending, error, onPropose }: BatchFilterFormProps) {
  const [values, setValues] = useState<BatchFilterValues>(emptyBatchFilter);
  const [errors, setErrors] = useState<ReturnType<typeof validateBatchFilter>>({});
  const set = (field: keyof BatchFilterValues, value: string) => setValues((v) => ({ ...v, [field]: value }));
  const apiError = (field: keyof BatchFilterValues) => (error instanceof ApiError ? error.fieldError(field) : undefined);
  const fieldError = (field: keyof BatchFilterValues) => errors[field] ?? apiError(field);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validateBatchFilter(values);
    setErrors(found);
    if (Object.keys(found).length === 0) onPropose(toProposalRequest(values));
  };

  return (
    <form className="search-form batch-filter" aria-label="一括マッチングの条件" onSubmit={submit} noValidate>
      <SelectField
        label="地区"
        value={values.areaCode}
        placeholder={allAreasLabel}
        options={areaOptions}
        onChange={(e) => set('areaCode', e.target.value)}
        error={fieldError('areaCode')}
      />
      <TextField
        label="受付日（から）"
        type="date"
        hint="この日を含む"
        value={values.receivedFrom}
        onChange={(e) => set('receivedFrom', e.target.value)}
        error={fieldError('receivedFrom')}
      />
      <TextField
        label="受付日（まで）"
        type="date"
        hint="この日を含む"
        value={values.receivedTo}
        onChange={(e) => set('receivedTo', e.target.value)}
        error={fieldError('receivedTo')}
      />
      <SelectField
        label="相談の種類"
        value={values.categoryCode}
        placeholder={categoriesLoading ? '読み込み中…' : 'すべて'}
        options={categories.map((c) => ({ value: c.code, label: c.name }))}
        onChange={(e) => set('categoryCode', e.target.value)}
        error={fieldError('categoryCode')}
      />
      <TextField
        label="公平性"
        type="number"
        inputMode="decimal"
        min={0}
        max={1}
        step={0.05}
        className="input input--narrow"
        hint="同じ担い手への2件目以降の提案ごとに差し引く点（0〜1。0 で差し引きません）"
        value={values.fairness}
        onChange={(e) => set('fairness', e.target.value)}
        error={fieldError('fairness')}
      />
      <div className="search-form__actions">
        <Button type="submit" disabled={pending}>
          {pending ? '提案を作っています…' : '提案を作る'}
        </Button>
      </div>
    </form>
  );
}
