import { useId, useState, type FormEvent } from 'react';
import { ProblemAlert } from '@/components/ui/alert';
import { TextField } from '@/components/ui/field';
import { FormActions } from '@/components/ui/form-actions';
import { ApiError } from '@/lib/api/problem';
import { usePutSupportCategory, type SupportCategory } from '../api/support-categories';
import { categoryCodeError, categoryNameError, normaliseCategoryCode, REPORT_HEADING_MAX, reportHeadingError } from '../categories';

export interface CategoryFormProps {
  /** The category being changed; none: a new one. */
  editing?: SupportCategory;
  /** The categories in use, to catch a taken code or name before asking. */
  inUse: readonly SupportCategory[];
  onCancel: () => void;
  onSaved: (saved: SupportCategory) => void;
}

type Field = 'code' | 'name' | 'reportHeading';

/**
 * 困りごとの種類を追加 / 変更: code (fixed once added), name, whether a car is needed, and the heading reports print it
 * under (blank: its own name; 買い物同行 and 通院同行 both under 同行（買物・通院等）).
 */
export function CategoryForm({ editing, inUse, onCancel, onSaved }: CategoryFormProps) {
  const put = usePutSupportCategory();
  const headingId = useId();
  const [code, setCode] = useState(editing?.code ?? '');
  const [name, setName] = useState(editing?.name ?? '');
  const [requiresVehicle, setRequiresVehicle] = useState(editing?.requiresVehicle ?? false);
  const [reportHeading, setReportHeading] = useState(editing?.reportHeading ?? '');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});

  const serverError = put.error instanceof ApiError ? put.error : undefined;
  const nameTaken = serverError?.problem.type?.endsWith('/category-name-taken') ? serverError.problem.detail : undefined;
  const errorOf = (field: Field) => errors[field] ?? serverError?.fieldError(field) ?? (field === 'name' ? nameTaken : undefined);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    put.reset();
    const finalCode = editing ? editing.code : normaliseCategoryCode(code);
    const found: Partial<Record<Field, string>> = {
      code: editing ? undefined : categoryCodeError(finalCode, inUse),
      name: categoryNameError(name, inUse, finalCode),
      reportHeading: reportHeadingError(reportHeading),
    };
    setCode(finalCode);
    setErrors(found);
    if (found.code || found.name || found.reportHeading) return;
    try {
      onSaved(
        await put.mutateAsync({
          code: finalCode,
          body: { name: name.trim(), requiresVehicle, active: true, reportHeading: reportHeading.trim() || null },
        }),
      );
    } catch {
      // shown below
    }
  };

  return (
    <form className="panel stack" onSubmit={submit} noValidate aria-labelledby={headingId}>
      <h2 id={headingId}>{editing ? `「${editing.name}」を変更` : '困りごとの種類を追加'}</h2>
      <div className="row">
        <TextField
          label="コード"
          required={!editing}
          hint={
            editing
              ? 'コードは変えられません'
              : '英大文字・数字・_（例: LIGHT_WORK）。あとから変えられません。使わなくした種類のコードを指定すると、その種類をまた使うようにします'
          }
          value={code}
          readOnly={Boolean(editing)}
          onChange={(e) => setCode(e.target.value)}
          onBlur={() => !editing && setCode(normaliseCategoryCode(code))}
          error={errorOf('code')}
          autoComplete="off"
          spellCheck={false}
        />
        <TextField
          label="名称"
          required
          hint="相談の受付で選ぶときの名前（例: 電球交換などの軽作業）"
          value={name}
          maxLength={60}
          onChange={(e) => setName(e.target.value)}
          error={errorOf('name')}
        />
      </div>
      <TextField
        label="報告の見出し"
        hint="例: 同行（買物・通院等）。空欄なら種類の名前"
        value={reportHeading}
        maxLength={REPORT_HEADING_MAX}
        onChange={(e) => setReportHeading(e.target.value)}
        error={errorOf('reportHeading')}
        autoComplete="off"
      />
      <div className="field">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={requiresVehicle}
            aria-describedby={`${headingId}-vehicle`}
            onChange={(e) => setRequiresVehicle(e.target.checked)}
          />
          車が必要
        </label>
        <p className="field__hint" id={`${headingId}-vehicle`}>
          送迎や粗大ごみなど。車が必要な種類の相談では、車を持っている担い手だけが候補になります
        </p>
      </div>
      <ProblemAlert error={put.error} shownFields={['code', 'name', 'reportHeading']} />
      <FormActions submitLabel={put.isPending ? '保存しています…' : editing ? '変更を保存' : '追加する'} pending={put.isPending} onCancel={onCancel} lockCancel />
    </form>
  );
}
