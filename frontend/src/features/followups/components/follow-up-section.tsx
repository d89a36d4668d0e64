import { useId } from 'react';
import { Link } from 'react-router';
import { links, paths } from '@/config/paths';
import { formatDate } from '@/lib/format';
import type { FollowUpItem, FollowUpKind, FollowUpSettings } from '../api/follow-ups';
import { FOLLOW_UP_HEADINGS, followUpDescription } from '../labels';
import '../followups.css';

export interface FollowUpSectionProps {
  kind: FollowUpKind;
  /** The items of this kind, in the API's order (urgent first, then the oldest). */
  items: readonly FollowUpItem[];
  /** How many the API counted (the items' length when it did not say). */
  count?: number;
  /** The thresholds the queue was computed with, said in the section's description. */
  settings: FollowUpSettings;
}

/** One kind of 要対応: heading with its count, what it holds (with the threshold), and the items or that there are none. */
export function FollowUpSection({ kind, items, count = items.length, settings }: FollowUpSectionProps) {
  const headingId = useId();
  return (
    <section className="stack" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {FOLLOW_UP_HEADINGS[kind]}（{count}件）
      </h2>
      <p className="muted">{followUpDescription(kind, settings)}</p>
      {items.length === 0 ? (
        <p className="empty">対応が必要なものはありません</p>
      ) : (
        <ul className="followup-list">
          {items.map((item) => (
            <FollowUpEntry key={`${item.kind}-${item.assignmentId ?? item.requestId ?? item.supporterId}`} item={item} />
          ))}
        </ul>
      )}
    </section>
  );
}

/** The supporters of the item's area: there is no page of one supporter, the list shows them with its filter set. */
const supportersOf = (area: string) => `${paths.supportSupporters}?area=${encodeURIComponent(area)}`;

function FollowUpEntry({ item }: { item: FollowUpItem }) {
  const urgent = item.kind === 'REQUEST_WAITING' && item.urgency === 'HIGH';
  const idle = item.kind === 'SUPPORTER_IDLE';
  const title = idle ? `${item.supporterName ?? '担い手'}さん` : `相談 ${item.requestId}: ${item.recipientName ?? ''}さん`;
  const to = idle ? supportersOf(item.area.code) : item.requestId != null ? links.supportRequest(item.requestId) : undefined;
  const meta = [
    `地区: ${item.area.name}`,
    item.category && `困りごと: ${item.category}`,
    !idle && item.supporterName && `担い手: ${item.supporterName}さん`,
    `${formatDate(item.since)}から ${item.days}日`,
  ].filter(Boolean);
  return (
    <li className={`followup${urgent ? ' followup--urgent' : ''}`}>
      <p className="followup__title">
        {urgent && <span className="followup__urgent">緊急</span>}
        {to ? <Link to={to}>{title}</Link> : title}
      </p>
      <p>{item.summary}</p>
      <p className="followup__meta muted">{meta.join('・')}</p>
    </li>
  );
}
