import { vi } from 'vitest';

/** A JSON (or problem+json when status ≥ 400) response, as the API would send it. */
export function jsonResponse(body: unknown, status = 200): Response {
  const contentType = status >= 400 ? 'application/problem+json' : 'application/json';
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': contentType } });
}

export type FetchHandler = (request: Request) => Response | Promise<Response>;

/**
 * Replaces globalThis.fetch (the network boundary; the API client itself stays real) and records
 * every request it sees.
 */
export function mockFetch(handler: FetchHandler) {
  const requests: Request[] = [];
  const spy = vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const request = input instanceof Request ? input : new Request(input, init);
    requests.push(request.clone());
    return handler(request);
  });
  return { spy, requests };
}
