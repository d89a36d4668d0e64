/**
 * Files the API sends for download (事業調書, the audit log as CSV) are fetched with the bearer token, so a plain
 * link would not do: the page fetches them as a blob and hands that to the browser to save.
 */

/** The file name in a Content-Disposition header, preferring the UTF-8 one (filename*=UTF-8''…). */
export function fileNameOf(contentDisposition: string | null, fallback: string): string {
  if (!contentDisposition) return fallback;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(contentDisposition);
  if (extended) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;]+)/.exec(contentDisposition);
  return (plain?.[1] ?? plain?.[2])?.trim() || fallback;
}

/** Saves a blob under this name, as the browser saves a download. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  try {
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    a.rel = 'noopener';
    document.body.append(a);
    a.click();
    a.remove();
  } finally {
    setTimeout(() => URL.revokeObjectURL(url), 30_000);
  }
}
