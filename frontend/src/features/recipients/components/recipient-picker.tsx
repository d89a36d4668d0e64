import { useState, type FormEvent } from 'react';
import { ProblemAlert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { Loading } from '@/components/ui/loading';
import type { AreaOption } from '@/lib/support-areas';
import { RECIPIENT_SEARCH_LIMIT, useRecipientSearch, type Recipient } from '../api/recipients';
import '../recipients.css';
import { RecipientEditPanel, RecipientForm } from './recipient-form';

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
  const [editing, setEditing] = useState(false);
  const search = useRecipientSearch(query);

  if (selected) {
    return (
      <div className="stack">
        <p role="status">
          選択中の要支援者: <strong>{selected.name}</strong>（{selected.kana}）— {selected.area.name}
        </p>
        {editing ? (
          <RecipientEditPanel
            recipientId={selected.id}
            areaOptions={areaOptions}
            onSaved={(r) => {
              setEditing(false);
              // The request is made for the recipient as they are now (their name and area on it).
              onSelect(r);
            }}
            onCancel={() => setEditing(false)}
          />
        ) : (
          <div className="actions">
            <Button variant="secondary" size="sm" onClick={() => onSelect(null)}>
              要支援者を選び直す
            </Button>
            <Button variant="secondary" size="sm" onClick={() => setEditing(true)} aria-label={`${selected.name}さんの登録内容を変更`}>
              登録内容を変更
            </Button>
          </div>
        )}
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
          <RecipientResults recipients={search.data} onSelect={onSelect} />
        ))}
      {registering ? (
        <RecipientForm
          areaOptions={areaOptions}
          initialName={text}
          onSaved={(r) => {
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

/** What a search found, to choose from; says so when the API's limit may have left the one looked for out. */
function RecipientResults({ recipients, onSelect }: { recipients: readonly Recipient[]; onSelect: (recipient: Recipient) => void }) {
  return (
    <>
      {recipients.length >= RECIPIENT_SEARCH_LIMIT && (
        <p className="empty">
          {RECIPIENT_SEARCH_LIMIT}人までを表示しています。名前やふりがなをもっと詳しく入れて絞り込んでください。
        </p>
      )}
      <ul className="recipient-results" aria-label="見つかった要支援者">
        {recipients.map((r) => (
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
    </>
  );
}
