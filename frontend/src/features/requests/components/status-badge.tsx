import type { AssignmentStatus, RequestStatus } from '../api/support-requests';
import { ASSIGNMENT_STATUS_LABELS, REQUEST_STATUS_LABELS } from '../labels';
import '../requests.css';

/** 受付 / 調整中 / … for a request, 依頼中 / 引受 / … for an assignment. */
export function SupportStatusBadge(
  props: { status: RequestStatus; kind?: 'request' } | { status: AssignmentStatus; kind: 'assignment' },
) {
  const label = props.kind === 'assignment' ? ASSIGNMENT_STATUS_LABELS[props.status] : REQUEST_STATUS_LABELS[props.status];
  return <span className={`support-status support-status--${props.status}`}>{label}</span>;
}
