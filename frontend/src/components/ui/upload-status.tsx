import { useCallback, useState } from 'react';

/**
 * How far the upload in flight has got, in whole percents (so a large file re-renders at most a
 * hundred times, not on every progress event), with the callback to hand to the uploader and a
 * reset to call before the next upload starts.
 */
export function useUploadProgress() {
  const [percent, setPercent] = useState(0);
  const onProgress = useCallback((sent: number, total: number) => {
    setPercent(total > 0 ? Math.min(100, Math.floor((sent / total) * 100)) : 100);
  }, []);
  const reset = useCallback(() => setPercent(0), []);
  return { percent, onProgress, reset };
}

/**
 * Where an upload is: a bar that fills with 「送信中 45%」 while the bytes go out, then, once they
 * are all sent and the server reads the file for as long as that takes, an indeterminate bar with
 * `waiting` (「サーバーで確認しています…」, 「取り込んでいます…」).
 */
export function UploadStatus({ percent, waiting }: { percent: number; waiting: string }) {
  const sending = percent < 100;
  return (
    <div className="uploading" role="status" aria-live="polite">
      {/* Keyed apart: a <progress> that once had a value does not reliably turn indeterminate again. */}
      {sending ? <progress key="sending" aria-label="送信中" value={percent} max={100} /> : <progress key="waiting" aria-label={waiting} />}
      <span>{sending ? `送信中 ${percent}%` : waiting}</span>
    </div>
  );
}
