import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { components } from '@/lib/api/schema';

export type PasswordChangeRequest = components['schemas']['PasswordChangeRequest'];

/** Changes the signed-in person's own password (the current one is asked for again). */
export function useChangePassword() {
  return useMutation({
    mutationFn: async (body: PasswordChangeRequest) => {
      unwrap(await api.PUT('/api/v1/me/password', { body }));
    },
  });
}
