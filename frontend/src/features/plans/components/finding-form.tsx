import { useId, useState, type FormEvent } from 'react';
import { ProblemAlert } from '@/components/ui/alert';
import { SelectField, TextAreaField, TextField } from '@/components/ui/field';
import { FocusOnError } from '@/components/ui/focus-on-error';
import { FormActions } from '@/components/ui/form-actions';
import { StaleVersionAlert } from '@/components/ui/stale-version-alert';
import { ApiError, isStaleVersion, problemDetail } from '@/lib/api/problem';
import { useCreateFinding, useUpdateFinding, type Finding, type FindingKind, type FindingSource } from '../api/findings';
import type { PlanTreeNode } from '../api/plans';
import {
  examplesOf,
  FINDING_KIND_LABELS,
  FINDING_KINDS,
  FINDING_SOURCE_LABELS,
  FINDING_SOURCES,
  MAX_EXAMPLE_LENGTH,
  MAX_EXAMPLES,
} from '../findings';
import { nodeLabel } from './node-form';

const fieldErrorOf = (error: unknown, field: string) => (error instanceof ApiError ? error.fieldError(field) : undefined);

/** The API's message about one of the examples (`examples[2]`), said of which one: 「3 つ目の例: …」. */
function exampleError(error: unknown): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  for (const e of error.problem.errors ?? []) {
    const m = /(?:^|\.)examples\[(\d+)\]$/.exec(e.field);
    if (m) return `${Number(m[1]) + 1} つ目の例: ${e.message}`;
  }
  return undefined;
}

/** The tree as options, each under its parent (indented), after 計画全体. */
function nodeOptions(nodes: readonly PlanTreeNode[]): { value: string; label: string }[] {
  const out = [{ value: '', label: '計画全体' }];
  const walk = (list: readonly PlanTreeNode[], depth: number) => {
    for (const n of list) {
      out.push({ value: n.code, label: `${'　'.repeat(depth + 1)}${nodeLabel(n)}` });
      walk(n.children ?? [], depth + 1);
    }
  };
  walk(nodes, 0);
  return out;
}

export interface FindingFormProps {
  plan: string;
  /** The plan's tree: a finding may belong to any node, or to the plan as a whole. */
  nodes: readonly PlanTreeNode[];
  /** The finding being changed (its version is sent back); none: a new one. */
  editing?: Finding;
  onSaved: (finding: Finding) => void;
  onCancel: () => void;
  /** Reads the findings again after a stale-version refusal (the form is then filled afresh). */
  onReload: () => void;
  reloading?: boolean;
}

/**
 * 課題・困りごとの追加 / 編集: its kind (課題 / 困りごと / 現状), the node it is about (or the plan as a whole), its title
 * and text as written, the residents' examples one per line, and where it came from (ヒアリング, ワークショップ …).
 * The API's field errors are shown at the fields they are about.
 */
export function FindingForm({ plan, nodes, editing, onSaved, onCancel, onReload, reloading }: FindingFormProps) {
  const create = useCreateFinding(plan);
  const update = useUpdateFinding(plan);
  const mutation = editing ? update : create;
  const error = mutation.error;
  const id = useId();
  const [kind, setKind] = useState<FindingKind>(editing?.kind ?? 'ISSUE');
  const [nodeCode, setNodeCode] = useState(editing?.nodeCode ?? '');
  const [title, setTitle] = useState(editing?.title ?? '');
  const [text, setText] = useState(editing?.text ?? '');
  const [examples, setExamples] = useState((editing?.examples ?? []).join('\n'));
  const [sources, setSources] = useState<FindingSource[]>(editing?.sources ?? []);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const lines = examplesOf(examples);
    const next: Record<string, string> = {};
    if (!title.trim()) next.title = '題を入力してください';
    if (lines.length > MAX_EXAMPLES) next.examples = `例は ${MAX_EXAMPLES} 個までにしてください（いま ${lines.length} 個）`;
    const long = lines.findIndex((l) => l.length > MAX_EXAMPLE_LENGTH);
    if (long >= 0 && !next.examples) next.examples = `${long + 1} つ目の例が長すぎます（${MAX_EXAMPLE_LENGTH} 字まで）`;
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    const body = {
      kind,
      nodeCode: nodeCode || null,
      title: title.trim(),
      text: text.trim() || null,
      examples: lines,
      sources: FINDING_SOURCES.filter((s) => sources.includes(s)),
    };
    try {
      const saved = editing ? await update.mutateAsync({ id: editing.id, body: { ...body, version: editing.version } }) : await create.mutateAsync(body);
      onSaved(saved);
    } catch {
      // shown below and at the fields
    }
  };

  const fieldError = (field: string) => errors[field] ?? fieldErrorOf(error, field);
  const toggle = (source: FindingSource, checked: boolean) =>
    setSources(checked ? [...sources, source] : sources.filter((s) => s !== source));
  const shownFields = ['kind', 'nodeCode', 'title', 'text', 'examples', 'sources', ...Array.from({ length: MAX_EXAMPLES + 1 }, (_, i) => `examples[${i}]`)];
  const heading = editing ? `課題・困りごとの編集: ${editing.title}` : '課題・困りごとを追加';

  return (
    <form className="stack panel" aria-labelledby={`${id}-heading`} onSubmit={submit} noValidate>
      <h3 id={`${id}-heading`}>{heading}</h3>
      <div className="row">
        <SelectField
          label="種類"
          required
          autoFocus
          value={kind}
          options={FINDING_KINDS.map((k) => ({ value: k, label: FINDING_KIND_LABELS[k] }))}
          onChange={(e) => setKind(e.target.value as FindingKind)}
          error={fieldError('kind')}
        />
        <SelectField
          label="項目"
          hint="この課題・困りごとが関わる項目（計画全体のものは「計画全体」）"
          value={nodeCode}
          options={nodeOptions(nodes)}
          onChange={(e) => setNodeCode(e.target.value)}
          error={fieldError('nodeCode') ?? problemDetail(error, 'node-not-found')}
        />
      </div>
      <TextField
        label="題"
        required
        maxLength={200}
        hint="例: 支え合う意識やつながりの希薄化への対応が必要、ゴミ出し"
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        error={fieldError('title')}
      />
      <TextAreaField label="本文" rows={4} maxLength={4000} hint="計画書に書かれたとおりに（改行もそのまま表示します）" value={text} onChange={(e) => setText(e.target.value)} error={fieldError('text')} />
      <TextAreaField
        label="例"
        rows={4}
        hint={`住民から寄せられた声などを 1 行に 1 つ（${MAX_EXAMPLES} 個まで）。例: 粗大ごみを出せないのを助けてほしい`}
        value={examples}
        onChange={(e) => setExamples(e.target.value)}
        error={fieldError('examples') ?? exampleError(error)}
      />
      <fieldset className={`fieldset${fieldError('sources') ? ' field--invalid' : ''}`}>
        <legend>出てきたところ</legend>
        <div className="finding-form__sources">
          {FINDING_SOURCES.map((s) => (
            <label key={s} className="checkbox">
              <input type="checkbox" checked={sources.includes(s)} onChange={(e) => toggle(s, e.target.checked)} />
              <span>{FINDING_SOURCE_LABELS[s]}</span>
            </label>
          ))}
        </div>
        {fieldError('sources') && <p className="field__error">{fieldError('sources')}</p>}
      </fieldset>
      <FocusOnError error={error}>
        <div aria-live="polite">
          {isStaleVersion(error) ? (
            <StaleVersionAlert onReload={onReload} reloading={reloading} />
          ) : (
            error && !problemDetail(error, 'node-not-found') && <ProblemAlert error={error} shownFields={shownFields} />
          )}
        </div>
      </FocusOnError>
      <FormActions submitLabel={editing ? '変更を保存' : '追加する'} pending={mutation.isPending} onCancel={onCancel} />
    </form>
  );
}
