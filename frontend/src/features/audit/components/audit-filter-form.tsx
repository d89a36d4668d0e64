import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { formatDate } from '@/lib/format';
import type { AuditedRecord, AuditFilter } from '../api/audit-log';
import { AUDITED_RECORD_LABELS, AUDITED_RECORDS } from '../labels';

/** 絞り込み: who (their user name), what kind of record, and which days; applied when 絞り込む is pressed. */
export function AuditFilterForm({ initial, onApply }: { initial: AuditFilter; onApply: (filter: AuditFilter) => void }) {
  const [actor, setActor] = useState(initial.actor ?? '');
  const [entity, setEntity] = useState<AuditedRecord | ''>(initial.entity ?? '');
  const [from, setFrom] = useState(initial.from ?? '');
  const [to, setTo] = useState(initial.to ?? '');
  const [rangeError, setRangeError] = useState<string>();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // The same rule as the API (422 at "to"), said before asking.
    if (from && to && to < from) {
      setRangeError('終わりの日は始まりの日より後にしてください');
      return;
    }
    setRangeError(undefined);
    onApply({ actor: actor.trim() || undefined, entity: entity || undefined, from: from || undefined, to: to || undefined });
  };
  const clear = () => {
    setActor('');
    setEntity('');
    setFrom('');
    setTo('');
    setRangeError(undefined);
    onApply({});
  };

  return (
    <form className="search-form audit-filter" role="search" aria-label="監査ログを絞り込む" onSubmit={submit} noValidate>
      <TextField label="だれが" hint="ユーザー名（完全に一致するもの）" value={actor} onChange={(e) => setActor(e.target.value)} autoComplete="off" />
      <SelectField
        label="記録の種類"
        value={entity}
        placeholder="すべて"
        options={AUDITED_RECORDS.map((r) => ({ value: r, label: AUDITED_RECORD_LABELS[r] }))}
        onChange={(e) => setEntity(e.target.value as AuditedRecord | '')}
      />
      <TextField label="いつから" type="date" hint="この日を含む" value={from} onChange={(e) => setFrom(e.target.value)} />
      <TextField label="いつまで" type="date" hint="この日を含む" value={to} onChange={(e) => setTo(e.target.value)} error={rangeError} />
      <div className="search-form__actions">
        <Button type="submit" variant="secondary">
          絞り込む
        </Button>
        <Button variant="secondary" onClick={clear}>
          条件をクリア
        </Button>
      </div>
    </form>
  );
}

/** "だれが: kanri、記録の種類: 職員アカウント、期間: 2026年4月1日 〜" — the filter in a sentence, or すべての記録. */
export function describeFilter(filter: AuditFilter): string {
  const parts: string[] = [];
  if (filter.actor) parts.push(`だれが: ${filter.actor}`);
  if (filter.entity) parts.push(`記録の種類: ${AUDITED_RECORD_LABELS[filter.entity]}`);
  if (filter.from || filter.to) parts.push(`期間: ${filter.from ? formatDate(filter.from) : ''} 〜 ${filter.to ? formatDate(filter.to) : ''}`.trim());
  return parts.length ? parts.join('、') : 'すべての記録';
}
