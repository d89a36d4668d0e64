import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { components } from '@/lib/api/schema';

export type ConsultationWindow = components['schemas']['ConsultationWindowResponse'];
export type ConsultationWindowRequest = components['schemas']['ConsultationWindowRequest'];

const windowsKey = ['consultation-windows'] as const;

export function useConsultationWindows() {
  return useQuery({
    queryKey: [...windowsKey, 'list'],
    queryFn: async () => unwrap(await api.GET('/api/v1/consultation-windows')).items ?? [],
  });
}

export function useCreateConsultationWindow() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: ConsultationWindowRequest) =>
      unwrap(await api.POST('/api/v1/consultation-windows', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: windowsKey }),
  });
}

export function useUpdateConsultationWindow() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, body }: { id: number; body: ConsultationWindowRequest }) =>
      unwrap(await api.PUT('/api/v1/consultation-windows/{id}', { params: { path: { id } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: windowsKey }),
  });
}

export function useDeleteConsultationWindow() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: number) =>
      unwrap(await api.DELETE('/api/v1/consultation-windows/{id}', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: windowsKey }),
  });
}
