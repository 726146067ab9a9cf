import {
  queryOptions,
  skipToken,
  useQueries,
  useQuery,
  type QueryObserverResult,
} from '@tanstack/react-query';
import { useMemo } from 'react';
import type { ObjectMetadata } from '../../src/salesforce/objectMetadata';
import { queryKeys } from '../../ui/query/keys';
import type { MappingsApi } from '../../ui/api/mappings';
import type { EditorEnv } from './editorEnv';

/**
 * An object's describe is kept this long (the server caches too; this saves the round trips when the
 * owner goes back and forth between the list and the editor, or several fields search one object).
 */
const DESCRIBE_FRESH_MS = 5 * 60_000;

type DescribeEnv = Pick<EditorEnv, 'accountId' | 'api'>;

function describeQuery(env: DescribeEnv, objectName: string | null) {
  return queryOptions({
    // Keyed by account too: the same object name means another org's object.
    queryKey: queryKeys.object(env.accountId, objectName ?? ''),
    queryFn: objectName ? () => env.api.describeObject(env.accountId, objectName) : skipToken,
    staleTime: DESCRIBE_FRESH_MS,
  });
}

export type DescribeState =
  | { status: 'idle' }
  | { status: 'loading'; objectName: string }
  | { status: 'error'; objectName: string; error: unknown }
  | { status: 'ready'; objectName: string; meta: ObjectMetadata };

/** The metadata of one object (or none), loaded when the name changes; `retry` after an error. */
export function useDescribe(env: DescribeEnv, objectName: string | null) {
  const { data, error, refetch } = useQuery(describeQuery(env, objectName));
  const state = useMemo<DescribeState>(() => {
    if (!objectName) return { status: 'idle' };
    if (data) return { status: 'ready', objectName, meta: data };
    if (error) return { status: 'error', objectName, error };
    return { status: 'loading', objectName };
  }, [objectName, data, error]);
  return { state, retry: () => void refetch() };
}

const loadedByName = (results: QueryObserverResult<readonly [string, ObjectMetadata]>[]) =>
  Object.fromEntries(results.flatMap((r) => (r.data ? [r.data] : []))) as Readonly<
    Record<string, ObjectMetadata>
  >;

/** The metadata of several objects (the ones Auto-Match fields search), keyed by name, as they arrive. */
export function useRelatedObjects(env: DescribeEnv, objectNames: readonly string[]) {
  const names = [...new Set(objectNames)].filter(Boolean).sort();
  return useQueries({
    queries: names.map((name) => ({
      ...describeQuery(env, name),
      select: (meta: ObjectMetadata) => [name, meta] as const,
    })),
    combine: loadedByName,
  });
}

/**
 * The picklist values a record type offers (Salesforce's UI API, through the server), once the mapping
 * names one; kept as long as a describe.
 */
export function useRecordTypePicklists(
  env: { accountId: string; api: Pick<MappingsApi, 'recordTypePicklists'> },
  objectName: string,
  recordTypeId: string | null | undefined,
) {
  return useQuery({
    queryKey: [...queryKeys.object(env.accountId, objectName), 'record-types', recordTypeId ?? ''],
    queryFn: recordTypeId
      ? () => env.api.recordTypePicklists(env.accountId, objectName, recordTypeId)
      : skipToken,
    staleTime: DESCRIBE_FRESH_MS,
  });
}
