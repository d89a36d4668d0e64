import type { Role } from './api/accounts';

/** The roles in Japanese, in the order the forms offer them; typed by the API's own enum, so a new role fails here. */
export const ROLE_LABELS: Record<Role, string> = {
  ADMIN: '管理者',
  PLANNER: '計画担当',
  APPROVER: '承認者',
  COORDINATOR: '地域支援コーディネーター',
  VIEWER: '閲覧者',
};

export const ROLES = Object.keys(ROLE_LABELS) as Role[];

/** "管理者、計画担当" in the order above. */
export function roleNames(roles: readonly Role[]): string {
  return ROLES.filter((r) => roles.includes(r)).map((r) => ROLE_LABELS[r]).join('、');
}
