import { useState } from 'react';
import { Alert, ProblemAlert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Loading } from '@/components/ui/loading';
import { PageHeading } from '@/components/ui/page-heading';
import { usePutSupportCategory, useSupportCategories, type SupportCategory } from '@/features/categories/api/support-categories';
import { CategoriesTable } from '@/features/categories/components/categories-table';
import { CategoryForm } from '@/features/categories/components/category-form';
import { RequireRole } from '../shell/require-auth';

type Mode = { kind: 'list' } | { kind: 'create' } | { kind: 'edit'; category: SupportCategory };

/** 困りごとの種類 (ADMIN): the categories of 生活支援 consultations, whether they need a car; add, change, retire. */
export function AdminCategoriesRoute() {
  return (
    <RequireRole role="ADMIN">
      <AdminCategoriesPage />
    </RequireRole>
  );
}

function AdminCategoriesPage() {
  const categories = useSupportCategories();
  const retire = usePutSupportCategory();
  const [mode, setMode] = useState<Mode>({ kind: 'list' });
  const [notice, setNotice] = useState<string | null>(null);

  const onRetire = (c: SupportCategory) => {
    if (
      !window.confirm(
        `「${c.name}」を使わなくしますか？\n新しい相談では選べなくなり、この一覧にも表示されなくなります。過去の相談と統計はそのまま残ります。`,
      )
    ) {
      return;
    }
    setNotice(null);
    retire.mutate(
      // The report heading stays: past years' statistics still count the category under it.
      { code: c.code, body: { name: c.name, requiresVehicle: c.requiresVehicle, active: false, reportHeading: c.reportHeading } },
      {
        onSuccess: () =>
          setNotice(
            `「${c.name}」を使わなくしました。一覧には使っている種類だけを表示するため、表示されなくなりました（過去の相談と統計には残ります）。コード ${c.code} で追加し直すと、また使えます。`,
          ),
      },
    );
  };

  return (
    <div className="stack">
      <PageHeading lead="生活支援の相談を受け付けるときに選ぶ困りごとの種類と、車が必要かどうか、報告で集計する見出しを管理します。">困りごとの種類</PageHeading>
      <Alert kind="info">
        <p>
          この一覧には<strong>使っている種類だけ</strong>が表示されます。「使わなくする」と一覧と相談の受付から消えますが、過去の相談・統計・指標の自動集計には残ります。
        </p>
      </Alert>
      <div aria-live="polite">{notice && <Alert kind="success">{notice}</Alert>}</div>
      <ProblemAlert error={retire.error} />

      {mode.kind === 'list' ? (
        <div>
          <Button
            onClick={() => {
              setNotice(null);
              retire.reset();
              setMode({ kind: 'create' });
            }}
          >
            種類を追加
          </Button>
        </div>
      ) : (
        <CategoryForm
          key={mode.kind === 'edit' ? mode.category.code : 'new'}
          editing={mode.kind === 'edit' ? mode.category : undefined}
          inUse={categories.data ?? []}
          onCancel={() => setMode({ kind: 'list' })}
          onSaved={(saved) => {
            setNotice(mode.kind === 'edit' ? `「${saved.name}」を保存しました。` : `「${saved.name}」（${saved.code}）を追加しました。`);
            setMode({ kind: 'list' });
          }}
        />
      )}

      <section className="stack" aria-labelledby="categories-heading">
        <h2 id="categories-heading">使っている困りごとの種類</h2>
        {categories.isPending ? (
          <Loading />
        ) : categories.isError ? (
          <ProblemAlert error={categories.error} />
        ) : (
          <CategoriesTable
            categories={categories.data}
            retiringCode={retire.isPending ? retire.variables?.code : undefined}
            onEdit={(c) => {
              setNotice(null);
              retire.reset();
              setMode({ kind: 'edit', category: c });
            }}
            onRetire={onRetire}
          />
        )}
      </section>
    </div>
  );
}
