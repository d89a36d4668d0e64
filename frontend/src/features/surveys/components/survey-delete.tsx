import { useState } from 'react';
import { Button } from '@/components/ui/button';
import '../surveys.css';
import { useDeleteSurvey, type Survey } from '../api/surveys';
import { deletionConsequences } from '../survey-edit';
import { SurveyProblem } from './survey-problem';

/**
 * アンケートの削除 (PLANNER / ADMIN), in two steps: the first button lists what goes with it (the data,
 * the indicator actual it derived, references from other surveys); the second deletes.
 */
export function SurveyDelete({ survey, all, onDeleted }: { survey: Survey; all: readonly Survey[]; onDeleted: () => void }) {
  const remove = useDeleteSurvey(survey.code);
  const [confirming, setConfirming] = useState(false);

  const confirm = async () => {
    try {
      await remove.mutateAsync();
      onDeleted();
    } catch {
      // shown below
    }
  };

  if (!confirming) {
    return (
      <div className="actions">
        <Button variant="danger" onClick={() => setConfirming(true)}>
          このアンケートを削除する…
        </Button>
      </div>
    );
  }
  return (
    <div className="confirm" role="group" aria-label="アンケートの削除の確認">
      <p>
        <strong>「{survey.title}」を削除しますか？</strong>
      </p>
      <ul data-testid="delete-consequences">
        {deletionConsequences(survey, all).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <SurveyProblem error={remove.error} />
      <div className="actions">
        <Button variant="danger" onClick={() => void confirm()} disabled={remove.isPending}>
          {remove.isPending ? '削除しています…' : '削除する'}
        </Button>
        <Button
          variant="secondary"
          onClick={() => {
            remove.reset();
            setConfirming(false);
          }}
          disabled={remove.isPending}
        >
          キャンセル
        </Button>
      </div>
    </div>
  );
}
