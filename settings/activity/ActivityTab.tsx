import {
  Alert,
  Button,
  EmptyState,
  Heading,
  Icon,
  SkeletonText,
  SkeletonWrapper,
  Text,
} from '@livechat/design-system-react-components';
import Refresh from '@livechat/design-system-icons/Refresh';
import { useApi } from '../../ui/api/ApiContext';
import { errorMessage } from '../../ui/api/ApiError';
import { ActivityFilters } from './ActivityFilters';
import { RunRow } from './RunRow';
import { useLinkedRecords } from './useLinkedRecords';
import { noFilters, useActivity } from './useActivity';
import './activity.css';

function ListHeader() {
  return (
    <div className="run-row run-row--header" aria-hidden="true">
      <span>When</span>
      <span>Chat</span>
      <span>Object</span>
      <span>Status</span>
      <span>Outcome</span>
      <span />
    </div>
  );
}

function LoadingRows() {
  return (
    <div className="activity-list" data-testid="activity-loading" aria-busy="true">
      <ListHeader />
      <ul className="activity-list__rows">
        {[0, 1, 2, 3].map((i) => (
          <li key={i} className="run-row">
            <SkeletonWrapper vertical animated>
              <SkeletonText width={90} height={14} />
              <SkeletonText width={60} height={12} />
            </SkeletonWrapper>
            <SkeletonWrapper animated>
              <SkeletonText width={90} height={14} />
            </SkeletonWrapper>
            <SkeletonWrapper vertical animated>
              <SkeletonText width={80} height={14} />
              <SkeletonText width={110} height={12} />
            </SkeletonWrapper>
            <SkeletonWrapper animated>
              <SkeletonText width={80} height={20} />
            </SkeletonWrapper>
            <SkeletonWrapper vertical animated>
              <SkeletonText width={200} height={14} />
              <SkeletonText width={140} height={12} />
            </SkeletonWrapper>
            <span />
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Settings → Activity: every automatic run after a chat ended, its outcome, and Retry for failures. */
export function ActivityTab() {
  const api = useApi();
  const activity = useActivity(api);
  const { state, filters } = activity;
  const linked = useLinkedRecords(api, state.status === 'ready' ? state.runs : []);
  const filtered =
    filters.status !== null || filters.from !== '' || filters.to !== '' || filters.visitor.trim() !== '';

  let body;
  if (state.status === 'loading') {
    body = <LoadingRows />;
  } else if (state.status === 'error') {
    body = (
      <div className="tab-state" data-testid="activity-load-error">
        <EmptyState
          title="Could not load the activity"
          description={errorMessage(state.error)}
          actions={
            <Button kind="secondary" onClick={activity.reload}>
              Try again
            </Button>
          }
        />
      </div>
    );
  } else if (state.runs.length === 0) {
    body = (
      <div className="tab-state" data-testid="activity-empty">
        {filtered ? (
          <EmptyState
            title="No runs match these filters"
            description="Try another status, another visitor or a wider date range."
            actions={
              <Button kind="secondary" onClick={() => activity.setFilters(noFilters)}>
                Clear filters
              </Button>
            }
          />
        ) : (
          <EmptyState
            title="No automatic runs yet"
            description="Turn on automation on a mapped object; after each chat ends the record appears here."
          />
        )}
      </div>
    );
  } else {
    body = (
      <div
        className={`activity-list${activity.updating ? ' activity-list--updating' : ''}`}
        aria-busy={activity.updating}
        data-testid="activity-list"
      >
        <ListHeader />
        <ul className="activity-list__rows">
          {state.runs.map((run) => (
            <RunRow
              key={run.id}
              run={run}
              links={linked.get(run.id)}
              onRetry={(r) => void activity.retry(r)}
            />
          ))}
        </ul>
        {state.hasMore && (
          <div className="activity-list__more">
            <Button
              kind="secondary"
              loading={activity.loadingMore}
              onClick={() => void activity.loadMore()}
              data-testid="activity-load-more"
            >
              Load more
            </Button>
          </div>
        )}
      </div>
    );
  }

  return (
    <section className="tab-panel" data-testid="activity-tab">
      <div className="tab-panel__header">
        <div>
          <Heading size="sm" as="h2">
            Activity
          </Heading>
          <Text as="p" className="tab-panel__lead">
            What the app created in Salesforce by itself after chats ended. Failed runs can be retried.
          </Text>
        </div>
        <Button
          kind="secondary"
          icon={<Icon source={Refresh} />}
          loading={activity.refreshing}
          disabled={state.status === 'loading'}
          onClick={() => void activity.refresh()}
          data-testid="activity-refresh"
        >
          Refresh
        </Button>
      </div>

      <ActivityFilters filters={filters} onChange={activity.setFilters} />

      <div className="tab-panel__notices">
        {activity.problem && (
          <Alert kind="error" onClose={activity.dismissProblem} data-testid="activity-problem">
            {activity.problem}
          </Alert>
        )}
      </div>

      {body}
    </section>
  );
}
