import { ApiError } from '@/lib/api/problem';

/** True when the API refused with this problem type ('capacity-below-open' matches "/problems/capacity-below-open"). */
export function isProblemType(error: unknown, type: string): error is ApiError {
  return error instanceof ApiError && (error.problem.type?.endsWith(`/${type}`) ?? false);
}

/**
 * A 409 on saving a change: someone saved the record after it was read (stale-version). A 409 without a type is
 * taken the same way, since the version is the only thing a change can conflict on.
 */
export function isStaleVersion(error: unknown): boolean {
  if (!(error instanceof ApiError) || error.status !== 409) return false;
  return !error.problem.type || error.problem.type.endsWith('/stale-version');
}

/** The detail of a refusal of this type, to show next to the field it is about. */
export function problemDetail(error: unknown, type: string): string | undefined {
  return isProblemType(error, type) ? error.message : undefined;
}
