import { useState } from 'react';
import { RouterProvider } from 'react-router';
import { setUnauthorizedHandler } from '@/lib/api/client';
import { AppProvider, queryClient } from './provider';
import { createRouter } from './router';

export function App() {
  const [router] = useState(() => {
    const r = createRouter();
    // A 401 on any call means the session is gone: forget cached data and ask to log in again.
    setUnauthorizedHandler(() => {
      queryClient.clear();
      if (r.state.location.pathname !== '/login') void r.navigate('/login?expired=1', { replace: true });
    });
    return r;
  });
  return (
    <AppProvider>
      <RouterProvider router={router} />
    </AppProvider>
  );
}
