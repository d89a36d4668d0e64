import { useId } from 'react';
import { useSearchParams } from 'react-router';
import { ProblemAlert } from '@/components/ui/alert';
import { Loading } from '@/components/ui/loading';
import { PageHeading } from '@/components/ui/page-heading';
import { useMe } from '@/features/auth/api/get-me';
import { useSupportStats } from '@/features/supportstats/api/support-stats';
import { StatsView } from '@/features/supportstats/components/stats-view';
import { fiscalYearOf, formatFiscalYear } from '@/lib/fiscal-year';
import { SUPPORT_AREAS, SUPPORT_CITY, SUPPORT_DISTRICTS, SUPPORT_WARDS } from '@/lib/support-areas';
import { SupportNav } from '../shell/support-nav';
import { canCoordinate } from './support-guard';

/** The demo data's year (令和2年度), shown when no year is asked for. */
const DEFAULT_FISCAL_YEAR = 2020;
const FIRST_FISCAL_YEAR = 2020;

/** 地区の統計: 相談件数, 需給調整件数, 担い手, and the shares by category for a district, a ward or the city. */
export function SupportStatsRoute() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const areaId = useId();
  const yearId = useId();

  const myDistrict = me.data?.districts.find((c) => SUPPORT_AREAS.some((a) => a.code === c));
  const area = params.get('area') || myDistrict || SUPPORT_CITY.code;
  const asked = Number(params.get('fiscalYear'));
  const fiscalYear = Number.isInteger(asked) && asked >= 1989 && asked <= 2200 ? asked : DEFAULT_FISCAL_YEAR;
  const lastYear = Math.max(fiscalYearOf(new Date()), fiscalYear, FIRST_FISCAL_YEAR);
  const years: number[] = [];
  for (let y = lastYear; y >= Math.min(FIRST_FISCAL_YEAR, fiscalYear); y--) years.push(y);
  const stats = useSupportStats(area, fiscalYear);

  const update = (patch: { area?: string; fiscalYear?: number }) =>
    setParams({ area: patch.area ?? area, fiscalYear: String(patch.fiscalYear ?? fiscalYear) }, { replace: true });

  const known = SUPPORT_AREAS.some((a) => a.code === area);

  return (
    <div className="stack">
      <PageHeading lead="相談件数・需給調整件数・担い手の数と、困りごとの種類別の割合です（集計のみ）。">地区の統計</PageHeading>
      <SupportNav canCoordinate={canCoordinate(me.data)} />
      <div className="toolbar">
        <div className="field">
          <label className="field__label" htmlFor={areaId}>
            地域
          </label>
          <select id={areaId} className="select" value={area} onChange={(e) => update({ area: e.target.value })}>
            {!known && <option value={area}>{area}</option>}
            <optgroup label="校区">
              {SUPPORT_DISTRICTS.map((a) => (
                <option key={a.code} value={a.code}>
                  {a.name}
                </option>
              ))}
            </optgroup>
            <optgroup label="区">
              {SUPPORT_WARDS.map((a) => (
                <option key={a.code} value={a.code}>
                  {a.name}
                </option>
              ))}
            </optgroup>
            <optgroup label="市">
              <option value={SUPPORT_CITY.code}>{SUPPORT_CITY.name}</option>
            </optgroup>
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={yearId}>
            年度
          </label>
          <select id={yearId} className="select" value={fiscalYear} onChange={(e) => update({ fiscalYear: Number(e.target.value) })}>
            {years.map((y) => (
              <option key={y} value={y}>
                {formatFiscalYear(y)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {stats.isPending ? (
        <Loading label="統計を読み込んでいます…" />
      ) : stats.isError ? (
        <ProblemAlert error={stats.error} />
      ) : (
        <StatsView stats={stats.data} />
      )}
    </div>
  );
}
