import { lazy, Suspense } from 'react';
import { useParams } from 'react-router';
import { ProblemAlert } from '@/components/ui/alert';
import { Loading } from '@/components/ui/loading';
import { PageHeading } from '@/components/ui/page-heading';
import { useSupportCategories } from '@/features/categories/api/support-categories';
import { RecipientEditPanel } from '@/features/recipients/components/recipient-form';
import { SharingGroundsSection } from '@/features/recipients/components/sharing-grounds';
import { useSupportRequest } from '@/features/requests/api/support-requests';
import { RequestDetails, type RequestEdit } from '@/features/requests/components/request-details';
import { SupportNav } from '../shell/support-nav';
import { useSupportAreaOptions } from './support-area-options';
import { RequireCoordinator } from './support-guard';

/**
 * One request: details (内容を直す), 情報共有の根拠 (同意・支援会議の決定), proposals (引受・辞退・完了, 活動記録), candidates (依頼する), 相談窓口へつなぐ,
 * 取り消す, 再開する, and its 経過.
 */
export function SupportRequestRoute() {
  return (
    <RequireCoordinator>
      <SupportRequestPage />
    </RequireCoordinator>
  );
}

function SupportRequestPage() {
  const { id } = useParams();
  const requestId = id && /^\d+$/.test(id) ? Number(id) : undefined;
  const request = useSupportRequest(requestId);
  const areaOptions = useSupportAreaOptions();
  return (
    <div className="stack">
      <PageHeading>{request.data ? `相談 ${request.data.id}: ${request.data.recipientName}さん` : '相談'}</PageHeading>
      <SupportNav canCoordinate />
      {requestId === undefined ? (
        <ProblemAlert error={new Error('相談の番号が正しくありません。')} />
      ) : request.isPending ? (
        <Loading label="相談を読み込んでいます…" />
      ) : request.isError ? (
        <ProblemAlert error={request.error} />
      ) : (
        <RequestDetails
          request={request.data}
          recipientEditor={(edit) => <RecipientEditPanel {...edit} areaOptions={areaOptions} />}
          requestEditor={(edit) => <RequestEditor {...edit} />}
          sharingGrounds={(recipient) => <SharingGroundsSection key={recipient.recipientId} {...recipient} />}
        />
      )}
    </div>
  );
}

// The form (react-hook-form among it) loads when it is first opened: the page is mostly read, and the main chunk
// is close to the 500 kB Vite warns at.
const RequestEditPanel = lazy(async () => ({ default: (await import('@/features/requests/components/request-edit-form')).RequestEditPanel }));

/** 内容を直す with the categories in use (features/categories), read when the form is opened. */
function RequestEditor(edit: RequestEdit) {
  const categories = useSupportCategories();
  return (
    <Suspense fallback={<Loading label="入力欄を読み込んでいます…" />}>
      <RequestEditPanel {...edit} categories={categories} />
    </Suspense>
  );
}
