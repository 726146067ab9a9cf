import { useQueries } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Run } from '../../src/api/automation';
import type { SavedMapping } from '../../src/api/mappings';
import type { ApiClient } from '../../ui/api/client';
import { queryKeys } from '../../ui/query/keys';
import { linkedRecordsOf, type LinkedRecord } from './linkedRecords';

/**
 * The records each run's record points to, by run id: the mappings of the runs' accounts (the lists the
 * mapped-objects screen shows, shared with it) say which fields take which of the chat's records.
 * Until they load, and for an account whose mappings cannot be read, runs show no links.
 */
export function useLinkedRecords(
  api: Pick<ApiClient, 'mappings'>,
  runs: readonly Run[],
): Map<string, LinkedRecord[]> {
  const accountIds = [...new Set(runs.map((run) => run.accountId))].sort();
  const mappings = useQueries({
    queries: accountIds.map((id) => ({
      queryKey: queryKeys.mappings(id),
      queryFn: () => api.mappings.listMappings(id),
    })),
    combine: (results) =>
      new Map(accountIds.map((id, i): [string, SavedMapping[] | undefined] => [id, results[i]?.data])),
  });
  return useMemo(() => linkedRecordsOf(runs, (id) => mappings.get(id)), [runs, mappings]);
}
