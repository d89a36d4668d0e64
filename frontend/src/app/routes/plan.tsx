import { useRef, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { Alert, ProblemAlert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SelectField } from '@/components/ui/field';
import { Loading } from '@/components/ui/loading';
import { PageHeading } from '@/components/ui/page-heading';
import { links, paths } from '@/config/paths';
import { hasRole, useMe } from '@/features/auth/api/get-me';
import { IndicatorEditor } from '@/features/indicators/components/indicator-form';
import { usePlanTree } from '@/features/plans/api/plans';
import { SheetDownloadButtons } from '@/features/evaluations/components/sheet-download';
import { nodeLabel } from '@/features/plans/components/node-form';
import { FindingsSection } from '@/features/plans/components/findings-section';
import { OpenDataSection } from '@/features/plans/components/open-data-section';
import { PlanContacts } from '@/features/plans/components/plan-contacts';
import { PlanCopyForm } from '@/features/plans/components/plan-copy-form';
import { PlanEditor } from '@/features/plans/components/plan-editor';
import { PlanForm } from '@/features/plans/components/plan-form';
import { PlanFacts } from '@/features/plans/components/plan-header';
import { PlanTreeTable } from '@/features/plans/components/plan-tree-table';
import { yearsBetween } from '@/features/plans/plan-kind';
import { fiscalYearOf, formatFiscalYear } from '@/lib/fiscal-year';
import { useReload } from '@/lib/use-reload';

/** What the page was opened with: a plan just created opens in 編集モード; a copy says what it was copied from. */
interface PlanPageState {
  created?: boolean;
  copiedFrom?: string;
}

/**
 * One plan: its header, its tree with the role matrix and indicators, its 課題・困りごと, its 問い合わせ先, the way to its
 * dashboard and its 変更履歴.
 * Planners and administrators switch to 編集モード to build the tree (a plan just created opens in it) and start the
 * next period's plan from this one (次期計画を作成).
 */
export function PlanRoute() {
  const { code } = useParams();
  // A plan opened from another (its copy) starts afresh: its own year, mode and forms.
  return <PlanPage key={code} code={code} />;
}

function PlanPage({ code }: { code: string | undefined }) {
  const location = useLocation();
  const navigate = useNavigate();
  const opened = (location.state as PlanPageState | null) ?? {};
  const tree = usePlanTree(code);
  const [year, setYear] = useState<number | null>(null);
  const me = useMe();
  const canEdit = hasRole(me.data, 'PLANNER') || hasRole(me.data, 'ADMIN');
  const [editMode, setEditMode] = useState(() => Boolean(opened.created));
  const [editingSettings, setEditingSettings] = useState(false);
  const [copying, setCopying] = useState(false);
  const copyButton = useRef<HTMLButtonElement>(null);
  const settingsReload = useReload(() => tree.refetch());
  // GET /plans/{plan}/changes and /indicator-value-changes answer these roles; a coordinator alone gets 403.
  const readsChanges = (['ADMIN', 'PLANNER', 'APPROVER', 'VIEWER'] as const).some((role) => hasRole(me.data, role));

  if (tree.isPending) return <Loading label="計画を読み込んでいます…" />;
  if (tree.isError) return <ProblemAlert error={tree.error} />;
  const { plan, nodes } = tree.data;
  const years = yearsBetween(plan.periodStart, plan.periodEnd);
  const current = fiscalYearOf(new Date());
  const chosen = year ?? (years.includes(current) ? current : plan.periodStart);
  const editing = canEdit && editMode;

  return (
    <div className="stack">
      <p>
        <Link to={paths.plans}>← 計画一覧</Link>
      </p>
      <PageHeading>{plan.title}</PageHeading>
      {opened.copiedFrom && (
        <Alert kind="success">
          <p>「{opened.copiedFrom}」から次期計画を作成しました（策定中）。基準値・目標値・実績値はまだありません。</p>
        </Alert>
      )}
      <PlanFacts plan={plan} />
      {readsChanges && (
        <p>
          <Link to={links.planChanges(plan.code)}>変更履歴</Link>
          <span className="muted">（計画・項目・指標と値が、いつ・誰によって・どう変わったか）</span>
        </p>
      )}
      <div className="toolbar" role="group" aria-label="評価と事業調書">
        <SelectField
          label="年度"
          value={String(chosen)}
          options={years.map((y) => ({ value: String(y), label: formatFiscalYear(y) }))}
          onChange={(e) => setYear(Number(e.target.value))}
        />
        {/* Until a year is chosen here, the dashboard picks its own: the latest year with actuals. */}
        <Link className="btn btn--secondary toolbar__link" to={links.planDashboard(plan.code, year ?? undefined)}>
          {year === null ? '評価ダッシュボード' : `${formatFiscalYear(year)}の評価ダッシュボード`}
        </Link>
        <Link className="btn btn--secondary toolbar__link" to={links.evaluations(plan.code, chosen)}>
          事業調書の状況
        </Link>
        {canEdit && (
          <Link className="btn btn--secondary toolbar__link" to={links.planImport(plan.code)}>
            取り込み
          </Link>
        )}
      </div>
      <SheetDownloadButtons plan={plan.code} fiscalYear={chosen} />
      {canEdit &&
        (copying ? (
          <PlanCopyForm
            source={plan}
            onCopied={(copy) => void navigate(links.plan(copy.code), { state: { copiedFrom: plan.title } satisfies PlanPageState })}
            onCancel={() => {
              setCopying(false);
              setTimeout(() => copyButton.current?.focus());
            }}
          />
        ) : (
          <div className="actions">
            <Button variant="secondary" ref={copyButton} onClick={() => setCopying(true)}>
              次期計画を作成
            </Button>
          </div>
        ))}
      <section className="stack" aria-labelledby="tree-heading">
        <div className="toolbar">
          <h2 id="tree-heading">{editing ? '施策の体系と役割分担（編集モード）' : '施策の体系と役割分担'}</h2>
          {canEdit && (
            <Button
              variant={editing ? 'primary' : 'secondary'}
              aria-pressed={editing}
              onClick={() => {
                setEditMode(!editing);
                setEditingSettings(false);
              }}
            >
              編集モード
            </Button>
          )}
        </div>
        {editing ? (
          <>
            {editingSettings ? (
              <PlanForm
                key={settingsReload.generation}
                cities={[]}
                editing={plan}
                onSaved={() => setEditingSettings(false)}
                onCancel={() => setEditingSettings(false)}
                onReload={settingsReload.reload}
                reloading={settingsReload.reloading}
              />
            ) : (
              <div className="actions">
                <Button variant="secondary" onClick={() => setEditingSettings(true)}>
                  計画の設定（名前・期間・階層・凡例・問い合わせ先・評価の閾値）
                </Button>
              </div>
            )}
            <PlanEditor
              plan={plan}
              nodes={nodes}
              updatedAt={tree.dataUpdatedAt}
              onReload={() => tree.refetch()}
              renderIndicatorEditor={({ node, indicatorCode, onDone }) => (
                <IndicatorEditor
                  planCode={plan.code}
                  nodeCode={node.code}
                  nodeLabel={nodeLabel(node)}
                  periodStart={plan.periodStart}
                  periodEnd={plan.periodEnd}
                  indicatorCode={indicatorCode}
                  onSaved={() => {
                    void tree.refetch();
                    onDone(true);
                  }}
                  onCancel={() => {
                    // A new indicator may exist already when a later value was refused.
                    void tree.refetch();
                    onDone(false);
                  }}
                />
              )}
            />
          </>
        ) : (
          <PlanTreeTable nodes={nodes} actors={plan.actors} levels={plan.levels} legend={plan.legend} />
        )}
      </section>
      <FindingsSection plan={plan} nodes={nodes} canEdit={canEdit} />
      <OpenDataSection plan={plan} canEdit={canEdit} />
      <PlanContacts plan={plan} />
    </div>
  );
}
