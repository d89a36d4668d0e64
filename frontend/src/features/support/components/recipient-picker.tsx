import { useState, type FormEvent } from 'react';
import { Alert, ProblemAlert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SelectField, TextAreaField, TextField } from '@/components/ui/field';
import { Loading } from '@/components/ui/loading';
import { ApiError } from '@/lib/api/problem';
import { useCreateRecipient, useRecipientSearch, type Recipient } from '../api/support';
import { REFERRED_BY_OPTIONS } from '../labels';

export interface AreaOption {
  value: string;
  label: string;
}

export interface RecipientPickerProps {
  selected: Recipient | null;
  onSelect: (recipient: Recipient | null) => void;
  /** The districts a new recipient may live in (the caller's, or all for ADMIN). */
  areaOptions: readonly AreaOption[];
  /** Shown when the request form was sent without a recipient. */
  error?: string;
}

/** 要支援者: find by name or reading, or register on the spot. */
export function RecipientPicker({ selected, onSelect, areaOptions, error }: RecipientPickerProps) {
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const [registering, setRegistering] = useState(false);
  const search = useRecipientSearch(query);

  if (selected) {
    return (
      <div className="stack">
        <p role="status">
          選択中の要支援者: <strong>{selected.name}</strong>（{selected.kana}）— {selected.area.name}
        </p>
        <div>
          <Button variant="secondary" size="sm" onClick={() => onSelect(null)}>
            要支援者を選び直す
          </Button>
        </div>
      </div>
    );
  }

  const submitSearch = (event: FormEvent) => {
    event.preventDefault();
    setQuery(text.trim());
  };

  return (
    <div className="stack">
      {error && (
        <p className="field__error" id="recipient-error">
          {error}
        </p>
      )}
      <form className="toolbar" role="search" aria-label="要支援者を探す" onSubmit={submitSearch}>
        <TextField label="名前・ふりがなで探す" value={text} onChange={(e) => setText(e.target.value)} />
        <Button type="submit" variant="secondary">
          探す
        </Button>
      </form>
      {query &&
        (search.isPending ? (
          <Loading label="探しています…" />
        ) : search.isError ? (
          <ProblemAlert error={search.error} />
        ) : search.data.length === 0 ? (
          <p className="empty">「{query}」に当てはまる要支援者は見つかりません。新しく登録してください。</p>
        ) : (
          <ul className="recipient-results" aria-label="見つかった要支援者">
            {search.data.map((r) => (
              <li key={r.id}>
                <span>
                  <strong>{r.name}</strong>（{r.kana}）— {r.area.name}
                </span>
                <Button size="sm" variant="secondary" aria-label={`${r.name}さんを選ぶ`} onClick={() => onSelect(r)}>
                  選ぶ
                </Button>
              </li>
            ))}
          </ul>
        ))}
      {registering ? (
        <NewRecipientForm
          areaOptions={areaOptions}
          initialName={text}
          onCreated={(r) => {
            setRegistering(false);
            onSelect(r);
          }}
          onCancel={() => setRegistering(false)}
        />
      ) : (
        <div>
          <Button variant="secondary" onClick={() => setRegistering(true)}>
            要支援者を新しく登録する
          </Button>
        </div>
      )}
    </div>
  );
}

function NewRecipientForm({
  areaOptions,
  initialName,
  onCreated,
  onCancel,
}: {
  areaOptions: readonly AreaOption[];
  initialName: string;
  onCreated: (r: Recipient) => void;
  onCancel: () => void;
}) {
  const create = useCreateRecipient();
  const [name, setName] = useState(initialName);
  const [kana, setKana] = useState('');
  const [areaCode, setAreaCode] = useState(areaOptions.length === 1 ? areaOptions[0].value : '');
  const [contact, setContact] = useState('');
  const [householdNotes, setHouseholdNotes] = useState('');
  const [referredBy, setReferredBy] = useState('');
  const [consent, setConsent] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const apiError = create.error instanceof ApiError ? create.error : undefined;
  const fieldError = (f: string) => errors[f] ?? apiError?.fieldError(f);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (!name.trim()) next.name = '氏名を入力してください';
    if (!kana.trim()) next.kana = 'ふりがなを入力してください';
    if (!areaCode) next.areaCode = '地区を選んでください';
    if (!referredBy) next.referredBy = '紹介者を選んでください';
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    create.mutate(
      {
        name: name.trim(),
        kana: kana.trim(),
        areaCode,
        contact: contact.trim() || null,
        householdNotes: householdNotes.trim() || null,
        referredBy,
        consent,
      },
      { onSuccess: onCreated },
    );
  };

  return (
    <form className="fieldset stack" onSubmit={submit} noValidate aria-labelledby="new-recipient-heading">
      <h3 id="new-recipient-heading">要支援者の登録</h3>
      <ProblemAlert error={create.error} shownFields={['name', 'kana', 'areaCode', 'contact', 'householdNotes', 'referredBy']} />
      <div className="row">
        <TextField label="氏名" required value={name} onChange={(e) => setName(e.target.value)} error={fieldError('name')} />
        <TextField label="ふりがな" required value={kana} onChange={(e) => setKana(e.target.value)} error={fieldError('kana')} />
      </div>
      <div className="row">
        <SelectField
          label="地区"
          required
          value={areaCode}
          placeholder="選択してください"
          options={areaOptions}
          onChange={(e) => setAreaCode(e.target.value)}
          error={fieldError('areaCode')}
          hint="担当している地区だけを選べます。"
        />
        <SelectField
          label="紹介者（相談の経路）"
          required
          value={referredBy}
          placeholder="選択してください"
          options={REFERRED_BY_OPTIONS}
          onChange={(e) => setReferredBy(e.target.value)}
          error={fieldError('referredBy')}
        />
      </div>
      <TextField label="連絡先" type="tel" value={contact} onChange={(e) => setContact(e.target.value)} error={fieldError('contact')} />
      <TextAreaField
        label="世帯の状況"
        rows={2}
        value={householdNotes}
        onChange={(e) => setHouseholdNotes(e.target.value)}
        error={fieldError('householdNotes')}
      />
      <label className="checkbox">
        <input type="checkbox" checked={consent} onChange={(e) => setConsent(e.target.checked)} />
        支援者に連絡先などを伝えることに本人が同意している
      </label>
      {Object.keys(errors).length > 0 && <Alert kind="error">入力内容を確認してください。</Alert>}
      <div className="actions">
        <Button type="submit" disabled={create.isPending}>
          {create.isPending ? '登録中…' : '登録して選ぶ'}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          キャンセル
        </Button>
      </div>
    </form>
  );
}
