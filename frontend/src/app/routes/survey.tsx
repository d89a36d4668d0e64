import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Loading } from '@/components/ui/loading';
import { PageHeading } from '@/components/ui/page-heading';
import { paths } from '@/config/paths';
import { useMe } from '@/features/auth/api/get-me';
import { useSurvey, useSurveys, type Survey } from '@/features/surveys/api/surveys';
import { DATA_SOURCE_LONG_LABELS, INSTRUMENT_LABELS, areaName, hasData } from '@/features/surveys/bands';
import { BreakdownSection } from '@/features/surveys/components/breakdown-section';
import { ComparisonSection } from '@/features/surveys/components/comparison-section';
import { FeedLink } from '@/features/surveys/components/feed-link';
import { IndicatorRuleForm } from '@/features/surveys/components/indicator-rule-form';
import { PublishedForm } from '@/features/surveys/components/published-form';
import { ResponseUpload } from '@/features/surveys/components/response-upload';
import { SurveyDelete } from '@/features/surveys/components/survey-delete';
import { SurveyEditForm } from '@/features/surveys/components/survey-edit-form';
import { SurveyProblem } from '@/features/surveys/components/survey-problem';
import { formatFiscalYear } from '@/lib/fiscal-year';
import { formatDateTime, formatNumber } from '@/lib/format';
import { RequireSurveyReader, canEditSurveys } from './survey-guard';

/**
 * One survey: its bands against a reference (chart and table in points), the indicator it feeds,
 * the breakdown by attribute (responses only, small cells hidden), and for planners the way to put
 * data in (published values or an upload of responses), to change its title, conductor and reference,
 * and to delete it.
 */
export function SurveyRoute() {
  return (
    <RequireSurveyReader>
      <SurveyPage />
    </RequireSurveyReader>
  );
}

function Facts({ survey }: { survey: Survey }) {
  return (
    <dl className="facts">
      <div>
        <dt>年度</dt>
        <dd>{formatFiscalYear(survey.fiscalYear)}</dd>
      </div>
      <div>
        <dt>対象</dt>
        <dd>{areaName(survey)}</dd>
      </div>
      <div>
        <dt>実施主体</dt>
        <dd>{survey.conductedBy ?? '—'}</dd>
      </div>
      <div>
        <dt>尺度</dt>
        <dd>{INSTRUMENT_LABELS[survey.instrument] ?? survey.instrument}</dd>
      </div>
      <div>
        <dt>データ</dt>
        <dd>{DATA_SOURCE_LONG_LABELS[survey.dataSource] ?? survey.dataSource}</dd>
      </div>
      <div>
        <dt>回答者数</dt>
        <dd data-testid="respondents">{survey.respondents === null ? '—' : `${formatNumber(survey.respondents)}人`}</dd>
      </div>
      <div>
        <dt>更新</dt>
        <dd>
          {formatDateTime(survey.updatedAt)} {survey.updatedBy}
        </dd>
      </div>
    </dl>
  );
}

function SurveyPage() {
  const { code } = useParams();
  const survey = useSurvey(code);
  const surveys = useSurveys();
  const me = useMe();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [notice, setNotice] = useState<string | null>(null);

  if (survey.isPending) return <Loading label="アンケートを読み込んでいます…" />;
  if (survey.isError) return <SurveyProblem error={survey.error} />;
  const s = survey.data;
  const editable = canEditSurveys(me.data);
  const withData = hasData(s);
  const responses = s.dataSource === 'RESPONSES';
  const others = (surveys.data ?? []).filter((o) => o.code !== s.code && o.instrument === s.instrument);
  // ?reference= chosen on this page (empty = 比較しない); otherwise the survey's own reference.
  const reference = params.has('reference') ? (params.get('reference') ?? '') : (s.referenceCode ?? '');

  const setParam = (name: string, value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.set(name, value);
        return next;
      },
      { replace: true },
    );

  return (
    <div className="stack">
      <p>
        <Link to={paths.surveys}>← 市民アンケート</Link>
      </p>
      <PageHeading>{s.title}</PageHeading>
      <Facts survey={s} />
      {s.feeds ? (
        <p className="survey-feed" data-testid="feed">
          <FeedLink feed={s.feeds} />
        </p>
      ) : (
        <p className="survey-feed survey-feed--none">このアンケートから算出している指標はありません。</p>
      )}

      <section className="stack" aria-labelledby="distribution-heading">
        <h2 id="distribution-heading">得点帯の分布</h2>
        {withData ? (
          <ComparisonSection survey={s} others={others} reference={reference} onReferenceChange={(r) => setParam('reference', r)} />
        ) : (
          <p className="empty">
            まだ得点帯の分布がありません。
            {editable
              ? responses
                ? '下の「個票の取り込み」から CSV を取り込んでください。'
                : '下の「公表値の入力」から 5 つの割合を入力してください。'
              : '計画担当がデータを入れると表示されます。'}
          </p>
        )}
      </section>

      {responses && withData && (
        <section className="stack" aria-labelledby="breakdown-heading">
          <h2 id="breakdown-heading">属性別の内訳</h2>
          <BreakdownSection survey={s} by={params.get('by') ?? ''} onByChange={(by) => setParam('by', by)} />
        </section>
      )}

      {editable && responses && (
        <section className="stack" aria-labelledby="upload-heading">
          <h2 id="upload-heading">個票の取り込み</h2>
          <ResponseUpload survey={s} />
        </section>
      )}

      {editable && !responses && (
        <section className="stack" aria-labelledby="published-heading">
          <h2 id="published-heading">公表値の入力</h2>
          {withData ? (
            <details className="survey-details">
              <summary>公表値を入れ直す</summary>
              <PublishedForm key={s.version} survey={s} />
            </details>
          ) : (
            <PublishedForm key={s.version} survey={s} />
          )}
        </section>
      )}

      {editable && (
        <section className="stack" aria-labelledby="rule-heading">
          <h2 id="rule-heading">指標への算出</h2>
          <details className="survey-details">
            <summary>{s.feeds ? '算出の設定を変える' : '指標の実績値をこのアンケートから算出する'}</summary>
            <IndicatorRuleForm survey={s} />
          </details>
        </section>
      )}

      {editable && (
        <section className="stack" aria-labelledby="manage-heading">
          <h2 id="manage-heading">アンケートの変更と削除</h2>
          <div aria-live="polite">
            {notice && (
              <Alert kind="success">
                <p>{notice}</p>
              </Alert>
            )}
          </div>
          <details className="survey-details">
            <summary>名称・実施主体・比較の基準を変更する</summary>
            {/* Filled afresh whenever the survey changes (own save, or the latest read after a conflict). */}
            <SurveyEditForm
              key={s.version}
              survey={s}
              references={others}
              onSaved={(saved) => setNotice(`「${saved.title}」の情報を保存しました。`)}
              onReload={() => {
                setNotice(null);
                void survey.refetch();
              }}
            />
          </details>
          <SurveyDelete
            survey={s}
            all={surveys.data ?? []}
            onDeleted={() => navigate(paths.surveys, { state: { notice: `アンケート「${s.title}」を削除しました。` } })}
          />
        </section>
      )}

    </div>
  );
}
