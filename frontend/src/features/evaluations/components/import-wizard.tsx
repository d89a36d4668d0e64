import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { Alert, ProblemAlert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SelectField } from '@/components/ui/field';
import { UploadStatus, useUploadProgress } from '@/components/ui/upload-status';
import { links } from '@/config/paths';
import { ApiError } from '@/lib/api/problem';
import { formatFiscalYear } from '@/lib/fiscal-year';
import { useImportEvaluationSheet, type ImportReport } from '../api/evaluations';
import { ImportProblemsTable, ImportRowsTable, ImportSummary, errorCount } from './import-preview';

type Step = 'select' | 'preview' | 'done';

const STEPS: { step: Step; label: string }[] = [
  { step: 'select', label: 'ファイルを選ぶ' },
  { step: 'preview', label: '内容を確認する' },
  { step: 'done', label: '取り込み完了' },
];

/** A 422 on commit lists each error as "N 行目 列" and its message. */
function CommitProblem({ error }: { error: unknown }) {
  if (!(error instanceof ApiError) || error.status !== 422 || !(error.problem.errors?.length ?? 0)) return <ProblemAlert error={error} />;
  return (
    <Alert kind="error" title={error.problem.title ?? '取り込めませんでした'}>
      {error.problem.detail && <p>{error.problem.detail}</p>}
      <ul>
        {error.problem.errors!.map((e, i) => (
          <li key={i}>
            <strong>{e.field}</strong>: {e.message}
          </li>
        ))}
      </ul>
    </Alert>
  );
}

/**
 * 事業調書の取り込み in three steps: choose a file (TSV / CSV / XLSX) and optionally the year →
 * check what would change (dry run: nothing is saved) → commit it all, or nothing when it has errors.
 */
export function ImportWizard({ plan, years }: { plan: string; years: readonly number[] }) {
  const mutation = useImportEvaluationSheet(plan);
  const progress = useUploadProgress();
  const [step, setStep] = useState<Step>('select');
  const [file, setFile] = useState<File | null>(null);
  const [year, setYear] = useState('');
  const [fileError, setFileError] = useState<string>();
  const [preview, setPreview] = useState<ImportReport | null>(null);
  const [result, setResult] = useState<ImportReport | null>(null);

  const fiscalYear = year === '' ? undefined : Number(year);
  const errors = preview ? errorCount(preview) : 0;

  const check = async (event: FormEvent) => {
    event.preventDefault();
    mutation.reset();
    if (!file) {
      setFileError('ファイルを選んでください');
      return;
    }
    progress.reset();
    try {
      const report = await mutation.mutateAsync({ file, fiscalYear, commit: false, onProgress: progress.onProgress });
      setPreview(report);
      setStep('preview');
    } catch {
      // shown from mutation.error
    }
  };

  const commit = async () => {
    if (!file || !preview) return;
    mutation.reset();
    progress.reset();
    try {
      // The year the dry run settled on, so the commit cannot read the file differently.
      const report = await mutation.mutateAsync({
        file,
        fiscalYear: fiscalYear ?? preview.fiscalYear,
        commit: true,
        onProgress: progress.onProgress,
      });
      setResult(report);
      setStep('done');
    } catch {
      // shown from mutation.error
    }
  };

  const restart = () => {
    mutation.reset();
    setPreview(null);
    setResult(null);
    setStep('select');
  };

  const current = STEPS.findIndex((s) => s.step === step);

  return (
    <div className="stack import-wizard">
      <ol className="steps" aria-label="取り込みの手順">
        {STEPS.map((s, i) => (
          <li key={s.step} className={`steps__item${i === current ? ' steps__item--current' : ''}${i < current ? ' steps__item--done' : ''}`} aria-current={i === current ? 'step' : undefined}>
            <span className="steps__number">{i + 1}</span> {s.label}
          </li>
        ))}
      </ol>

      {step === 'select' && (
        <form className="stack" onSubmit={check} aria-labelledby="import-select-heading" noValidate>
          <h2 id="import-select-heading">1. ファイルを選ぶ</h2>
          <div className={`field${fileError ? ' field--invalid' : ''}`}>
            <label className="field__label" htmlFor="import-file">
              ファイル（TSV / CSV / XLSX）
              <span className="field__required">必須</span>
            </label>
            <p className="field__hint" id="import-file-hint">
              市の事業調書の様式のままで取り込めます。CSV は UTF-8 でも Shift_JIS でも構いません。
            </p>
            <input
              id="import-file"
              type="file"
              className="input"
              accept=".tsv,.csv,.xlsx,.txt,text/tab-separated-values,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              aria-describedby={`import-file-hint${fileError ? ' import-file-error' : ''}`}
              aria-invalid={fileError ? true : undefined}
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setFileError(undefined);
                mutation.reset();
              }}
            />
            {fileError && (
              <p className="field__error" id="import-file-error">
                {fileError}
              </p>
            )}
          </div>
          <div className="toolbar">
            <SelectField
              label="年度"
              hint="空欄なら、ファイルの見出し（取組結果 (令和4年度) など）から読み取ります"
              value={year}
              placeholder="ファイルから読み取る"
              options={years.map((y) => ({ value: String(y), label: formatFiscalYear(y) }))}
              onChange={(e) => setYear(e.target.value)}
            />
          </div>
          {mutation.isError && <ProblemAlert error={mutation.error} />}
          {mutation.isPending && <UploadStatus percent={progress.percent} waiting="サーバーで確認しています…" />}
          <div className="actions">
            <Button type="submit" disabled={mutation.isPending}>
              確認
            </Button>
          </div>
        </form>
      )}

      {step === 'preview' && preview && (
        <section className="stack" aria-labelledby="import-preview-heading">
          <h2 id="import-preview-heading">2. 内容を確認する</h2>
          <p>
            {file?.name} を {formatFiscalYear(preview.fiscalYear)}の事業調書として読みました。<strong>まだ保存していません。</strong>
          </p>
          <ImportSummary report={preview} heading="取り込むと" />
          {errors > 0 ? (
            <Alert kind="error" title={`誤りが ${errors} 件あります`}>
              <p>誤りを直したファイルを選び直してください。誤りがある間は取り込めません。</p>
            </Alert>
          ) : (
            <Alert kind="info">
              <p>誤りはありません。「取り込む」を押すと、すべての行をまとめて保存します。</p>
            </Alert>
          )}
          <section className="stack" aria-labelledby="import-problems-heading">
            <h3 id="import-problems-heading">問題</h3>
            <ImportProblemsTable problems={preview.problems} />
          </section>
          <section className="stack" aria-labelledby="import-rows-heading">
            <h3 id="import-rows-heading">取組</h3>
            <ImportRowsTable rows={preview.rows} />
          </section>
          {mutation.isError && <CommitProblem error={mutation.error} />}
          {mutation.isPending && <UploadStatus percent={progress.percent} waiting="取り込んでいます…" />}
          <div className="actions">
            <Button onClick={() => void commit()} disabled={errors > 0 || mutation.isPending} aria-describedby="import-commit-note">
              取り込む
            </Button>
            <Button variant="secondary" onClick={restart} disabled={mutation.isPending}>
              ファイルを選び直す
            </Button>
          </div>
          <p className="muted" id="import-commit-note">
            {errors > 0 ? '誤りがあるため取り込めません。' : '途中で失敗したときは何も保存されません。'}
          </p>
        </section>
      )}

      {step === 'done' && result && (
        <section className="stack" aria-labelledby="import-done-heading">
          <h2 id="import-done-heading">3. 取り込み完了</h2>
          <Alert kind="success" title="取り込みました">
            <p>
              {formatFiscalYear(result.fiscalYear)}の事業調書を {result.rows.length} 件の取組について保存しました。
            </p>
          </Alert>
          <ImportSummary report={result} heading="取り込んだ結果" />
          <ul className="plain-list">
            <li>
              <Link to={links.plan(plan)}>計画の体系を見る</Link>
            </li>
            <li>
              <Link to={links.evaluations(plan, result.fiscalYear)}>{formatFiscalYear(result.fiscalYear)}の事業調書の状況を見る</Link>
            </li>
          </ul>
          <div className="actions">
            <Button variant="secondary" onClick={restart}>
              別のファイルを取り込む
            </Button>
          </div>
        </section>
      )}
    </div>
  );
}
