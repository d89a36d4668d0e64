import { useState } from 'react';

/**
 * For an edit form over a record read from the API: `generation` is the form's key, moved on only once the record
 * has been read again after a stale-version refusal. Keying the form by the record's version instead would remount
 * it (and lose its save) when the save itself refreshes the record.
 */
export function useReload(refetch: () => Promise<unknown>) {
  const [generation, setGeneration] = useState(0);
  const [reloading, setReloading] = useState(false);
  const reload = async () => {
    setReloading(true);
    try {
      await refetch();
    } finally {
      setReloading(false);
      setGeneration((g) => g + 1);
    }
  };
  return { generation, reloading, reload: () => void reload() };
}
