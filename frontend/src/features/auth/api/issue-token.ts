import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { components } from '@/lib/api/schema';
import { saveSession } from '@/lib/session';

export type TokenRequest = components['schemas']['TokenRequest'];

/** Signs in with a built-in account and keeps the token for this tab. */
export function useLogin() {
  return useMutation({
    mutationFn: async (credentials: TokenRequest) => {
      const token = unwrap(await api.POST('/api/v1/auth/token', { body: credentials }));
      saveSession(token.access_token, token.expires_in);
      return token;
    },
  });
}
