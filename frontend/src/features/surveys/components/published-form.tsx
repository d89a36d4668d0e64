import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import '../surveys.css';
import { usePutPublishedDistribution, type Survey, type SurveyBand } from '../api/surveys';
import { SOURCE_ORDER, bandFullLabel, parsePublished, type PublishedInput } from '../bands';
import { SurveyProblem } from './survey-problem';

function initialInput(survey: Survey): PublishedInput {
  const input = {} as PublishedInput;
  for (const band of SOURCE_ORDER) {
    const percent = survey.distribution.find((s) => s.band === band)?.percent;
    input[band] = percent === null || percent === undefined ? '' : percent.toFixed(1);
  }
  return input;
}

/** 公表値の入力: the five percentages in the source's order (together about 100%), and the respondents if known. */
export function PublishedForm({ survey, onSaved }: { survey: Survey; onSaved?: () => void }) {
  const put = usePutPublishedDistribution(survey.code);
  const [input, setInput] = useState<PublishedInput>(() => initialInput(survey));
  const [respondents, setRespondents] = useState(survey.respondents === null ? '' : String(survey.respondents));
  const [checked, setChecked] = useState(false);
  const [respondentsError, setRespondentsError] = useState<string>();
  const [saved, setSaved] = useState(false);

  const parsed = parsePublished(input);
  const errors = checked && !parsed.ok ? parsed.errors : {};

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    put.reset();
    setSaved(false);
    setChecked(true);
    const n = respondents.trim() === '' ? null : Number(respondents.replace(/[,，]/g, ''));
    const badRespondents = n !== null && (!Number.isInteger(n) || n < 1);
    setRespondentsError(badRespondents ? '1 以上の整数を入力してください（不明なら空欄）' : undefined);
    if (!parsed.ok || badRespondents) return;
    try {
      await put.mutateAsync({ shares: parsed.shares, respondents: n });
      setSaved(true);
      onSaved?.();
    } catch {
      // shown from put.error
    }
  };

  const change = (band: SurveyBand, value: string) => {
    setInput((current) => ({ ...current, [band]: value }));
    setSaved(false);
  };

  return (
    <form className="stack published-form" onSubmit={submit} noValidate aria-label="公表値の入力">
      <p>報告書に載っている得点帯ごとの割合（%、小数第1位まで）を入力します。合計はおおよそ 100% になります。</p>
      <div className="published-form__shares">
        {SOURCE_ORDER.map((band) => (
          <TextField
            key={band}
            label={bandFullLabel(band)}
            required
            inputMode="decimal"
            value={input[band]}
            onChange={(e) => change(band, e.target.value)}
            error={errors[band]}
          />
        ))}
      </div>
      <p className="published-form__total" aria-live="polite">
        合計: {parsed.total === null ? '—' : `${parsed.total.toFixed(1)}%`}
      </p>
      {errors.total && (
        <Alert kind="error">
          <p>{errors.total}</p>
        </Alert>
      )}
      <TextField
        label="回答者数"
        hint="分かれば（人）"
        inputMode="numeric"
        className="input input--narrow"
        value={respondents}
        onChange={(e) => setRespondents(e.target.value)}
        error={respondentsError}
      />
      <SurveyProblem error={put.error} />
      {saved && (
        <Alert kind="success">
          <p>公表値を保存しました。</p>
        </Alert>
      )}
      <div className="actions">
        <Button type="submit" disabled={put.isPending}>
          {put.isPending ? '保存しています…' : '公表値を保存する'}
        </Button>
      </div>
    </form>
  );
}
