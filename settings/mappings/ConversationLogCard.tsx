import {
  Alert,
  Button,
  Heading,
  Icon,
  RadioButton,
  Tag,
  Text,
} from '@livechat/design-system-react-components';
import Edit from '@livechat/design-system-icons/Edit';
import { useMutation } from '@tanstack/react-query';
import type { SavedMapping } from '../../src/api/mappings';
import {
  conversationLogKinds,
  kindOf,
  type ConversationLogKind,
  type Mapping,
} from '../../src/mapping/mapping';
import { newConversationMapping } from '../../src/mapping/newMapping';
import { errorMessage } from '../../ui/api/ApiError';
import type { MappingsApi } from '../../ui/api/mappings';
import { linksOf, recordMappings, withoutSavedFields } from './chatSet';
import { logAsText } from './conversationText';
import { useMappingsChanged } from './mappingsQuery';
import { ProblemMessages } from './ProblemMessages';
import { serverProblems } from './serverProblems';

type Choice = 'off' | ConversationLogKind;

/** Where a logged conversation goes, by the reference fields of the log. */
const linkWords: Record<string, string> = { WhoId: 'Name (Who)', WhatId: 'Related to (What)' };

/**
 * Settings → an account's mapped objects: "Log each conversation in Salesforce", off, as a completed Task
 * (a Note when too long), or always as a Note. Turning it on creates the account's conversation log
 * from the preset (Subject, the readable conversation, linked to the chat's Contact or Lead and Case);
 * Edit opens it like any mapping. Off keeps the log's settings for the next time it is turned on.
 */
export function ConversationLogCard({
  api,
  accountId,
  mappings,
  onEdit,
}: {
  api: Pick<MappingsApi, 'describeObject' | 'createMapping' | 'updateMapping'>;
  accountId: string;
  mappings: readonly SavedMapping[];
  onEdit: (mapping: SavedMapping) => void;
}) {
  const changed = useMappingsChanged(accountId);
  const log = mappings.find((m) => kindOf(m) === 'conversation') ?? null;
  const current: Choice = log?.automation ? (log.logAs ?? 'task') : 'off';
  const labels = new Map(mappings.map((m) => [m.objectName, m.objectLabel]));

  const choose = useMutation({
    mutationFn: async (choice: Choice): Promise<SavedMapping> => {
      if (log) {
        const body: Mapping = {
          ...withoutSavedFields(log),
          automation: choice !== 'off',
          ...(choice !== 'off' && { logAs: choice }),
        };
        return api.updateMapping(log.id, body);
      }
      const task = await api.describeObject(accountId, 'Task');
      const preset = newConversationMapping(task, recordMappings(mappings));
      return api.createMapping(accountId, {
        ...preset,
        automation: true,
        logAs: choice as ConversationLogKind,
      });
    },
    onSuccess: (saved) => changed({ put: saved }),
  });
  const problems = choose.error ? serverProblems(choose.error) : null;
  const pending = choose.isPending ? choose.variables : null;
  const shown: Choice = pending ?? current;
  const links = log ? linksOf(log) : [];

  return (
    <section
      className="mapping-card conversation-card"
      data-testid="conversation-log"
      data-value={current}
      aria-busy={choose.isPending}
    >
      <header className="mapping-card__header">
        <div>
          <Heading size="xs" as="h3" className="mapping-card__title">
            Log each conversation in Salesforce
          </Heading>
          <Text as="div" size="sm" className="mapping-card__muted">
            The chat’s transcript, with times and names and the pre-chat and post-chat answers, written after
            the chat’s records and linked to them.
          </Text>
        </div>
        <Tag kind={current === 'off' ? 'default' : 'success'} size="small" data-testid="conversation-log-tag">
          {current === 'off' ? 'Off' : current === 'task' ? 'Task' : 'Note'}
        </Tag>
      </header>
      <fieldset className="conversation-card__choices" disabled={choose.isPending}>
        <legend className="conversation-card__legend">Log each conversation</legend>
        <RadioButton
          checked={shown === 'off'}
          onChange={() => choose.mutate('off')}
          description="Transcripts reach Salesforce only where a mapping puts them in a field."
          data-testid="conversation-log-off"
          disabled={choose.isPending}
        >
          Off
        </RadioButton>
        {conversationLogKinds.map((kind) => (
          <RadioButton
            key={kind}
            checked={shown === kind}
            onChange={() => choose.mutate(kind)}
            description={logAsText[kind].description}
            data-testid={`conversation-log-${kind}`}
            disabled={choose.isPending}
          >
            {logAsText[kind].title}
          </RadioButton>
        ))}
      </fieldset>
      {choose.isPending && (
        <Text as="div" size="sm" className="mapping-card__muted" data-testid="conversation-log-saving">
          {log ? 'Saving…' : 'Setting up the conversation log…'}
        </Text>
      )}
      {choose.isError &&
        (problems ? (
          <div data-testid="conversation-log-problems">
            <Text as="div" size="sm">
              The conversation log could not be {log ? 'changed' : 'set up'}:
            </Text>
            <ProblemMessages problems={problems} />
          </div>
        ) : (
          <Alert kind="error" data-testid="conversation-log-error">
            The conversation log could not be {log ? 'changed' : 'set up'}: {errorMessage(choose.error)}
          </Alert>
        ))}
      {log && (
        <dl className="mapping-card__facts">
          <Text as="dt" size="sm" className="mapping-card__muted">
            Linked to
          </Text>
          <dd className="mapping-card__tags" data-testid="conversation-log-links">
            {links.length === 0 ? (
              <Text as="span" size="sm" className="mapping-card__muted">
                No record: edit the log to link it to the chat’s Contact or Case
              </Text>
            ) : (
              links.map((link) => (
                <Tag key={link.field} size="small" kind="info">
                  {`${linkWords[link.field] ?? link.field} → this chat’s ${labels.get(link.object) ?? link.object}`}
                </Tag>
              ))
            )}
          </dd>
        </dl>
      )}
      {log && (
        <footer className="mapping-card__actions">
          <Button
            kind="secondary"
            size="compact"
            icon={<Icon source={Edit} />}
            onClick={() => onEdit(log)}
            data-testid="conversation-log-edit"
          >
            Edit and preview
          </Button>
        </footer>
      )}
    </section>
  );
}
