import {
  Alert,
  Button,
  EmptyState,
  Heading,
  Icon,
  SkeletonText,
  SkeletonWrapper,
  Tag,
  Text,
} from '@livechat/design-system-react-components';
import Add from '@livechat/design-system-icons/Add';
import Refresh from '@livechat/design-system-icons/Refresh';
import { useState } from 'react';
import type { ChatFieldCatalogue } from '../../src/api/mappings';
import type { CatalogueChatField, ChatFieldGroup } from '../../src/chat/chatFields';
import { useApi } from '../../ui/api/ApiContext';
import { errorMessage } from '../../ui/api/ApiError';
import { formatDateTime, relativeTime } from '../../ui/format';
import { useChatFieldCatalogue } from '../mappings/useChatFieldCatalogue';
import { sampleText, valueKindLabels } from './chatFieldText';
import { DeclareChatFieldModal } from './DeclareChatFieldModal';
import { RemoveDeclaredFieldModal } from './RemoveDeclaredFieldModal';
import './chatFields.css';

const groups: { group: ChatFieldGroup; empty: string }[] = [
  { group: 'Custom variables', empty: 'No custom variable in your recent chats.' },
  { group: 'Pre-chat form', empty: 'No pre-chat form answers in your recent chats.' },
  { group: 'Post-chat form', empty: 'No post-chat form answers in your recent chats.' },
];

function Time({ iso }: { iso: string }) {
  return (
    <time dateTime={iso} title={formatDateTime(iso)}>
      {relativeTime(iso)}
    </time>
  );
}

/** "Last scanned 5 minutes ago: the 100 latest archived chats." */
function ScanSummary({ scan }: { scan: ChatFieldCatalogue['scan'] }) {
  if (!scan.scannedAt) return <>Your archived chats have not been read yet.</>;
  return (
    <>
      Last scanned <Time iso={scan.scannedAt} />:{' '}
      {scan.chatsScanned === 0
        ? 'there were no archived chats yet'
        : scan.chatsScanned === 1
          ? 'the only archived chat'
          : `the ${scan.chatsScanned} latest archived chats`}
      . Scanned again by itself once a day.
    </>
  );
}

function ListHeader() {
  return (
    <div className="chat-field-row chat-field-row--header" aria-hidden="true">
      <span>Name</span>
      <span>Sample value</span>
      <span>Seen</span>
      <span>Last seen</span>
      <span>Values</span>
      <span />
    </div>
  );
}

function FieldRow({
  field,
  chatsScanned,
  onRemove,
}: {
  field: CatalogueChatField;
  chatsScanned: number;
  onRemove: (field: CatalogueChatField) => void;
}) {
  const sample = sampleText(field, 80);
  const seen = field.chatCount > 0;
  return (
    <li className="chat-field-row" data-testid="chat-field-row" data-field={field.id}>
      <div className="chat-field-row__name">
        <Text as="span" className="chat-field-row__label">
          {field.label}
        </Text>
        {field.declared && (
          <Tag size="small" kind={seen ? 'default' : 'info'} data-testid="chat-field-declared">
            {seen ? 'Declared' : 'Declared · not seen yet'}
          </Tag>
        )}
      </div>
      <Text as="span" size="sm" className="chat-field-row__sample">
        {sample !== undefined ? (
          `“${sample}”`
        ) : (
          <span className="chat-field-row__muted">{seen ? 'always empty' : '—'}</span>
        )}
      </Text>
      <Text as="span" size="sm">
        {seen ? (
          `${field.chatCount} of ${chatsScanned} chat${chatsScanned === 1 ? '' : 's'}`
        ) : (
          <span className="chat-field-row__muted">no chat yet</span>
        )}
      </Text>
      <Text as="span" size="sm">
        {field.lastSeenAt ? (
          <Time iso={field.lastSeenAt} />
        ) : (
          <span className="chat-field-row__muted">{seen ? 'at the next scan' : 'never'}</span>
        )}
      </Text>
      <Text as="span" size="sm">
        {valueKindLabels[field.kind]}
      </Text>
      <span className="chat-field-row__actions">
        {field.declared && (
          <Button
            kind="text"
            size="compact"
            onClick={() => onRemove(field)}
            data-testid="chat-field-remove"
            aria-label={`Remove the declared ${field.label}`}
          >
            Remove
          </Button>
        )}
      </span>
    </li>
  );
}

function LoadingList() {
  return (
    <div className="chat-fields" data-testid="chat-fields-loading" aria-busy="true">
      <Text as="p" size="sm" className="chat-fields__reading">
        Reading your latest archived chats…
      </Text>
      <div className="chat-field-list">
        <ListHeader />
        <ul className="chat-field-list__rows">
          {[0, 1, 2, 3].map((i) => (
            <li key={i} className="chat-field-row">
              <SkeletonWrapper animated>
                <SkeletonText width={120} height={14} />
              </SkeletonWrapper>
              <SkeletonWrapper animated>
                <SkeletonText width={160} height={14} />
              </SkeletonWrapper>
              <SkeletonWrapper animated>
                <SkeletonText width={70} height={14} />
              </SkeletonWrapper>
              <SkeletonWrapper animated>
                <SkeletonText width={70} height={14} />
              </SkeletonWrapper>
              <SkeletonWrapper animated>
                <SkeletonText width={40} height={14} />
              </SkeletonWrapper>
              <span />
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

/**
 * Settings → Chat fields: every custom variable and pre-/post-chat form field the latest archived
 * chats carry, with a sample, in how many chats, and when last seen; those declared before any chat had
 * them; Scan again; and why nothing was found, with what to do.
 */
export function ChatFieldsTab() {
  const api = useApi().mappings;
  const chatFields = useChatFieldCatalogue(api);
  const { catalogue, loadError, scanning, scanError } = chatFields;
  const [declaring, setDeclaring] = useState(false);
  const [removing, setRemoving] = useState<CatalogueChatField | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  let body;
  if (!catalogue && !loadError) {
    body = <LoadingList />;
  } else if (!catalogue) {
    body = (
      <div className="tab-state" data-testid="chat-fields-error">
        <EmptyState
          title="Could not load the chat fields"
          description={errorMessage(loadError)}
          actions={
            <Button kind="secondary" onClick={chatFields.reload}>
              Try again
            </Button>
          }
        />
      </div>
    );
  } else if (catalogue.discovered.length === 0) {
    body = (
      <div className="tab-state" data-testid="chat-fields-empty">
        <EmptyState
          title="No custom variables or form fields found"
          description={
            catalogue.scan.message ??
            'Custom variables and form answers appear here once a chat that has them has ended.'
          }
          actions={
            <>
              <Button
                kind="primary"
                onClick={() => setDeclaring(true)}
                data-testid="chat-fields-declare-empty"
              >
                Declare a field
              </Button>
              <Button kind="secondary" onClick={chatFields.rescan} loading={scanning}>
                Scan again
              </Button>
            </>
          }
        />
      </div>
    );
  } else {
    const fields = catalogue.discovered;
    body = (
      <div className="chat-fields" data-testid="chat-fields-list">
        {catalogue.scan.message && (
          <Alert kind="info" data-testid="chat-fields-message">
            {catalogue.scan.message}
          </Alert>
        )}
        {groups.map(({ group, empty }) => {
          const inGroup = fields.filter((f) => f.group === group);
          return (
            <section key={group} className="chat-field-group" data-testid={`chat-field-group-${group}`}>
              <Heading size="xs" as="h3" className="chat-field-group__title">
                {group} <span className="chat-field-group__count">{inGroup.length}</span>
              </Heading>
              {inGroup.length === 0 ? (
                <Text as="p" size="sm" className="chat-field-group__empty">
                  {empty}
                </Text>
              ) : (
                <div className="chat-field-list">
                  <ListHeader />
                  <ul className="chat-field-list__rows">
                    {inGroup.map((field) => (
                      <FieldRow
                        key={field.id}
                        field={field}
                        chatsScanned={catalogue.scan.chatsScanned}
                        onRemove={setRemoving}
                      />
                    ))}
                  </ul>
                </div>
              )}
            </section>
          );
        })}
      </div>
    );
  }

  return (
    <section className="tab-panel" data-testid="chat-fields-tab">
      <div className="tab-panel__header">
        <div>
          <Heading size="sm" as="h2">
            Chat fields
          </Heading>
          <Text as="p" className="tab-panel__lead">
            The custom variables and pre-chat and post-chat form answers your chats carry. Mappings take them
            as Dynamic values.
          </Text>
          {catalogue && (
            <Text as="p" size="sm" className="chat-fields__scan" data-testid="chat-fields-scan">
              <ScanSummary scan={catalogue.scan} />
            </Text>
          )}
        </div>
        <div className="chat-fields__actions">
          <Button
            kind="secondary"
            icon={<Icon source={Refresh} />}
            loading={scanning}
            disabled={!catalogue && !loadError}
            onClick={chatFields.rescan}
            data-testid="chat-fields-scan-again"
          >
            Scan again
          </Button>
          <Button
            kind="primary"
            icon={<Icon source={Add} />}
            onClick={() => setDeclaring(true)}
            data-testid="chat-fields-declare"
          >
            Declare a field
          </Button>
        </div>
      </div>
      <div className="tab-panel__notices">
        {notice && (
          <Alert kind="success" onClose={() => setNotice(null)} data-testid="chat-fields-notice">
            {notice}
          </Alert>
        )}
        {catalogue?.scan.failure && (
          <Alert kind="warning" data-testid="chat-fields-failure">
            {catalogue.scan.failure}
          </Alert>
        )}
        {scanError !== null && (
          <Alert kind="error" data-testid="chat-fields-scan-error">
            Could not scan your chats: {errorMessage(scanError)}
          </Alert>
        )}
      </div>
      {body}
      {declaring && (
        <DeclareChatFieldModal
          api={api}
          onClose={() => setDeclaring(false)}
          onDeclared={(name) => {
            setDeclaring(false);
            setNotice(`Declared “${name}”. Mappings can use it now.`);
          }}
        />
      )}
      {removing?.declared && (
        <RemoveDeclaredFieldModal
          api={api}
          field={{ ...removing, declared: removing.declared }}
          onClose={() => setRemoving(null)}
          onRemoved={() => {
            setNotice(`Removed the declared “${removing.label}”.`);
            setRemoving(null);
          }}
        />
      )}
    </section>
  );
}
