import { useState } from 'react';
import { RouterProvider } from 'react-router';
import { paths } from '@/config/paths';
import { setUnauthorizedHandler } from '@/lib/api/client';
import { AppProvider, queryClient } from './provider';
import { createRouter } from './router';

export function App() {
  const [router] = useState(() => {
    const r = createRouter();
    // A 401 on any call means the session is gone: forget cached data and ask to log in again.
    // The login pages answer a 401 themselves (the provider callback explains why the API refused its token).
    setUnauthorizedHandler(() => {
      queryClient.clear();
      const at = r.state.location.pathname;
      if (at !== paths.login && at !== paths.authCallback) void r.navigate('/login?expired=1', { replace: true });
    });
    return r;
  });
  return (
    <AppProvider>
      <RouterProvider router={router} />
    </AppProvider>
  );
}
