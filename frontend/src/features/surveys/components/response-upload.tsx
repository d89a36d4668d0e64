import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { UploadStatus, useUploadProgress } from '@/components/ui/upload-status';
import { formatNumber } from '@/lib/format';
import '../surveys.css';
import { useImportSurveyResponses, type ImportIssue, type Survey, type SurveyImportReport } from '../api/surveys';
import { BandChart } from './band-chart';
import { DistributionTable } from './distribution-table';
import { SurveyProblem } from './survey-problem';

/** "3 行目", or "ファイル全体" for a problem with the file as a whole (line 0). */
export const lineLabel = (line: number) => (line > 0 ? `${line} 行目` : 'ファイル全体');

/** 行 / 列 / 内容 of each problem the server found (the first 100). */
export function ImportIssuesTable({ report }: { report: SurveyImportReport }) {
  if (report.errorCount === 0) return <p className="empty">問題は見つかりませんでした</p>;
  const shown: readonly ImportIssue[] = report.errors;
  return (
    <div className="table-wrap">
      <table className="table upload-errors">
        <caption>
          問題（{formatNumber(report.errorCount)}件{shown.length < report.errorCount ? `、先頭の ${shown.length} 件を表示` : ''}）
        </caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              行
            </th>
            <th scope="col">列</th>
            <th scope="col">内容</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((e, i) => (
            <tr key={i} data-line={e.line}>
              <td className="num">{lineLabel(e.line)}</td>
              <td>{e.column ?? <span className="muted">—</span>}</td>
              <td>{e.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** What a file would give (or gave): respondents, problems, attribute columns and the columns left out. */
function ReportFigures({ report }: { report: SurveyImportReport }) {
  return (
    <dl className="upload-figures">
      <div>
        <dt>回答者数</dt>
        <dd data-testid="upload-respondents">{formatNumber(report.respondents)}人</dd>
      </div>
      <div>
        <dt>問題のある行</dt>
        <dd data-testid="upload-errors">{formatNumber(report.errorCount)}件</dd>
      </div>
      <div>
        <dt>内訳に使う列</dt>
        <dd>{report.attributes.length > 0 ? report.attributes.join('・') : 'なし'}</dd>
      </div>
      <div>
        <dt>取り込まない列（個人を特定しうるため）</dt>
        <dd>{report.ignoredColumns.length > 0 ? report.ignoredColumns.join('・') : 'なし'}</dd>
      </div>
    </dl>
  );
}

/**
 * 個票の取り込み (RESPONSES surveys, PLANNER / ADMIN): choose a CSV or TSV → check it (nothing is
 * stored) → 「取り込む」, which replaces the stored responses, and is offered only when the file has no errors.
 */
export function ResponseUpload({ survey }: { survey: Survey }) {
  const upload = useImportSurveyResponses(survey.code);
  const progress = useUploadProgress();
  const [file, setFile] = useState<File | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const [fileError, setFileError] = useState<string>();
  const [preview, setPreview] = useState<SurveyImportReport | null>(null);
  const [done, setDone] = useState<SurveyImportReport | null>(null);

  const committing = upload.isPending && upload.variables?.commit === true;
  const blocked = !preview || preview.errorCount > 0 || preview.respondents === 0;

  const check = async (event: FormEvent) => {
    event.preventDefault();
    upload.reset();
    setDone(null);
    if (!file) {
      setFileError('ファイルを選んでください');
      return;
    }
    progress.reset();
    try {
      setPreview(await upload.mutateAsync({ file, commit: false, onProgress: progress.onProgress }));
    } catch {
      setPreview(null);
    }
  };

  const commit = async () => {
    if (!file || blocked) return;
    upload.reset();
    progress.reset();
    try {
      const report = await upload.mutateAsync({ file, commit: true, onProgress: progress.onProgress });
      setDone(report);
      setPreview(null);
      setFile(null);
      setInputKey((k) => k + 1);
    } catch {
      // shown from upload.error
    }
  };

  return (
    <div className="stack response-upload">
      <form className="stack" onSubmit={check} noValidate aria-label="個票ファイルの確認">
        <div className={`field${fileError ? ' field--invalid' : ''}`}>
          <label className="field__label" htmlFor="survey-file">
            個票ファイル（CSV / TSV / Excel）
            <span className="field__required">必須</span>
          </label>
          <p className="field__hint" id="survey-file-hint">
            1 行目に見出し（q1, q2, q3 または 問1〜問3 と、年代・性別・区などの属性）、2 行目から 1 行に 1 人の回答。回答は 1〜4
            または 決してない・ほとんどない・時々ある・常にある、空欄・無回答は無回答。番号・氏名・住所などの列は取り込みません。CSV / TSV は
            UTF-8 でも Shift_JIS でも構いません。Excel（.xlsx）は最初のシートを読みます。
          </p>
          <input
            key={inputKey}
            id="survey-file"
            type="file"
            className="input"
            accept=".csv,.tsv,.txt,.xlsx,text/csv,text/tab-separated-values,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby={`survey-file-hint${fileError ? ' survey-file-error' : ''}`}
            aria-invalid={fileError ? true : undefined}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setFileError(undefined);
              setPreview(null);
              setDone(null);
              upload.reset();
            }}
          />
          {fileError && (
            <p className="field__error" id="survey-file-error">
              {fileError}
            </p>
          )}
        </div>
        <div className="actions">
          <Button type="submit" variant={preview ? 'secondary' : 'primary'} disabled={upload.isPending}>
            確認する
          </Button>
        </div>
      </form>

      {upload.isPending && <UploadStatus percent={progress.percent} waiting={committing ? '取り込んでいます…' : 'サーバーで確認しています…'} />}
      <SurveyProblem error={upload.error} />

      {preview && (
        <section className="upload-preview" aria-labelledby="upload-preview-heading">
          <h3 id="upload-preview-heading">取り込む前の確認</h3>
          <p>
            {file?.name} を読みました。<strong>まだ保存していません。</strong>
            {survey.respondents !== null && survey.respondents > 0 && (
              <> 取り込むと、いまの個票（{formatNumber(survey.respondents)}人）と入れ替えます。</>
            )}
          </p>
          <ReportFigures report={preview} />
          {preview.errorCount > 0 ? (
            <Alert kind="error" title={`問題のある行が ${formatNumber(preview.errorCount)} 件あります`}>
              <p>ファイルを直して選び直してください。問題がある間は取り込めません（1 行でも問題があれば何も取り込みません）。</p>
            </Alert>
          ) : preview.respondents === 0 ? (
            <Alert kind="error">
              <p>回答の行がありません。</p>
            </Alert>
          ) : (
            <Alert kind="info">
              <p>問題はありません。「取り込む」を押すと保存します。</p>
            </Alert>
          )}
          <ImportIssuesTable report={preview} />
          {preview.respondents > 0 && (
            <div className="stack">
              <h4>このファイルの得点帯の割合</h4>
              <BandChart compact title={`${file?.name ?? 'ファイル'}の得点帯ごとの割合`} series={[{ name: file?.name ?? 'このファイル', shares: preview.distribution }]} />
              <DistributionTable distribution={preview.distribution} caption="このファイルの得点帯ごとの割合と人数" />
            </div>
          )}
          <div className="actions">
            <Button onClick={() => void commit()} disabled={blocked || upload.isPending} aria-describedby="upload-commit-note">
              取り込む
            </Button>
          </div>
          <p className="muted" id="upload-commit-note">
            {blocked ? '問題があるため取り込めません。' : '途中で失敗したときは何も保存されません。'}
          </p>
        </section>
      )}

      {done && (
        <Alert kind="success" title="取り込みました">
          <p>
            {formatNumber(done.respondents)}人の回答を取り込みました。
            {done.attributes.length > 0 && <>内訳に使える属性: {done.attributes.join('・')}</>}
          </p>
        </Alert>
      )}
    </div>
  );
}
