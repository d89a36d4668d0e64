import { useEffect, useRef } from 'react';
import { Controller, useFieldArray, useForm } from 'react-hook-form';
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
import { CATEGORY_OPTIONS, type WindowCategory } from '../category';
import { AreaChecklist, type AreaChoice } from '@/components/ui/area-checklist';
import { FormActions } from '@/components/ui/form-actions';

export { CONFLICT_MESSAGE };

/** The form as typed; the server checks it (its messages are shown at the fields they name). */
interface WindowValues {
  name: string;
  category: WindowCategory | '';
  address: string;
  contacts: { phone: string; fax: string; areaCodes: string[] }[];
}

const emptyLine = (): WindowValues['contacts'][number] => ({ phone: '', fax: '', areaCodes: [] });

function valuesOf(editing?: ConsultationWindow): WindowValues {
  const lines = (editing?.contacts ?? []).map((c) => ({ phone: c.phone, fax: c.fax ?? '', areaCodes: (c.areas ?? []).map((a) => a.code) }));
  return { name: editing?.name ?? '', category: editing?.category ?? '', address: editing?.address ?? '', contacts: lines.length ? lines : [emptyLine()] };
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

  const { control, register, handleSubmit } = useForm<WindowValues>({ defaultValues: valuesOf(editing) });
  const { fields: lines, append, remove } = useFieldArray({ control, name: 'contacts' });
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

  const submit = handleSubmit((values) => {
    const body: ConsultationWindowRequest = {
      name: values.name.trim(),
      category: values.category as WindowCategory,
      address: values.address.trim() || null,
      contacts: values.contacts.map((l) => ({ phone: l.phone.trim(), fax: l.fax.trim() || null, areaCodes: l.areaCodes })),
      ...(editing ? { version: editing.version } : {}),
    };
    if (editing) update.mutate({ id: editing.id, body }, { onSuccess: onSaved });
    else create.mutate(body, { onSuccess: onSaved });
  });

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
        <TextField label="名称" required {...register('name')} error={fieldError('name')} />
        <SelectField
          label="相談の種類"
          required
          {...register('category')}
          placeholder="選択してください"
          options={CATEGORY_OPTIONS}
          error={fieldError('category')}
        />
        <TextField label="住所" {...register('address')} error={fieldError('address')} />

        {lines.map((line, i) => (
          <fieldset className="fieldset" key={line.id}>
            <legend>連絡先 {i + 1}</legend>
            <div className="row">
              <TextField
                label="電話番号"
                type="tel"
                required
                inputMode="tel"
                placeholder="0942-00-0000"
                {...register(`contacts.${i}.phone`)}
                error={fieldError(`contacts[${i}].phone`)}
              />
              <TextField label="FAX番号" type="tel" inputMode="tel" {...register(`contacts.${i}.fax`)} error={fieldError(`contacts[${i}].fax`)} />
            </div>
            <Controller
              control={control}
              name={`contacts.${i}.areaCodes`}
              render={({ field }) => (
                <AreaChecklist
                  legend={`連絡先 ${i + 1} の担当校区`}
                  choices={choices}
                  selected={field.value}
                  onChange={field.onChange}
                  error={fieldError(`contacts[${i}].areaCodes`)}
                />
              )}
            />
            {lines.length > 1 && (
              <Button variant="secondary" size="sm" onClick={() => remove(i)}>
                連絡先 {i + 1} を削除
              </Button>
            )}
          </fieldset>
        ))}
        <div>
          {/* The focus stays on this button (react-hook-form would move it to the new line's first field). */}
          <Button variant="secondary" onClick={() => append(emptyLine(), { shouldFocus: false })}>
            連絡先を追加
          </Button>
        </div>
        <FormActions submitLabel={mutation.isPending ? '保存中…' : '保存'} pending={mutation.isPending} onCancel={onCancel} />
      </form>
    </section>
  );
}
