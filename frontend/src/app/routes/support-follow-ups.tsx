import { Navigate, useSearchParams } from 'react-router';
import { ProblemAlert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SelectField } from '@/components/ui/field';
import { Loading } from '@/components/ui/loading';
import { PageHeading } from '@/components/ui/page-heading';
import { paths } from '@/config/paths';
import { hasRole, useMe } from '@/features/auth/api/get-me';
import { useFollowUps, useFollowUpSettings } from '@/features/followups/api/follow-ups';
import { FollowUpSection } from '@/features/followups/components/follow-up-section';
import { FollowUpSettingsForm } from '@/features/followups/components/follow-up-settings-form';
import { FOLLOW_UP_KINDS } from '@/features/followups/labels';
import { useReload } from '@/lib/use-reload';
import { SupportNav } from '../shell/support-nav';
import { useMyDistricts } from './support-area-options';
import { canCoordinate } from './support-guard';

/**
 * 要対応, the coordinator's start page in 生活支援: what needs a call today in their districts (requests waiting for a
 * supporter, proposals without an answer, support without an activity record, supporters not asked for long), each
 * with the way to where it is handled; for ADMIN also the city's thresholds.
 */
export function SupportFollowUpsRoute() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const area = params.get('area') ?? '';
  const allowed = canCoordinate(me.data);
  const queue = useFollowUps(area || undefined, allowed);
  const districts = useMyDistricts();

  if (me.isPending) return <Loading />;
  // Viewers and planners see the statistics only.
  if (!allowed) return <Navigate to={paths.supportStats} replace />;

  return (
    <div className="stack">
      <PageHeading lead="担当地区で、いま連絡や調整が必要なものです。開いたときの記録から数えています。">要対応</PageHeading>
      <SupportNav canCoordinate />
      <div className="toolbar">
        {districts.length > 0 && (
          <SelectField
            label="地区"
            value={area}
            placeholder="担当地区すべて"
            options={districts.map((d) => ({ value: d.code, label: d.retired ? `${d.name}（廃止）` : d.name }))}
            onChange={(e) => setParams(e.target.value ? { area: e.target.value } : {}, { replace: true })}
          />
        )}
        <Button variant="secondary" onClick={() => void queue.refetch()}>
          最新の状態にする
        </Button>
      </div>
      {queue.isPending ? (
        <Loading label="要対応を読み込んでいます…" />
      ) : queue.isError ? (
        <ProblemAlert error={queue.error} />
      ) : (
        <>
          {/* Live, so that a new count (another district, 最新の状態にする) is read out. */}
          <p aria-live="polite">対応が必要なもの 合計 {queue.data.total}件</p>
          {FOLLOW_UP_KINDS.map((kind) => {
            const items = queue.data.items.filter((i) => i.kind === kind);
            return <FollowUpSection key={kind} kind={kind} items={items} count={queue.data.counts[kind] ?? items.length} settings={queue.data.settings} />;
          })}
        </>
      )}
      {hasRole(me.data, 'ADMIN') && <ThresholdSettings />}
    </div>
  );
}

/** しきい値の設定 (ADMIN), folded away: changed seldom, and only by the city. */
function ThresholdSettings() {
  const settings = useFollowUpSettings();
  const { generation, reloading, reload } = useReload(settings.refetch);
  return (
    <details className="rule-details">
      <summary>しきい値の設定</summary>
      {settings.isPending ? (
        <Loading label="しきい値を読み込んでいます…" />
      ) : settings.isError ? (
        <ProblemAlert error={settings.error} />
      ) : (
        <FollowUpSettingsForm key={generation} settings={settings.data} onReload={reload} reloading={reloading} />
      )}
    </details>
  );
}
