import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { ApiError } from '@/lib/api/problem';
import { fiscalYearOf, formatFiscalYear } from '@/lib/fiscal-year';
import '../surveys.css';
import { useCreateSurvey, type DataSource, type Survey } from '../api/surveys';
import { DATA_SOURCE_LONG_LABELS, INSTRUMENT_LABELS } from '../bands';
import { SurveyProblem } from './survey-problem';

const FIELDS = ['code', 'title', 'fiscalYear', 'areaCode', 'conductedBy', 'dataSource', 'referenceCode'] as const;
type Field = (typeof FIELDS)[number];

const DATA_SOURCE_HINTS: Record<DataSource, string> = {
  RESPONSES: '1 行 1 回答者の CSV を取り込み、得点帯と属性別の内訳を集計します',
  PUBLISHED: '報告書などで公表された 5 つの割合を入力します（全国調査など）',
};

/** The fiscal years offered: next year back to 平成27年度 (2015). */
export function surveyYears(now = new Date()): number[] {
  const years: number[] = [];
  for (let y = fiscalYearOf(now) + 1; y >= 2015; y--) years.push(y);
  return years;
}

/** 「アンケートを登録」: code, title, fiscal year, area, conducted by, how the data comes in, and the reference. */
export function SurveyForm({ surveys, onCreated }: { surveys: readonly Survey[]; onCreated: (survey: Survey) => void }) {
  const create = useCreateSurvey();
  const [code, setCode] = useState('');
  const [title, setTitle] = useState('');
  const [fiscalYear, setFiscalYear] = useState(String(fiscalYearOf(new Date())));
  const [areaCode, setAreaCode] = useState('');
  const [conductedBy, setConductedBy] = useState('');
  const [dataSource, setDataSource] = useState<DataSource>('RESPONSES');
  const [referenceCode, setReferenceCode] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});

  const serverError = create.error instanceof ApiError ? create.error : undefined;
  const errorOf = (field: Field) => errors[field] ?? serverError?.fieldError(field);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    create.reset();
    const found: Partial<Record<Field, string>> = {};
    if (!code.trim()) found.code = '必須項目です';
    else if (!/^[a-z0-9][a-z0-9-]*$/.test(code.trim())) found.code = '英小文字・数字・ハイフンで指定してください';
    if (!title.trim()) found.title = '必須項目です';
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    try {
      const survey = await create.mutateAsync({
        code: code.trim(),
        title: title.trim(),
        fiscalYear: Number(fiscalYear),
        areaCode: areaCode.trim() || null,
        conductedBy: conductedBy.trim() || null,
        instrument: 'UCLA3',
        dataSource,
        referenceCode: referenceCode || null,
      });
      onCreated(survey);
    } catch {
      // shown from create.error
    }
  };

  return (
    <form className="stack survey-form" onSubmit={submit} noValidate aria-labelledby="survey-form-heading">
      <h2 id="survey-form-heading">アンケートを登録</h2>
      <div className="row">
        <TextField
          label="コード"
          required
          hint="英小文字・数字・ハイフン（例: shimin-r7）。URL に使います"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          error={errorOf('code')}
          autoComplete="off"
        />
        <TextField label="名称" required value={title} onChange={(e) => setTitle(e.target.value)} error={errorOf('title')} />
      </div>
      <div className="row">
        <SelectField
          label="年度"
          required
          value={fiscalYear}
          options={surveyYears().map((y) => ({ value: String(y), label: formatFiscalYear(y) }))}
          onChange={(e) => setFiscalYear(e.target.value)}
          error={errorOf('fiscalYear')}
        />
        <TextField
          label="対象地域"
          hint="地域コードまたは名前（市の地域コードなど）。全国調査なら空欄"
          value={areaCode}
          onChange={(e) => setAreaCode(e.target.value)}
          error={errorOf('areaCode')}
        />
        <TextField label="実施主体" hint="例: 市の担当課、国の機関" value={conductedBy} onChange={(e) => setConductedBy(e.target.value)} error={errorOf('conductedBy')} />
      </div>
      <p>
        <strong>尺度：</strong>
        {INSTRUMENT_LABELS.UCLA3}
      </p>
      <fieldset className="fieldset">
        <legend>
          データの入れ方<span className="field__required">必須</span>
        </legend>
        <div className="radio-group">
          {(['RESPONSES', 'PUBLISHED'] as const).map((source) => (
            <label key={source}>
              <input type="radio" name="dataSource" value={source} checked={dataSource === source} onChange={() => setDataSource(source)} />
              {DATA_SOURCE_LONG_LABELS[source]}
            </label>
          ))}
        </div>
        <p className="field__hint">{DATA_SOURCE_HINTS[dataSource]}</p>
        {errorOf('dataSource') && <p className="field__error">{errorOf('dataSource')}</p>}
      </fieldset>
      <SelectField
        label="比較の基準"
        hint="グラフと表で並べて比べるアンケート（例: 全国調査）"
        value={referenceCode}
        placeholder="なし"
        options={surveys.map((s) => ({ value: s.code, label: `${s.title}（${formatFiscalYear(s.fiscalYear)}）` }))}
        onChange={(e) => setReferenceCode(e.target.value)}
        error={errorOf('referenceCode')}
      />
      <SurveyProblem error={create.error} shownFields={FIELDS} />
      <div className="actions">
        <Button type="submit" disabled={create.isPending}>
          {create.isPending ? '登録しています…' : '登録する'}
        </Button>
      </div>
    </form>
  );
}
