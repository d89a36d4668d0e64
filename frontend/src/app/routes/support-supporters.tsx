import { lazy, Suspense, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Alert, ProblemAlert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SelectField } from '@/components/ui/field';
import { Loading } from '@/components/ui/loading';
import { PageHeading } from '@/components/ui/page-heading';
import { useMe } from '@/features/auth/api/get-me';
import { useSupporters } from '@/features/support/api/support';
import { SupportNav } from '@/features/support/components/support-nav';
import { SupportersTable } from '@/features/support/components/supporters-table';
import { supportAreaName } from '@/features/support/areas';
import { useSupportAreaOptions } from './support-area-options';
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
const supporterForm = () => import('@/features/support/components/supporter-form');
const SupporterForm = lazy(async () => ({ default: (await supporterForm()).SupporterForm }));
const SupporterEditPanel = lazy(async () => ({ default: (await supporterForm()).SupporterEditPanel }));

type Mode = { kind: 'list' } | { kind: 'create' } | { kind: 'edit'; id: number };

function SupportSupportersPage() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const area = params.get('area') ?? '';
  const supporters = useSupporters(area || undefined);
  const areaOptions = useSupportAreaOptions();
  const districts = me.data?.districts ?? [];
  const [mode, setMode] = useState<Mode>({ kind: 'list' });
  const [notice, setNotice] = useState<string>();

  const open = (next: Mode) => {
    setNotice(undefined);
    setMode(next);
  };
  const saved = (message: string) => {
    setNotice(message);
    setMode({ kind: 'list' });
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
            options={districts.map((code) => ({ value: code, label: supportAreaName(code) }))}
            onChange={(e) => setParams(e.target.value ? { area: e.target.value } : {}, { replace: true })}
          />
        )}
        {mode.kind === 'list' && <Button onClick={() => open({ kind: 'create' })}>担い手を登録</Button>}
      </div>
      <div aria-live="polite">{notice && <Alert kind="success">{notice}</Alert>}</div>
      <Suspense fallback={<Loading label="入力欄を読み込んでいます…" />}>
        {mode.kind === 'create' && (
          <SupporterForm
            areaOptions={areaOptions}
            // A new supporter starts in the district the list is showing.
            defaultArea={area}
            onSaved={(s) => saved(`${s.name}さんを担い手に登録しました。`)}
            onCancel={() => setMode({ kind: 'list' })}
          />
        )}
        {mode.kind === 'edit' && (
          <SupporterEditPanel
            key={mode.id}
            supporterId={mode.id}
            areaOptions={areaOptions}
            onSaved={(s) => saved(`${s.name}さんの登録内容を保存しました。`)}
            onCancel={() => setMode({ kind: 'list' })}
          />
        )}
      </Suspense>
      {supporters.isPending ? (
        <Loading label="担い手を読み込んでいます…" />
      ) : supporters.isError ? (
        <ProblemAlert error={supporters.error} />
      ) : (
        <>
          <p>{supporters.data.length}人（活動中 {supporters.data.filter((s) => s.active).length}人）</p>
          <SupportersTable supporters={supporters.data} onEdit={(s) => open({ kind: 'edit', id: s.id })} />
        </>
      )}
    </div>
  );
}
