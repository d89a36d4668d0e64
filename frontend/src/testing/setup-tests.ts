import { cleanup } from '@testing-library/react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { server } from './mock-fetch';

/** Requests that reached MSW with no handler to answer them, since the last test ended. */
const unanswered: string[] = [];

/** Requests MSW has taken and not yet answered (or failed). */
const inFlight = new Set<string>();
server.events.on('request:start', ({ requestId }) => inFlight.add(requestId));
server.events.on('request:end', ({ requestId }) => inFlight.delete(requestId));

/** The timer as it was before any test could fake it (some fake the clock, and a faked clock never moves). */
const realSetTimeout = globalThis.setTimeout;

/**
 * Waits until the requests a test's pages started have been answered, so that none of them meets the next test's
 * handlers (or none at all, after the reset) and fails a test that never made it. A test may end the moment its
 * assertion holds while the page it opened is still loading. Gives up after about two seconds: a request still open
 * then is the test's own business (a handler that never answers).
 */
async function settle() {
  for (let round = 0; round < 200; round++) {
    // A fetch reaches MSW some microtasks after the call; two macrotasks let every started one arrive.
    await new Promise((resolve) => realSetTimeout(resolve, round < 2 ? 0 : 10));
    if (round > 0 && inFlight.size === 0) return;
  }
}

// Every request goes to MSW (fetch, and XMLHttpRequest for uploads). One that no handler answers fails as a network
// error, is printed, and fails the test that made it: a test answers every call its page makes.
beforeAll(() =>
  server.listen({
    onUnhandledRequest: (request, print) => {
      unanswered.push(`${request.method} ${request.url}`);
      print.error();
    },
  }),
);

afterEach(async () => {
  cleanup();
  await settle();
  server.resetHandlers();
  sessionStorage.clear();
  if (unanswered.length > 0) throw new Error(`Requests no handler answered: ${unanswered.splice(0).join(', ')}`);
});

afterAll(() => server.close());
