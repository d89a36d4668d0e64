import { lazy, Suspense, useMemo, useState } from 'react';
import { Alert, ProblemAlert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Loading } from '@/components/ui/loading';
import { PageHeading } from '@/components/ui/page-heading';
import { useSchoolDistricts } from '@/features/areas/api/get-school-districts';
import { areaLabel } from '@/features/areas/area-label';
import {
  useConsultationWindows,
  useDeleteConsultationWindow,
  type ConsultationWindow,
} from '@/features/directory/api/windows';
import type { AreaChoice } from '@/components/ui/area-checklist';
import { WindowsTable } from '@/features/directory/components/windows-table';

// The form (and the form library it brings) loads when it is first opened: this page is in the main chunk, which
// Vite warns about past 500 kB.
const WindowForm = lazy(async () => ({ default: (await import('@/features/directory/components/window-form')).WindowForm }));

type Mode = { kind: 'list' } | { kind: 'create' } | { kind: 'edit'; window: ConsultationWindow; revision: number };

/** 相談窓口の管理 (ADMIN): list, create, edit and delete consultation windows. */
export function AdminWindowsRoute() {
  const windows = useConsultationWindows();
  const districts = useSchoolDistricts();
  const remove = useDeleteConsultationWindow();
  const [mode, setMode] = useState<Mode>({ kind: 'list' });
  const [notice, setNotice] = useState<string | null>(null);

  const areaChoices: AreaChoice[] = useMemo(
    () => (districts.data ?? []).map((a) => ({ code: a.code, name: a.name, kana: a.kana, label: areaLabel(a) })),
    [districts.data],
  );

  const onDelete = (w: ConsultationWindow) => {
    if (!window.confirm(`「${w.name}」を削除しますか？この操作は取り消せません。`)) return;
    setNotice(null);
    remove.mutate(w.id, { onSuccess: () => setNotice(`「${w.name}」を削除しました。`) });
  };

  const reload = async () => {
    if (mode.kind !== 'edit') return;
    const fresh = await windows.refetch();
    const latest = fresh.data?.find((w) => w.id === mode.window.id);
    if (latest) setMode({ kind: 'edit', window: latest, revision: mode.revision + 1 });
    else {
      setMode({ kind: 'list' });
      setNotice('この相談窓口は削除されています。');
    }
  };

  return (
    <div className="stack">
      <PageHeading lead="相談先検索で案内する相談窓口と、その電話番号・FAX番号・担当校区を管理します。">相談窓口の管理</PageHeading>
      {notice && <Alert kind="success">{notice}</Alert>}
      <ProblemAlert error={remove.error} />
      {districts.isError && <ProblemAlert error={districts.error} />}

      {mode.kind === 'list' ? (
        <div>
          <Button onClick={() => { setNotice(null); setMode({ kind: 'create' }); }}>新規作成</Button>
        </div>
      ) : (
        <Suspense fallback={<Loading label="入力欄を読み込んでいます…" />}>
          <WindowForm
            key={mode.kind === 'edit' ? `${mode.window.id}-${mode.revision}` : 'new'}
            editing={mode.kind === 'edit' ? mode.window : undefined}
            areaChoices={areaChoices}
            onCancel={() => setMode({ kind: 'list' })}
            onReload={() => void reload()}
            onSaved={(saved) => {
              setMode({ kind: 'list' });
              setNotice(`「${saved.name}」を保存しました。`);
            }}
          />
        </Suspense>
      )}

      <section className="stack" aria-labelledby="windows-heading">
        <h2 id="windows-heading">登録済みの相談窓口</h2>
        {windows.isPending ? (
          <Loading />
        ) : windows.isError ? (
          <ProblemAlert error={windows.error} />
        ) : (
          <WindowsTable
            windows={windows.data}
            deletingId={remove.isPending ? remove.variables : undefined}
            onEdit={(w) => {
              setNotice(null);
              setMode({ kind: 'edit', window: w, revision: 0 });
            }}
            onDelete={onDelete}
          />
        )}
      </section>
    </div>
  );
}
