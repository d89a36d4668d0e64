import { ASSIGNMENT_STATUS_LABELS, REQUEST_STATUS_LABELS } from '../labels';
import '../requests.css';

/** 受付 / 調整中 / … for a request, 依頼中 / 引受 / … for an assignment. */
export function SupportStatusBadge({ status, kind = 'request' }: { status: string; kind?: 'request' | 'assignment' }) {
  const labels = kind === 'request' ? REQUEST_STATUS_LABELS : ASSIGNMENT_STATUS_LABELS;
  return <span className={`support-status support-status--${status}`}>{labels[status] ?? status}</span>;
}
