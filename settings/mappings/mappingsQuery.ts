import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { SavedMapping } from '../../src/api/mappings';
import type { MappingsApi } from '../../ui/api/mappings';
import { queryKeys } from '../../ui/query/keys';
import { changeList, type ListChange } from '../queryClient';

/** The objects one account maps. */
export function useMappings(api: Pick<MappingsApi, 'listMappings'>, accountId: string) {
  return useQuery({ queryKey: queryKeys.mappings(accountId), queryFn: () => api.listMappings(accountId) });
}

/**
 * Shows a mapping saved (or deleted) in the list at once, then asks for it again, with the accounts
 * (their mapping counts) and the audit log.
 */
export function useMappingsChanged(accountId: string) {
  const queryClient = useQueryClient();
  return useCallback(
    (change: ListChange<SavedMapping>) =>
      changeList(queryClient, queryKeys.mappings(accountId), change, {
        alsoChanged: [{ queryKey: queryKeys.accounts, exact: true }, { queryKey: queryKeys.auditLog }],
      }),
    [queryClient, accountId],
  );
}
