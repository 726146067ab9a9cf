import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { ChatFieldCatalogue } from '../../src/api/mappings';
import type { MappingsApi } from '../../ui/api/mappings';
import { queryKeys } from '../../ui/query/keys';

export interface ChatFieldCatalogueState {
  catalogue: ChatFieldCatalogue | null;
  loadError: unknown;
  /** Asks for the catalogue again after a failed load. */
  reload: () => void;
  scanning: boolean;
  scanError: unknown;
  rescan: () => void;
}

/**
 * The values a mapping can take from a chat: built-in ones, those found in archived chats and those
 * declared. The server scans the archive by itself when it was never scanned or the last scan is old,
 * so the first answer may take a few seconds; `rescan` scans now.
 */
export function useChatFieldCatalogue(
  api: Pick<MappingsApi, 'getChatFields' | 'scanChatFields'>,
): ChatFieldCatalogueState {
  const queryClient = useQueryClient();
  const { data, error, refetch } = useQuery({
    queryKey: queryKeys.chatFields,
    queryFn: () => api.getChatFields(),
  });
  const scan = useMutation({
    mutationFn: () => api.scanChatFields(),
    onSuccess: (answer) => queryClient.setQueryData(queryKeys.chatFields, answer),
  });
  const { mutate, isPending, error: scanError } = scan;

  return useMemo(
    () => ({
      catalogue: data ?? null,
      loadError: error,
      reload: () => void refetch(),
      scanning: isPending,
      scanError,
      rescan: () => mutate(),
    }),
    [data, error, refetch, isPending, scanError, mutate],
  );
}
