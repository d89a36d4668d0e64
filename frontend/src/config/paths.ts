/** Every route path of the SPA, in one place. */
export const paths = {
  login: '/login',
  setup: '/setup',
  password: '/password',
  authCallback: '/auth/callback',
  directory: '/directory',
  plans: '/plans',
  plan: '/plans/:code',
  planDashboard: '/plans/:code/dashboard',
  evaluations: '/plans/:code/evaluations',
  evaluation: '/plans/:code/evaluations/:node/:fiscalYear',
  planImport: '/plans/:code/import',
  planChanges: '/plans/:code/changes',
  indicator: '/indicators/:code',
  /** 市の比較: the cities side by side on a 共通の指標定義 (?definition=&fiscalYear=). */
  kpiCompare: '/kpis/compare',
  /** 生活支援 itself: sends each to their start page there (see support-landing). */
  support: '/support',
  supportRequests: '/support/requests',
  supportFollowUps: '/support/follow-ups',
  supportNewRequest: '/support/requests/new',
  supportBatch: '/support/batch',
  supportRequest: '/support/requests/:id',
  supportSupporters: '/support/supporters',
  supportStats: '/support/stats',
  surveys: '/surveys',
  survey: '/surveys/:code',
  adminWindows: '/admin/windows',
  adminCategories: '/admin/categories',
  adminAccounts: '/admin/accounts',
  adminAreas: '/admin/areas',
  adminTokens: '/admin/tokens',
  adminWebhooks: '/admin/webhooks',
  adminWebhookEvents: '/admin/webhooks/:id/events',
  adminAudit: '/admin/audit',
} as const;

/** Links to the pages that take a parameter. */
export const links = {
  plan: (code: string) => `/plans/${encodeURIComponent(code)}`,
  planDashboard: (code: string, fiscalYear?: number) =>
    `/plans/${encodeURIComponent(code)}/dashboard${fiscalYear ? `?fiscalYear=${fiscalYear}` : ''}`,
  indicator: (code: string) => `/indicators/${encodeURIComponent(code)}`,
  kpiCompare: (definition: string, fiscalYear?: number) =>
    `/kpis/compare?definition=${encodeURIComponent(definition)}${fiscalYear ? `&fiscalYear=${fiscalYear}` : ''}`,
  evaluations: (code: string, fiscalYear?: number) =>
    `/plans/${encodeURIComponent(code)}/evaluations${fiscalYear ? `?fiscalYear=${fiscalYear}` : ''}`,
  evaluation: (code: string, node: string, fiscalYear: number) =>
    `/plans/${encodeURIComponent(code)}/evaluations/${encodeURIComponent(node)}/${fiscalYear}`,
  planImport: (code: string) => `/plans/${encodeURIComponent(code)}/import`,
  planChanges: (code: string) => `/plans/${encodeURIComponent(code)}/changes`,
  supportRequest: (id: number) => `/support/requests/${id}`,
  supportStats: (area: string, fiscalYear: number) => `/support/stats?area=${encodeURIComponent(area)}&fiscalYear=${fiscalYear}`,
  survey: (code: string) => `/surveys/${encodeURIComponent(code)}`,
  adminWebhookEvents: (id: number) => `/admin/webhooks/${id}/events`,
} as const;
