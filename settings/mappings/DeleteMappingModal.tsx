import { Text } from '@livechat/design-system-react-components';
import type { SavedMapping } from '../../src/api/mappings';
import type { MappingsApi } from '../../ui/api/mappings';
import { ConfirmDestructiveModal } from '../../ui/ConfirmDestructiveModal';
import { useMappingsChanged } from './mappingsQuery';

/** Confirms deleting a mapping; records already created in Salesforce stay. */
export function DeleteMappingModal({
  api,
  accountId,
  mapping,
  onClose,
  onDeleted,
}: {
  api: Pick<MappingsApi, 'deleteMapping'>;
  accountId: string;
  mapping: SavedMapping;
  onClose: () => void;
  onDeleted: (mapping: SavedMapping) => void;
}) {
  const changed = useMappingsChanged(accountId);
  return (
    <ConfirmDestructiveModal
      heading={`Delete the ${mapping.objectLabel} mapping?`}
      confirmLabel="Delete mapping"
      onConfirm={() => api.deleteMapping(mapping.id).then(() => undefined)}
      onClose={onClose}
      onDone={() => {
        changed({ removed: mapping });
        onDeleted(mapping);
      }}
      testId="delete-mapping-modal"
      confirmTestId="delete-mapping-confirm"
      className="mapping-modal"
      footerClassName="mapping-modal__footer"
      bodyClassName="mapping-modal__body"
    >
      <Text as="p">
        Chats will no longer create {mapping.objectLabel} records
        {mapping.automation ? ' automatically' : ''}, and agents will no longer see or create them from the
        chat widget.
      </Text>
      <Text as="p" className="mapping-card__muted">
        Records already created in Salesforce stay there.
      </Text>
    </ConfirmDestructiveModal>
  );
}
