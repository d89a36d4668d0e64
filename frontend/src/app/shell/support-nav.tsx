import { NavLink } from 'react-router';
import { paths } from '@/config/paths';
import { FollowUpNavLabel } from '@/features/followups/components/follow-up-nav-label';

/** The pages of 生活支援; coordinators see all of them, others only the statistics. */
export function SupportNav({ canCoordinate }: { canCoordinate: boolean }) {
  const items = [
    ...(canCoordinate
      ? [
          { to: paths.supportFollowUps, label: <FollowUpNavLabel />, end: true },
          { to: paths.supportRequests, label: '相談の一覧', end: true },
          { to: paths.supportNewRequest, label: '新しい相談', end: true },
          { to: paths.supportBatch, label: '一括マッチング', end: true },
          { to: paths.supportSupporters, label: '担い手の一覧', end: true },
        ]
      : []),
    { to: paths.supportStats, label: '地区の統計', end: true },
  ];
  return (
    <nav aria-label="生活支援のメニュー">
      <ul className="support-nav">
        {items.map((i) => (
          <li key={i.to}>
            <NavLink to={i.to} end={i.end}>
              {i.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
