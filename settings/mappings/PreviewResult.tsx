import { Icon, Tag, Text } from '@livechat/design-system-react-components';
import CheckCircle from '@livechat/design-system-icons/CheckCircle';
import Info from '@livechat/design-system-icons/Info';
import type { PreviewResponse, RecentChats } from '../../src/api/mappings';
import type { Mapping } from '../../src/mapping/mapping';
import { describeChatSource } from '../../src/chat/chatFields';
import { findField, type ObjectMetadata } from '../../src/salesforce/objectMetadata';
import { ProblemMessages } from './ProblemMessages';

type Chat = RecentChats['chats'][number];

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function shown(value: string | number | boolean): string {
  if (typeof value === 'boolean') return value ? 'Checked' : 'Unchecked';
  return String(value);
}

/** What the preview found: the record as it would be sent, each auto-match, missing chat values, problems. */
export function PreviewResult({
  result,
  meta,
  chat,
  mapping,
}: {
  result: PreviewResponse;
  meta: ObjectMetadata;
  chat: Chat | null;
  /** The mapping previewed, for the names of fixed reference records. */
  mapping: Mapping;
}) {
  const label = (name: string) => findField(meta, name)?.label ?? name;
  const errors = result.problems.filter((p) => p.severity === 'error').length;
  const log = result.conversation;
  // The conversation log's text is shown whole below the fields, not in a table cell.
  const entries = Object.entries(result.record).filter(([name]) => !(log && name === 'Description'));
  const written = log ? (log.as === 'note' ? 'Note' : 'completed Task') : meta.label;
  // Record ids are shown with the name of the record they point to, when known.
  const names = new Map<string, string>();
  for (const lookup of result.lookups) if (lookup.found) names.set(lookup.field, lookup.found.name);
  for (const entry of mapping.fields) {
    if (entry.entryType === 'static' && entry.display) names.set(entry.field, entry.display);
  }
  return (
    <div
      className="preview-result"
      data-testid="preview-result"
      data-errors={errors}
      data-log-as={log?.as ?? ''}
    >
      <div className={`preview-result__verdict preview-result__verdict--${errors ? 'error' : 'ok'}`}>
        <Icon source={errors ? Info : CheckCircle} kind={errors ? 'negative' : 'positive'} />
        <Text as="span" size="md" bold>
          {errors
            ? `This chat would not create a ${written}: ${errors} problem${errors === 1 ? '' : 's'} below.`
            : log
              ? `This chat would be logged as the ${written} below.`
              : `This chat would create the ${meta.label} below.`}
        </Text>
        {log?.as === 'note' && (
          <Text as="span" size="sm" className="preview-result__muted" data-testid="preview-note-reason">
            {log.reason === 'too_long'
              ? 'A Note, not a Task: this conversation is longer than a Task’s description allows.'
              : 'A Note, as the log is set to always write one, attached to each of the chat’s records.'}
          </Text>
        )}
        <Text as="span" size="sm" className="preview-result__muted">
          {chat ? `Chat with ${chat.visitorName ?? 'an unnamed visitor'} · ` : ''}Preview only; nothing was
          created.
        </Text>
      </div>

      <table className="preview-record" data-testid="preview-record">
        <tbody>
          {entries.length === 0 && (
            <tr>
              <td colSpan={2} className="preview-result__muted">
                No field would get a value.
              </td>
            </tr>
          )}
          {result.recordType && (
            <tr data-field="RecordTypeId">
              <th scope="row">
                Record type
                <span className="preview-record__api">RecordTypeId</span>
              </th>
              <td className="preview-record__value">
                {result.recordType.name} <span className="preview-record__api">{result.recordType.id}</span>
              </td>
            </tr>
          )}
          {entries
            .filter(([name]) => !(result.recordType && name === 'RecordTypeId'))
            .map(([name, value]) => (
              <tr key={name} data-field={name}>
                <th scope="row">
                  {label(name)}
                  <span className="preview-record__api">{name}</span>
                </th>
                <td className="preview-record__value">
                  {names.has(name) ? (
                    <>
                      {names.get(name)} <span className="preview-record__api">{shown(value)}</span>
                    </>
                  ) : (
                    shown(value)
                  )}
                </td>
              </tr>
            ))}
          {result.chatRecords.map((ref) => (
            <tr key={ref.field} data-field={ref.field} data-chat-record={ref.object}>
              <th scope="row">
                {label(ref.field)}
                <span className="preview-record__api">{ref.field}</span>
              </th>
              <td className="preview-record__value">
                <Tag size="small" kind="info">
                  {ref.shown}
                </Tag>{' '}
                <span className="preview-result__muted">its id, once it is found or created</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      {log && (
        <div className="preview-result__block" data-testid="preview-conversation">
          <Text as="div" size="sm" bold>
            {log.as === 'note' ? 'The Note' : 'The Task’s description'}
          </Text>
          {log.as === 'note' && (
            <Text as="div" size="sm" data-testid="preview-conversation-title">
              Title: {log.subject}
            </Text>
          )}
          <pre className="preview-conversation" data-testid="preview-conversation-text">
            {log.text}
          </pre>
        </div>
      )}

      {result.lookups.length > 0 && (
        <div className="preview-result__block" data-testid="preview-lookups">
          <Text as="div" size="sm" bold>
            Auto-Match
          </Text>
          <ul className="preview-list">
            {result.lookups.map((lookup) => (
              <li key={lookup.field}>
                <Text as="span" size="sm">
                  {label(lookup.field)}: the {lookup.object} whose {lookup.matchField} is “{lookup.value}”
                  →{' '}
                </Text>
                {lookup.found ? (
                  <Tag size="small" kind="success">
                    {lookup.found.name} · {lookup.found.id}
                  </Tag>
                ) : (
                  <Tag size="small" kind="warning">
                    No match
                  </Tag>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}

      {result.missing.length > 0 && (
        <div className="preview-result__block" data-testid="preview-missing">
          <Text as="div" size="sm" bold>
            Not in this chat
          </Text>
          <ul className="preview-list">
            {result.missing.map((missing) => (
              <li key={missing.field}>
                <Text as="span" size="sm">
                  {label(missing.field)} stays empty: this chat has no{' '}
                  {lowerFirst(describeChatSource(missing.source))}.
                </Text>
              </li>
            ))}
          </ul>
        </div>
      )}

      {result.problems.length > 0 && (
        <div className="preview-result__block">
          <Text as="div" size="sm" bold>
            Problems
          </Text>
          <ProblemMessages problems={result.problems} testId="preview-problems" />
        </div>
      )}
    </div>
  );
}
