import { useState } from 'react';
import { Alert, ProblemAlert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Loading } from '@/components/ui/loading';
import { PageHeading } from '@/components/ui/page-heading';
import {
  useAllAreas,
  useAreaSubtrees,
  useAreasOfKind,
  useDeleteArea,
  useRetireArea,
  type AreaTreeNode,
} from '@/features/areas/api/areas';
import type { AreaKind } from '@/features/areas/api/get-school-districts';
import { AreaForm } from '@/features/areas/components/area-form';
import { AreaImport } from '@/features/areas/components/area-import';
import { AreaTree } from '@/features/areas/components/area-tree';
import { isProblemType } from '@/lib/api/problem';
import { RequireRole } from '../shell/require-auth';

/** The kind one level below: what 下に追加 starts a new area as. */
const CHILD_KIND: Record<AreaKind, AreaKind> = {
  CITY: 'WARD',
  WARD: 'SCHOOL_DISTRICT',
  LIVING_AREA: 'SCHOOL_DISTRICT',
  SCHOOL_DISTRICT: 'NEIGHBOURHOOD',
  NEIGHBOURHOOD: 'NEIGHBOURHOOD',
};

type Mode = { kind: 'list' } | { kind: 'create'; parent?: AreaTreeNode } | { kind: 'edit'; code: string };

/** 地域 (ADMIN): the city's area tree — add, rename, move, retire or reinstate, delete, and take it in from a file. */
export function AdminAreasRoute() {
  return (
    <RequireRole role="ADMIN">
      <AdminAreasPage />
    </RequireRole>
  );
}

function AdminAreasPage() {
  const cities = useAreasOfKind('CITY');
  const trees = useAreaSubtrees((cities.data ?? []).map((c) => c.code));
  const all = useAllAreas();
  const retire = useRetireArea();
  const remove = useDeleteArea();
  const [mode, setMode] = useState<Mode>({ kind: 'list' });
  const [notice, setNotice] = useState<string>();
  const [pendingDelete, setPendingDelete] = useState<string>();
  const [reloading, setReloading] = useState(false);
  const [generation, setGeneration] = useState(0);

  const areas = all.data ?? [];
  const byCode = new Map(areas.map((a) => [a.code, a]));
  const nameOf = (code: string) => byCode.get(code)?.name ?? code;
  const roots = trees.flatMap((t) => (t.data ? [t.data] : []));
  const treeError = [cities.error, all.error, ...trees.map((t) => t.error)].find(Boolean);

  const reset = () => {
    setNotice(undefined);
    retire.reset();
    remove.reset();
    setPendingDelete(undefined);
  };
  const open = (next: Mode) => {
    reset();
    setMode(next);
  };
  const setRetired = async (code: string, retired: boolean) => {
    reset();
    try {
      const a = await retire.mutateAsync({ code, retired });
      setNotice(retired ? `「${a.name}」を廃止しました。これまでの記録は残り、新しい登録では選べなくなります。` : `「${a.name}」を再開しました。`);
    } catch {
      // shown below
    }
  };
  const confirmDelete = async (code: string) => {
    const name = nameOf(code);
    retire.reset();
    try {
      await remove.mutateAsync(code);
      setPendingDelete(undefined);
      setNotice(`「${name}」を削除しました。`);
    } catch {
      // shown with the choice to retire it instead
    }
  };
  const reloadEdit = async () => {
    setReloading(true);
    try {
      await all.refetch();
    } finally {
      setReloading(false);
      setGeneration((g) => g + 1);
    }
  };

  const editing = mode.kind === 'edit' ? byCode.get(mode.code) : undefined;
  const inUse = isProblemType(remove.error, 'area-in-use');

  return (
    <div className="stack">
      <PageHeading lead="市・区・日常生活圏域・校区・町内自治会の一覧です。使われている地域は削除せず廃止します（記録は残り、新しい登録では選べなくなります）。">
        地域
      </PageHeading>
      <div aria-live="polite">{notice && <Alert kind="success">{notice}</Alert>}</div>
      {retire.isError && <ProblemAlert error={retire.error} />}
      {pendingDelete && (
        <Alert kind={remove.isError ? 'error' : 'info'} title={`「${nameOf(pendingDelete)}」を削除しますか？`}>
          {remove.isError ? (
            inUse ? (
              <>
                <p>{remove.error.message}</p>
                <p>使われている地域は削除できません。廃止すると、記録はそのままで新しい登録では選べなくなります。</p>
              </>
            ) : (
              <ProblemAlert error={remove.error} />
            )
          ) : (
            <p>削除すると元に戻せません。</p>
          )}
          <div className="actions">
            {inUse ? (
              <Button onClick={() => void setRetired(pendingDelete, true)} disabled={retire.isPending}>
                廃止する
              </Button>
            ) : (
              <Button onClick={() => void confirmDelete(pendingDelete)} disabled={remove.isPending}>
                削除する
              </Button>
            )}
            <Button variant="secondary" onClick={reset}>
              やめる
            </Button>
          </div>
        </Alert>
      )}
      {mode.kind === 'list' && (
        <div className="actions">
          <Button onClick={() => open({ kind: 'create' })}>地域を追加</Button>
        </div>
      )}
      {mode.kind === 'create' && (
        <AreaForm
          key={mode.parent?.code ?? ''}
          areas={areas}
          parentCode={mode.parent?.code ?? cities.data?.[0]?.code}
          kind={mode.parent ? CHILD_KIND[mode.parent.kind] : cities.data?.length ? 'WARD' : 'CITY'}
          onSaved={(a) => {
            setMode({ kind: 'list' });
            setNotice(`「${a.name}」を追加しました。`);
          }}
          onCancel={() => setMode({ kind: 'list' })}
        />
      )}
      {editing && (
        <AreaForm
          key={`${editing.code}:${generation}`}
          editing={editing}
          areas={areas}
          onSaved={(a) => {
            setMode({ kind: 'list' });
            setNotice(`「${a.name}」を保存しました。`);
          }}
          onCancel={() => setMode({ kind: 'list' })}
          onReload={() => void reloadEdit()}
          reloading={reloading}
        />
      )}
      {treeError ? (
        <ProblemAlert error={treeError} />
      ) : cities.isPending || all.isPending || trees.some((t) => t.isPending) ? (
        <Loading label="地域を読み込んでいます…" />
      ) : (
        <AreaTree
          roots={roots}
          byCode={byCode}
          busy={retire.isPending || remove.isPending}
          onEdit={(code) => open({ kind: 'edit', code })}
          onAddBelow={(node) => open({ kind: 'create', parent: node })}
          onRetire={(code, retired) => void setRetired(code, retired)}
          onDelete={(code) => {
            reset();
            setPendingDelete(code);
          }}
        />
      )}
      <AreaImport onImported={(r) => setNotice(`取り込みました（追加 ${r.summary.CREATE ?? 0}件・変更 ${r.summary.UPDATE ?? 0}件）。`)} />
    </div>
  );
}
