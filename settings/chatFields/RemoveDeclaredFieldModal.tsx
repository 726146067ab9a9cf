import { Text } from '@livechat/design-system-react-components';
import { useQueryClient } from '@tanstack/react-query';
import { describeChatSource, type CatalogueChatField } from '../../src/chat/chatFields';
import type { MappingsApi } from '../../ui/api/mappings';
import { ConfirmDestructiveModal } from '../../ui/ConfirmDestructiveModal';
import { queryKeys } from '../../ui/query/keys';

/** Confirms removing a declaration; a field that recent chats have stays listed, as found. */
export function RemoveDeclaredFieldModal({
  api,
  field,
  onClose,
  onRemoved,
}: {
  api: Pick<MappingsApi, 'removeDeclaredChatField'>;
  field: CatalogueChatField & { declared: NonNullable<CatalogueChatField['declared']> };
  onClose: () => void;
  onRemoved: () => void;
}) {
  const queryClient = useQueryClient();
  return (
    <ConfirmDestructiveModal
      heading={`Remove the declared ${describeChatSource(field.id)}?`}
      confirmLabel="Remove"
      onConfirm={async () => {
        queryClient.setQueryData(queryKeys.chatFields, await api.removeDeclaredChatField(field.declared.id));
      }}
      onClose={onClose}
      onDone={onRemoved}
      testId="remove-declared-field-modal"
      confirmTestId="remove-declared-field-confirm"
      className="settings-modal settings-modal--narrow"
      footerClassName="modal-footer"
      bodyClassName="modal-form"
    >
      <Text as="p">
        {field.chatCount > 0
          ? 'It stays in the list, and in the pickers, while your recent chats have it.'
          : 'It is no longer offered when mapping fields, until a chat with it has ended.'}
      </Text>
      <Text as="p" className="modal-form__muted">
        Mappings that use it keep it; they get its value from each chat that has it.
      </Text>
    </ConfirmDestructiveModal>
  );
}
