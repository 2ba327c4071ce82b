import { useCallback, useState } from 'react';
import { usePolling } from '../components/use-polling';

/** One page of a list as the node gives it. */
export interface ListPage<T> {
  items: T[];
  nextCursor?: string;
}

export interface PagedList<T> {
  page: ListPage<T> | undefined;
  error: unknown;
  loading: boolean;
  /** 1 for the first page. */
  number: number;
  hasPrevious: boolean;
  hasNext: boolean;
  previous(): void;
  next(): void;
}

/**
 * A list read a page at a time with the node's cursors, the page shown refreshed every few seconds. The cursors of
 * the pages already passed are kept, so that "previous" goes back to the same place; new filters (`load` changes)
 * start again at the first page.
 */
export function usePagedList<T>(
  load: (cursor: string | undefined, signal: AbortSignal) => Promise<ListPage<T>>,
  intervalMs: number,
): PagedList<T> {
  /** The cursor of each page passed through (the first page's is undefined), for the list `load` reads. */
  const [passed, setPassed] = useState<{ load: typeof load; cursors: (string | undefined)[] }>({
    load,
    cursors: [undefined],
  });
  // Other filters: the cursors of the former list mean nothing to this one.
  const cursors = passed.load === load ? passed.cursors : [undefined];
  const cursor = cursors[cursors.length - 1];
  const setCursors = (change: (cursors: (string | undefined)[]) => (string | undefined)[]) =>
    setPassed({ load, cursors: change(cursors) });
  const loadPage = useCallback((signal: AbortSignal) => load(cursor, signal), [load, cursor]);
  const { data, error, loading } = usePolling(loadPage, intervalMs);
  const nextCursor = data?.nextCursor;
  return {
    page: data,
    error,
    loading,
    number: cursors.length,
    hasPrevious: cursors.length > 1,
    hasNext: nextCursor !== undefined,
    previous: () => setCursors((before) => (before.length > 1 ? before.slice(0, -1) : before)),
    next: () => {
      if (nextCursor !== undefined) setCursors((before) => [...before, nextCursor]);
    },
  };
}
