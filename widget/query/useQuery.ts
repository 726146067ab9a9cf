import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react';
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

interface Prefetched {
  key: string;
  promise: Promise<unknown>;
  answered?: { data: unknown };
}

/**
 * TanStack Query's `prefetchQuery` for the first screen only: the widget asks for the open chat's
 * records while it still signs in, and the first `useQuery` of that key takes the request on its way
 * (or its answer) instead of asking again. One request is held, and only until the first `useQuery`
 * asks for anything: a later screen never sees an old answer. A failed prefetch is forgotten, so the
 * screen asks again with its own policy.
 */
export function createPrefetch() {
  let held: Prefetched | null = null;
  return {
    start(queryKey: readonly unknown[], queryFn: () => Promise<unknown>) {
      const entry: Prefetched = { key: JSON.stringify(queryKey), promise: queryFn() };
      held = entry;
      entry.promise.then(
        (data) => (entry.answered = { data }),
        () => held === entry && (held = null),
      );
    },
    /** The answer already there for `key`, without taking it. */
    peek: (key: string) => (held?.key === key ? held.answered : undefined),
    /** The prefetch of `key`, if any; whatever is held is let go. */
    take(key: string): Prefetched | undefined {
      const entry = held?.key === key ? held : undefined;
      held = null;
      return entry;
    },
  };
}

export type Prefetch = ReturnType<typeof createPrefetch>;

export const PrefetchContext = createContext<Prefetch | null>(null);

/**
 * TanStack Query's `useQuery` in the few lines the widget needs (the library would double the widget's
 * own code): loads on mount and whenever `queryKey` changes, retries with the Settings app's policy
 * (never a 4xx), keeps the data while `refetch()` runs, and drops answers of superseded requests.
 * `queryFn` learns whether `refetch()` asked, so an endpoint can skip the server's cache. The first
 * load takes over a prefetch of the same key (see `createPrefetch`).
 */
export function useQuery<T>({
  queryKey,
  queryFn,
}: {
  queryKey: readonly unknown[];
  queryFn: (context: { refetch: boolean }) => Promise<T>;
}): QueryResult<T> {
  const key = JSON.stringify(queryKey);
  const prefetch = useContext(PrefetchContext);
  const [state, setState] = useState<{ key: string; query: QueryState<T>; isFetching: boolean }>(() => {
    // Answered already: drawn at once, without a loading state in between.
    const answered = prefetch?.peek(key);
    return answered
      ? { key, query: { status: 'success', data: answered.data as T, error: null }, isFetching: false }
      : { key, query: pending, isFetching: true };
  });
  const run = useRef(0);
  const queryFnRef = useRef(queryFn);
  useEffect(() => {
    queryFnRef.current = queryFn;
  });

  const fetchFor = useCallback((forKey: string, refetch: boolean, first?: Promise<T>) => {
    const mine = ++run.current;
    setState((s) =>
      s.key === forKey && s.query.data !== undefined
        ? { ...s, isFetching: true }
        : { key: forKey, query: pending, isFetching: true },
    );
    const attempt = (failureCount: number, request: Promise<T>) => {
      request.then(
        (data) =>
          mine === run.current &&
          setState({ key: forKey, query: { status: 'success', data, error: null }, isFetching: false }),
        (error: unknown) => {
          if (mine !== run.current) return;
          if (worthRetrying(failureCount, error)) {
            setTimeout(
              () => mine === run.current && attempt(failureCount + 1, queryFnRef.current({ refetch })),
              retryDelay(failureCount),
            );
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
    attempt(0, first ?? queryFnRef.current({ refetch }));
  }, []);

  useEffect(() => {
    // A prefetch of this key is this query begun earlier (same key, same request), so its answer is a T.
    const prefetched = prefetch?.take(key);
    if (prefetched?.answered) {
      const data = prefetched.answered.data as T;
      setState({ key, query: { status: 'success', data, error: null }, isFetching: false });
    } else {
      fetchFor(key, false, prefetched?.promise as Promise<T> | undefined);
    }
    return () => {
      run.current++; // drops the answer for a key the screen has left
    };
  }, [key, fetchFor, prefetch]);

  const refetch = useCallback(() => fetchFor(key, true), [key, fetchFor]);
  const current = state.key === key ? state : { query: pending, isFetching: true };
  return { ...current.query, isFetching: current.isFetching, refetch };
}
