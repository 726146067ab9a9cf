import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { ChatFieldCatalogue } from '../../src/api/mappings';
import type { MappingsApi } from '../../ui/api/mappings';
import { queryKeys } from '../../ui/query/keys';

export interface ChatFieldCatalogueState {
  catalogue: ChatFieldCatalogue | null;
  loadError: unknown;
  scanning: boolean;
  scanError: unknown;
  rescan: () => void;
}

/** The values a mapping can take from a chat: built-in ones and those found in archived chats. */
export function useChatFieldCatalogue(
  api: Pick<MappingsApi, 'getChatFields' | 'scanChatFields'>,
): ChatFieldCatalogueState {
  const queryClient = useQueryClient();
  const { data, error } = useQuery({ queryKey: queryKeys.chatFields, queryFn: () => api.getChatFields() });
  const scan = useMutation({
    mutationFn: () => api.scanChatFields(),
    onSuccess: (answer) => queryClient.setQueryData(queryKeys.chatFields, answer),
  });
  const { mutate, isPending, error: scanError } = scan;

  return useMemo(
    () => ({
      catalogue: data ?? null,
      loadError: error,
      scanning: isPending,
      scanError,
      rescan: () => mutate(),
    }),
    [data, error, isPending, scanError, mutate],
  );
}
