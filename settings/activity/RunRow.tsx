import { Button, Icon, Text } from '@livechat/design-system-react-components';
import OpenInNew from '@livechat/design-system-icons/OpenInNew';
import Refresh from '@livechat/design-system-icons/Refresh';
import type { Run } from '../../src/api/automation';
import { formatDateTime, relativeTime } from '../../ui/format';
import { RunStatusTag } from './RunStatusTag';
import { attemptsText, isRetrying, outcomeText } from './runText';

function Outcome({ run }: { run: Run }) {
  if ((run.status === 'created' || run.status === 'linked') && run.recordUrl) {
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
          {run.status === 'linked' ? `Linked to an existing ${run.objectLabel}` : `New ${run.objectLabel}`}
          {run.recordId && (
            <>
              {' · '}
              <span className="run-outcome__id">{run.recordId}</span>
            </>
          )}
        </Text>
      </div>
    );
  }
  if (run.error) {
    const tone =
      run.status === 'failed' ? 'failed' : isRetrying(run) || run.status === 'waiting' ? 'warning' : 'muted';
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
export function RunRow({ run, onRetry }: { run: Run; onRetry: (run: Run) => void }) {
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
        <Outcome run={run} />
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
