import type { components } from '../../lib/api/schema';

export type Scope = components['schemas']['Scope'];

/** What a system token may do, in Japanese; typed by the API's own enum, so a new scope fails here. */
export const SCOPE_LABELS: Readonly<Record<Scope, string>> = {
  'kpi:read': '計画・指標・地区の統計を読む',
  'directory:read': '相談先一覧と地域を読む',
  'indicator-values:write': '指標の実績値を書き込む',
};

export const SCOPES = Object.keys(SCOPE_LABELS) as Scope[];

export function scopeLabel(scope: Scope): string {
  return SCOPE_LABELS[scope];
}
