import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { components } from '@/lib/api/schema';
import { fileNameOf, saveBlob } from '@/lib/download';

export type AuditEntry = components['schemas']['AuditEntry'];
export type AuditAction = components['schemas']['AuditAction'];
export type AuditedRecord = components['schemas']['AuditedRecord'];
export type AuditEntryList = components['schemas']['AuditEntryList'];

/** What the log is narrowed to; every field is optional, and empty means all. */
export interface AuditFilter {
  /** The user name of whoever acted, exactly. */
  actor?: string;
  entity?: AuditedRecord;
  /** The first and last day (YYYY-MM-DD, Japan time, both included). */
  from?: string;
  to?: string;
}

/** Entries on one page of the table (the API's own default is 200; a screen reads better with fewer). */
export const AUDIT_PAGE_SIZE = 50;

const query = (filter: AuditFilter) => ({
  actor: filter.actor || undefined,
  entity: filter.entity || undefined,
  from: filter.from || undefined,
  to: filter.to || undefined,
});

/** One page of the log, newest first, from `cursor` (undefined: the newest); the page shown stays while the next loads. */
export function useAuditLog(filter: AuditFilter, cursor: string | undefined) {
  return useQuery({
    queryKey: ['audit-log', query(filter), cursor ?? null],
    // The operation also answers text/csv, so its type is a union: asked for JSON (the client's Accept), JSON it is.
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/audit-log', { params: { query: { ...query(filter), limit: AUDIT_PAGE_SIZE, cursor } } })) as AuditEntryList,
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

/**
 * The whole log under this filter, every page, as the API's CSV (Excel-ready, with a BOM), saved as a file: for the
 * city's 個人情報保護 review. Fetched with the bearer token, so a plain link would not do.
 */
export function useDownloadAuditCsv() {
  return useMutation({
    mutationFn: async (filter: AuditFilter) => {
      const result = await api.GET('/api/v1/audit-log', {
        params: { query: { ...query(filter), format: 'csv' } },
        headers: { Accept: 'text/csv, application/problem+json' },
        parseAs: 'blob',
      });
      const blob = unwrap(result) as unknown as Blob;
      const fileName = fileNameOf(result.response.headers.get('Content-Disposition'), 'audit-log.csv');
      saveBlob(blob, fileName);
      return fileName;
    },
  });
}
