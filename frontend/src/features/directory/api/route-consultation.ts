import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { components } from '@/lib/api/schema';
import type { WindowCategory } from '../category';

export type RouteResponse = components['schemas']['RouteResponse'];
export type RoutedWindow = components['schemas']['RoutedWindow'];

/** Which consultation windows serve an area (code or exact name) for a category. Runs once both are chosen. */
export function useRouteConsultation(area: string | null, category: WindowCategory | null) {
  return useQuery({
    queryKey: ['consultation-windows', 'route', { area, category }],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/consultation-windows/route', {
          params: { query: { area: area!, category: category! } },
        }),
      ),
    enabled: Boolean(area && category),
    placeholderData: keepPreviousData,
    retry: false,
  });
}
