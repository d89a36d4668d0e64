import { createBrowserRouter, Navigate } from 'react-router';
import { Loading } from '@/components/ui/loading';
import { paths } from '@/config/paths';
import { AdminWindowsRoute } from './routes/admin-windows';
import { AuthCallbackRoute } from './routes/auth-callback';
import { DirectoryRoute } from './routes/directory';
import { EvaluationRoute } from './routes/evaluation';
import { EvaluationsRoute } from './routes/evaluations';
import { LoginRoute } from './routes/login';
import { NotFoundRoute } from './routes/not-found';
import { PasswordRoute } from './routes/password';
import { PlanRoute } from './routes/plan';
import { PlanChangesRoute } from './routes/plan-changes';
import { PlanDashboardRoute } from './routes/plan-dashboard';
import { PlanImportRoute } from './routes/plan-import';
import { PlansRoute } from './routes/plans';
import { SetupRoute } from './routes/setup';
import { SupportLandingRoute } from './routes/support-landing';
import { SupportRequestRoute } from './routes/support-request';
import { SupportRequestNewRoute } from './routes/support-request-new';
import { SupportRequestsRoute } from './routes/support-requests';
import { SupportStatsRoute } from './routes/support-stats';
import { SupportSupportersRoute } from './routes/support-supporters';
import { AppShell } from './shell/app-shell';
import { RequireAuth, RequireRole } from './shell/require-auth';

export const routes = [
  { path: paths.login, element: <LoginRoute /> },
  { path: paths.authCallback, element: <AuthCallbackRoute /> },
  { path: paths.setup, element: <SetupRoute /> },
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
      { path: paths.password, element: <PasswordRoute /> },
      { path: paths.plans, element: <PlansRoute /> },
      { path: paths.plan, element: <PlanRoute /> },
      { path: paths.planDashboard, element: <PlanDashboardRoute /> },
      { path: paths.evaluations, element: <EvaluationsRoute /> },
      { path: paths.evaluation, element: <EvaluationRoute /> },
      { path: paths.planImport, element: <PlanImportRoute /> },
      { path: paths.planChanges, element: <PlanChangesRoute /> },
      // The indicator page (values grid, computed values, the support-statistics rule) loads on first visit, like 市民アンケート.
      {
        path: paths.indicator,
        lazy: async () => ({ Component: (await import('./routes/indicator')).IndicatorRoute }),
        hydrateFallbackElement: <Loading />,
      },
      // 市の比較 (its chart and the forms of ADMIN and PLANNER) loads on first visit.
      {
        path: paths.kpiCompare,
        lazy: async () => ({ Component: (await import('./routes/kpi-compare')).KpiCompareRoute }),
        hydrateFallbackElement: <Loading />,
      },
      // 要対応 (the coordinator's start page in 生活支援) loads on first visit, with its settings form.
      {
        path: paths.supportFollowUps,
        lazy: async () => ({ Component: (await import('./routes/support-follow-ups')).SupportFollowUpsRoute }),
        hydrateFallbackElement: <Loading />,
      },
      { path: paths.support, element: <SupportLandingRoute /> },
      { path: paths.supportRequests, element: <SupportRequestsRoute /> },
      { path: paths.supportNewRequest, element: <SupportRequestNewRoute /> },
      { path: paths.supportRequest, element: <SupportRequestRoute /> },
      // 一括マッチング (its table, the comparison with one request at a time) loads on first visit.
      {
        path: paths.supportBatch,
        lazy: async () => ({ Component: (await import('./routes/support-batch')).SupportBatchRoute }),
        hydrateFallbackElement: <Loading />,
      },
      { path: paths.supportSupporters, element: <SupportSupportersRoute /> },
      { path: paths.supportStats, element: <SupportStatsRoute /> },
      // 市民アンケート loads on first visit: its chart, tables and upload would push the main chunk past 500 kB.
      {
        path: paths.surveys,
        lazy: async () => ({ Component: (await import('./routes/surveys')).SurveysRoute }),
        hydrateFallbackElement: <Loading />,
      },
      {
        path: paths.survey,
        lazy: async () => ({ Component: (await import('./routes/survey')).SurveyRoute }),
        hydrateFallbackElement: <Loading />,
      },
      {
        path: paths.adminWindows,
        element: (
          <RequireRole role="ADMIN">
            <AdminWindowsRoute />
          </RequireRole>
        ),
      },
      {
        path: paths.adminCategories,
        lazy: async () => ({ Component: (await import('./routes/admin-categories')).AdminCategoriesRoute }),
        hydrateFallbackElement: <Loading />,
      },
      {
        path: paths.adminAccounts,
        lazy: async () => ({ Component: (await import('./routes/admin-accounts')).AdminAccountsRoute }),
        hydrateFallbackElement: <Loading />,
      },
      {
        path: paths.adminAreas,
        lazy: async () => ({ Component: (await import('./routes/admin-areas')).AdminAreasRoute }),
        hydrateFallbackElement: <Loading />,
      },
      {
        path: paths.adminTokens,
        lazy: async () => ({ Component: (await import('./routes/admin-tokens')).AdminTokensRoute }),
        hydrateFallbackElement: <Loading />,
      },
      {
        path: paths.adminWebhooks,
        lazy: async () => ({ Component: (await import('./routes/admin-webhooks')).AdminWebhooksRoute }),
        hydrateFallbackElement: <Loading />,
      },
      {
        path: paths.adminWebhookEvents,
        lazy: async () => ({ Component: (await import('./routes/admin-webhook-events')).AdminWebhookEventsRoute }),
        hydrateFallbackElement: <Loading />,
      },
      {
        path: paths.adminAudit,
        lazy: async () => ({ Component: (await import('./routes/admin-audit')).AdminAuditRoute }),
        hydrateFallbackElement: <Loading />,
      },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
];

export const createRouter = () => createBrowserRouter(routes);
