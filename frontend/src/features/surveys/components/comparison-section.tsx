import { useId } from 'react';
import { Loading } from '@/components/ui/loading';
import '../surveys.css';
import { useSurveyComparison, type Survey } from '../api/surveys';
import { BandChart } from './band-chart';
import { ComparisonTable } from './comparison-table';
import { DistributionTable } from './distribution-table';
import { SurveyProblem } from './survey-problem';

/**
 * 得点帯の分布: a reference selector (any other survey, or none), the chart of this survey against the
 * reference, and the comparison table with the differences in points.
 */
export function ComparisonSection({
  survey,
  others,
  reference,
  onReferenceChange,
}: {
  survey: Survey;
  /** The surveys that can be the reference (every other one). */
  others: readonly Survey[];
  /** The reference's code, or '' for none. */
  reference: string;
  onReferenceChange: (code: string) => void;
}) {
  const selectId = useId();
  const comparison = useSurveyComparison(survey.code, reference || undefined);
  const known = reference === '' || others.some((s) => s.code === reference);

  return (
    <div className="stack">
      <div className="toolbar">
        <div className="field">
          <label className="field__label" htmlFor={selectId}>
            比較の基準
          </label>
          <select id={selectId} className="select" value={reference} onChange={(e) => onReferenceChange(e.target.value)}>
            <option value="">比較しない</option>
            {!known && <option value={reference}>{reference}</option>}
            {others.map((s) => (
              <option key={s.code} value={s.code}>
                {s.title}
                {s.code === survey.referenceCode ? '（既定）' : ''}
              </option>
            ))}
          </select>
        </div>
      </div>
      {reference === '' ? (
        <>
          <BandChart title={`${survey.title}の得点帯ごとの割合`} series={[{ name: survey.title, shares: survey.distribution }]} />
          <DistributionTable distribution={survey.distribution} caption="得点帯ごとの割合" />
        </>
      ) : comparison.isPending ? (
        <Loading label="比較を読み込んでいます…" />
      ) : comparison.isError ? (
        <SurveyProblem error={comparison.error} />
      ) : (
        <>
          <BandChart
            title={`得点帯ごとの割合: ${comparison.data.surveyTitle}と${comparison.data.referenceTitle}`}
            series={[
              { name: comparison.data.surveyTitle, shares: comparison.data.rows.map((r) => ({ band: r.band, percent: r.percent })) },
              { name: comparison.data.referenceTitle, shares: comparison.data.rows.map((r) => ({ band: r.band, percent: r.referencePercent })) },
            ]}
          />
          <ComparisonTable comparison={comparison.data} />
        </>
      )}
    </div>
  );
}
