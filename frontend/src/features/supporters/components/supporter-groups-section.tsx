import { useId, useState, type FormEvent } from 'react';
import { Alert, ProblemAlert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { FormActions } from '@/components/ui/form-actions';
import { Loading } from '@/components/ui/loading';
import { StaleVersionAlert } from '@/components/ui/stale-version-alert';
import { ApiError, isStaleVersion, problemDetail } from '@/lib/api/problem';
import type { AreaOption } from '@/lib/support-areas';
import {
  useCreateSupporterGroup,
  useSupporterGroups,
  useUpdateSupporterGroup,
  type Payment,
  type SupporterGroup,
} from '../api/supporter-groups';
import { PAYMENT_LABELS } from './supporters-table';

const PAYMENTS = Object.keys(PAYMENT_LABELS) as Payment[];

const fieldErrorOf = (error: unknown, field: string) => (error instanceof ApiError ? error.fieldError(field) : undefined);

/** 有償・無償 as two radio buttons in a labelled group. */
function PaymentChoice({ value, onChange, error }: { value: Payment; onChange: (p: Payment) => void; error?: string }) {
  const name = useId();
  return (
    <fieldset className={`fieldset${error ? ' field--invalid' : ''}`} aria-describedby={error ? `${name}-error` : undefined}>
      <legend>有償・無償</legend>
      <div className="radio-group">
        {PAYMENTS.map((p) => (
          <label key={p}>
            <input type="radio" name={name} value={p} checked={value === p} onChange={() => onChange(p)} />
            {PAYMENT_LABELS[p]}
          </label>
        ))}
      </div>
      {error && (
        <p className="field__error" id={`${name}-error`}>
          {error}
        </p>
      )}
    </fieldset>
  );
}

/** グループを作る: a name, one of the caller's districts, paid or unpaid. */
function CreateGroupForm({ districts, onDone, onCancel }: { districts: readonly AreaOption[]; onDone: (g: SupporterGroup) => void; onCancel: () => void }) {
  const create = useCreateSupporterGroup();
  const [name, setName] = useState('');
  const [areaCode, setAreaCode] = useState(districts.length === 1 ? districts[0].value : '');
  const [payment, setPayment] = useState<Payment>('UNPAID');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const error = create.error;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (!name.trim()) next.name = 'グループ名を入力してください';
    if (!areaCode) next.areaCode = '地区を選んでください';
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    try {
      onDone(await create.mutateAsync({ name: name.trim(), areaCode, payment }));
    } catch {
      // shown below and at the fields
    }
  };

  return (
    <form className="stack panel" aria-label="担い手グループを作る" onSubmit={submit} noValidate>
      <h3>担い手グループを作る</h3>
      <div className="row">
        <TextField
          label="グループ名"
          required
          maxLength={100}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={errors.name ?? fieldErrorOf(error, 'name') ?? problemDetail(error, 'group-name-taken')}
        />
        <SelectField
          label="地区"
          required
          value={areaCode}
          placeholder="選択してください"
          options={districts}
          onChange={(e) => setAreaCode(e.target.value)}
          error={errors.areaCode ?? fieldErrorOf(error, 'areaCode') ?? problemDetail(error, 'area-not-yours') ?? problemDetail(error, 'area-retired')}
        />
      </div>
      <PaymentChoice value={payment} onChange={setPayment} error={fieldErrorOf(error, 'payment')} />
      <div aria-live="polite">
        <ProblemAlert error={error} shownFields={['name', 'areaCode', 'payment']} />
      </div>
      <FormActions submitLabel="作る" pending={create.isPending} onCancel={onCancel} />
    </form>
  );
}

/** グループの変更: its name and 有償・無償, sent with the version the list was read at. */
function EditGroupForm({
  group,
  onDone,
  onCancel,
  onReload,
  reloading,
}: {
  group: SupporterGroup;
  onDone: (g: SupporterGroup) => void;
  onCancel: () => void;
  onReload: () => void;
  reloading: boolean;
}) {
  const update = useUpdateSupporterGroup();
  const [name, setName] = useState(group.name);
  const [payment, setPayment] = useState<Payment>(group.payment);
  const [nameError, setNameError] = useState<string>();
  const error = update.error;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setNameError('グループ名を入力してください');
      return;
    }
    setNameError(undefined);
    try {
      onDone(await update.mutateAsync({ id: group.id, body: { name: name.trim(), payment, active: group.active, version: group.version } }));
    } catch {
      // shown below and at the fields
    }
  };

  return (
    <form className="stack panel" aria-label={`グループの変更: ${group.name}`} onSubmit={submit} noValidate>
      <h3>グループの変更: {group.name}（{group.area.name}）</h3>
      <TextField
        label="グループ名"
        required
        maxLength={100}
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={nameError ?? fieldErrorOf(error, 'name') ?? problemDetail(error, 'group-name-taken')}
      />
      <PaymentChoice value={payment} onChange={setPayment} error={fieldErrorOf(error, 'payment')} />
      <div aria-live="polite">
        {isStaleVersion(error) ? (
          <StaleVersionAlert onReload={onReload} reloading={reloading} />
        ) : (
          <ProblemAlert error={error} shownFields={['name', 'payment']} />
        )}
      </div>
      <FormActions submitLabel="変更を保存" pending={update.isPending} onCancel={onCancel} />
    </form>
  );
}

type Mode = { kind: 'list' } | { kind: 'create' } | { kind: 'edit'; id: number };

/**
 * 担い手グループ of the caller's districts: the list, and (for those districts' coordinators) making one, renaming it,
 * setting 有償・無償, and 廃止・再開. A retired group keeps its supporters, and no new supporter can join it.
 */
export function SupporterGroupsSection({ districts }: { districts: readonly AreaOption[] }) {
  const groups = useSupporterGroups();
  const toggle = useUpdateSupporterGroup();
  const headingId = useId();
  const [mode, setMode] = useState<Mode>({ kind: 'list' });
  const [notice, setNotice] = useState<string>();
  // Moved on once the list has been read again after a stale-version refusal, so the edit form starts afresh.
  const [generation, setGeneration] = useState(0);
  const [reloading, setReloading] = useState(false);

  const reload = async () => {
    setReloading(true);
    try {
      await groups.refetch();
    } finally {
      setReloading(false);
      setGeneration((g) => g + 1);
      toggle.reset();
    }
  };
  const open = (next: Mode) => {
    setNotice(undefined);
    toggle.reset();
    setMode(next);
  };
  const done = (message: string) => {
    setNotice(message);
    setMode({ kind: 'list' });
  };
  const setActive = async (g: SupporterGroup, active: boolean) => {
    open({ kind: 'list' });
    try {
      await toggle.mutateAsync({ id: g.id, body: { name: g.name, payment: g.payment, active, version: g.version } });
      setNotice(active ? `「${g.name}」を再開しました。` : `「${g.name}」を廃止しました。所属している担い手はそのままです。`);
    } catch {
      // shown below the list
    }
  };

  const editing = mode.kind === 'edit' ? groups.data?.find((g) => g.id === mode.id) : undefined;
  const list = groups.data ?? [];

  return (
    <section className="stack" aria-labelledby={headingId}>
      <h2 id={headingId}>担い手グループ</h2>
      <p className="muted">有償・無償はグループで決まります。廃止したグループに新しい担い手は入れません（いる担い手はそのままです）。</p>
      <div aria-live="polite">{notice && <Alert kind="success">{notice}</Alert>}</div>
      {groups.isPending ? (
        <Loading label="担い手グループを読み込んでいます…" />
      ) : groups.isError ? (
        <ProblemAlert error={groups.error} />
      ) : list.length === 0 ? (
        <p className="empty">担い手グループはまだありません。</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">担い手グループの一覧（{list.length}件）</caption>
            <thead>
              <tr>
                <th scope="col">グループ名</th>
                <th scope="col">地区</th>
                <th scope="col">有償・無償</th>
                <th scope="col">状態</th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              {list.map((g) => (
                <tr key={g.id} data-testid="supporter-group">
                  <th scope="row">{g.name}</th>
                  <td>{g.area.name}</td>
                  <td>{PAYMENT_LABELS[g.payment]}</td>
                  <td>{g.active ? '活動中' : '廃止'}</td>
                  <td className="table__actions">
                    <Button size="sm" variant="secondary" onClick={() => open({ kind: 'edit', id: g.id })} aria-label={`「${g.name}」を変更`}>
                      変更
                    </Button>
                    <Button
                      size="sm"
                      variant="secondary"
                      disabled={toggle.isPending}
                      onClick={() => void setActive(g, !g.active)}
                      aria-label={g.active ? `「${g.name}」を廃止` : `「${g.name}」を再開`}
                    >
                      {g.active ? '廃止' : '再開'}
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div aria-live="polite">
        {toggle.isError &&
          (isStaleVersion(toggle.error) ? (
            <StaleVersionAlert onReload={() => void reload()} reloading={reloading} />
          ) : (
            <ProblemAlert error={toggle.error} />
          ))}
      </div>
      {mode.kind === 'list' && districts.length > 0 && (
        <div className="actions">
          <Button variant="secondary" onClick={() => open({ kind: 'create' })}>
            担い手グループを作る
          </Button>
        </div>
      )}
      {mode.kind === 'create' && (
        <CreateGroupForm districts={districts} onDone={(g) => done(`「${g.name}」を作りました。`)} onCancel={() => setMode({ kind: 'list' })} />
      )}
      {editing && (
        <EditGroupForm
          key={`${editing.id}:${generation}`}
          group={editing}
          onDone={(g) => done(`「${g.name}」を保存しました。`)}
          onCancel={() => setMode({ kind: 'list' })}
          onReload={() => void reload()}
          reloading={reloading}
        />
      )}
    </section>
  );
}
