import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { ProblemAlert } from '@/components/ui/alert';
import { TextField } from '@/components/ui/field';
import { Loading } from '@/components/ui/loading';
import { PageHeading } from '@/components/ui/page-heading';
import { links } from '@/config/paths';
import { usePlanValueChanges, type ValueChange } from '@/features/indicators/api/history';
import { changedValueText } from '@/features/indicators/history';
import { KIND_LABELS } from '@/features/indicators/values';
import { usePlanChanges, type PlanChange } from '@/features/plans/api/changes';
import { usePlanTree } from '@/features/plans/api/plans';
import { describePlanChange, treePaths } from '@/features/plans/changes';
import { dayOf, isDay, monthsBefore, startOfDay } from '@/lib/day';
import { formatFiscalYear } from '@/lib/fiscal-year';
import { formatDate, formatDateTime, formatNumber } from '@/lib/format';

/** What each endpoint answers at most: past it, the oldest changes are left out. */
const LIMIT = 5000;
/** Without ?since=, the log goes back this many months (about one review council to the next). */
const DEFAULT_MONTHS = 3;

interface Entry {
  key: string;
  at: string;
  by: string;
  what: string;
  indicatorCode: string | null;
  field: string;
  before: string;
  after: string;
}

/** Both logs of a plan as one list, newest first: its definitions (plan, nodes, indicators) and its indicators' values. */
export function changeEntries(
  definitions: readonly PlanChange[],
  values: readonly ValueChange[],
  paths: ReturnType<typeof treePaths>,
): Entry[] {
  const fromDefinitions = definitions.map((c, n) => ({ key: `d${n}`, at: c.changedAt, by: c.changedBy, ...describePlanChange(c, paths) }));
  const fromValues = values.map((c, n) => ({
    key: `v${n}`,
    at: c.changedAt,
    by: c.changedBy,
    what: `指標 ${paths.indicator(c.indicatorCode) ?? c.indicatorName}`,
    indicatorCode: c.indicatorCode,
    field: `${formatFiscalYear(c.fiscalYear)} ${KIND_LABELS[c.kind]}${c.option ? `（${c.option}）` : ''}`,
    before: changedValueText(c.oldValue, c.oldMarker),
    after: changedValueText(c.newValue, c.newMarker),
  }));
  return [...fromDefinitions, ...fromValues].toSorted((a, b) => Date.parse(b.at) - Date.parse(a.at));
}

/**
 * 変更履歴 of a plan since a day (?since=2026-03-01; default three months back): what changed in its
 * definitions and in its indicators' values, so a review council sees what changed since its last meeting.
 */
export function PlanChangesRoute() {
  const { code } = useParams();
  const [params, setParams] = useSearchParams();
  const asked = params.get('since');
  const sinceDay = isDay(asked) ? asked : dayOf(monthsBefore(new Date(), DEFAULT_MONTHS));
  // The input keeps what is being typed; the log follows once it is a whole day.
  const [draft, setDraft] = useState(sinceDay);
  const since = startOfDay(sinceDay);
  const tree = usePlanTree(code);
  const definitions = usePlanChanges(code, since);
  const values = usePlanValueChanges(code, since);

  if (tree.isPending) return <Loading label="計画を読み込んでいます…" />;
  if (tree.isError) return <ProblemAlert error={tree.error} />;
  const { plan, nodes } = tree.data;

  return (
    <div className="stack">
      <p>
        <Link to={links.plan(plan.code)}>← {plan.title}</Link>
      </p>
      <PageHeading lead="計画・項目・指標の定義と、指標の値がいつ・誰によって・どう変わったかを新しい順に示します。">
        {plan.title} 変更履歴
      </PageHeading>
      <div className="toolbar">
        <TextField
          label="この日以降"
          type="date"
          value={draft}
          hint={`既定は${DEFAULT_MONTHS}か月前です`}
          onChange={(e) => {
            setDraft(e.target.value);
            if (isDay(e.target.value)) setParams({ since: e.target.value }, { replace: true });
          }}
        />
      </div>
      {definitions.isPending || values.isPending ? (
        <Loading label="変更履歴を読み込んでいます…" />
      ) : definitions.isError || values.isError ? (
        <ProblemAlert error={definitions.error ?? values.error} />
      ) : (
        <ChangeLog
          sinceDay={sinceDay}
          entries={changeEntries(definitions.data, values.data, treePaths(nodes))}
          truncated={definitions.data.length >= LIMIT || values.data.length >= LIMIT}
        />
      )}
    </div>
  );
}

function ChangeLog({ sinceDay, entries, truncated }: { sinceDay: string; entries: Entry[]; truncated: boolean }) {
  const heading = `${formatDate(sinceDay)}以降の変更（${formatNumber(entries.length)}件）`;
  return (
    <section className="stack" aria-labelledby="changes-heading">
      <h2 id="changes-heading">{heading}</h2>
      {truncated && <p className="muted">変更が多いため、古いものは表示していません。日付を後にして絞り込んでください。</p>}
      {entries.length === 0 ? (
        <p className="empty">この日以降の変更はありません</p>
      ) : (
        <div className="table-wrap" role="region" aria-labelledby="changes-heading" tabIndex={0}>
          <table className="table">
            <caption className="visually-hidden">変更履歴（新しい順）</caption>
            <thead>
              <tr>
                <th scope="col">日時</th>
                <th scope="col">変更した人</th>
                <th scope="col">対象</th>
                <th scope="col">項目</th>
                <th scope="col">変更前 → 変更後</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.key}>
                  <td className="nowrap">{formatDateTime(e.at)}</td>
                  <td>{e.by}</td>
                  <td>{e.indicatorCode ? <Link to={links.indicator(e.indicatorCode)}>{e.what}</Link> : e.what}</td>
                  <td>{e.field}</td>
                  <td>
                    {e.before} → {e.after}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
