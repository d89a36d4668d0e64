import { useId, useState, type FormEvent } from 'react';
import { Alert, ProblemAlert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { ApiError } from '@/lib/api/problem';
import { formatFiscalYear } from '@/lib/fiscal-year';
import { formatNumber } from '@/lib/format';
import { usePutOlderPopulation } from '../api/definitions';
import { parseCount } from '../comparison';

type Field = 'area' | 'population';

export interface OlderPopulationFormProps {
  /** The fiscal year shown on the page: the population is recorded for it. */
  fiscalYear: number;
  /** The cities to choose from (GET /areas?kind=CITY, retired ones left out); undefined while they load. */
  cities: readonly { value: string; label: string }[] | undefined;
}

/**
 * 65歳以上人口を登録する (ADMIN, PLANNER): a city's older population for the year shown, so the comparison can be
 * per 10,000 older residents. Recording it again replaces it.
 */
export function OlderPopulationForm({ fiscalYear, cities }: OlderPopulationFormProps) {
  const put = usePutOlderPopulation();
  const headingId = useId();
  const [area, setArea] = useState('');
  const [population, setPopulation] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [message, setMessage] = useState<string>();

  const serverError = put.error instanceof ApiError ? put.error : undefined;
  const errorOf = (field: Field) => errors[field] ?? serverError?.fieldError(field);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    put.reset();
    setMessage(undefined);
    const found: Partial<Record<Field, string>> = {};
    const count = parseCount(population);
    if (!area) found.area = '市を選んでください';
    if (!population.trim()) found.population = '必須項目です';
    else if (count === null || count < 1 || count > 100_000_000) found.population = '1 以上の整数（人）で入力してください（例: 276,000）';
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    try {
      const saved = await put.mutateAsync({ area, fiscalYear, population: count! });
      setMessage(`${saved.areaName}の${formatFiscalYear(saved.fiscalYear)}の65歳以上人口を${formatNumber(saved.population)}人で登録しました。`);
      setPopulation('');
    } catch {
      // shown below
    }
  };

  return (
    <form className="stack" onSubmit={submit} noValidate aria-labelledby={headingId}>
      <h3 id={headingId}>{formatFiscalYear(fiscalYear)}の65歳以上人口を登録する</h3>
      <p className="muted">すべての市に登録があると、比較を高齢者1万人あたりで示します。登録し直すと置き換わります。</p>
      <div className="row">
        <SelectField
          label="市"
          required
          value={area}
          placeholder={cities ? '選んでください' : '読み込み中…'}
          options={cities ?? []}
          onChange={(e) => setArea(e.target.value)}
          error={errorOf('area')}
        />
        <TextField
          label="65歳以上人口（人）"
          required
          hint="例: 276,000"
          inputMode="numeric"
          value={population}
          onChange={(e) => setPopulation(e.target.value)}
          error={errorOf('population')}
          autoComplete="off"
        />
      </div>
      {message && (
        <Alert kind="success">
          <p>{message}</p>
        </Alert>
      )}
      <ProblemAlert error={put.error} shownFields={['area', 'population']} />
      <div className="actions">
        <Button type="submit" disabled={put.isPending}>
          {put.isPending ? '登録しています…' : '登録する'}
        </Button>
      </div>
    </form>
  );
}
