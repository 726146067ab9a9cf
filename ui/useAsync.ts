import { useCallback, useEffect, useRef, useState } from 'react';

export type AsyncState<T> =
  { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; data: T };

/**
 * Runs `load` on mount and on `reload()`; answers of superseded runs are dropped. `setData` updates the
 * loaded value in place (after a create, rename or remove) without reloading.
 */
export function useAsync<T>(load: () => Promise<T>) {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading' });
  const run = useRef(0);
  const loadRef = useRef(load);
  useEffect(() => {
    loadRef.current = load;
  });

  const reload = useCallback(() => {
    const mine = ++run.current;
    setState({ status: 'loading' });
    loadRef.current().then(
      (data) => mine === run.current && setState({ status: 'ready', data }),
      (error: unknown) => mine === run.current && setState({ status: 'error', error }),
    );
  }, []);

  useEffect(() => {
    reload();
    return () => {
      run.current++;
    };
  }, [reload]);

  const setData = useCallback((update: (data: T) => T) => {
    setState((s) => (s.status === 'ready' ? { status: 'ready', data: update(s.data) } : s));
  }, []);

  return { state, reload, setData };
}
