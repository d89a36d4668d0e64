import { useMemo, useState, type FormEvent } from 'react';
import { Alert, ProblemAlert } from '@/components/ui/alert';
import { AreaChecklist, type AreaChoice } from '@/components/ui/area-checklist';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { LoadMore } from '@/components/ui/load-more';
import { Loading } from '@/components/ui/loading';
import { PageHeading } from '@/components/ui/page-heading';
import { useAccount, useAccounts, type Account, type AccountFilter, type Role } from '@/features/accounts/api/accounts';
import { AccountForm, type AccountFormProps } from '@/features/accounts/components/account-form';
import { AccountsTable } from '@/features/accounts/components/accounts-table';
import { PasswordResetForm } from '@/features/accounts/components/password-reset-form';
import { ROLE_LABELS, ROLES } from '@/features/accounts/roles';
import { useSchoolDistricts } from '@/features/areas/api/get-school-districts';
import { areaLabel } from '@/features/areas/area-label';
import { useReload } from '@/lib/use-reload';
import { RequireRole } from '../shell/require-auth';

type Mode = { kind: 'list' } | { kind: 'create' } | { kind: 'edit'; id: number } | { kind: 'reset'; account: Account };

/** 職員アカウント (ADMIN): who may sign in, their roles and districts; create, change, disable, reset a password. */
export function AdminAccountsRoute() {
  return (
    <RequireRole role="ADMIN">
      <AdminAccountsPage />
    </RequireRole>
  );
}

function AdminAccountsPage() {
  const [filter, setFilter] = useState<AccountFilter>({});
  const [q, setQ] = useState('');
  const [role, setRole] = useState<Role | ''>('');
  const accounts = useAccounts(filter);
  const [mode, setMode] = useState<Mode>({ kind: 'list' });
  const [notice, setNotice] = useState<string | null>(null);
  const districtPicker = useDistrictPicker();

  const open = (next: Mode) => {
    setNotice(null);
    setMode(next);
  };
  const search = (event: FormEvent) => {
    event.preventDefault();
    setFilter({ q: q.trim() || undefined, role: role || undefined });
  };

  return (
    <div className="stack">
      <PageHeading lead="Tsunagu にログインする職員のアカウントと、そのロール・担当地区を管理します。">職員アカウント</PageHeading>
      <div aria-live="polite">{notice && <Alert kind="success">{notice}</Alert>}</div>

      {mode.kind === 'list' && (
        <div>
          <Button onClick={() => open({ kind: 'create' })}>新しいアカウント</Button>
        </div>
      )}
      {mode.kind === 'create' && (
        <AccountForm
          districtPicker={districtPicker}
          onCancel={() => setMode({ kind: 'list' })}
          onReload={() => undefined}
          onSaved={(saved) => {
            setNotice(`「${saved.username}」を作成しました。初期パスワードを本人に伝えてください（最初のログインで変更を求められます）。`);
            setMode({ kind: 'list' });
          }}
        />
      )}
      {mode.kind === 'edit' && (
        <EditAccount
          id={mode.id}
          districtPicker={districtPicker}
          onCancel={() => setMode({ kind: 'list' })}
          onSaved={(saved) => {
            setNotice(`「${saved.username}」を保存しました。`);
            setMode({ kind: 'list' });
          }}
        />
      )}
      {mode.kind === 'reset' && (
        <PasswordResetForm
          account={mode.account}
          onCancel={() => setMode({ kind: 'list' })}
          onDone={(saved) => {
            setNotice(`「${saved.username}」のパスワードを再設定しました。次のログインで新しいパスワードを決めてもらいます。`);
            setMode({ kind: 'list' });
          }}
        />
      )}

      <section className="stack" aria-labelledby="accounts-heading">
        <h2 id="accounts-heading">アカウントの一覧</h2>
        <form className="search-form" onSubmit={search} role="search" aria-label="アカウントを探す">
          <TextField label="名前で検索" type="search" hint="ユーザー名・表示名の一部" value={q} onChange={(e) => setQ(e.target.value)} />
          <SelectField
            label="ロール"
            value={role}
            placeholder="すべて"
            options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
            onChange={(e) => setRole(e.target.value as Role | '')}
          />
          <div className="search-form__actions">
            <Button type="submit" variant="secondary">
              検索
            </Button>
          </div>
        </form>
        {accounts.isPending ? (
          <Loading />
        ) : accounts.isError && !accounts.data ? (
          <ProblemAlert error={accounts.error} />
        ) : (
          <>
            <AccountsTable
              accounts={accounts.data ?? []}
              onEdit={(a) => open({ kind: 'edit', id: a.id })}
              onResetPassword={(a) => open({ kind: 'reset', account: a })}
            />
            <LoadMore
              hasMore={accounts.hasNextPage}
              loading={accounts.isFetchingNextPage}
              error={accounts.isFetchNextPageError ? accounts.error : undefined}
              onMore={() => void accounts.fetchNextPage()}
            />
          </>
        )}
      </section>
    </div>
  );
}

/** The change form over the account as stored now; read again after a stale-version refusal. */
function EditAccount({ id, districtPicker, onSaved, onCancel }: { id: number } & Pick<AccountFormProps, 'districtPicker' | 'onSaved' | 'onCancel'>) {
  const account = useAccount(id);
  const { generation, reloading, reload } = useReload(account.refetch);
  if (account.isPending) return <Loading />;
  if (account.isError) return <ProblemAlert error={account.error} />;
  return (
    <AccountForm
      key={generation}
      editing={account.data}
      districtPicker={districtPicker}
      onSaved={onSaved}
      onCancel={onCancel}
      onReload={reload}
      reloading={reloading}
    />
  );
}

/** The school districts from the API as checkboxes (a coordinator sees the people of these districts only). */
function useDistrictPicker(): AccountFormProps['districtPicker'] {
  const districts = useSchoolDistricts();
  const choices: AreaChoice[] = useMemo(
    () => (districts.data ?? []).map((a) => ({ code: a.code, name: a.name, kana: a.kana, label: areaLabel(a) })),
    [districts.data],
  );
  return function districtPicker({ selected, onChange, error }) {
    if (districts.isPending) return <Loading label="校区を読み込んでいます…" />;
    if (districts.isError) return <ProblemAlert error={districts.error} />;
    return (
      <AreaChecklist
        legend="担当地区（地域支援コーディネーターが担当する校区）"
        choices={choices}
        selected={selected}
        onChange={onChange}
        error={error}
      />
    );
  };
}
