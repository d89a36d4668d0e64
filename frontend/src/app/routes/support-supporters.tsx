import { lazy, Suspense, useEffect, useRef, useState, type ComponentProps } from 'react';
import { useSearchParams } from 'react-router';
import { Alert, ProblemAlert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SelectField } from '@/components/ui/field';
import { LoadMore } from '@/components/ui/load-more';
import { Loading } from '@/components/ui/loading';
import { PageHeading } from '@/components/ui/page-heading';
import { useSupportCategories } from '@/features/categories/api/support-categories';
import { SupporterActivities } from '@/features/requests/components/activity-records';
import { useSupporters, type Supporter } from '@/features/supporters/api/supporters';
import { SupporterGroupsSection } from '@/features/supporters/components/supporter-groups-section';
import { SupportersTable } from '@/features/supporters/components/supporters-table';
import { SupportNav } from '../shell/support-nav';
import { useMyDistricts, useSupportAreaOptions } from './support-area-options';
import { RequireCoordinator } from './support-guard';

/** 担い手の一覧 of the caller's districts: what they can do, when they are free, their load; register and change them. */
export function SupportSupportersRoute() {
  return (
    <RequireCoordinator>
      <SupportSupportersPage />
    </RequireCoordinator>
  );
}

// The form (categories, groups, the lines of free time) loads when it is first opened: the list is what most
// visits are for, and the main chunk is close to the 500 kB Vite warns at.
const supporterForm = () => import('@/features/supporters/components/supporter-form');
const SupporterForm = lazy(async () => ({ default: (await supporterForm()).SupporterForm }));
const SupporterEditPanel = lazy(async () => ({ default: (await supporterForm()).SupporterEditPanel }));

// The categories a supporter can be ticked for (features/categories) are read when a form opens, as the form did
// before it was handed them.
type WithoutCategories<P> = Omit<P, 'categories'>;

function NewSupporterForm(props: WithoutCategories<ComponentProps<typeof SupporterForm>>) {
  const categories = useSupportCategories();
  return <SupporterForm {...props} categories={categories} />;
}

function SupporterEditForm(props: WithoutCategories<ComponentProps<typeof SupporterEditPanel>>) {
  const categories = useSupportCategories();
  return <SupporterEditPanel {...props} categories={categories} />;
}

type Mode = { kind: 'list' } | { kind: 'create' } | { kind: 'edit'; id: number } | { kind: 'activities'; supporter: Supporter };

function SupportSupportersPage() {
  const [params, setParams] = useSearchParams();
  const area = params.get('area') ?? '';
  const supporters = useSupporters(area || undefined);
  const areaOptions = useSupportAreaOptions();
  const districts = useMyDistricts();
  const [mode, setMode] = useState<Mode>({ kind: 'list' });
  const [notice, setNotice] = useState<string>();
  // Supporters registered on this page, as the API answered: kept so they can be shown while the list has not
  // been loaded as far as them (see withRegistered).
  const [registered, setRegistered] = useState<readonly Supporter[]>([]);
  const shown = withRegistered(supporters.data ?? [], registered, area, supporters.hasNextPage);

  const open = (next: Mode) => {
    setNotice(undefined);
    setMode(next);
  };
  const saved = (message: string) => {
    setNotice(message);
    setMode({ kind: 'list' });
  };
  const created = (s: Supporter) => {
    setRegistered((list) => [...list, s]);
    saved(`${s.name}さんを担い手に登録しました。`);
  };
  const changed = (s: Supporter) => {
    // A changed copy replaces the one kept, or a later 変更 would start from what was registered.
    setRegistered((list) => list.map((r) => (r.id === s.id ? s : r)));
    saved(`${s.name}さんの登録内容を保存しました。`);
  };

  return (
    <div className="stack">
      <PageHeading lead="担当地区の担い手と、毎週の空き時間・受け持ちの件数です。担い手の登録と変更もここで行います。">担い手の一覧</PageHeading>
      <SupportNav canCoordinate />
      <div className="toolbar">
        {districts.length > 0 && (
          <SelectField
            label="地区"
            value={area}
            placeholder="担当地区すべて"
            options={districts.map((d) => ({ value: d.code, label: d.retired ? `${d.name}（廃止）` : d.name }))}
            onChange={(e) => setParams(e.target.value ? { area: e.target.value } : {}, { replace: true })}
          />
        )}
        {mode.kind === 'list' && <Button onClick={() => open({ kind: 'create' })}>担い手を登録</Button>}
      </div>
      <div aria-live="polite">{notice && <Alert kind="success">{notice}</Alert>}</div>
      <Suspense fallback={<Loading label="入力欄を読み込んでいます…" />}>
        {mode.kind === 'create' && (
          <NewSupporterForm
            areaOptions={areaOptions}
            // A new supporter starts in the district the list is showing.
            defaultArea={area}
            onSaved={created}
            onCancel={() => setMode({ kind: 'list' })}
          />
        )}
        {mode.kind === 'activities' && (
          <ActivitiesPanel key={mode.supporter.id} supporter={mode.supporter} onClose={() => setMode({ kind: 'list' })} />
        )}
        {mode.kind === 'edit' && (
          <SupporterEditForm
            key={mode.id}
            supporterId={mode.id}
            areaOptions={areaOptions}
            onSaved={changed}
            onCancel={() => setMode({ kind: 'list' })}
          />
        )}
      </Suspense>
      {supporters.isPending ? (
        <Loading label="担い手を読み込んでいます…" />
      ) : supporters.isError && !supporters.isFetchNextPageError ? (
        <ProblemAlert error={supporters.error} />
      ) : (
        <>
          {/* Live, so that the rows さらに表示 adds are read out. */}
          <p aria-live="polite">
            {shown.length}人を表示中（活動中 {shown.filter((s) => s.active).length}人）
          </p>
          <SupportersTable
            supporters={shown}
            onEdit={(s) => open({ kind: 'edit', id: s.id })}
            onActivities={(s) => open({ kind: 'activities', supporter: s })}
          />
          <LoadMore
            hasMore={supporters.hasNextPage}
            loading={supporters.isFetchingNextPage}
            error={supporters.isFetchNextPageError ? supporters.error : undefined}
            onMore={() => void supporters.fetchNextPage()}
          />
        </>
      )}
      {/* A group belongs to one district: it is made in one of the caller's districts, not in a neighbourhood. */}
      <SupporterGroupsSection districts={areaOptions.filter((o) => o.district === o.value)} />
    </div>
  );
}

/**
 * A supporter's 活動記録 over all their requests, with the time summed (features/requests), read while it is open.
 * The heading takes the focus; 閉じる gives it back to the row's 活動記録 button.
 */
function ActivitiesPanel({ supporter, onClose }: { supporter: Supporter; onClose: () => void }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const label = `${supporter.name}さんの活動記録`;
  const close = () => {
    const opener = Array.from(document.querySelectorAll<HTMLButtonElement>('button[aria-label]')).find(
      (b) => b.getAttribute('aria-label') === label,
    );
    onClose();
    opener?.focus();
  };
  return (
    <section className="panel" aria-labelledby="supporter-activities-heading">
      <h2 id="supporter-activities-heading" ref={headingRef} tabIndex={-1}>
        {label}
      </h2>
      <SupporterActivities supporterId={supporter.id} supporterName={supporter.name} />
      <div className="actions">
        <Button variant="secondary" onClick={close}>
          閉じる
        </Button>
      </div>
    </section>
  );
}

/**
 * The rows to show: the pages loaded, and then the supporters registered here that they do not reach yet. The
 * list is in order of registration, so a new supporter is on its last page; while there are pages after the
 * loaded ones they would otherwise be missing until さらに表示 had been pressed far enough. Once the loaded
 * pages reach them (or the list has ended, when they belong to another district) the list's own row is the one.
 */
function withRegistered(loaded: readonly Supporter[], registered: readonly Supporter[], area: string, hasMore: boolean) {
  if (!hasMore) return loaded;
  const shown = new Set(loaded.map((s) => s.id));
  const missing = registered.filter((s) => !shown.has(s.id) && (!area || s.area.code === area));
  return missing.length === 0 ? loaded : [...loaded, ...missing];
}
