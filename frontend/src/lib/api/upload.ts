import { api } from './client';
import { ApiError, NETWORK_MESSAGE, unwrap } from './problem';
import type { paths } from './schema';

/** Told as the bytes go out: how many have been sent of how many. */
export type ProgressListener = (sent: number, total: number) => void;

/** The API paths whose POST takes a file's raw bytes (the imports) and answers 200 with JSON. */
export type FilePath = {
  [P in keyof paths]: paths[P] extends {
    post: {
      parameters: { path?: object; query?: object };
      requestBody: { content: { 'text/csv': string } };
      responses: { 200: { content: { 'application/json': unknown } } };
    };
  }
    ? P
    : never;
}[keyof paths];

type Operation<P extends FilePath> = paths[P]['post'];

/** The path and query parameters of an upload; X-File-Name and Content-Type come from the file. */
export type UploadParams<P extends FilePath> = Pick<Operation<P>['parameters'], 'path' | 'query'>;

/** What the server answers an upload with (200, application/json). */
export type UploadResult<P extends FilePath> = Operation<P>['responses'][200]['content']['application/json'];

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The Content-Type to send a table file with: by its extension first (browsers often leave .tsv
 * untyped and call a .csv application/vnd.ms-excel). Anything else goes as octet-stream, and the
 * server tells tabs from commas by the first line.
 */
export function contentTypeOf(file: { name: string; type: string }): string {
  const name = file.name.toLowerCase();
  if (name.endsWith('.tsv') || name.endsWith('.txt') || name.endsWith('.tab')) return 'text/tab-separated-values';
  if (name.endsWith('.csv')) return 'text/csv';
  if (name.endsWith('.xlsx')) return XLSX_TYPE;
  if (['text/tab-separated-values', 'text/csv', XLSX_TYPE].includes(file.type)) return file.type;
  return 'application/octet-stream';
}

/** A File's bytes (FileReader where Blob.arrayBuffer is missing). */
export function readBytes(file: Blob): Promise<ArrayBuffer> {
  if (typeof file.arrayBuffer === 'function') return file.arrayBuffer();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(file);
  });
}

/** Status codes whose Response may not carry a body (the constructor throws otherwise). */
const NULL_BODY = new Set([204, 205, 304]);

function responseHeaders(xhr: XMLHttpRequest): Headers {
  const headers = new Headers();
  for (const line of xhr.getAllResponseHeaders().split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
  }
  return headers;
}

/**
 * A fetch for openapi-fetch that sends the request with XMLHttpRequest, because fetch cannot tell
 * how much of a body has gone out. It gets the Request after the client's middleware, so the base
 * URL, the bearer token and the 401 handling stay the client's own. A request that gets no answer
 * rejects with an ApiError (status 0), which the error displays word as a network failure.
 */
function fetchWithProgress(onProgress: ProgressListener = () => {}) {
  return async (request: Request): Promise<Response> => {
    const body = await request.arrayBuffer();
    const total = body.byteLength;
    return new Promise<Response>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open(request.method, request.url);
      request.headers.forEach((value, name) => xhr.setRequestHeader(name, value));
      const failed = () => reject(new ApiError(0, { detail: NETWORK_MESSAGE }));
      // Listeners on xhr.upload must be in place before send(), or browsers may not report at all.
      xhr.upload.onprogress = (event) => onProgress(event.loaded, event.lengthComputable ? event.total : total);
      // Small bodies may go out without a progress event: "all sent" is told here in any case.
      xhr.upload.onload = () => onProgress(total, total);
      xhr.onload = () => {
        if (xhr.status === 0) return failed();
        const text = NULL_BODY.has(xhr.status) ? null : xhr.responseText;
        resolve(new Response(text, { status: xhr.status, statusText: xhr.statusText, headers: responseHeaders(xhr) }));
      };
      xhr.onerror = failed;
      xhr.ontimeout = failed;
      xhr.onabort = failed;
      onProgress(0, total);
      xhr.send(body);
    });
  };
}

/**
 * POSTs a file's bytes as they are (the server decodes UTF-8 or Shift_JIS and reads XLSX; text
 * decoded here would garble a Shift_JIS file) to one of the import paths, telling onProgress as they
 * go. Resolves with the server's report; rejects with the ApiError every other call of the SPA
 * gives (422 with the problems by line, 413, …).
 */
export async function uploadFile<P extends FilePath>(
  path: P,
  { params, file, onProgress }: { params: UploadParams<P>; file: File; onProgress?: ProgressListener },
): Promise<UploadResult<P>> {
  // openapi-fetch cannot check a path that is still generic; the signature above is the typed one.
  const post = api.POST as unknown as (
    path: string,
    init: {
      params: object;
      headers: Record<string, string>;
      body: ArrayBuffer;
      bodySerializer: (body: ArrayBuffer) => ArrayBuffer;
      fetch: (request: Request) => Promise<Response>;
    },
  ) => Promise<{ data?: UploadResult<P>; error?: unknown; response: Response }>;
  const result = await post(path, {
    params: { ...params, header: { 'X-File-Name': encodeURIComponent(file.name) } },
    headers: { 'Content-Type': contentTypeOf(file) },
    body: await readBytes(file),
    bodySerializer: (bytes) => bytes,
    fetch: fetchWithProgress(onProgress),
  });
  return unwrap(result);
}
