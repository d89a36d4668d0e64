import { describe, expect, it } from 'vitest';
import { ApiError, isProblemType, isStaleVersion, problemDetail } from './problem';

describe('isStaleVersion', () => {
  it('is a 409 stale-version (or a 409 without a type), nothing else', () => {
    expect(isStaleVersion(new ApiError(409, { type: '/problems/stale-version' }))).toBe(true);
    expect(isStaleVersion(new ApiError(409, {}))).toBe(true);
    expect(isStaleVersion(new ApiError(409, { type: '/problems/survey-code-taken' }))).toBe(false);
    expect(isStaleVersion(new ApiError(400, { type: '/problems/stale-version' }))).toBe(false);
    expect(isStaleVersion(new Error('x'))).toBe(false);
    expect(isStaleVersion(null)).toBe(false);
  });
});

describe('isProblemType and problemDetail', () => {
  it('match the last part of the problem type, and give its detail', () => {
    const error = new ApiError(422, { type: '/problems/capacity-below-open', detail: '受け持ち中の件数より少なくできません' });
    expect(isProblemType(error, 'capacity-below-open')).toBe(true);
    expect(isProblemType(error, 'below-open')).toBe(false);
    expect(problemDetail(error, 'capacity-below-open')).toBe('受け持ち中の件数より少なくできません');
    expect(problemDetail(error, 'unknown-category')).toBeUndefined();
    expect(problemDetail(new Error('x'), 'capacity-below-open')).toBeUndefined();
  });
});
