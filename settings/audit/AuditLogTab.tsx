import {
  Button,
  EmptyState,
  Heading,
  SkeletonText,
  SkeletonWrapper,
  Text,
} from '@livechat/design-system-react-components';
import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../ui/api/ApiContext';
import { errorMessage } from '../../ui/api/ApiError';
import { formatDateTime, relativeTime } from '../../ui/format';
import { queryKeys } from '../../ui/query/keys';

const query = { limit: 50 };

/** Settings → Audit log: who changed what and when, newest first. */
export function AuditLogTab() {
  const api = useApi();
  const audit = useQuery({
    queryKey: queryKeys.audit(query),
    queryFn: () => api.listAudit(query).then((r) => r.entries),
  });

  let body;
  if (audit.isPending) {
    body = (
      <ul className="audit-list" data-testid="audit-loading">
        {[0, 1, 2, 3].map((i) => (
          <li key={i} className="audit-entry">
            <SkeletonWrapper vertical animated>
              <SkeletonText width={360} height={14} />
              <SkeletonText width={200} height={12} />
            </SkeletonWrapper>
          </li>
        ))}
      </ul>
    );
  } else if (!audit.data) {
    body = (
      <div className="tab-state" data-testid="audit-error">
        <EmptyState
          title="Could not load the audit log"
          description={errorMessage(audit.error)}
          actions={
            <Button kind="secondary" onClick={() => void audit.refetch()}>
              Try again
            </Button>
          }
        />
      </div>
    );
  } else if (audit.data.length === 0) {
    body = (
      <div className="tab-state" data-testid="audit-empty">
        <EmptyState
          title="No changes yet"
          description="Connecting, renaming or removing accounts and changing who may use them will be recorded here."
        />
      </div>
    );
  } else {
    body = (
      <ul className="audit-list" data-testid="audit-list">
        {audit.data.map((entry) => (
          <li key={entry.id} className="audit-entry" data-testid="audit-entry" data-action={entry.action}>
            <Text as="div" className="audit-entry__summary">
              {entry.summary}
            </Text>
            <Text as="div" size="sm" className="audit-entry__meta">
              {entry.actorEmail} ·{' '}
              <time dateTime={entry.createdAt} title={formatDateTime(entry.createdAt)}>
                {relativeTime(entry.createdAt)}
              </time>
            </Text>
          </li>
        ))}
      </ul>
    );
  }

  return (
    <section className="tab-panel" data-testid="audit-tab">
      <div className="tab-panel__header">
        <div>
          <Heading size="sm" as="h2">
            Audit log
          </Heading>
          <Text as="p" className="tab-panel__lead">
            Every change to this app&apos;s settings: who made it and when.
          </Text>
        </div>
      </div>
      {body}
    </section>
  );
}
