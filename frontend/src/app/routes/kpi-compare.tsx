import { useSearchParams } from 'react-router';
import { ProblemAlert } from '@/components/ui/alert';
import { SelectField } from '@/components/ui/field';
import { Loading } from '@/components/ui/loading';
import { PageHeading } from '@/components/ui/page-heading';
import { useAreasOfKind } from '@/features/areas/api/areas';
import { hasRole, useMe } from '@/features/auth/api/get-me';
import { useIndicatorDefinitions, useKpiComparison } from '@/features/indicators/api/definitions';
import { comparisonScale } from '@/features/indicators/comparison';
import { ComparisonChart } from '@/features/indicators/components/comparison-chart';
import { ComparisonTable } from '@/features/indicators/components/comparison-table';
import { DefinitionForm } from '@/features/indicators/components/definition-form';
import { OlderPopulationForm } from '@/features/indicators/components/older-population-form';
import { currentFiscalYear, formatFiscalYear } from '@/lib/fiscal-year';

function parseYear(value: string | null): number | undefined {
  if (!value || !/^\d{4}$/.test(value)) return undefined;
  const year = Number(value);
  return year >= 1989 && year <= 2200 ? year : undefined;
}

/** The years offered: ten back from this fiscal year and five ahead (targets), and the one asked for. */
function yearOptions(thisYear: number, chosen: number) {
  const years = new Set<number>();
  for (let y = thisYear + 5; y >= thisYear - 10; y--) years.add(y);
  years.add(chosen);
  return [...years].sort((a, b) => b - a).map((y) => ({ value: String(y), label: formatFiscalYear(y) }));
}

/**
 * 市の比較 (/kpis/compare?definition=&fiscalYear=): the cities whose indicators are linked to a 共通の指標定義, side by
 * side for a fiscal year (this one in Japan by default): a bar chart per 10,000 older residents when every city has
 * its 65歳以上人口 for the year, raw otherwise, and the table of every figure. ADMIN and PLANNER also make definitions
 * and record the older populations here; indicators are linked on their own pages.
 */
export function KpiCompareRoute() {
  const [params, setParams] = useSearchParams();
  const me = useMe();
  const editable = hasRole(me.data, 'PLANNER') || hasRole(me.data, 'ADMIN');
  const definitions = useIndicatorDefinitions();
  const fiscalYear = parseYear(params.get('fiscalYear')) ?? currentFiscalYear();
  const definition = params.get('definition') ?? definitions.data?.[0]?.code;
  const comparison = useKpiComparison(definition, fiscalYear);
  const cities = useAreasOfKind('CITY', editable);

  const choose = (next: { definition?: string; fiscalYear?: number }) =>
    setParams(
      { definition: next.definition ?? definition ?? '', fiscalYear: String(next.fiscalYear ?? fiscalYear) },
      { replace: true },
    );

  const cityOptions = cities.data?.filter((c) => !c.retired).map((c) => ({ value: c.code, label: c.name }));

  return (
    <div className="stack">
      <PageHeading lead="計画や市が違っても同じものを測る指標（共通の指標定義）について、各市の実績・目標・達成率を年度ごとに並べます。">
        市の比較
      </PageHeading>
      {definitions.isPending ? (
        <Loading label="共通の指標定義を読み込んでいます…" />
      ) : definitions.isError ? (
        <ProblemAlert error={definitions.error} />
      ) : (
        <>
          <div className="toolbar">
            {definitions.data.length > 0 && (
              <SelectField
                label="共通の指標定義"
                value={definition ?? ''}
                options={definitions.data.map((d) => ({ value: d.code, label: `${d.name}（${d.code}）` }))}
                onChange={(e) => choose({ definition: e.target.value })}
              />
            )}
            <SelectField
              label="年度"
              value={String(fiscalYear)}
              options={yearOptions(currentFiscalYear(), fiscalYear)}
              onChange={(e) => choose({ fiscalYear: Number(e.target.value) })}
            />
          </div>
          {definitions.data.length === 0 ? (
            <p className="empty">共通の指標定義はまだありません。{editable ? '下のフォームでつくれます。' : ''}</p>
          ) : comparison.isPending ? (
            <Loading label="各市の値を読み込んでいます…" />
          ) : comparison.isError ? (
            <ProblemAlert error={comparison.error} />
          ) : (
            <section className="stack" aria-labelledby="comparison-heading">
              <h2 id="comparison-heading">
                {comparison.data.definition.name}（{formatFiscalYear(comparison.data.fiscalYear)}）
              </h2>
              {comparison.data.definition.description && <p>{comparison.data.definition.description}</p>}
              {comparison.data.items.length === 0 ? (
                <p className="empty">この定義につながる指標はまだありません。各市の指標のページで「共通の指標定義」を選ぶと、ここに並びます。</p>
              ) : (
                // The chart, then the table with every figure (eight columns: too wide to stand beside the chart).
                <>
                  <ComparisonChart comparison={comparison.data} scale={comparisonScale(comparison.data.items)} />
                  <ComparisonTable comparison={comparison.data} />
                </>
              )}
            </section>
          )}
          {editable && (
            <section className="stack" aria-labelledby="comparison-settings-heading">
              <h2 id="comparison-settings-heading">比較の設定</h2>
              <details className="rule-details">
                <summary>共通の指標定義をつくる</summary>
                <DefinitionForm onCreated={(created) => choose({ definition: created.code })} />
              </details>
              <details className="rule-details">
                <summary>65歳以上人口を登録する</summary>
                {cities.isError && <ProblemAlert error={cities.error} />}
                <OlderPopulationForm fiscalYear={fiscalYear} cities={cityOptions} />
              </details>
            </section>
          )}
        </>
      )}
    </div>
  );
}
