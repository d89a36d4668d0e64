import { useSearchParams } from 'react-router';
import { ProblemAlert } from '@/components/ui/alert';
import { SelectField } from '@/components/ui/field';
import { Loading } from '@/components/ui/loading';
import { PageHeading } from '@/components/ui/page-heading';
import { useMe } from '@/features/auth/api/get-me';
import { useSupporters } from '@/features/support/api/support';
import { SupportNav } from '@/features/support/components/support-nav';
import { SupportersTable } from '@/features/support/components/supporters-table';
import { supportAreaName } from '@/features/support/areas';
import { RequireCoordinator } from './support-guard';

/** 担い手の一覧 of the caller's districts: what they can do, when they are free, their load. */
export function SupportSupportersRoute() {
  return (
    <RequireCoordinator>
      <SupportSupportersPage />
    </RequireCoordinator>
  );
}

function SupportSupportersPage() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const area = params.get('area') ?? '';
  const supporters = useSupporters(area || undefined);
  const districts = me.data?.districts ?? [];
  return (
    <div className="stack">
      <PageHeading lead="担当地区の担い手と、毎週の空き時間・受け持ちの件数です。">担い手の一覧</PageHeading>
      <SupportNav canCoordinate />
      {districts.length > 0 && (
        <div className="toolbar">
          <SelectField
            label="地区"
            value={area}
            placeholder="担当地区すべて"
            options={districts.map((code) => ({ value: code, label: supportAreaName(code) }))}
            onChange={(e) => setParams(e.target.value ? { area: e.target.value } : {}, { replace: true })}
          />
        </div>
      )}
      {supporters.isPending ? (
        <Loading label="担い手を読み込んでいます…" />
      ) : supporters.isError ? (
        <ProblemAlert error={supporters.error} />
      ) : (
        <>
          <p>{supporters.data.length}人（活動中 {supporters.data.filter((s) => s.active).length}人）</p>
          <SupportersTable supporters={supporters.data} />
        </>
      )}
    </div>
  );
}
