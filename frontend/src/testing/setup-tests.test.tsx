import { render } from '@testing-library/react';
import { useEffect } from 'react';
import { describe, expect, it } from 'vitest';
import { api } from '@/lib/api/client';
import { jsonResponse, mockFetch } from './mock-fetch';

/** What the page of the first test got back for the call it made as it was torn down. */
let answeredOnTeardown: number | undefined;

/** A page that calls the API as it goes away, through the real client (whose middleware sends it a little later). */
function CallsOnTeardown() {
  useEffect(
    () => () =>
      void api.GET('/api/v1/follow-up-counts').then(({ response }) => {
        answeredOnTeardown = response.status;
      }),
    [],
  );
  return null;
}

// The harness of every test (setup-tests.ts): a call a page makes while the test ends belongs to that test. It once
// met no handler after the reset and failed the next test, which had made no call at all (CI, session 10).
describe('the tests’ network', () => {
  it('answers a call a page makes as its test ends with that test’s handlers', () => {
    mockFetch(() => jsonResponse({ counts: {}, total: 0 }));
    render(<CallsOnTeardown />);
  });

  it('does not blame the next test for it', () => {
    expect(answeredOnTeardown).toBe(200);
  });
});
