import { useId, useState, type FormEvent } from 'react';
import { Alert, ProblemAlert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { UploadStatus, useUploadProgress } from '@/components/ui/upload-status';
import { formatNumber } from '@/lib/format';
import { useImportAreas, type AreaImportAction, type AreaImportReport } from '../api/areas';
import { AREA_KIND_LABELS } from '../area-kind';

export const AREA_IMPORT_ACTION_LABELS: Record<AreaImportAction, string> = { CREATE: '追加', UPDATE: '変更', UNCHANGED: '変更なし' };
const ACTIONS = Object.keys(AREA_IMPORT_ACTION_LABELS) as AreaImportAction[];

/** 追加 n件 / 変更 n件 / 変更なし n件 / 問題 n件. */
function Summary({ report }: { report: AreaImportReport }) {
  return (
    <dl className="import-summary" aria-label="取り込みの件数">
      {ACTIONS.map((a) => (
        <div key={a} className="import-summary__item">
          <dt>{AREA_IMPORT_ACTION_LABELS[a]}</dt>
          <dd>{formatNumber(report.summary[a] ?? 0)}件</dd>
        </div>
      ))}
      <div className="import-summary__item">
        <dt>問題</dt>
        <dd>{formatNumber(report.problems.length)}件</dd>
      </div>
    </dl>
  );
}

/**
 * 地域の取り込み: a file of areas (TSV / CSV in UTF-8 or Shift_JIS / XLSX; columns code, name, kana, kind, parent) is
 * first read without saving (what each row would do, every problem with its row), then 取り込む saves it all or
 * nothing — offered only when the dry run found no problem.
 */
export function AreaImport({ onImported }: { onImported?: (report: AreaImportReport) => void }) {
  const mutation = useImportAreas();
  const progress = useUploadProgress();
  const fileId = useId();
  // Plain state, not react-hook-form: one file input and a check-then-save flow that lives in the mutation.
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string>();
  const [preview, setPreview] = useState<AreaImportReport | null>(null);
  const [done, setDone] = useState<AreaImportReport | null>(null);

  const send = async (commit: boolean) => {
    if (!file) {
      setFileError('ファイルを選んでください');
      return;
    }
    mutation.reset();
    progress.reset();
    try {
      const report = await mutation.mutateAsync({ file, commit, onProgress: progress.onProgress });
      if (commit) {
        setDone(report);
        setPreview(null);
        onImported?.(report);
      } else {
        setPreview(report);
      }
    } catch {
      // shown from mutation.error
    }
  };
  const check = (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    void send(false);
  };

  const problems = preview?.problems.length ?? 0;
  return (
    <section className="stack" aria-labelledby={`${fileId}-heading`}>
      <h2 id={`${fileId}-heading`}>ファイルから取り込む</h2>
      <form className="stack" onSubmit={check} noValidate aria-label="地域の取り込み">
        <div className={`field${fileError ? ' field--invalid' : ''}`}>
          <label className="field__label" htmlFor={fileId}>
            ファイル（TSV / CSV / XLSX）
            <span className="field__required">必須</span>
          </label>
          <p className="field__hint" id={`${fileId}-hint`}>
            列は code, name, kana, kind, parent（日本語の見出しでも構いません）。CSV は UTF-8 でも Shift_JIS でも読めます。
          </p>
          <input
            id={fileId}
            type="file"
            className="input"
            accept=".tsv,.csv,.xlsx,.txt,text/tab-separated-values,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby={`${fileId}-hint${fileError ? ` ${fileId}-error` : ''}`}
            aria-invalid={fileError ? true : undefined}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setFileError(undefined);
              setPreview(null);
              mutation.reset();
            }}
          />
          {fileError && (
            <p className="field__error" id={`${fileId}-error`}>
              {fileError}
            </p>
          )}
        </div>
        <div className="actions">
          <Button type="submit" variant={preview ? 'secondary' : 'primary'} disabled={mutation.isPending}>
            確認する（まだ保存しません）
          </Button>
        </div>
      </form>
      {mutation.isPending && <UploadStatus percent={progress.percent} waiting={preview ? '取り込んでいます…' : 'サーバーで確認しています…'} />}
      <div aria-live="polite">{mutation.isError && <ProblemAlert error={mutation.error} titled />}</div>
      {done && (
        <Alert kind="success" title="取り込みました">
          <Summary report={done} />
        </Alert>
      )}
      {preview && (
        <section className="stack" aria-label="取り込みの確認">
          <p>
            {file?.name} を読みました。<strong>まだ保存していません。</strong>
          </p>
          <Summary report={preview} />
          {problems > 0 ? (
            <Alert kind="error" title={`問題が ${problems} 件あります`}>
              <p>直したファイルで確認し直してください。問題がある間は取り込めません。</p>
              <ul>
                {preview.problems.map((p, i) => (
                  <li key={i}>
                    {p.row} 行目（{p.column}{p.value ? `: ${p.value}` : ''}）: {p.message}
                  </li>
                ))}
              </ul>
            </Alert>
          ) : (
            <Alert kind="info">
              <p>問題はありません。「取り込む」を押すと、すべての行をまとめて保存します。</p>
            </Alert>
          )}
          <div className="table-wrap" role="region" aria-label={`取り込む地域（${preview.rows.length}件）`} tabIndex={0}>
            <table className="table">
              <caption className="visually-hidden">取り込む地域（{preview.rows.length}件）</caption>
              <thead>
                <tr>
                  <th scope="col" className="num">行</th>
                  <th scope="col">コード</th>
                  <th scope="col">名前</th>
                  <th scope="col">種類</th>
                  <th scope="col">親</th>
                  <th scope="col">処理</th>
                </tr>
              </thead>
              <tbody>
                {preview.rows.map((r) => (
                  <tr key={`${r.row}:${r.code}`} data-testid="area-import-row">
                    <td className="num">{r.row}</td>
                    <td>{r.code}</td>
                    <th scope="row">{r.name}</th>
                    <td>{AREA_KIND_LABELS[r.kind]}</td>
                    <td>{r.parentCode ?? '—'}</td>
                    <td>{AREA_IMPORT_ACTION_LABELS[r.action]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="actions">
            <Button onClick={() => void send(true)} disabled={problems > 0 || mutation.isPending} aria-describedby={`${fileId}-note`}>
              取り込む
            </Button>
          </div>
          <p className="muted" id={`${fileId}-note`}>
            {problems > 0 ? '問題があるため取り込めません。' : '途中で失敗したときは何も保存されません。'}
          </p>
        </section>
      )}
    </section>
  );
}
