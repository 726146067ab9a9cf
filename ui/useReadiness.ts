import { useEffect, useState } from 'react';

export type Readiness = 'loading' | 'ready' | 'unavailable';

/** Asks the backend whether it is ready; the first screens show a loader until it answers. */
export function useReadiness(): Readiness {
  const [state, setState] = useState<Readiness>('loading');
  useEffect(() => {
    const controller = new AbortController();
    fetch('/readyz', { signal: controller.signal })
      .then((res) => setState(res.ok ? 'ready' : 'unavailable'))
      .catch(() => {
        if (!controller.signal.aborted) setState('unavailable');
      });
    return () => controller.abort();
  }, []);
  return state;
}
