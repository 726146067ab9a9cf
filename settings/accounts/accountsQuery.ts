import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { SalesforceAccount } from '../../src/api/accounts';
import { useApi } from '../../ui/api/ApiContext';
import { queryKeys } from '../../ui/query/keys';
import type { z } from 'zod';
import { changeList, type ListChange } from '../queryClient';
import { useFormMutation } from '../useFormMutation';

/** The license's Salesforce accounts, with each org's API usage. */
export function useAccounts() {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.accounts,
    queryFn: () => api.listAccounts().then((r) => r.accounts),
  });
}

/** A single account's answer carries no usage, so the listed one is kept. */
const keepUsage = (next: SalesforceAccount, cached: SalesforceAccount) => ({
  ...next,
  apiUsage: next.apiUsage ?? cached.apiUsage,
});

/** Shows an account written (or removed) in the list at once, then asks for the list and the audit log again. */
export function useAccountsChanged() {
  const queryClient = useQueryClient();
  return useCallback(
    (change: ListChange<SalesforceAccount>) =>
      changeList(queryClient, queryKeys.accounts, change, {
        merge: keepUsage,
        alsoChanged: [{ queryKey: queryKeys.auditLog }],
      }),
    [queryClient],
  );
}

/** A form that writes one account: checked, sent, its answer put in the list and handed to `onSaved`. */
export function useAccountForm<S extends z.ZodType>(
  schema: S,
  fields: readonly string[],
  write: (input: z.output<S>) => Promise<{ account: SalesforceAccount }>,
  onSaved: (account: SalesforceAccount) => void,
) {
  const changed = useAccountsChanged();
  return useFormMutation({
    schema,
    fields,
    mutationFn: write,
    onSuccess: ({ account }) => {
      changed({ put: account });
      onSaved(account);
    },
  });
}
