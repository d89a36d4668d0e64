import { cleanup } from '@testing-library/react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { server } from './mock-fetch';

/** Requests that reached MSW with no handler to answer them, since the last test ended. */
const unanswered: string[] = [];

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

afterEach(() => {
  cleanup();
  server.resetHandlers();
  sessionStorage.clear();
  if (unanswered.length > 0) throw new Error(`Requests no handler answered: ${unanswered.splice(0).join(', ')}`);
});

afterAll(() => server.close());
