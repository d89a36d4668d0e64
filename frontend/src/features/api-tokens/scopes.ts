/**
 * What a system token may do, in Japanese. The API types a scope as a plain string (its description lists the
 * values), so this table is the SPA's list of them; a scope it does not know is shown by its code.
 */
export const SCOPE_LABELS: Readonly<Record<string, string>> = {
  'kpi:read': '計画・指標・地区の統計を読む',
  'directory:read': '相談先一覧と地域を読む',
  'indicator-values:write': '指標の実績値を書き込む',
};

export const SCOPES = Object.keys(SCOPE_LABELS);

export function scopeLabel(scope: string): string {
  return SCOPE_LABELS[scope] ?? scope;
}
