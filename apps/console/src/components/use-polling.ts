import { useCallback, useEffect, useState } from 'react';

export interface Polled<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload(): void;
}

/**
 * Loads now and again every `intervalMs` while the page is shown, so that the other side's steps appear without
 * a reload; a failed load keeps the last data and shows the error. The next load is planned once this one has
 * settled, never on a clock that would cut a slow answer short (on a busy node a list may take longer than the
 * interval: aborting it at every tick would leave the page showing the old list for ever). `load` should be memoised
 * (useCallback): a new one loads at once.
 */
export function usePolling<T>(load: (signal: AbortSignal) => Promise<T>, intervalMs: number): Polled<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    let timer: number | undefined;
    load(controller.signal)
      .then((value) => {
        setData(value);
        setError(undefined);
      })
      .catch((reason: unknown) => {
        if ((reason as Error).name !== 'AbortError') setError(reason);
      })
      .finally(() => {
        setLoading(false);
        if (!controller.signal.aborted) timer = window.setTimeout(() => setTick((n) => n + 1), intervalMs);
      });
    return () => {
      controller.abort();
      if (timer !== undefined) window.clearTimeout(timer);
    };
  }, [tick, intervalMs, load]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, error, loading, reload };
}
