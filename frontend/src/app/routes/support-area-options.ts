import { areaLabel } from '@/features/areas/area-label';
import { useAreasByCode, useAreasOfKind, useChildAreas } from '@/features/areas/api/areas';
import { hasRole, useMe } from '@/features/auth/api/get-me';
import type { AreaOption } from '@/lib/support-areas';

/** One of the caller's districts as the API names it (the code until it has answered, or when it cannot). */
export interface MyDistrict {
  code: string;
  name: string;
  retired: boolean;
}

/** The caller's districts (/me.districts), named from /areas/{code}; none for an ADMIN without districts. */
export function useMyDistricts(): MyDistrict[] {
  const me = useMe();
  const codes = me.data?.districts ?? [];
  const areas = useAreasByCode(codes);
  return codes.map((code, i) => {
    const area = areas[i]?.data;
    return { code, name: area?.name ?? code, retired: area?.retired ?? false };
  });
}

/**
 * The areas a new recipient or supporter may be registered in: the caller's own districts first, each followed by
 * the neighbourhoods below it; for ADMIN then every other school district. Retired areas are never offered (the API
 * refuses them with 422 area-retired), nor are other districts to a coordinator (422 area-not-yours). A record's
 * own area stays choosable in its edit form, which adds it when it is not here.
 */
export function useSupportAreaOptions(): AreaOption[] {
  const me = useMe();
  const admin = hasRole(me.data, 'ADMIN');
  const mine = useMyDistricts().filter((d) => !d.retired);
  const children = useChildAreas(mine.map((d) => d.code));
  const all = useAreasOfKind('SCHOOL_DISTRICT', admin);

  const options: AreaOption[] = [];
  mine.forEach((district, i) => {
    options.push({ value: district.code, label: district.name, district: district.code });
    for (const n of children[i]?.data ?? []) {
      if (!n.retired) options.push({ value: n.code, label: `${district.name}・${n.name}`, district: district.code });
    }
  });
  if (admin) {
    for (const d of all.data ?? []) {
      if (!d.retired && !options.some((o) => o.value === d.code)) {
        options.push({ value: d.code, label: areaLabel(d), district: d.code });
      }
    }
  }
  return options;
}
