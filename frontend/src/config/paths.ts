/** Every route path of the SPA, in one place. */
export const paths = {
  login: '/login',
  directory: '/directory',
  plans: '/plans',
  support: '/support',
  adminWindows: '/admin/windows',
} as const;
