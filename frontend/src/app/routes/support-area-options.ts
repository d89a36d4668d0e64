import { areaLabel } from '@/features/areas/area-label';
import { useSchoolDistricts } from '@/features/areas/api/get-school-districts';
import { hasRole, useMe } from '@/features/auth/api/get-me';
import { supportAreaName, type AreaOption } from '@/lib/support-areas';

/**
 * The districts a recipient or a supporter may be registered in: the caller's (/me.districts), or every school
 * district for ADMIN. The API refuses any other (422 area-not-yours), so the forms offer only these.
 */
export function useSupportAreaOptions(): AreaOption[] {
  const me = useMe();
  const districts = useSchoolDistricts();
  const all = districts.data ?? [];
  if (hasRole(me.data, 'ADMIN')) return all.map((a) => ({ value: a.code, label: areaLabel(a) }));
  return (me.data?.districts ?? []).map((code) => {
    const known = all.find((a) => a.code === code);
    return { value: code, label: known ? known.name : supportAreaName(code) };
  });
}
