import { useId, useState, type FormEvent } from 'react';
import { Alert, ProblemAlert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextAreaField, TextField } from '@/components/ui/field';
import { ApiError, isProblemType } from '@/lib/api/problem';
import { useCreateIndicatorDefinition, type IndicatorDefinition } from '../api/definitions';

type Field = 'code' | 'name' | 'unit' | 'description';

const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * 共通の指標定義をつくる (ADMIN, PLANNER): code, name, unit and description. A taken code (409) is said at the code, in
 * the API's words; the API's field errors at their fields.
 */
export function DefinitionForm({ onCreated }: { onCreated: (created: IndicatorDefinition) => void }) {
  const create = useCreateIndicatorDefinition();
  const headingId = useId();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [unit, setUnit] = useState('');
  const [description, setDescription] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [message, setMessage] = useState<string>();

  const serverError = create.error instanceof ApiError ? create.error : undefined;
  const taken = isProblemType(create.error, 'definition-exists') || serverError?.status === 409 ? serverError?.problem.detail : undefined;
  const errorOf = (field: Field) => errors[field] ?? serverError?.fieldError(field) ?? (field === 'code' ? taken : undefined);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    create.reset();
    setMessage(undefined);
    const found: Partial<Record<Field, string>> = {};
    if (!code.trim()) found.code = '必須項目です';
    else if (!CODE.test(code.trim())) found.code = '英数字で始め、英数字・ . _ - で書いてください（例: sc-activities）';
    if (!name.trim()) found.name = '必須項目です';
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    try {
      const created = await create.mutateAsync({
        code: code.trim(),
        name: name.trim(),
        unit: unit.trim() || null,
        description: description.trim() || null,
      });
      setMessage(`「${created.name}」（${created.code}）をつくりました。各市の指標のページで、この定義につなげます。`);
      setCode('');
      setName('');
      setUnit('');
      setDescription('');
      onCreated(created);
    } catch {
      // shown below
    }
  };

  return (
    <form className="stack" onSubmit={submit} noValidate aria-labelledby={headingId}>
      <h3 id={headingId}>共通の指標定義をつくる</h3>
      <div className="row">
        <TextField
          label="コード"
          required
          hint="英数字・ . _ - （例: sc-activities）。あとから変えられません"
          value={code}
          maxLength={100}
          onChange={(e) => setCode(e.target.value)}
          error={errorOf('code')}
          autoComplete="off"
          spellCheck={false}
        />
        <TextField
          label="名称"
          required
          hint="例: 生活支援コーディネーターの活動回数"
          value={name}
          maxLength={300}
          onChange={(e) => setName(e.target.value)}
          error={errorOf('name')}
        />
        <TextField label="単位" hint="例: 回" value={unit} maxLength={40} onChange={(e) => setUnit(e.target.value)} error={errorOf('unit')} />
      </div>
      <TextAreaField
        label="説明"
        hint="何を数えるか。各市が同じものを測るための定義"
        value={description}
        maxLength={2000}
        rows={3}
        onChange={(e) => setDescription(e.target.value)}
        error={errorOf('description')}
      />
      {message && (
        <Alert kind="success">
          <p>{message}</p>
        </Alert>
      )}
      {/* A taken code is said at the code; anything else here. */}
      {!taken && <ProblemAlert error={create.error} shownFields={['code', 'name', 'unit', 'description']} />}
      <div className="actions">
        <Button type="submit" disabled={create.isPending}>
          {create.isPending ? 'つくっています…' : 'つくる'}
        </Button>
      </div>
    </form>
  );
}
