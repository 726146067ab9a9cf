import { useState } from 'react';
import type { ChatSetAccount, CreateSetResponse, SetMember } from '../../src/api/widget';
import { useWidgetApi as useApi } from '../api';
import { errorMessage } from '../../ui/api/ApiError';
import { LiteButton, LiteLoader, LiteTag } from '../lite';
import './chatSet.css';

/** What the line under a member says: its record, or what happens to it. */
function memberNote(member: SetMember, labelOf: (object: string) => string): string | null {
  if (member.note) return member.note;
  switch (member.state) {
    case 'found':
      return null;
    case 'created':
      return member.createdBy === 'automation' ? 'Created after the chat' : 'Created from this chat';
    case 'skipped':
      return 'Not created for this chat';
    case 'toCreate': {
      const when = member.automation ? 'To be created after the chat' : 'Not created yet';
      const links = member.refersTo.map((r) => `this chat’s ${labelOf(r.object)}`);
      return links.length ? `${when}, linked to ${links.join(' and ')}` : when;
    }
  }
}

const tags: Record<SetMember['state'], { kind: 'success' | 'default'; text: string }> = {
  found: { kind: 'success', text: 'Found' },
  created: { kind: 'success', text: 'Created' },
  toCreate: { kind: 'default', text: 'To create' },
  skipped: { kind: 'default', text: 'Skipped' },
};

function MemberLine({ member, labelOf }: { member: SetMember; labelOf: (object: string) => string }) {
  const note = memberNote(member, labelOf);
  const tag = tags[member.state];
  return (
    <li
      className="ws-member"
      data-testid="set-member"
      data-object={member.objectName}
      data-state={member.state}
    >
      <div className="ws-member__top">
        <span className="ws-member__object">{member.objectLabel}</span>
        <LiteTag kind={tag.kind}>{tag.text}</LiteTag>
      </div>
      {member.record && (
        <a
          className="ws-member__record"
          href={member.record.url}
          target="_blank"
          rel="noopener noreferrer"
          data-testid="set-member-link"
        >
          {member.record.name}
          <span aria-hidden="true"> ↗</span>
          <span className="wr-sr">(Open in Salesforce)</span>
        </a>
      )}
      {note && <p className="ws-member__note">{note}</p>}
    </li>
  );
}

/**
 * This chat's set of records in one account: each mapped object's record of the chat (found, created,
 * to be created, or skipped), in the set's order (a Case after the Contact it links to), the
 * conversation log, and one button that creates every record not there yet, together.
 */
export function ChatSetPanel({
  chatId,
  threadId,
  set,
  onCreated,
}: {
  chatId: string;
  threadId: string | undefined;
  set: ChatSetAccount;
  onCreated: (result: CreateSetResponse) => void;
}) {
  const api = useApi();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<CreateSetResponse | null>(null);
  if (set.state !== 'ok' || set.members.length === 0) return null;

  const labelOf = (object: string) => set.members.find((m) => m.objectName === object)?.objectLabel ?? object;
  const toCreate = set.members.filter((m) => m.state === 'toCreate');
  const label =
    toCreate.length === 1
      ? `Create the ${toCreate[0]!.objectLabel} now`
      : `Create ${toCreate.length} records now`;

  async function createAll() {
    setSaving(true);
    setFailure(null);
    try {
      const result = await api.widget.createSet({
        chatId,
        ...(threadId ? { threadId } : {}),
        accountId: set.account.id,
      });
      setDone(result);
      onCreated(result);
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <section className="ws-set" data-testid="chat-set" aria-label="This chat’s records">
      <h3 className="ws-set__title">This chat’s records</h3>
      <ol className="ws-set__list">
        {set.members.map((member) => (
          <MemberLine key={member.mappingId} member={member} labelOf={labelOf} />
        ))}
      </ol>
      {set.conversation && (
        <p className="ws-set__hint" data-testid="set-conversation">
          {set.conversation.automation
            ? `The conversation is logged as ${set.conversation.logAs === 'note' ? 'a Note' : 'a Task'} after the chat.`
            : 'The conversation is not logged by itself: attach it to a record with its card’s ⋯ menu.'}
        </p>
      )}
      {done && done.created.length > 0 && (
        <p className="wr-success" role="status" data-testid="set-created">
          {done.created.length === 1
            ? `${set.members.find((m) => m.mappingId === done.created[0]!.mappingId)?.objectLabel ?? 'Record'} created: ${done.created[0]!.name}.`
            : `${done.created.length} records created, linked to each other.`}
        </p>
      )}
      {failure && (
        <p className="wf-problem wf-problem--form" role="alert" data-testid="set-create-problem">
          {failure}
        </p>
      )}
      {toCreate.length > 0 ? (
        <LiteButton
          kind="primary"
          fullWidth
          disabled={saving}
          onClick={() => void createAll()}
          data-testid="set-create-all"
        >
          {saving ? 'Creating…' : label}
        </LiteButton>
      ) : (
        !done && (
          <p className="ws-set__hint" data-testid="set-complete">
            Every record of this chat is in Salesforce.
          </p>
        )
      )}
    </section>
  );
}

/** While the set is looked for: the records above are already there to read. */
export function ChatSetLoading() {
  return (
    <section className="ws-set ws-set--loading" data-testid="chat-set-loading">
      <LiteLoader label="Checking this chat’s records…" />
    </section>
  );
}

/** The set could not be read: what went wrong (the server names whom to ask), and a retry. */
export function ChatSetFailed({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  return (
    <section className="ws-set" data-testid="chat-set-error" role="alert">
      <h3 className="ws-set__title ws-set__title--error">This chat’s records could not be checked</h3>
      <p className="ws-set__hint">{errorMessage(error)}</p>
      <LiteButton onClick={onRetry} data-testid="chat-set-retry">
        Try again
      </LiteButton>
    </section>
  );
}
