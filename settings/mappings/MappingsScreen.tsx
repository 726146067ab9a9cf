import { Alert, Button, Heading, Icon, Text } from '@livechat/design-system-react-components';
import ChevronLeft from '@livechat/design-system-icons/ChevronLeft';
import { useCallback, useMemo, useState } from 'react';
import type { SavedMapping } from '../../src/api/mappings';
import type { MappingsApi } from '../../ui/api/mappings';
import { useAsync } from '../../ui/useAsync';
import { DeleteMappingModal } from './DeleteMappingModal';
import type { EditorEnv } from './editorEnv';
import { MappingEditor } from './MappingEditor';
import { AddObjectButton, MappingList } from './MappingList';
import { useChatFieldCatalogue } from './useChatFieldCatalogue';
import { useDescribeCache } from './useDescribe';
import './mappings.css';

export interface MappingsScreenProps {
  /** The Salesforce account (org) whose objects are mapped. */
  accountId: string;
  /** Its name as the tiles show it ("Acme production"). */
  accountLabel: string;
  /** The object-mapping endpoints; `createMappingsApi(http)` from `ui/api/mappings`. */
  api: MappingsApi;
  /** Back to the account tiles. */
  onBack: () => void;
  /** Starts the reconnect flow, offered when Salesforce no longer accepts the account's connection. */
  onReconnect?: () => void;
}

type View = { kind: 'list' } | { kind: 'edit'; mapping: SavedMapping | null };

function upsert(list: SavedMapping[], mapping: SavedMapping): SavedMapping[] {
  return list.some((m) => m.id === mapping.id)
    ? list.map((m) => (m.id === mapping.id ? mapping : m))
    : [...list, mapping];
}

/** Settings → an account → Map objects: the mapped objects, and the Object Mapping screen. */
export function MappingsScreen({ accountId, accountLabel, api, onBack, onReconnect }: MappingsScreenProps) {
  const { state, reload, setData } = useAsync(() => api.listMappings(accountId));
  const [view, setView] = useState<View>({ kind: 'list' });
  const [deleting, setDeleting] = useState<SavedMapping | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const describe = useDescribeCache(api, accountId);
  const chatFields = useChatFieldCatalogue(api);
  const env = useMemo<EditorEnv>(
    () => ({ accountId, api, describe, chatFields }),
    [accountId, api, describe, chatFields],
  );
  const mappedObjects = useMemo(
    () => new Set(state.status === 'ready' ? state.data.map((m) => m.objectName) : []),
    [state],
  );

  const onSaved = useCallback(
    (mapping: SavedMapping) => {
      setData((list) => upsert(list, mapping));
      setView({ kind: 'list' });
      setNotice(`Saved the ${mapping.objectLabel} mapping.`);
    },
    [setData],
  );

  if (view.kind === 'edit') {
    return (
      <div className="mappings-screen" data-testid="mappings-screen">
        <MappingEditor
          env={env}
          api={api}
          accountLabel={accountLabel}
          saved={view.mapping}
          mappedObjects={mappedObjects}
          onSaved={onSaved}
          onCancel={() => setView({ kind: 'list' })}
          onReconnect={onReconnect}
        />
      </div>
    );
  }

  const hasMappings = state.status === 'ready' && state.data.length > 0;
  return (
    <div className="mappings-screen" data-testid="mappings-screen">
      <div className="mappings-screen__header">
        <div>
          <Button
            kind="text"
            size="compact"
            icon={<Icon source={ChevronLeft} />}
            onClick={onBack}
            data-testid="mappings-back"
          >
            Accounts
          </Button>
          <Heading size="sm" as="h2">
            Mapped objects
          </Heading>
          <Text as="p" className="mapping-section__lead">
            What chats create in <b>{accountLabel}</b>, and how agents find the visitor&apos;s records.
          </Text>
        </div>
        {hasMappings && (
          <AddObjectButton
            onAdd={() => {
              setNotice(null);
              setView({ kind: 'edit', mapping: null });
            }}
          />
        )}
      </div>
      {notice && (
        <Alert
          kind="success"
          onClose={() => setNotice(null)}
          className="mappings-screen__notice"
          data-testid="mappings-notice"
        >
          {notice}
        </Alert>
      )}
      <MappingList
        state={state}
        accountLabel={accountLabel}
        onAdd={() => setView({ kind: 'edit', mapping: null })}
        onEdit={(mapping) => {
          setNotice(null);
          setView({ kind: 'edit', mapping });
        }}
        onDelete={setDeleting}
        onRetry={reload}
        onReconnect={onReconnect}
      />
      {deleting && (
        <DeleteMappingModal
          api={api}
          mapping={deleting}
          onClose={() => setDeleting(null)}
          onDeleted={(mapping) => {
            setData((list) => list.filter((m) => m.id !== mapping.id));
            setDeleting(null);
            setNotice(`Deleted the ${mapping.objectLabel} mapping.`);
          }}
        />
      )}
    </div>
  );
}
