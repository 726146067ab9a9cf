import { Button, Icon, Text } from '@livechat/design-system-react-components';
import Refresh from '@livechat/design-system-icons/Refresh';
import { errorMessage } from '../../ui/api/ApiError';
import type { ChatFieldCatalogueState } from './useChatFieldCatalogue';

/** "Rescan chats", and why nothing was found (a new field needs at least one archived chat). */
export function RescanChatsLink({ chatFields }: { chatFields: ChatFieldCatalogueState }) {
  const { catalogue, scanning, scanError, loadError, rescan } = chatFields;
  const message = catalogue?.scan.message;
  const discovered = catalogue?.discovered.length ?? 0;
  return (
    <div className="rescan">
      <Text as="span" size="sm" className="rescan__note" data-testid="chat-fields-scan-note">
        {scanError || loadError
          ? `Could not read your chats: ${errorMessage(scanError ?? loadError)}`
          : message
            ? message
            : catalogue?.scan.scannedAt
              ? `${discovered} custom field${discovered === 1 ? '' : 's'} found in ${catalogue.scan.chatsScanned} recent chats.`
              : null}
      </Text>
      <Button
        kind="link"
        size="compact"
        icon={<Icon source={Refresh} size="small" />}
        onClick={rescan}
        loading={scanning}
        data-testid="rescan-chats"
      >
        Rescan chats
      </Button>
    </div>
  );
}
