import { useId, useState } from 'react';
import { ProblemAlert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Loading } from '@/components/ui/loading';
import { PageHeading } from '@/components/ui/page-heading';
import { useAuditLog, useDownloadAuditCsv, type AuditFilter } from '@/features/audit/api/audit-log';
import { AuditFilterForm, describeFilter } from '@/features/audit/components/audit-filter-form';
import { AuditTable } from '@/features/audit/components/audit-table';
import { errorMessage } from '@/lib/api/problem';
import { RequireRole } from '../shell/require-auth';

/** 監査ログ (ADMIN): who read or changed personal data and staff accounts, filtered, paged, and as CSV. */
export function AdminAuditRoute() {
  return (
    <RequireRole role="ADMIN">
      <AdminAuditPage />
    </RequireRole>
  );
}

function AdminAuditPage() {
  const [filter, setFilter] = useState<AuditFilter>({});
  // The cursors of the pages walked through, the first (undefined) included: 前へ goes back one, 最初へ to the start.
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const page = cursors.length;
  const log = useAuditLog(filter, cursors[page - 1]);
  const download = useDownloadAuditCsv();
  const headingId = useId();
  const csvNoteId = useId();

  const apply = (next: AuditFilter) => {
    setFilter(next);
    setCursors([undefined]);
    download.reset();
  };
  const nextCursor = log.data?.nextCursor;

  return (
    <div className="stack">
      <PageHeading lead="要支援者・担い手の個人情報の閲覧と変更、職員アカウントの変更の記録です（新しい順）。記録は変更も削除もできません。">
        監査ログ
      </PageHeading>
      <AuditFilterForm initial={filter} onApply={apply} />

      <section className="stack" aria-labelledby={headingId}>
        <h2 id={headingId}>記録</h2>
        <div className="toolbar">
          <Button variant="secondary" disabled={download.isPending} onClick={() => download.mutate(filter)} aria-describedby={csvNoteId}>
            {download.isPending ? 'CSV を準備しています…' : 'CSV をダウンロード'}
          </Button>
          <p className="muted" id={csvNoteId}>
            {describeFilter(filter)}をすべて（ページに分けずに）CSV にします。個人情報保護の点検に使えます。
          </p>
        </div>
        <div aria-live="polite">
          {download.isError && (
            <p className="field__error" role="alert">
              {errorMessage(download.error)}
            </p>
          )}
          {download.isSuccess && <p role="status">「{download.data}」を保存しました。</p>}
        </div>
        {log.isPending ? (
          <Loading label="監査ログを読み込んでいます…" />
        ) : log.isError ? (
          <ProblemAlert error={log.error} />
        ) : (
          <>
            <p aria-live="polite">
              {page} ページ目（{log.data.items.length}件）{log.isPlaceholderData && ' — 読み込んでいます…'}
            </p>
            <AuditTable entries={log.data.items} />
            {(page > 1 || nextCursor) && (
              <nav className="actions" aria-label="監査ログのページ">
                {page > 1 && (
                  <>
                    <Button variant="secondary" onClick={() => setCursors([undefined])}>
                      最初へ
                    </Button>
                    <Button variant="secondary" onClick={() => setCursors((list) => list.slice(0, -1))}>
                      前へ
                    </Button>
                  </>
                )}
                {nextCursor && (
                  <Button variant="secondary" disabled={log.isPlaceholderData} onClick={() => setCursors((list) => [...list, nextCursor])}>
                    次へ
                  </Button>
                )}
              </nav>
            )}
          </>
        )}
      </section>
    </div>
  );
}
