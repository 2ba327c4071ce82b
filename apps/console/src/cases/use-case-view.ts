import { useCallback, useState } from 'react';
import { usePolling } from '../components/use-polling';

/**
 * A case polled every 3 s (so the other side's steps appear), kept at the newest of what was polled and what a
 * step just answered.
 */
export function useCaseView<T extends { updatedAt: string }>(load: (signal: AbortSignal) => Promise<T>) {
  const { data, error, reload } = usePolling(load, 3000);
  const [latest, setLatest] = useState<T>();
  const view = latest && data && Date.parse(latest.updatedAt) > Date.parse(data.updatedAt) ? latest : (data ?? latest);
  const stepped = useCallback(
    (next: T) => {
      setLatest(next);
      reload();
    },
    [reload],
  );
  return { view, error, stepped };
}
