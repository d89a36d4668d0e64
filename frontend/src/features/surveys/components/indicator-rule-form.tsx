import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { ApiError } from '@/lib/api/problem';
import '../surveys.css';
import { useSurveyRule, type Survey, type SurveyBand } from '../api/surveys';
import { SCORE_ORDER, bandFullLabel } from '../bands';
import { SurveyProblem } from './survey-problem';

/**
 * 指標への算出 (PLANNER / ADMIN): the share of the chosen bands becomes the actual of an indicator
 * (unit %) for the survey's fiscal year; stopping it clears that actual.
 */
export function IndicatorRuleForm({ survey }: { survey: Survey }) {
  const { put, remove } = useSurveyRule(survey.code);
  const [indicatorCode, setIndicatorCode] = useState(survey.feeds?.indicatorCode ?? '');
  const [bands, setBands] = useState<SurveyBand[]>(survey.feeds?.bands ?? ['SCORE_7_9', 'SCORE_10_12']);
  const [errors, setErrors] = useState<{ indicatorCode?: string; bands?: string }>({});
  const [message, setMessage] = useState<string>();

  const error = put.error ?? remove.error;
  const serverError = error instanceof ApiError ? error : undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    put.reset();
    remove.reset();
    setMessage(undefined);
    const found: typeof errors = {};
    if (!indicatorCode.trim()) found.indicatorCode = '必須項目です';
    if (bands.length === 0) found.bands = '得点帯を 1 つ以上選んでください';
    setErrors(found);
    if (found.indicatorCode || found.bands) return;
    try {
      const saved = await put.mutateAsync({ indicatorCode: indicatorCode.trim(), bands });
      setMessage(`「${saved.feeds?.indicatorName ?? indicatorCode}」の実績値をこのアンケートから算出します。`);
    } catch {
      // shown below
    }
  };

  const stop = async () => {
    put.reset();
    remove.reset();
    setMessage(undefined);
    try {
      await remove.mutateAsync();
      setMessage('指標への算出をやめました（算出していた実績値も消しました）。');
    } catch {
      // shown below
    }
  };

  const toggle = (band: SurveyBand, on: boolean) =>
    setBands((current) => (on ? [...current, band] : current.filter((b) => b !== band)));

  return (
    <form className="stack" onSubmit={submit} noValidate aria-label="指標への算出">
      <TextField
        label="指標コード"
        required
        hint="単位が % の指標（指標の画面に出ているコード）。このアンケートの年度の実績値になります"
        value={indicatorCode}
        onChange={(e) => setIndicatorCode(e.target.value)}
        error={errors.indicatorCode ?? serverError?.fieldError('indicatorCode')}
      />
      <fieldset className="fieldset">
        <legend>
          足し合わせる得点帯<span className="field__required">必須</span>
        </legend>
        {SCORE_ORDER.map((band) => (
          <label key={band} className="checkbox">
            <input type="checkbox" checked={bands.includes(band)} onChange={(e) => toggle(band, e.target.checked)} />
            {bandFullLabel(band)}
          </label>
        ))}
        {errors.bands && <p className="field__error">{errors.bands}</p>}
      </fieldset>
      <SurveyProblem error={error} shownFields={['indicatorCode']} />
      {message && (
        <Alert kind="success">
          <p>{message}</p>
        </Alert>
      )}
      <div className="actions">
        <Button type="submit" disabled={put.isPending || remove.isPending}>
          算出を設定する
        </Button>
        {survey.feeds && (
          <Button variant="danger" onClick={() => void stop()} disabled={put.isPending || remove.isPending}>
            算出をやめる
          </Button>
        )}
      </div>
    </form>
  );
}
