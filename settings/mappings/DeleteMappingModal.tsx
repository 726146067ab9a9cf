import { Alert, Button, Modal, Text } from '@livechat/design-system-react-components';
import { useState } from 'react';
import type { SavedMapping } from '../../src/api/mappings';
import { errorMessage } from '../../ui/api/ApiError';
import type { MappingsApi } from '../../ui/api/mappings';

/** Confirms deleting a mapping; records already created in Salesforce stay. */
export function DeleteMappingModal({
  api,
  mapping,
  onClose,
  onDeleted,
}: {
  api: Pick<MappingsApi, 'deleteMapping'>;
  mapping: SavedMapping;
  onClose: () => void;
  onDeleted: (mapping: SavedMapping) => void;
}) {
  const [deleting, setDeleting] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function remove() {
    setDeleting(true);
    setProblem(null);
    try {
      await api.deleteMapping(mapping.id);
      onDeleted(mapping);
    } catch (error) {
      setProblem(errorMessage(error));
      setDeleting(false);
    }
  }

  return (
    <Modal
      heading={`Delete the ${mapping.objectLabel} mapping?`}
      onClose={onClose}
      data-testid="delete-mapping-modal"
      className="mapping-modal"
      footer={
        <div className="mapping-modal__footer">
          <Button kind="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button
            kind="destructive"
            onClick={() => void remove()}
            loading={deleting}
            data-testid="delete-mapping-confirm"
          >
            Delete mapping
          </Button>
        </div>
      }
    >
      <div className="mapping-modal__body">
        {problem && <Alert kind="error">{problem}</Alert>}
        <Text as="p">
          Chats will no longer create {mapping.objectLabel} records
          {mapping.automation ? ' automatically' : ''}, and agents will no longer see or create them from the
          chat widget.
        </Text>
        <Text as="p" className="mapping-card__muted">
          Records already created in Salesforce stay there.
        </Text>
      </div>
    </Modal>
  );
}
