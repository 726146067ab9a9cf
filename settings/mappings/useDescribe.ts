import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ObjectMetadata } from '../../src/salesforce/objectMetadata';
import type { MappingsApi } from '../../ui/api/mappings';

export type Describe = (objectName: string) => Promise<ObjectMetadata>;

/**
 * One describe per object while the screen is open (the server caches too; this saves the round trips
 * when the owner goes back and forth between the list and the editor). Failed describes are forgotten.
 */
export function useDescribeCache(api: Pick<MappingsApi, 'describeObject'>, accountId: string): Describe {
  // A new cache per account: the same object name means another org's object.
  const cache = useMemo(() => new Map<string, Promise<ObjectMetadata>>(), [accountId]);
  return useCallback(
    (objectName: string) => {
      let pending = cache.get(objectName);
      if (!pending) {
        pending = api.describeObject(accountId, objectName);
        cache.set(objectName, pending);
        pending.catch(() => cache.delete(objectName));
      }
      return pending;
    },
    [api, accountId, cache],
  );
}

export type DescribeState =
  | { status: 'idle' }
  | { status: 'loading'; objectName: string }
  | { status: 'error'; objectName: string; error: unknown }
  | { status: 'ready'; objectName: string; meta: ObjectMetadata };

/** The metadata of one object (or none), reloaded when the name changes; `retry` after an error. */
export function useDescribe(describe: Describe, objectName: string | null) {
  const [state, setState] = useState<DescribeState>({ status: 'idle' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (!objectName) {
      setState({ status: 'idle' });
      return;
    }
    let live = true;
    setState({ status: 'loading', objectName });
    describe(objectName).then(
      (meta) => live && setState({ status: 'ready', objectName, meta }),
      (error: unknown) => live && setState({ status: 'error', objectName, error }),
    );
    return () => {
      live = false;
    };
  }, [describe, objectName, attempt]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, retry };
}

/** The metadata of several objects (the ones Auto-Match fields search), keyed by name, as they arrive. */
export function useRelatedObjects(describe: Describe, objectNames: readonly string[]) {
  const [loaded, setLoaded] = useState<Readonly<Record<string, ObjectMetadata>>>({});
  const key = [...new Set(objectNames)].filter(Boolean).sort().join(',');
  useEffect(() => {
    let live = true;
    for (const name of key ? key.split(',') : []) {
      describe(name).then(
        (meta) => live && setLoaded((current) => (current[name] ? current : { ...current, [name]: meta })),
        () => undefined,
      );
    }
    return () => {
      live = false;
    };
  }, [describe, key]);
  return loaded;
}
