import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ChatFieldCatalogue } from '../../src/api/mappings';
import type { MappingsApi } from '../../ui/api/mappings';

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
  const [catalogue, setCatalogue] = useState<ChatFieldCatalogue | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [scanning, setScanning] = useState(false);
  const [scanError, setScanError] = useState<unknown>(null);

  useEffect(() => {
    let live = true;
    api.getChatFields().then(
      (answer) => live && setCatalogue(answer),
      (error: unknown) => live && setLoadError(error),
    );
    return () => {
      live = false;
    };
  }, [api]);

  const rescan = useCallback(() => {
    setScanning(true);
    setScanError(null);
    api
      .scanChatFields()
      .then(
        (answer) => {
          setCatalogue(answer);
          setLoadError(null);
        },
        (error: unknown) => setScanError(error),
      )
      .finally(() => setScanning(false));
  }, [api]);

  return useMemo(
    () => ({ catalogue, loadError, scanning, scanError, rescan }),
    [catalogue, loadError, scanning, scanError, rescan],
  );
}
