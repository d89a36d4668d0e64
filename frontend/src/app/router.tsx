import { createBrowserRouter, Navigate } from 'react-router';
import { paths } from '@/config/paths';
import { AdminWindowsRoute } from './routes/admin-windows';
import { ComingSoonRoute } from './routes/coming-soon';
import { DirectoryRoute } from './routes/directory';
import { IndicatorRoute } from './routes/indicator';
import { LoginRoute } from './routes/login';
import { NotFoundRoute } from './routes/not-found';
import { PlanRoute } from './routes/plan';
import { PlanDashboardRoute } from './routes/plan-dashboard';
import { PlansRoute } from './routes/plans';
import { AppShell } from './shell/app-shell';
import { RequireAuth, RequireRole } from './shell/require-auth';

export const routes = [
  { path: paths.login, element: <LoginRoute /> },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppShell />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <Navigate to={paths.directory} replace /> },
      { path: paths.directory, element: <DirectoryRoute /> },
      { path: paths.plans, element: <PlansRoute /> },
      { path: paths.plan, element: <PlanRoute /> },
      { path: paths.planDashboard, element: <PlanDashboardRoute /> },
      { path: paths.indicator, element: <IndicatorRoute /> },
      { path: paths.support, element: <ComingSoonRoute title="生活支援" /> },
      {
        path: paths.adminWindows,
        element: (
          <RequireRole role="ADMIN">
            <AdminWindowsRoute />
          </RequireRole>
        ),
      },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
];

export const createRouter = () => createBrowserRouter(routes);
