import { useNavigate } from 'react-router';
import { PageHeading } from '@/components/ui/page-heading';
import { links } from '@/config/paths';
import { areaLabel } from '@/features/areas/area-label';
import { useSchoolDistricts } from '@/features/areas/api/get-school-districts';
import { hasRole, useMe } from '@/features/auth/api/get-me';
import { IntakeForm } from '@/features/support/components/intake-form';
import { SupportNav } from '@/features/support/components/support-nav';
import { supportAreaName } from '@/features/support/areas';
import { RequireCoordinator } from './support-guard';

/** The districts a new recipient may live in: the caller's (/me.districts), or every school district for ADMIN. */
function useAreaOptions() {
  const me = useMe();
  const districts = useSchoolDistricts();
  const all = districts.data ?? [];
  if (hasRole(me.data, 'ADMIN')) return all.map((a) => ({ value: a.code, label: areaLabel(a) }));
  return (me.data?.districts ?? []).map((code) => {
    const known = all.find((a) => a.code === code);
    return { value: code, label: known ? known.name : supportAreaName(code) };
  });
}

/** 新しい相談: find or register the recipient, then what they need and when. */
export function SupportRequestNewRoute() {
  return (
    <RequireCoordinator>
      <SupportRequestNewPage />
    </RequireCoordinator>
  );
}

function SupportRequestNewPage() {
  const navigate = useNavigate();
  const areaOptions = useAreaOptions();
  return (
    <div className="stack">
      <PageHeading lead="要支援者を探すか新しく登録し、困りごと・日時・有償/無償を入力します。">新しい相談</PageHeading>
      <SupportNav canCoordinate />
      <IntakeForm areaOptions={areaOptions} onCreated={(r) => navigate(links.supportRequest(r.id))} />
    </div>
  );
}
