import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Alert, ProblemAlert } from '@/components/ui/alert';
import { SelectField, TextAreaField, TextField } from '@/components/ui/field';
import { FormActions } from '@/components/ui/form-actions';
import { Loading } from '@/components/ui/loading';
import { StaleVersionAlert } from '@/components/ui/stale-version-alert';
import { ApiError, isStaleVersion, problemDetail } from '@/lib/api/problem';
import type { components } from '@/lib/api/schema';
import type { AreaOption } from '@/lib/support-areas';
import { useReload } from '@/lib/use-reload';
import { useCreateRecipient, useRecipient, useUpdateRecipient, type Recipient, type RecipientRequest } from '../api/recipients';

export interface RecipientFormProps {
  /** The recipient being changed, as read from the API; none: a new one. */
  editing?: Recipient;
  /** The districts a recipient may live in (the caller's, or all for ADMIN). */
  areaOptions: readonly AreaOption[];
  /** A new recipient's name as already typed into the search. */
  initialName?: string;
  onSaved: (recipient: Recipient) => void;
  onCancel: () => void;
  /** Reads the recipient again after a stale-version refusal (the form is then filled afresh). */
  onReload?: () => void;
  reloading?: boolean;
}

/** How the recipient came to the consultation (RecipientRequest.referredBy). */
type ReferredBy = components['schemas']['ReferredBy'];

const REFERRED_BY_OPTIONS: { value: ReferredBy; label: string }[] = [
  { value: 'WELFARE_VOLUNTEER', label: '福祉協力員' },
  { value: 'COMMISSIONED_WELFARE_VOLUNTEER', label: '民生委員' },
  { value: 'CARE_MANAGER', label: 'ケアマネジャー' },
  { value: 'SELF', label: '本人' },
  { value: 'FAMILY', label: '家族' },
  { value: 'OTHER', label: 'その他' },
];

const SHOWN_FIELDS = ['name', 'kana', 'areaCode', 'contact', 'householdNotes', 'referredBy', 'consent', 'version'];

/** 要支援者の登録 / 要支援者の変更: who, where, how to reach them, how they came, and their consent. */
export function RecipientForm({ editing, areaOptions, initialName = '', onSaved, onCancel, onReload, reloading }: RecipientFormProps) {
  const create = useCreateRecipient();
  const update = useUpdateRecipient();
  const mutation = editing ? update : create;
  const headingId = useId();
  const errorsRef = useRef<HTMLDivElement>(null);
  // The version sent back is the one the form was filled from, even if the recipient is read again meanwhile.
  const [original] = useState(editing);
  const [name, setName] = useState(editing?.name ?? initialName);
  const [kana, setKana] = useState(editing?.kana ?? '');
  const [areaCode, setAreaCode] = useState(editing?.area.code ?? (areaOptions.length === 1 ? areaOptions[0].value : ''));
  const [contact, setContact] = useState(editing?.contact ?? '');
  const [householdNotes, setHouseholdNotes] = useState(editing?.householdNotes ?? '');
  const [referredBy, setReferredBy] = useState<ReferredBy | ''>(editing?.referredBy ?? '');
  const [consent, setConsent] = useState(editing?.consent ?? false);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const error = mutation.error;
  useEffect(() => {
    if (error) errorsRef.current?.focus();
  }, [error]);
  const apiError = error instanceof ApiError ? error : undefined;
  const stale = original !== undefined && isStaleVersion(error);
  const fieldError = (f: string) => errors[f] ?? apiError?.fieldError(f);

  // The recipient's own area stays choosable even when it is not one of the caller's districts listed.
  const areas =
    original && !areaOptions.some((o) => o.value === original.area.code)
      ? [...areaOptions, { value: original.area.code, label: original.area.name }]
      : areaOptions;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (!name.trim()) next.name = '氏名を入力してください';
    if (!kana.trim()) next.kana = 'ふりがなを入力してください';
    if (!areaCode) next.areaCode = '地区を選んでください';
    if (!referredBy) next.referredBy = '紹介者を選んでください';
    setErrors(next);
    if (Object.keys(next).length > 0 || !referredBy) return;
    const body: RecipientRequest = {
      name: name.trim(),
      kana: kana.trim(),
      areaCode,
      contact: contact.trim() || null,
      householdNotes: householdNotes.trim() || null,
      referredBy,
      consent,
      ...(original ? { version: original.version } : {}),
    };
    try {
      onSaved(original ? await update.mutateAsync({ id: original.id, body }) : await create.mutateAsync(body));
    } catch {
      // shown from mutation.error
    }
  };

  return (
    <form className="fieldset stack" onSubmit={submit} noValidate aria-labelledby={headingId}>
      <h3 id={headingId}>{original ? `要支援者の変更: ${original.name}さん` : '要支援者の登録'}</h3>
      <div className="form-errors" ref={errorsRef} tabIndex={-1}>
        {stale && onReload ? <StaleVersionAlert onReload={onReload} reloading={reloading} /> : <ProblemAlert error={error} shownFields={SHOWN_FIELDS} />}
      </div>
      <div className="row">
        <TextField label="氏名" required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} error={fieldError('name')} />
        <TextField label="ふりがな" required maxLength={100} value={kana} onChange={(e) => setKana(e.target.value)} error={fieldError('kana')} />
      </div>
      <div className="row">
        <SelectField
          label="地区"
          required
          value={areaCode}
          placeholder="選択してください"
          options={areas}
          onChange={(e) => setAreaCode(e.target.value)}
          // 「地域「…」は担当外です。」: said at the district it is about.
          error={fieldError('areaCode') ?? problemDetail(error, 'area-not-yours') ?? problemDetail(error, 'area-retired')}
          hint="担当している地区だけを選べます。"
        />
        <SelectField
          label="紹介者（相談の経路）"
          required
          value={referredBy}
          placeholder="選択してください"
          options={REFERRED_BY_OPTIONS}
          onChange={(e) => setReferredBy(REFERRED_BY_OPTIONS.find((o) => o.value === e.target.value)?.value ?? '')}
          error={fieldError('referredBy')}
        />
      </div>
      <TextField label="連絡先" type="tel" maxLength={200} value={contact} onChange={(e) => setContact(e.target.value)} error={fieldError('contact')} />
      <TextAreaField
        label="世帯の状況"
        rows={2}
        maxLength={2000}
        value={householdNotes}
        onChange={(e) => setHouseholdNotes(e.target.value)}
        error={fieldError('householdNotes')}
      />
      <div className="field">
        <label className="checkbox">
          <input type="checkbox" checked={consent} aria-describedby={`${headingId}-consent`} onChange={(e) => setConsent(e.target.checked)} />
          支援者に連絡先を伝えることへの同意
        </label>
        <p className="field__hint" id={`${headingId}-consent`}>
          本人が同意しているときだけチェックします。同意がなければ、担い手には連絡先などを伝えません。
        </p>
      </div>
      {Object.keys(errors).length > 0 && <Alert kind="error">入力内容を確認してください。</Alert>}
      <FormActions submitLabel={mutation.isPending ? (original ? '保存中…' : '登録中…') : original ? '変更を保存' : '登録して選ぶ'} pending={mutation.isPending} onCancel={onCancel} />
    </form>
  );
}

export interface RecipientEditPanelProps {
  recipientId: number;
  areaOptions: readonly AreaOption[];
  onSaved: (recipient: Recipient) => void;
  onCancel: () => void;
}

/** 要支援者の変更 from the recipient as stored now, read again on a stale-version refusal. */
export function RecipientEditPanel({ recipientId, areaOptions, onSaved, onCancel }: RecipientEditPanelProps) {
  const recipient = useRecipient(recipientId);
  const { generation, reloading, reload } = useReload(recipient.refetch);
  if (recipient.isPending) return <Loading label="要支援者を読み込んでいます…" />;
  if (recipient.isError) return <ProblemAlert error={recipient.error} />;
  return (
    <RecipientForm
      key={generation}
      editing={recipient.data}
      areaOptions={areaOptions}
      onSaved={onSaved}
      onCancel={onCancel}
      onReload={reload}
      reloading={reloading}
    />
  );
}
