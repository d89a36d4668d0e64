import { useId } from 'react';
import { useSearchParams } from 'react-router';
import { ProblemAlert } from '@/components/ui/alert';
import { Loading } from '@/components/ui/loading';
import { PageHeading } from '@/components/ui/page-heading';
import { useAreasOfKind } from '@/features/areas/api/areas';
import type { Area, AreaKind } from '@/features/areas/api/get-school-districts';
import { AREA_KIND_LABELS } from '@/features/areas/area-kind';
import { hasRole, useMe } from '@/features/auth/api/get-me';
import { useSupportStats, useSupportStatsYears } from '@/features/supportstats/api/support-stats';
import { DistrictProfilesSection } from '@/features/supportstats/components/district-profiles-section';
import { StatsView } from '@/features/supportstats/components/stats-view';
import { currentFiscalYear, formatFiscalYear } from '@/lib/fiscal-year';
import { SupportNav } from '../shell/support-nav';
import { useMyDistricts } from './support-area-options';
import { canCoordinate, seesOwnDistrictsOnly } from './support-guard';

/** The kinds of area the statistics are counted for, in the order the list offers them. */
const STAT_KINDS = ['CITY', 'WARD', 'SCHOOL_DISTRICT'] as const satisfies readonly AreaKind[];

const nameOf = (a: Pick<Area, 'name' | 'retired'>) => (a.retired ? `${a.name}（廃止）` : a.name);

/**
 * 地区の統計: 相談件数, 需給調整件数, 担い手, 相談員, the shares by category and under the report's headings for a
 * district, a ward or the city, and the 取り組み概要 of its districts (written by ADMIN, or by a coordinator for their
 * own districts). The areas
 * come from the API: a coordinator's own districts alone; for everyone else the caller's districts first, then every
 * city, ward and district. The years are those with records for the area and this fiscal year (in Japan), and the
 * page opens on the latest year with records.
 */
export function SupportStatsRoute() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const areaId = useId();
  const yearId = useId();

  const mine = useMyDistricts();
  const ownOnly = seesOwnDistrictsOnly(me.data);
  // The city's other areas are not even read for a coordinator.
  const everyArea = me.isSuccess && !ownOnly;
  const cities = useAreasOfKind('CITY', everyArea);
  const wards = useAreasOfKind('WARD', everyArea);
  const districts = useAreasOfKind('SCHOOL_DISTRICT', everyArea);
  const byKind = { CITY: cities, WARD: wards, SCHOOL_DISTRICT: districts };

  const askedArea = params.get('area');
  // A coordinator's page shows one of their districts, whatever the address asks for.
  const area = ownOnly
    ? (mine.find((d) => d.code === askedArea) ?? mine[0])?.code ?? ''
    : askedArea || mine[0]?.code || cities.data?.[0]?.code || '';
  const years = useSupportStatsYears(area);
  const asked = Number(params.get('fiscalYear'));
  const askedYear = params.get('fiscalYear') && Number.isInteger(asked) && asked >= 1989 && asked <= 2200 ? asked : undefined;
  const recorded = years.data?.fiscalYears ?? [];
  const thisYear = currentFiscalYear();
  // The latest year with records, or this one when the area has none yet (or its years cannot be read).
  const fiscalYear = askedYear ?? recorded[0] ?? (years.isPending ? undefined : thisYear);
  // Every year with records, this fiscal year even before its first record, and a year asked for in the address
  // (the figures then say there is nothing), newest first.
  const yearOptions = fiscalYear === undefined ? [] : [...new Set([...recorded, thisYear, fiscalYear])].sort((a, b) => b - a);
  const stats = useSupportStats(area, fiscalYear ?? Number.NaN);

  const update = (patch: { area?: string; fiscalYear?: number }) => {
    const next: Record<string, string> = { area: patch.area ?? area };
    const year = patch.fiscalYear ?? askedYear;
    if (year !== undefined) next.fiscalYear = String(year);
    setParams(next, { replace: true });
  };

  // 取り組み概要: ADMIN writes any school district's, a coordinator their own (the API says 403/404 to anything else).
  const admin = hasRole(me.data, 'ADMIN');
  const myCodes = new Set(me.data?.districts ?? []);
  const canEdit = (district: string) => admin || (hasRole(me.data, 'COORDINATOR') && myCodes.has(district));
  // The districts in the area (itself, or under it) the caller may add a profile for; retired ones take no new ones.
  const inArea = everyArea
    ? (districts.data ?? []).filter((d) => !d.retired && (d.code === area || d.path.some((p) => p.code === area)))
    : mine.filter((d) => !d.retired && d.code === area);
  const writable = inArea.filter((d) => canEdit(d.code)).map((d) => ({ code: d.code, name: d.name }));

  const listed = new Set<string>([...mine.map((d) => d.code), ...STAT_KINDS.flatMap((k) => (byKind[k].data ?? []).map((a) => a.code))]);
  const loadingAreas = me.isPending || (!area && everyArea && STAT_KINDS.some((k) => byKind[k].isPending));
  const areasError = everyArea ? STAT_KINDS.map((k) => byKind[k].error).find(Boolean) : undefined;

  return (
    <div className="stack">
      <PageHeading lead="相談件数・需給調整件数・担い手と相談員の数、困りごとの種類別・報告の見出し別の割合と、校区の取り組み概要です（集計のみ）。">地区の統計</PageHeading>
      <SupportNav canCoordinate={canCoordinate(me.data)} />
      {areasError && <ProblemAlert error={areasError} />}
      {loadingAreas ? (
        <Loading label="地域を読み込んでいます…" />
      ) : !area ? (
        <p>{ownOnly ? '担当地区が設定されていません。管理者に担当地区の設定を依頼してください。' : '統計を見られる地域がまだ登録されていません。'}</p>
      ) : (
        <>
          <div className="toolbar">
            <div className="field">
              <label className="field__label" htmlFor={areaId}>
                地域
              </label>
              <select id={areaId} className="select" value={area} onChange={(e) => update({ area: e.target.value })}>
                {!listed.has(area) && <option value={area}>{years.data?.area.name ?? area}</option>}
                {mine.length > 0 && (
                  <optgroup label="担当地区">
                    {mine.map((d) => (
                      <option key={d.code} value={d.code}>
                        {nameOf(d)}
                      </option>
                    ))}
                  </optgroup>
                )}
                {!ownOnly && STAT_KINDS.map((kind) => {
                  const areas = (byKind[kind].data ?? []).filter((a) => !mine.some((d) => d.code === a.code));
                  return (
                    areas.length > 0 && (
                      <optgroup key={kind} label={AREA_KIND_LABELS[kind]}>
                        {areas.map((a) => (
                          <option key={a.code} value={a.code}>
                            {nameOf(a)}
                          </option>
                        ))}
                      </optgroup>
                    )
                  );
                })}
              </select>
            </div>
            <div className="field">
              <label className="field__label" htmlFor={yearId}>
                年度
              </label>
              <select
                id={yearId}
                className="select"
                value={fiscalYear ?? ''}
                disabled={fiscalYear === undefined}
                onChange={(e) => update({ fiscalYear: Number(e.target.value) })}
              >
                {fiscalYear === undefined && <option value="">読み込み中…</option>}
                {yearOptions.map((y) => (
                  <option key={y} value={y}>
                    {formatFiscalYear(y)}
                  </option>
                ))}
              </select>
            </div>
          </div>
          {years.isError && <ProblemAlert error={years.error} />}
          {fiscalYear === undefined || stats.isPending ? (
            <Loading label="統計を読み込んでいます…" />
          ) : stats.isError ? (
            <ProblemAlert error={stats.error} />
          ) : (
            <StatsView stats={stats.data} />
          )}
          {fiscalYear !== undefined && (
            <DistrictProfilesSection key={`${area}:${fiscalYear}`} area={area} fiscalYear={fiscalYear} canEdit={canEdit} districts={writable} />
          )}
        </>
      )}
    </div>
  );
}
