/** Every route path of the SPA, in one place. */
export const paths = {
  login: '/login',
  directory: '/directory',
  plans: '/plans',
  plan: '/plans/:code',
  planDashboard: '/plans/:code/dashboard',
  indicator: '/indicators/:code',
  support: '/support',
  adminWindows: '/admin/windows',
} as const;

/** Links to the pages that take a parameter. */
export const links = {
  plan: (code: string) => `/plans/${encodeURIComponent(code)}`,
  planDashboard: (code: string, fiscalYear?: number) =>
    `/plans/${encodeURIComponent(code)}/dashboard${fiscalYear ? `?fiscalYear=${fiscalYear}` : ''}`,
  indicator: (code: string) => `/indicators/${encodeURIComponent(code)}`,
} as const;
