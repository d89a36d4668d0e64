import { useLocation, useNavigate } from 'react-router';
import { Alert, ProblemAlert } from '@/components/ui/alert';
import { Loading } from '@/components/ui/loading';
import { PageHeading } from '@/components/ui/page-heading';
import { links } from '@/config/paths';
import { useMe } from '@/features/auth/api/get-me';
import { useSurveys } from '@/features/surveys/api/surveys';
import { SurveyForm } from '@/features/surveys/components/survey-form';
import { SurveysTable } from '@/features/surveys/components/surveys-table';
import { RequireSurveyReader, canEditSurveys } from './survey-guard';

/** 市民アンケート: every survey with its year, area, kind of data and respondents; planners register new ones. */
export function SurveysRoute() {
  return (
    <RequireSurveyReader>
      <SurveysPage />
    </RequireSurveyReader>
  );
}

function SurveysPage() {
  const me = useMe();
  const surveys = useSurveys();
  const navigate = useNavigate();
  const location = useLocation();
  const editable = canEditSurveys(me.data);
  // Set by the detail page after a deletion.
  const notice = (location.state as { notice?: string } | null)?.notice;

  return (
    <div className="stack">
      <PageHeading lead="孤独感（UCLA 孤独感尺度）などの市民アンケートの結果を、全国調査と比べ、計画の指標につなげます。集計値だけを扱います。">
        市民アンケート
      </PageHeading>
      {notice && (
        <Alert kind="success">
          <p>{notice}</p>
        </Alert>
      )}
      <section className="stack" aria-labelledby="surveys-heading">
        <h2 id="surveys-heading" className="visually-hidden">
          アンケートの一覧
        </h2>
        {surveys.isPending ? (
          <Loading label="アンケートを読み込んでいます…" />
        ) : surveys.isError ? (
          <ProblemAlert error={surveys.error} />
        ) : (
          <SurveysTable surveys={surveys.data} />
        )}
      </section>
      {editable && surveys.isSuccess && (
        <div className="panel">
          <SurveyForm surveys={surveys.data} onCreated={(s) => navigate(links.survey(s.code))} />
        </div>
      )}
    </div>
  );
}
