import { Button, Icon, Text } from '@livechat/design-system-react-components';
import OpenInNew from '@livechat/design-system-icons/OpenInNew';
import Refresh from '@livechat/design-system-icons/Refresh';
import type { Run } from '../../src/api/automation';
import { formatDateTime, relativeTime } from '../../ui/format';
import type { LinkedRecord } from './linkedRecords';
import { RunStatusTag } from './RunStatusTag';
import { attemptsText, isRetrying, outcomeText } from './runText';

const doneText: Partial<Record<Run['status'], (label: string) => string>> = {
  created: (label) => `New ${label}`,
  linked: (label) => `Linked to an existing ${label}`,
  updated: (label) => `Existing ${label}, updated`,
};

/** The records this run's record points to: the chat's Contact of a Case, the Who and What of a Task. */
function LinkedRecords({ links }: { links: readonly LinkedRecord[] }) {
  if (links.length === 0) return null;
  return (
    <ul className="run-outcome__links" data-testid="activity-links">
      {links.map((link) => (
        <li key={link.field} data-testid={`activity-link-${link.field}`}>
          <Text as="span" size="sm" className="run-outcome__muted">
            <code className="run-outcome__field">{link.field}</code> →{' '}
            {link.run?.recordUrl ? (
              <a
                href={link.run.recordUrl}
                target="_blank"
                rel="noopener noreferrer"
                title={link.run.recordId ?? undefined}
              >
                this chat’s {link.object}
              </a>
            ) : (
              `this chat’s ${link.object}`
            )}
          </Text>
        </li>
      ))}
    </ul>
  );
}

function Outcome({ run, links }: { run: Run; links: readonly LinkedRecord[] }) {
  const done = doneText[run.status];
  if (done && run.recordUrl) {
    return (
      <div className="run-outcome">
        <a
          className="run-outcome__record"
          href={run.recordUrl}
          target="_blank"
          rel="noopener noreferrer"
          data-testid="activity-record-link"
        >
          Open in Salesforce
          <Icon source={OpenInNew} size="small" />
        </a>
        <Text as="div" size="sm" className="run-outcome__muted">
          {done(run.objectName === 'ContentNote' ? 'Note' : run.objectLabel)}
          {run.recordId && (
            <>
              {' · '}
              <span className="run-outcome__id">{run.recordId}</span>
            </>
          )}
        </Text>
        <LinkedRecords links={links} />
      </div>
    );
  }
  if (run.error) {
    const tone = run.notWritten
      ? 'warning'
      : run.status === 'failed'
        ? 'failed'
        : isRetrying(run) || run.status === 'waiting'
          ? 'warning'
          : 'muted';
    return (
      <div className="run-outcome">
        <Text
          as="div"
          size="sm"
          className={`run-outcome__error run-outcome__error--${tone}`}
          data-testid="activity-error"
        >
          {run.error}
        </Text>
        {run.errorFields.length > 0 && (
          <Text as="div" size="sm" className="run-outcome__muted" data-testid="activity-error-fields">
            {run.errorFields.length === 1 ? 'Field: ' : 'Fields: '}
            {run.errorFields.map((f, i) => (
              <span key={f}>
                {i > 0 && ', '}
                <code className="run-outcome__field">{f}</code>
              </span>
            ))}
          </Text>
        )}
        {!run.notWritten && run.status === 'failed' && <LinkedRecords links={links} />}
      </div>
    );
  }
  return (
    <Text as="div" size="sm" className="run-outcome__muted">
      {outcomeText(run)}
    </Text>
  );
}

/** One automatic run: when, which chat, which object in which org, the outcome, and Retry when it failed. */
export function RunRow({
  run,
  links = [],
  onRetry,
}: {
  run: Run;
  /** The records of the same chat this run's record points to. */
  links?: readonly LinkedRecord[];
  onRetry: (run: Run) => void;
}) {
  const finished = run.finishedAt ? `, finished ${formatDateTime(run.finishedAt)}` : '';
  return (
    <li
      className={`run-row run-row--${run.status}`}
      data-testid="activity-run"
      data-status={run.status}
      data-chat-id={run.chatId}
      data-run-id={run.id}
    >
      <div className="run-row__when">
        <Text as="div" size="md">
          <time dateTime={run.createdAt} title={`Chat ended ${formatDateTime(run.createdAt)}${finished}`}>
            {relativeTime(run.createdAt) || formatDateTime(run.createdAt)}
          </time>
        </Text>
        <Text as="div" size="sm" className="run-outcome__muted">
          {attemptsText(run.attempts)}
        </Text>
      </div>
      <div className="run-row__chat">
        {/* The chat by who it was with; its id stays the link's text when the chat named no one. */}
        <a
          href={run.chatLink}
          target="_blank"
          rel="noopener noreferrer"
          className="run-row__chat-link"
          title={`Open chat ${run.chatId} in LiveChat`}
          data-testid="activity-chat-link"
        >
          {run.visitor.name ?? run.visitor.email ?? run.chatId}
        </a>
        <Text as="div" size="sm" className="run-outcome__muted" data-testid="activity-visitor">
          {run.visitor.name && run.visitor.email ? run.visitor.email : `Chat ${run.chatId}`}
        </Text>
      </div>
      <div className="run-row__what">
        <Text as="div" size="md" className="run-row__object">
          {run.objectLabel}
        </Text>
        <Text as="div" size="sm" className="run-outcome__muted">
          {run.accountLabel}
        </Text>
      </div>
      <div className="run-row__status">
        <RunStatusTag run={run} />
      </div>
      <div className="run-row__outcome">
        <Outcome run={run} links={links} />
      </div>
      <div className="run-row__actions">
        {run.status === 'failed' && (
          <Button
            kind="secondary"
            size="compact"
            icon={<Icon source={Refresh} />}
            onClick={() => onRetry(run)}
            data-testid="activity-retry"
          >
            Retry
          </Button>
        )}
      </div>
    </li>
  );
}
