import { useQuery } from '@tanstack/react-query';
import type { components } from '@/lib/api/schema';
import { areasOfKindQueryOptions } from './areas';

export type Area = components['schemas']['AreaResponse'];
export type AreaRef = components['schemas']['AreaRef'];
export type AreaKind = components['schemas']['AreaKind'];

/** All school districts (校区) the caller may see, fetched once and kept for the session. */
export const schoolDistrictsQueryOptions = areasOfKindQueryOptions('SCHOOL_DISTRICT');

export function useSchoolDistricts() {
  return useQuery(schoolDistrictsQueryOptions);
}
