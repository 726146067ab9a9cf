import { Alert, Button, Heading, Icon, Text } from '@livechat/design-system-react-components';
import ChevronLeft from '@livechat/design-system-icons/ChevronLeft';
import { useCallback, useMemo, useState } from 'react';
import type { SavedMapping } from '../../src/api/mappings';
import { kindOf } from '../../src/mapping/mapping';
import type { MappingsApi } from '../../ui/api/mappings';
import { linksOf, recordMappings } from './chatSet';
import { ConversationLogCard } from './ConversationLogCard';
import { DeleteMappingModal } from './DeleteMappingModal';
import type { EditorEnv } from './editorEnv';
import { MappingEditor } from './MappingEditor';
import { AddObjectButton, MappingList } from './MappingList';
import { useMappings } from './mappingsQuery';
import { useChatFieldCatalogue } from './useChatFieldCatalogue';
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

/** Settings → an account → Map objects: the mapped objects, and the Object Mapping screen. */
export function MappingsScreen({ accountId, accountLabel, api, onBack, onReconnect }: MappingsScreenProps) {
  const mappings = useMappings(api, accountId);
  const [view, setView] = useState<View>({ kind: 'list' });
  const [deleting, setDeleting] = useState<SavedMapping | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const chatFields = useChatFieldCatalogue(api);
  const env = useMemo<EditorEnv>(
    () => ({ accountId, api, chatFields, mappings: mappings.data ?? [] }),
    [accountId, api, chatFields, mappings.data],
  );
  const mappedObjects = useMemo(
    () => new Set(recordMappings(mappings.data ?? []).map((m) => m.objectName)),
    [mappings.data],
  );

  const onSaved = useCallback((mapping: SavedMapping) => {
    setView({ kind: 'list' });
    setNotice(
      kindOf(mapping) === 'conversation'
        ? 'Saved the conversation log.'
        : `Saved the ${mapping.objectLabel} mapping.`,
    );
  }, []);

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

  const hasMappings = recordMappings(mappings.data ?? []).length > 0;
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
        query={mappings}
        conversationCard={
          mappings.data && (
            <ConversationLogCard
              api={api}
              accountId={accountId}
              mappings={mappings.data}
              onEdit={(mapping) => {
                setNotice(null);
                setView({ kind: 'edit', mapping });
              }}
            />
          )
        }
        accountLabel={accountLabel}
        onAdd={() => setView({ kind: 'edit', mapping: null })}
        onEdit={(mapping) => {
          setNotice(null);
          setView({ kind: 'edit', mapping });
        }}
        onDelete={setDeleting}
        onRetry={() => void mappings.refetch()}
        onReconnect={onReconnect}
      />
      {deleting && (
        <DeleteMappingModal
          api={api}
          accountId={accountId}
          mapping={deleting}
          referencedBy={(mappings.data ?? []).filter(
            (m) =>
              m.id !== deleting.id &&
              kindOf(deleting) === 'record' &&
              linksOf(m).some((link) => link.object === deleting.objectName),
          )}
          onClose={() => setDeleting(null)}
          onDeleted={(mapping) => {
            setDeleting(null);
            setNotice(`Deleted the ${mapping.objectLabel} mapping.`);
          }}
        />
      )}
    </div>
  );
}
