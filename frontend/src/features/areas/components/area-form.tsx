import { useState, type FormEvent } from 'react';
import { ProblemAlert } from '@/components/ui/alert';
import { SelectField, TextField } from '@/components/ui/field';
import { FormActions } from '@/components/ui/form-actions';
import { StaleVersionAlert } from '@/components/ui/stale-version-alert';
import { ApiError, isStaleVersion, problemDetail } from '@/lib/api/problem';
import { useCreateArea, useUpdateArea } from '../api/areas';
import type { Area, AreaKind } from '../api/get-school-districts';
import { AREA_KIND_LABELS, AREA_KINDS } from '../area-kind';

const fieldErrorOf = (error: unknown, field: string) => (error instanceof ApiError ? error.fieldError(field) : undefined);

export interface AreaFormProps {
  /** The area being changed (its version is sent back); none: a new one. */
  editing?: Area;
  /** Where a new area starts (the row its 下に追加 was pressed on). */
  parentCode?: string;
  kind?: AreaKind;
  /** Every area, for the parent to choose from (an area is never offered as its own parent). */
  areas: readonly Area[];
  onSaved: (area: Area) => void;
  onCancel: () => void;
  onReload?: () => void;
  reloading?: boolean;
}

/** 地域の追加 / 地域の変更: code (new only), name, reading, kind and parent; a move is a change of parent. */
export function AreaForm({ editing, parentCode = '', kind = 'SCHOOL_DISTRICT', areas, onSaved, onCancel, onReload, reloading }: AreaFormProps) {
  const create = useCreateArea();
  const update = useUpdateArea();
  const mutation = editing ? update : create;
  const [code, setCode] = useState(editing?.code ?? '');
  const [name, setName] = useState(editing?.name ?? '');
  const [kana, setKana] = useState(editing?.kana ?? '');
  const [areaKind, setAreaKind] = useState<AreaKind>(editing?.kind ?? kind);
  const [parent, setParent] = useState(editing?.parentCode ?? parentCode);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const error = mutation.error;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (!editing && !code.trim()) next.code = '地域コードを入力してください';
    if (!name.trim()) next.name = '名前を入力してください';
    if (areaKind !== 'CITY' && !parent) next.parentCode = '親の地域を選んでください';
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    const body = { name: name.trim(), kana: kana.trim(), kind: areaKind, parentCode: areaKind === 'CITY' ? null : parent };
    try {
      const saved = editing
        ? await update.mutateAsync({ code: editing.code, body: { ...body, version: editing.version } })
        : await create.mutateAsync({ ...body, code: code.trim() });
      onSaved(saved);
    } catch {
      // shown below and at the fields
    }
  };

  const parents = areas.filter((a) => a.code !== editing?.code && !a.retired);
  const title = editing ? `地域の変更: ${editing.name}` : '地域の追加';
  return (
    <form className="stack panel" aria-label={title} onSubmit={submit} noValidate>
      <h2>{title}</h2>
      <div className="row">
        {!editing && (
          <TextField
            label="地域コード"
            required
            maxLength={64}
            hint="市の中で重ならないコード（後から変えられません）"
            value={code}
            onChange={(e) => setCode(e.target.value)}
            error={errors.code ?? fieldErrorOf(error, 'code') ?? problemDetail(error, 'area-code-taken')}
          />
        )}
        <TextField label="名前" required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} error={errors.name ?? fieldErrorOf(error, 'name')} />
        <TextField label="よみがな" maxLength={100} value={kana} onChange={(e) => setKana(e.target.value)} error={fieldErrorOf(error, 'kana')} />
      </div>
      <div className="row">
        <SelectField
          label="種類"
          required
          value={areaKind}
          options={AREA_KINDS.map((k) => ({ value: k, label: AREA_KIND_LABELS[k] }))}
          onChange={(e) => setAreaKind(e.target.value as AreaKind)}
          error={fieldErrorOf(error, 'kind')}
        />
        {areaKind !== 'CITY' && (
          <SelectField
            label="親の地域"
            required
            value={parent}
            placeholder="選択してください"
            options={parents.map((a) => ({ value: a.code, label: `${a.name}（${AREA_KIND_LABELS[a.kind]}・${a.code}）` }))}
            hint={editing ? '親を変えると、この地域は下位の地域ごと移ります。' : undefined}
            onChange={(e) => setParent(e.target.value)}
            error={errors.parentCode ?? fieldErrorOf(error, 'parentCode') ?? problemDetail(error, 'invalid-parent')}
          />
        )}
      </div>
      <div aria-live="polite">
        {isStaleVersion(error) && onReload ? (
          <StaleVersionAlert onReload={onReload} reloading={reloading} />
        ) : (
          <ProblemAlert error={error} shownFields={['code', 'name', 'kana', 'kind', 'parentCode']} />
        )}
      </div>
      <FormActions submitLabel={editing ? '変更を保存' : '追加する'} pending={mutation.isPending} onCancel={onCancel} />
    </form>
  );
}
