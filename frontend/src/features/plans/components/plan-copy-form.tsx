import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ProblemAlert } from '@/components/ui/alert';
import { SelectField, TextField } from '@/components/ui/field';
import { FocusOnError } from '@/components/ui/focus-on-error';
import { FormActions } from '@/components/ui/form-actions';
import { ApiError, problemDetail } from '@/lib/api/problem';
import { formatFiscalYear } from '@/lib/fiscal-year';
import { useCopyPlan, type Plan } from '../api/plans';
import { nextPeriod, nextPlanCode, nextPlanTitle } from '../next-period';
import { periodYears } from './plan-form';

const CODE_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

/** Problems the form shows at a field: a taken plan code, a copied indicator code that is taken (so: another plan code), a period the wrong way round. */
const AT_FIELD = { 'plan-code-taken': 'code', 'indicator-code-taken': 'code', 'invalid-period': 'periodEnd' } as const;

function problemAtField(error: unknown, field: string): string | undefined {
  for (const [type, at] of Object.entries(AT_FIELD)) {
    const detail = at === field ? problemDetail(error, type) : undefined;
    if (detail) return detail;
  }
  return undefined;
}

function isShownAtField(error: unknown): boolean {
  return Object.keys(AT_FIELD).some((type) => problemDetail(error, type) !== undefined);
}

export interface PlanCopyFormProps {
  /** The plan to start the next period from. */
  source: Plan;
  onCopied: (copy: Plan) => void;
  onCancel: () => void;
}

type Errors = Partial<Record<'code' | 'title' | 'periodStart' | 'periodEnd', string>>;

/**
 * 次期計画を作成: a new plan for the period after this one, with its structure and indicators but none of its
 * figures. Suggests the code and title with their number moved on (第2次 → 第3次) and the period that follows, as long
 * as this one (the end follows the start until it is changed). A period another plan of the city and kind covers is
 * refused with the API's detail; field errors are shown at their fields.
 */
export function PlanCopyForm({ source, onCopied, onCancel }: PlanCopyFormProps) {
  const copy = useCopyPlan(source.code);
  const error = copy.error;
  const suggested = nextPeriod(source.periodStart, source.periodEnd);
  const length = source.periodEnd - source.periodStart;
  const [code, setCode] = useState(() => nextPlanCode(source.code));
  const [title, setTitle] = useState(() => nextPlanTitle(source.title));
  const [periodStart, setPeriodStart] = useState(suggested.periodStart);
  const [periodEnd, setPeriodEnd] = useState(suggested.periodEnd);
  const [endChosen, setEndChosen] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const formRef = useRef<HTMLFormElement>(null);
  const yearOptions = periodYears(periodStart, periodEnd, source.periodEnd + 1).map((y) => ({ value: String(y), label: formatFiscalYear(y) }));

  // A refusal about one field takes the focus to that field (the others go to the alert, through FocusOnError).
  useEffect(() => {
    if (error && isShownAtField(error)) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [error]);

  const validate = (): Errors => {
    const next: Errors = {};
    if (!code.trim()) next.code = '計画コードを入力してください';
    else if (!CODE_PATTERN.test(code.trim())) next.code = '英小文字・数字・ハイフンで入力してください（先頭は英小文字か数字）';
    else if (code.trim() === source.code) next.code = 'この計画とは別のコードにしてください';
    if (!title.trim()) next.title = '計画の名前を入力してください';
    if (periodEnd < periodStart) next.periodEnd = '計画期間の終わりは始まりと同じか後の年度にしてください';
    return next;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const next = validate();
    setErrors(next);
    if (Object.keys(next).length > 0) {
      // After the messages are drawn: the first field at fault.
      setTimeout(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    try {
      onCopied(await copy.mutateAsync({ code: code.trim(), title: title.trim(), periodStart, periodEnd }));
    } catch {
      // shown below and at the fields
    }
  };

  const fieldError = (field: keyof Errors) =>
    errors[field] ?? (error instanceof ApiError ? error.fieldError(field) : undefined) ?? problemAtField(error, field);

  return (
    <form ref={formRef} className="stack panel" aria-labelledby="plan-copy-heading" onSubmit={submit} noValidate>
      <h2 id="plan-copy-heading">次期計画を作成</h2>
      <p>
        写すもの: 階層・役割表の列・評価の閾値・施策の体系（◎/○ と主な活動の単位）・成果指標（内訳を含む）。写さないもの:
        基準値・目標値・実績値と事業調書。
      </p>
      <div className="row">
        <TextField
          label="新しい計画コード"
          required
          maxLength={64}
          autoFocus
          hint="英小文字・数字・ハイフン。写した指標のコードもこのコードで始まります"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          error={fieldError('code')}
        />
        <TextField label="新しい計画の名前" required maxLength={300} value={title} onChange={(e) => setTitle(e.target.value)} error={fieldError('title')} />
      </div>
      <div className="row">
        <SelectField
          label="計画期間の始まり"
          required
          value={String(periodStart)}
          options={yearOptions}
          onChange={(e) => {
            const start = Number(e.target.value);
            setPeriodStart(start);
            if (!endChosen) setPeriodEnd(start + length);
          }}
          error={fieldError('periodStart')}
        />
        <SelectField
          label="計画期間の終わり"
          required
          value={String(periodEnd)}
          options={yearOptions}
          onChange={(e) => {
            setPeriodEnd(Number(e.target.value));
            setEndChosen(true);
          }}
          error={fieldError('periodEnd')}
        />
      </div>
      <FocusOnError error={error && !isShownAtField(error) ? error : null}>
        <div aria-live="polite">
          {error && !isShownAtField(error) && <ProblemAlert error={error} shownFields={['code', 'title', 'periodStart', 'periodEnd']} />}
        </div>
      </FocusOnError>
      <FormActions submitLabel="次期計画を作成" pending={copy.isPending} onCancel={onCancel} />
    </form>
  );
}
