import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { ApiError, isStaleVersion } from '@/lib/api/problem';
import { formatFiscalYear } from '@/lib/fiscal-year';
import '../surveys.css';
import { useUpdateSurvey, type Survey } from '../api/surveys';
import { SurveyProblem } from './survey-problem';

const FIELDS = ['title', 'conductedBy', 'referenceCode'] as const;
type Field = (typeof FIELDS)[number];

export interface SurveyEditFormProps {
  survey: Survey;
  /** The surveys it may be compared with (same scale, not itself). */
  references: readonly Survey[];
  onSaved: (survey: Survey) => void;
  /** Reads the survey again after a stale-version refusal (the form is then filled afresh). */
  onReload: () => void;
}

/**
 * 名称・実施主体・比較の基準 of a survey (PLANNER / ADMIN), sent with the version the page read: when
 * someone saved in between, the API refuses and the form says so and offers to read the latest.
 */
export function SurveyEditForm({ survey, references, onSaved, onReload }: SurveyEditFormProps) {
  const update = useUpdateSurvey(survey.code);
  const [title, setTitle] = useState(survey.title);
  const [conductedBy, setConductedBy] = useState(survey.conductedBy ?? '');
  const [referenceCode, setReferenceCode] = useState(survey.referenceCode ?? '');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});

  const stale = isStaleVersion(update.error);
  const serverError = update.error instanceof ApiError ? update.error : undefined;
  const errorOf = (field: Field) => errors[field] ?? serverError?.fieldError(field);
  const options = references.map((s) => ({ value: s.code, label: `${s.title}（${formatFiscalYear(s.fiscalYear)}）` }));
  if (survey.referenceCode && !references.some((s) => s.code === survey.referenceCode)) {
    options.push({ value: survey.referenceCode, label: survey.referenceTitle ?? survey.referenceCode });
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    update.reset();
    const found: Partial<Record<Field, string>> = {};
    if (!title.trim()) found.title = '必須項目です';
    else if (title.trim().length > 200) found.title = '200文字以内で入力してください';
    if (conductedBy.trim().length > 100) found.conductedBy = '100文字以内で入力してください';
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    try {
      const saved = await update.mutateAsync({
        title: title.trim(),
        conductedBy: conductedBy.trim() || null,
        referenceCode: referenceCode || null,
        version: survey.version,
      });
      onSaved(saved);
    } catch {
      // shown below
    }
  };

  return (
    <form className="stack survey-form" onSubmit={submit} noValidate aria-label="アンケートの情報の変更">
      <TextField label="名称" required value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} error={errorOf('title')} />
      <div className="row">
        <TextField
          label="実施主体"
          hint="例: 市の担当課、国の機関"
          value={conductedBy}
          maxLength={100}
          onChange={(e) => setConductedBy(e.target.value)}
          error={errorOf('conductedBy')}
        />
        <SelectField
          label="比較の基準"
          hint="グラフと表で並べて比べるアンケート（同じ尺度のもの）"
          value={referenceCode}
          placeholder="なし"
          options={options}
          onChange={(e) => setReferenceCode(e.target.value)}
          error={errorOf('referenceCode')}
        />
      </div>
      <p className="muted">コード・年度・対象地域・データの入れ方は変えられません。変えるときは、登録し直してください。</p>
      {stale ? (
        <Alert kind="error" title="他の人が先にこのアンケートを更新しました">
          <p>
            このページを開いた後に、別の人（または別の画面）がこのアンケートを変更しています。上書きしないよう、保存しませんでした。
            「最新の内容を読み込む」を押して内容を確かめてから、もう一度変更してください（入力中の内容は読み込み直すと消えます）。
          </p>
          <Button size="sm" variant="secondary" onClick={onReload}>
            最新の内容を読み込む
          </Button>
        </Alert>
      ) : (
        <SurveyProblem error={update.error} shownFields={FIELDS} />
      )}
      <div className="actions">
        <Button type="submit" disabled={update.isPending}>
          {update.isPending ? '保存しています…' : '変更を保存'}
        </Button>
      </div>
    </form>
  );
}
