import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Alert, ProblemAlert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { ApiError, CONFLICT_MESSAGE } from '@/lib/api/problem';
import {
  useCreateConsultationWindow,
  useUpdateConsultationWindow,
  type ConsultationWindow,
  type ConsultationWindowRequest,
} from '../api/windows';
import { CATEGORY_OPTIONS, isWindowCategory, type WindowCategory } from '../category';
import { AreaChecklist, type AreaChoice } from '@/components/ui/area-checklist';

export { CONFLICT_MESSAGE };

interface LineState {
  key: number;
  phone: string;
  fax: string;
  areaCodes: string[];
}

let nextKey = 1;
const emptyLine = (): LineState => ({ key: nextKey++, phone: '', fax: '', areaCodes: [] });

function linesOf(editing?: ConsultationWindow): LineState[] {
  const lines = (editing?.contacts ?? []).map((c) => ({
    key: nextKey++,
    phone: c.phone,
    fax: c.fax ?? '',
    areaCodes: (c.areas ?? []).map((a) => a.code),
  }));
  return lines.length ? lines : [emptyLine()];
}

export interface WindowFormProps {
  /** The window being edited; absent to create a new one. */
  editing?: ConsultationWindow;
  areaChoices: readonly AreaChoice[];
  onSaved: (saved: ConsultationWindow) => void;
  onCancel: () => void;
  /** Fetches the latest version after a conflict and reopens the form with it. */
  onReload: () => void;
}

export function WindowForm({ editing, areaChoices, onSaved, onCancel, onReload }: WindowFormProps) {
  const create = useCreateConsultationWindow();
  const update = useUpdateConsultationWindow();
  const mutation = editing ? update : create;

  const [name, setName] = useState(editing?.name ?? '');
  const [category, setCategory] = useState<WindowCategory | ''>(editing?.category ?? '');
  const [address, setAddress] = useState(editing?.address ?? '');
  const [lines, setLines] = useState<LineState[]>(() => linesOf(editing));
  const headingRef = useRef<HTMLHeadingElement>(null);

  const errorsRef = useRef<HTMLDivElement>(null);

  useEffect(() => headingRef.current?.focus(), []);

  // Areas already on the editing that are not school districts still need a checkbox.
  const choices = [...areaChoices];
  for (const c of editing?.contacts ?? []) {
    for (const a of c.areas ?? []) {
      if (!choices.some((x) => x.code === a.code)) choices.push({ code: a.code, name: a.name, label: a.name });
    }
  }

  const error = mutation.error;
  // Bring a refusal into view and to the screen reader, wherever the save button was.
  useEffect(() => {
    if (error) errorsRef.current?.focus();
  }, [error]);
  const apiError = error instanceof ApiError ? error : undefined;
  const conflict = apiError?.status === 409;
  const fieldError = (field: string) => apiError?.fieldError(field);
  const shownFields = ['name', 'category', 'address', 'version', ...lines.flatMap((_, i) => [`contacts[${i}].phone`, `contacts[${i}].fax`, `contacts[${i}].areaCodes`])];

  const setLine = (key: number, patch: Partial<LineState>) =>
    setLines((ls) => ls.map((l) => (l.key === key ? { ...l, ...patch } : l)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body: ConsultationWindowRequest = {
      name: name.trim(),
      category: category as WindowCategory,
      address: address.trim() || null,
      contacts: lines.map((l) => ({ phone: l.phone.trim(), fax: l.fax.trim() || null, areaCodes: l.areaCodes })),
      ...(editing ? { version: editing.version } : {}),
    };
    if (editing) update.mutate({ id: editing.id, body }, { onSuccess: onSaved });
    else create.mutate(body, { onSuccess: onSaved });
  };

  const title = editing ? `相談窓口の編集: ${editing.name}` : '相談窓口の新規作成';

  return (
    <section className="panel" aria-labelledby="window-form-heading">
      <h2 id="window-form-heading" ref={headingRef} tabIndex={-1}>
        {title}
      </h2>
      <form className="stack" onSubmit={submit} noValidate>
        <div className="form-errors" ref={errorsRef} tabIndex={-1}>
          {conflict ? (
            <Alert kind="error">
              <p>{CONFLICT_MESSAGE}</p>
              <Button variant="secondary" size="sm" onClick={onReload}>
                再読み込み
              </Button>
            </Alert>
          ) : (
            <ProblemAlert error={error} shownFields={shownFields} />
          )}
        </div>
        <TextField label="名称" required value={name} onChange={(e) => setName(e.target.value)} error={fieldError('name')} />
        <SelectField
          label="相談の種類"
          required
          value={category}
          placeholder="選択してください"
          options={CATEGORY_OPTIONS}
          onChange={(e) => setCategory(isWindowCategory(e.target.value) ? e.target.value : '')}
          error={fieldError('category')}
        />
        <TextField label="住所" value={address} onChange={(e) => setAddress(e.target.value)} error={fieldError('address')} />

        {lines.map((line, i) => (
          <fieldset className="fieldset" key={line.key}>
            <legend>連絡先 {i + 1}</legend>
            <div className="row">
              <TextField
                label="電話番号"
                type="tel"
                required
                inputMode="tel"
                placeholder="0942-00-0000"
                value={line.phone}
                onChange={(e) => setLine(line.key, { phone: e.target.value })}
                error={fieldError(`contacts[${i}].phone`)}
              />
              <TextField
                label="FAX番号"
                type="tel"
                inputMode="tel"
                value={line.fax}
                onChange={(e) => setLine(line.key, { fax: e.target.value })}
                error={fieldError(`contacts[${i}].fax`)}
              />
            </div>
            <AreaChecklist
              legend={`連絡先 ${i + 1} の担当校区`}
              choices={choices}
              selected={line.areaCodes}
              onChange={(areaCodes) => setLine(line.key, { areaCodes })}
              error={fieldError(`contacts[${i}].areaCodes`)}
            />
            {lines.length > 1 && (
              <Button variant="secondary" size="sm" onClick={() => setLines((ls) => ls.filter((l) => l.key !== line.key))}>
                連絡先 {i + 1} を削除
              </Button>
            )}
          </fieldset>
        ))}
        <div>
          <Button variant="secondary" onClick={() => setLines((ls) => [...ls, emptyLine()])}>
            連絡先を追加
          </Button>
        </div>
        <div className="actions">
          <Button type="submit" disabled={mutation.isPending}>
            {mutation.isPending ? '保存中…' : '保存'}
          </Button>
          <Button variant="secondary" onClick={onCancel}>
            キャンセル
          </Button>
        </div>
      </form>
    </section>
  );
}
