import { Button, Icon, Text } from '@livechat/design-system-react-components';
import Refresh from '@livechat/design-system-icons/Refresh';
import { errorMessage } from '../../ui/api/ApiError';
import type { ChatFieldCatalogueState } from './useChatFieldCatalogue';

/**
 * "Scan again", and what the last scan says: how many fields it found, why it found none (a new field
 * needs at least one archived chat, or a declaration under Chat fields), or that LiveChat could not be
 * read and what is offered is the last known list.
 */
export function RescanChatsLink({ chatFields }: { chatFields: ChatFieldCatalogueState }) {
  const { catalogue, scanning, scanError, loadError, rescan } = chatFields;
  const found = catalogue?.discovered.filter((f) => f.chatCount > 0).length ?? 0;
  const note =
    scanError || loadError
      ? `Could not read your chats: ${errorMessage(scanError ?? loadError)}`
      : (catalogue?.scan.failure ??
        catalogue?.scan.message ??
        (catalogue?.scan.scannedAt
          ? `${found} custom field${found === 1 ? '' : 's'} found in ${catalogue.scan.chatsScanned} recent chats.`
          : null));
  return (
    <div className="rescan">
      <Text as="span" size="sm" className="rescan__note" data-testid="chat-fields-scan-note">
        {note}
      </Text>
      <Button
        kind="link"
        size="compact"
        icon={<Icon source={Refresh} size="small" />}
        onClick={rescan}
        loading={scanning}
        data-testid="rescan-chats"
      >
        Scan again
      </Button>
    </div>
  );
}
