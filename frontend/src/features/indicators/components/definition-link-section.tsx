import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { Alert, ProblemAlert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SelectField } from '@/components/ui/field';
import { links } from '@/config/paths';
import { ApiError } from '@/lib/api/problem';
import { useLinkIndicatorDefinition, type IndicatorDefinition } from '../api/definitions';

export interface DefinitionLinkSectionProps {
  indicatorCode: string;
  /** The definitions to choose from (undefined: still being read). */
  definitions: readonly IndicatorDefinition[] | undefined;
  /** The definition the indicator is linked to now (its definitionCode; null: none). */
  current: string | null;
}

/**
 * 共通の指標定義 of an indicator (ADMIN, PLANNER): link it to one, so 市の比較 puts this city beside the others on it,
 * or unlink it (「つながっていません」). Saved with a button, not on each change of the list, so moving through the
 * options with the arrow keys sends nothing.
 */
export function DefinitionLinkSection({ indicatorCode, definitions, current }: DefinitionLinkSectionProps) {
  const link = useLinkIndicatorDefinition(indicatorCode);
  // What the person chose (undefined: nothing since the last save, so the list shows the link as it stands).
  const [chosen, setChosen] = useState<string>();
  const value = chosen ?? current ?? '';
  const loading = definitions === undefined;
  const [message, setMessage] = useState<string>();
  const serverError = link.error instanceof ApiError ? link.error : undefined;
  const nameOf = (code: string) => definitions?.find((d) => d.code === code)?.name ?? code;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    link.reset();
    setMessage(undefined);
    try {
      const result = await link.mutateAsync(value || null);
      // The indicator's definitionCode has taken the answer: the list follows it again.
      setChosen(undefined);
      setMessage(
        result.definition
          ? `共通の指標定義「${nameOf(result.definition)}」につなぎました。市の比較にこの市が並びます。`
          : '共通の指標定義から外しました。市の比較にはこの指標が出なくなります。',
      );
    } catch {
      // shown below
    }
  };

  return (
    <section className="stack" aria-labelledby="definition-link-heading">
      <h2 id="definition-link-heading">共通の指標定義</h2>
      <p className="muted">
        ほかの市と同じものを測る指標は、共通の指標定義につなぐと
        {current ? <Link to={links.kpiCompare(current)}>市の比較</Link> : '市の比較'}
        で並べて見られます。定義は市の比較のページでつくれます。
      </p>
      <form className="stack" onSubmit={submit} noValidate aria-label="共通の指標定義につなぐ">
        <div className="toolbar">
          <SelectField
            label="共通の指標定義"
            value={value}
            placeholder={loading ? '読み込み中…' : 'つながっていません'}
            disabled={loading}
            options={(definitions ?? []).map((d) => ({ value: d.code, label: `${d.name}（${d.code}）` }))}
            onChange={(e) => setChosen(e.target.value)}
            error={serverError?.fieldError('definition')}
          />
          <Button type="submit" disabled={link.isPending || loading}>
            {link.isPending ? '保存しています…' : '保存する'}
          </Button>
        </div>
        {message && (
          <Alert kind="success">
            <p>{message}</p>
          </Alert>
        )}
        <ProblemAlert error={link.error} shownFields={['definition']} />
      </form>
    </section>
  );
}
