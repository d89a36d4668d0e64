import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { vi } from 'vitest';

/**
 * The network the tests see: MSW intercepts fetch and XMLHttpRequest (the API client itself stays real) and answers
 * with the handlers a test puts in place through mockFetch (or, for a new test, server.use with MSW's own
 * handlers). Started, reset after each test and closed in setup-tests.ts; a request no handler answers fails the
 * test that made it.
 */
export const server = setupServer();

/** A JSON (or problem+json when status ≥ 400) response, as the API would send it. */
export function jsonResponse(body: unknown, status = 200): Response {
  const contentType = status >= 400 ? 'application/problem+json' : 'application/json';
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': contentType } });
}

export type FetchHandler = (request: Request) => Response | Promise<Response>;

/**
 * Answers every request of the test (any method, any origin: the API and the city's sign-in provider) with
 * `handler`, and records each one. `requests` are copies whose bodies can still be read; `spy` is the handler as a
 * mock, so `expect(spy).not.toHaveBeenCalled()` says nothing went out. A handler that throws or rejects, as fetch
 * does when the network is gone, makes the request fail the same way (a TypeError, no response). A later call
 * replaces the earlier handler for the rest of the test.
 */
export function mockFetch(handler: FetchHandler) {
  const requests: Request[] = [];
  const spy = vi.fn<FetchHandler>(handler);
  server.use(
    http.all('*', async ({ request }) => {
      requests.push(request.clone());
      try {
        return await spy(request);
      } catch {
        return HttpResponse.error();
      }
    }),
  );
  return { spy, requests };
}
