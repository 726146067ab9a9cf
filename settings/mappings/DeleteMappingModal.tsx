import { Alert, Text } from '@livechat/design-system-react-components';
import type { SavedMapping } from '../../src/api/mappings';
import { kindOf } from '../../src/mapping/mapping';
import type { MappingsApi } from '../../ui/api/mappings';
import { ConfirmDestructiveModal } from '../../ui/ConfirmDestructiveModal';
import { useMappingsChanged } from './mappingsQuery';

/** Confirms deleting a mapping; records already created in Salesforce stay. */
export function DeleteMappingModal({
  api,
  accountId,
  mapping,
  referencedBy,
  onClose,
  onDeleted,
}: {
  api: Pick<MappingsApi, 'deleteMapping'>;
  accountId: string;
  mapping: SavedMapping;
  /** The account's other mappings whose records point to this one's (they must change first). */
  referencedBy: readonly SavedMapping[];
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
      {referencedBy.length > 0 && (
        <Alert kind="warning" data-testid="delete-mapping-referenced">
          {referencedBy.map(mappingName).join(' and ')} {referencedBy.length === 1 ? 'points' : 'point'} to
          this chat’s {mapping.objectLabel}. Change{' '}
          {referencedBy.length === 1 ? 'that field' : 'those fields'} first: until then the{' '}
          {mapping.objectLabel} mapping cannot be deleted.
        </Alert>
      )}
    </ConfirmDestructiveModal>
  );
}

const mappingName = (m: SavedMapping) =>
  kindOf(m) === 'conversation' ? 'The conversation log' : `The ${m.objectLabel} mapping`;
