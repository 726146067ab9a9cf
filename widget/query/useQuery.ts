import { useCallback, useEffect, useRef, useState } from 'react';
import { retryDelay, worthRetrying } from '../../ui/query/retry';

export type QueryState<T> =
  | { status: 'pending'; data: undefined; error: null }
  | { status: 'error'; data: T | undefined; error: unknown }
  | { status: 'success'; data: T; error: null };

export type QueryResult<T> = QueryState<T> & {
  /** A request is on its way (the first one, a retry, or `refetch()`). */
  isFetching: boolean;
  refetch: () => void;
};

const pending = { status: 'pending', data: undefined, error: null } as const;

/**
 * TanStack Query's `useQuery` in the few lines the widget needs (the library would double the widget's
 * own code): loads on mount and whenever `queryKey` changes, retries with the Settings app's policy
 * (never a 4xx), keeps the data while `refetch()` runs, and drops answers of superseded requests.
 * `queryFn` learns whether `refetch()` asked, so an endpoint can skip the server's cache.
 */
export function useQuery<T>({
  queryKey,
  queryFn,
}: {
  queryKey: readonly unknown[];
  queryFn: (context: { refetch: boolean }) => Promise<T>;
}): QueryResult<T> {
  const key = JSON.stringify(queryKey);
  const [state, setState] = useState<{ key: string; query: QueryState<T>; isFetching: boolean }>({
    key,
    query: pending,
    isFetching: true,
  });
  const run = useRef(0);
  const queryFnRef = useRef(queryFn);
  useEffect(() => {
    queryFnRef.current = queryFn;
  });

  const fetchFor = useCallback((forKey: string, refetch: boolean) => {
    const mine = ++run.current;
    setState((s) =>
      s.key === forKey && s.query.data !== undefined
        ? { ...s, isFetching: true }
        : { key: forKey, query: pending, isFetching: true },
    );
    const attempt = (failureCount: number) => {
      queryFnRef.current({ refetch }).then(
        (data) =>
          mine === run.current &&
          setState({ key: forKey, query: { status: 'success', data, error: null }, isFetching: false }),
        (error: unknown) => {
          if (mine !== run.current) return;
          if (worthRetrying(failureCount, error)) {
            setTimeout(() => mine === run.current && attempt(failureCount + 1), retryDelay(failureCount));
          } else {
            setState((s) => ({
              key: forKey,
              query: { status: 'error', data: s.key === forKey ? s.query.data : undefined, error },
              isFetching: false,
            }));
          }
        },
      );
    };
    attempt(0);
  }, []);

  useEffect(() => {
    fetchFor(key, false);
    return () => {
      run.current++; // drops the answer for a key the screen has left
    };
  }, [key, fetchFor]);

  const refetch = useCallback(() => fetchFor(key, true), [key, fetchFor]);
  const current = state.key === key ? state : { query: pending, isFetching: true };
  return { ...current.query, isFetching: current.isFetching, refetch };
}
