import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { components } from '@/lib/api/schema';
import { supportKey } from '@/lib/api/support-key';

export type DistrictProfile = components['schemas']['DistrictProfileResponse'];
export type DistrictProfileRequest = components['schemas']['DistrictProfileRequest'];
export type OfferedPayment = components['schemas']['OfferedPayment'];

const profilesKey = [...supportKey, 'profiles'] as const;

/** 校区の取り組み概要 of the school districts in an area (the district itself, or those under a ward or the city) in one year. */
export function useDistrictProfiles(area: string, fiscalYear: number) {
  return useQuery({
    queryKey: [...profilesKey, area, fiscalYear],
    queryFn: async () => unwrap(await api.GET('/api/v1/support-stats/profiles', { params: { query: { area, fiscalYear } } })),
    enabled: Boolean(area) && Number.isInteger(fiscalYear),
  });
}

/**
 * Writes a district's 取り組み概要 for a year (ADMIN, or a coordinator of that district): a new one without a
 * version, a change with the version it was read at. The 相談員 count is one of the figures, so they are read again.
 */
export function usePutDistrictProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ area, fiscalYear, body }: { area: string; fiscalYear: number; body: DistrictProfileRequest }) =>
      unwrap(await api.PUT('/api/v1/support-stats/profiles/{area}/{fiscalYear}', { params: { path: { area, fiscalYear } }, body })),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: profilesKey }),
        queryClient.invalidateQueries({ queryKey: [...supportKey, 'stats'] }),
      ]),
  });
}
