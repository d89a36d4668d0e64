import { vi } from 'vitest';

type Handler = ((event: ProgressEvent) => void) | null;

/**
 * The part of XMLHttpRequest the uploader uses (src/lib/api/upload.ts), played by the test: it
 * records what was sent, and the test says how far the upload got and what the server answers.
 *
 * Kept beside MSW (mock-fetch.ts), which answers uploads like any other request in the other tests: MSW answers a
 * request in one go, so a test cannot stop an upload at 40 % to see the progress bar and the 処理中 state, nor
 * answer only after it has looked. The tests of those steps (upload.test.ts, plan-import.test.tsx) put this in place
 * of XMLHttpRequest for their own run.
 */
export class FakeXhr {
  method = '';
  url = '';
  readonly requestHeaders = new Headers();
  body: unknown = undefined;
  sent = false;

  status = 0;
  statusText = '';
  responseText = '';
  private headerLines = '';

  readonly upload: { onprogress: Handler; onload: Handler } = { onprogress: null, onload: null };
  onload: Handler = null;
  onerror: Handler = null;
  ontimeout: Handler = null;
  onabort: Handler = null;

  open(method: string, url: string): void {
    this.method = method;
    this.url = url;
  }

  setRequestHeader(name: string, value: string): void {
    this.requestHeaders.append(name, value);
  }

  getAllResponseHeaders(): string {
    return this.headerLines;
  }

  send(body?: unknown): void {
    this.body = body;
    this.sent = true;
  }

  /** The browser reporting that `loaded` of `total` bytes have gone out. */
  progress(loaded: number, total: number): void {
    this.upload.onprogress?.(new ProgressEvent('progress', { lengthComputable: true, loaded, total }));
  }

  /** The whole body has gone out; the server is now working on it. */
  uploaded(): void {
    this.upload.onload?.(new ProgressEvent('load'));
  }

  respond(status: number, body: string, headers: Record<string, string> = {}): void {
    this.status = status;
    this.statusText = status === 200 ? 'OK' : '';
    this.responseText = body;
    this.headerLines = Object.entries(headers)
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('');
    this.onload?.(new ProgressEvent('load'));
  }

  /** No answer at all (offline, connection refused). */
  fail(): void {
    this.onerror?.(new ProgressEvent('error'));
  }
}

/** Puts FakeXhr in place of XMLHttpRequest (undo with vi.unstubAllGlobals); `sent()` hands over each request in turn. */
export function installFakeXhr() {
  const created: FakeXhr[] = [];
  class Recorded extends FakeXhr {
    constructor() {
      super();
      created.push(this);
    }
  }
  vi.stubGlobal('XMLHttpRequest', Recorded);
  let handed = 0;
  /** The next request once its body has gone to send() (reading the file and the middleware come first). */
  const sent = () =>
    vi.waitFor(() => {
      const xhr = created[handed];
      if (!xhr?.sent) throw new Error(`request ${handed + 1} not sent yet`);
      handed += 1;
      return xhr;
    });
  return { created, sent };
}
