import { Loading } from '@/components/ui/loading';
import { SelectField } from '@/components/ui/field';
import '../surveys.css';
import { useSurveyBreakdown, type Survey } from '../api/surveys';
import { BreakdownTable } from './breakdown-table';
import { SurveyProblem } from './survey-problem';

/** 属性別の内訳 of a survey counted from responses: pick 年代, 性別, 区 … and see the bands by value. */
export function BreakdownSection({ survey, by, onByChange }: { survey: Survey; by: string; onByChange: (attribute: string) => void }) {
  const attribute = survey.attributes.includes(by) ? by : (survey.attributes[0] ?? '');
  const breakdown = useSurveyBreakdown(survey.code, attribute || undefined);
  if (survey.attributes.length === 0) return <p className="empty">個票に属性の列（年代・性別・区など）がないため、内訳はありません。</p>;
  return (
    <div className="stack">
      <div className="toolbar">
        <SelectField
          label="属性"
          value={attribute}
          options={survey.attributes.map((a) => ({ value: a, label: a }))}
          onChange={(e) => onByChange(e.target.value)}
        />
      </div>
      {breakdown.isPending ? (
        <Loading label="内訳を読み込んでいます…" />
      ) : breakdown.isError ? (
        <SurveyProblem error={breakdown.error} />
      ) : (
        <BreakdownTable breakdown={breakdown.data} />
      )}
    </div>
  );
}
