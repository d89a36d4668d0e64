import type { ReactNode } from 'react';
import { SelectField, TextField } from '@/components/ui/field';
import type { ActorRoleKind } from '../api/plans';
import { LEGEND_MAX, ROLE_KIND_LABELS, type RoleLegendEntry } from '../legend';
import { keyed, RowList, type Keyed } from './row-list';

export type LegendRow = Keyed<RoleLegendEntry>;

/** A legend as rows of the editor (each with an id of its own, so that its inputs stay with it when it moves). */
export function legendRows(legend: readonly RoleLegendEntry[]): LegendRow[] {
  return legend.map((e) => keyed({ ...e }));
}

const KIND_OPTIONS = (Object.keys(ROLE_KIND_LABELS) as ActorRoleKind[]).map((k) => ({ value: k, label: ROLE_KIND_LABELS[k] }));

export interface LegendEditorProps {
  /** The name of the list (the fieldset's legend): 役割の記号の凡例, この項目の凡例. */
  title: string;
  hint?: ReactNode;
  rows: readonly LegendRow[];
  onChange: (rows: LegendRow[]) => void;
  /** The message for a field, named as the API names it: legend, legend[0].symbol, legend[0].meaning. */
  fieldError: (field: string) => string | undefined;
  /** A plan needs at least one line; a node none (it then follows the legend above it). */
  min?: number;
  /** Shown while the list is empty. */
  empty?: ReactNode;
}

/**
 * A role legend as the city prints it above its matrices (「事業の実施主体〔○〕 連携・協力団体〔□〕」): for each line the
 * symbol, what it means there and the kind of role it is (実施主体 / 連携・協力). Lines are added, removed and moved
 * with buttons, so the keyboard does all of it. The plan form and the node form both use it.
 */
export function LegendEditor({ title, hint, rows, onChange, fieldError, min = 0, empty }: LegendEditorProps) {
  return (
    <RowList
      legend={title}
      hint={
        hint || (rows.length === 0 && empty) ? (
          <>
            {hint}
            {rows.length === 0 && empty && <> {empty}</>}
          </>
        ) : undefined
      }
      rows={rows}
      onChange={onChange}
      rowName={(i) => `凡例${i + 1}行目`}
      newRow={(): RoleLegendEntry => ({ symbol: '', meaning: '', role: rows.some((r) => r.role === 'LEAD') ? 'PARTNER' : 'LEAD' })}
      addLabel="凡例の行を追加"
      min={min}
      max={LEGEND_MAX}
      error={fieldError('legend')}
      renderRow={(row, i, set) => (
        <div className="row">
          <TextField
            label={`凡例${i + 1}行目の記号`}
            required
            maxLength={4}
            className="input input--narrow"
            value={row.symbol}
            onChange={(e) => set({ symbol: e.target.value })}
            error={fieldError(`legend[${i}].symbol`)}
          />
          <TextField
            label={`凡例${i + 1}行目の意味`}
            required
            maxLength={60}
            value={row.meaning}
            onChange={(e) => set({ meaning: e.target.value })}
            error={fieldError(`legend[${i}].meaning`)}
          />
          <SelectField
            label={`凡例${i + 1}行目の役割`}
            required
            value={row.role}
            options={KIND_OPTIONS}
            onChange={(e) => set({ role: e.target.value as ActorRoleKind })}
            error={fieldError(`legend[${i}].role`)}
          />
        </div>
      )}
    />
  );
}
