/** What a 409 (stale version) means to the person who tried to save. */
export const CONFLICT_MESSAGE = '他の人が先に更新しました。再読み込みしてください';

/** The same, where staff build a record together piece by piece (a plan's tree, its indicators). */
export const ITEM_CONFLICT_MESSAGE = '他の職員がこの項目を更新しました。再読み込みしてください';

/** What a request that got no answer at all (offline, server down, connection cut) means to the person. */
export const NETWORK_MESSAGE = 'サーバーに接続できません。ネットワークを確認してください。';

/** An RFC 9457 problem as the API sends it (application/problem+json). */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  errors?: { field: string; message: string }[];
  /** What stands in the way, counted (a node that cannot be deleted: its indicators, values, evaluations). */
  counts?: Record<string, number>;
}

/** A rejected API call, carrying the problem the server sent (or one made up for it). */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(status: number, problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }

  /** The message for a field: matches "name" to errors on "name" and on "create.request.name". */
  fieldError(field: string): string | undefined {
    return this.problem.errors?.find((e) => e.field === field || e.field.endsWith(`.${field}`))?.message;
  }
}

function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null;
}

/** Turns openapi-fetch's { data, error, response } into data, or throws an ApiError. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  const { data, error, response } = result;
  if (!response.ok || error !== undefined) {
    const problem: Problem = isProblem(error) ? error : { detail: typeof error === 'string' ? error : undefined };
    throw new ApiError(response.status, { status: response.status, ...problem });
  }
  return data as T;
}

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

/** A sentence a person can act on, in Japanese, for any error thrown by a query or mutation. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.problem.detail) return error.problem.detail;
    if (error.status === 403) return 'この操作を行う権限がありません。';
    if (error.status === 404) return '対象が見つかりません。';
    if (error.status >= 500) return 'サーバーでエラーが発生しました。時間をおいて再度お試しください。';
    return error.problem.title ?? `エラーが発生しました（HTTP ${error.status}）。`;
  }
  if (error instanceof TypeError) return NETWORK_MESSAGE;
  return 'エラーが発生しました。';
}
