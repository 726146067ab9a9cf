import { lazy, Suspense, useCallback, useEffect, useState, type ReactNode } from 'react';
import type {
  ChatSetAccount,
  CreateRecordResponse,
  CreateSetResponse,
  RecordCardField,
  RelatedAccount,
  RelatedObject,
  RelatedRecord,
  RelatedResponse,
} from '../../src/api/widget';
import { useWidgetApi as useApi } from '../api';
import { errorMessage } from '../../ui/api/ApiError';
import { queryKeys } from '../../ui/query/keys';
import { LiteButton, Spinner } from '../lite';
import { useQuery } from '../query/useQuery';
import { Notice } from './Notice';

// Not needed to show the records: loaded once they are drawn (the set, the cards' menu) or asked for
// (the Create form), each its own chunk.
const setModule = () => import('../set');
const ChatSetPanel = lazy(() => setModule().then((m) => ({ default: m.ChatSetPanel })));
const ChatSetLoading = lazy(() => setModule().then((m) => ({ default: m.ChatSetLoading })));
const ChatSetFailed = lazy(() => setModule().then((m) => ({ default: m.ChatSetFailed })));
const RecordActions = lazy(() => setModule().then((m) => ({ default: m.RecordActions })));
const CreateRecordForm = lazy(() =>
  import('./CreateRecordForm').then((m) => ({ default: m.CreateRecordForm })),
);

/** Records created here, kept beside the search's answer: Salesforce's search index may lag behind. */
type Created = Record<string, RelatedRecord[]>;

/** This chat's set in one account, as far as it is known yet (it is asked for after the records). */
type SetView =
  | { status: 'pending' }
  | { status: 'error'; error: unknown; retry: () => void }
  | { status: 'ready'; set: ChatSetAccount | undefined; retry: () => void };

/**
 * The agent's date formats, made when a card first shows a date: the first Intl.DateTimeFormat of a
 * page loads its locale's data (15-20 ms in Chromium here), which the widget's first script would
 * otherwise spend before the Agent App can connect.
 */
let formats: { date: Intl.DateTimeFormat; dateTime: Intl.DateTimeFormat } | undefined;
const dateFormats = () =>
  (formats ??= {
    date: new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }),
    dateTime: new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }),
  });

/** A key field's value as the agent reads it: dates in their own locale, times in their own time zone. */
function shownValue(field: RecordCardField): string {
  if (field.kind === 'date') {
    const [y, m, d] = field.value.split('-').map(Number);
    const day = new Date(y ?? NaN, (m ?? NaN) - 1, d ?? NaN);
    return Number.isNaN(day.getTime()) ? field.value : dateFormats().date.format(day);
  }
  if (field.kind === 'datetime') {
    // Salesforce writes the offset as +0000, which not every engine parses.
    const time = new Date(field.value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
    return Number.isNaN(time.getTime()) ? field.value : dateFormats().dateTime.format(time);
  }
  return field.value;
}

function RecordItem({
  record,
  fresh,
  actions,
}: {
  record: RelatedRecord;
  fresh?: boolean;
  /** The card's ⋯ menu, once the chat's set says what may be done with this record. */
  actions?: ReactNode;
}) {
  return (
    <li
      className={`wr-record${fresh ? ' wr-record--fresh' : ''}${actions ? ' wr-record--actions' : ''}`}
      data-testid="related-record"
      data-record-id={record.id}
    >
      <a
        className="wr-record__name"
        href={record.url}
        target="_blank"
        rel="noopener noreferrer"
        title="Open in Salesforce"
      >
        {record.name}
        <span className="wr-record__open" aria-hidden="true">
          ↗
        </span>
        <span className="wr-sr">(Open in Salesforce)</span>
      </a>
      {record.fields.length > 0 && (
        <dl className="wr-record__fields">
          {record.fields.map((f) => (
            <div key={f.field} className="wr-record__field" data-field={f.field}>
              <dt>{f.label}</dt>
              <dd>{shownValue(f)}</dd>
            </div>
          ))}
        </dl>
      )}
      {actions}
    </li>
  );
}

function ObjectGroup({
  chatId,
  threadId,
  object,
  created,
  canCreate,
  onCreated,
  actionsFor,
}: {
  chatId: string;
  threadId: string | undefined;
  object: RelatedObject;
  created: RelatedRecord[];
  canCreate: boolean;
  onCreated: (created: CreateRecordResponse) => void;
  actionsFor: (record: RelatedRecord) => ReactNode;
}) {
  const [creating, setCreating] = useState(false);
  const [success, setSuccess] = useState<CreateRecordResponse | null>(null);
  const records = [...created.filter((c) => !object.records.some((r) => r.id === c.id)), ...object.records];
  return (
    <section className="wr-object" data-testid="related-object" data-object={object.objectName}>
      <div className="wr-object__head">
        <h3 className="wr-object__title">
          {object.objectLabel}
          <span className="wr-count">{records.length}</span>
        </h3>
        {canCreate && !creating && (
          <button
            type="button"
            className="wr-link-button"
            onClick={() => {
              setSuccess(null);
              setCreating(true);
            }}
            data-testid={`create-${object.objectName}`}
          >
            + Create
          </button>
        )}
      </div>
      {success && (
        <p className="wr-success" role="status" data-testid="create-success">
          {success.outcome === 'created'
            ? `${object.objectLabel} created: `
            : `This ${object.objectLabel} already exists: `}
          <a
            href={success.record.url}
            target="_blank"
            rel="noopener noreferrer"
            data-testid="create-success-link"
          >
            {success.record.name}
          </a>
        </p>
      )}
      {creating && (
        <Suspense
          fallback={
            <div className="wf-form wf-form--loading" data-testid="create-form-loading">
              <Spinner label={`Preparing the ${object.objectLabel}…`} />
            </div>
          }
        >
          <CreateRecordForm
            chatId={chatId}
            threadId={threadId}
            mappingId={object.mappingId}
            objectLabel={object.objectLabel}
            onCancel={() => setCreating(false)}
            onCreated={(result) => {
              setCreating(false);
              setSuccess(result);
              onCreated(result);
            }}
          />
        </Suspense>
      )}
      {records.length > 0 ? (
        <ul className="wr-records">
          {records.map((r) => (
            <RecordItem
              key={r.id}
              record={r}
              fresh={created.some((c) => c.id === r.id)}
              actions={actionsFor(r)}
            />
          ))}
        </ul>
      ) : (
        object.searched &&
        !creating && <p className="wr-empty">No {object.objectLabel.toLowerCase()} matches this visitor.</p>
      )}
    </section>
  );
}

function AccountSection({
  chatId,
  threadId,
  entry,
  showLabel,
  created,
  onCreated,
  onRetry,
  chatSet,
  onSetCreated,
}: {
  chatId: string;
  threadId: string | undefined;
  entry: RelatedAccount;
  showLabel: boolean;
  created: Created;
  onCreated: (created: CreateRecordResponse) => void;
  onRetry: () => void;
  chatSet: SetView;
  onSetCreated: (result: CreateSetResponse) => void;
}) {
  const canCreate = entry.state === 'ok' || entry.state === 'no_searchable_values';
  const set = chatSet.status === 'ready' ? chatSet.set : undefined;
  const actionsFor = (record: RelatedRecord, objectName: string) =>
    set?.attachableObjects.includes(objectName) ? (
      <Suspense fallback={null}>
        <RecordActions chatId={chatId} threadId={threadId} accountId={entry.account.id} record={record} />
      </Suspense>
    ) : undefined;
  return (
    <section className="wr-account" data-testid="related-account" data-state={entry.state}>
      {showLabel && (
        <div className="wr-account__head">
          <span className="wr-account__label">{entry.account.label}</span>
          {entry.account.orgName && entry.account.orgName !== entry.account.label && (
            <span className="wr-account__org">{entry.account.orgName}</span>
          )}
        </div>
      )}
      {entry.state === 'needs_reconnect' && (
        <Notice
          testId="state-needs-reconnect"
          title="Salesforce connection lost"
          tone="error"
          onRetry={onRetry}
        >
          {entry.message ?? 'Ask your license owner to reconnect this account in the app’s settings.'}
        </Notice>
      )}
      {entry.state === 'limit_reached' && (
        <Notice
          testId="state-limit-reached"
          title="Out of Salesforce API calls"
          tone="error"
          onRetry={onRetry}
        >
          {entry.message ?? 'This org has used up its API calls for today.'}
        </Notice>
      )}
      {entry.state === 'unavailable' && (
        <Notice testId="state-unavailable" title="Salesforce is unavailable" tone="error" onRetry={onRetry}>
          {entry.message ?? 'Salesforce could not be reached. Try again in a moment.'}
        </Notice>
      )}
      {entry.state === 'no_mappings' && (
        <Notice testId="state-no-mappings" title="Nothing mapped yet">
          {entry.message ?? 'Ask your license owner to map Salesforce objects in the app’s settings.'}
        </Notice>
      )}
      {entry.state === 'no_searchable_values' && (
        <Notice testId="state-no-searchable-values" title="Nothing to look up yet">
          This visitor has no email or phone yet, so their records cannot be looked up. When they give one,
          the records appear here; you can still create a record below.
        </Notice>
      )}
      {canCreate && (
        <Suspense fallback={null}>
          {chatSet.status === 'pending' && <ChatSetLoading />}
          {chatSet.status === 'error' && <ChatSetFailed error={chatSet.error} onRetry={chatSet.retry} />}
          {chatSet.status === 'ready' && set && set.state !== 'ok' && set.state !== 'no_mappings' && (
            <ChatSetFailed
              error={new Error(set.message ?? 'Salesforce did not answer.')}
              onRetry={chatSet.retry}
            />
          )}
          {set && <ChatSetPanel chatId={chatId} threadId={threadId} set={set} onCreated={onSetCreated} />}
        </Suspense>
      )}
      {entry.objects.map((object) => (
        <ObjectGroup
          key={object.mappingId}
          chatId={chatId}
          threadId={threadId}
          object={object}
          created={created[object.mappingId] ?? []}
          canCreate={canCreate}
          onCreated={onCreated}
          actionsFor={(record) => actionsFor(record, object.objectName)}
        />
      ))}
    </section>
  );
}

/** The visitor's Salesforce records for the open chat, grouped by account and object, with Create. */
export function RelatedRecords({ chatId, threadId }: { chatId: string; threadId?: string | undefined }) {
  const api = useApi();
  const related = useQuery({
    queryKey: queryKeys.related(chatId, threadId),
    // The agent's Refresh (and Try again) looks in Salesforce again instead of the server's cache.
    queryFn: ({ refetch }) => api.widget.related(chatId, { refresh: refetch, threadId }),
  });
  const [created, setCreated] = useState<Created>({});
  const refreshing = related.isFetching && related.data !== undefined;
  // Once the first records are drawn, the date formats get made in idle time (see dateFormats), for
  // the cards and forms after them. Not before: while the records are on their way, those 15-20 ms of
  // the frame's main thread could hold up their drawing, and take a core from the server answering.
  const drawn = related.data !== undefined;
  useEffect(() => {
    if (!drawn || typeof requestIdleCallback !== 'function') return;
    const idle = requestIdleCallback(() => void dateFormats());
    return () => cancelIdleCallback(idle);
  }, [drawn]);

  const onCreated = useCallback((result: CreateRecordResponse) => {
    const { record } = result;
    setCreated((c) => ({
      ...c,
      [record.mappingId]: [
        // Its key fields came back with the create: the card is complete before any refresh.
        { id: record.id, name: record.name, url: record.url, fields: record.fields },
        ...(c[record.mappingId] ?? []).filter((r) => r.id !== record.id),
      ],
    }));
  }, []);

  const header = (
    <div className="wr-head">
      <h2 className="widget-section-title">Salesforce records</h2>
      {related.status !== 'pending' && (
        <button
          type="button"
          className="wr-icon-button"
          onClick={related.refetch}
          disabled={refreshing}
          aria-label="Refresh"
          title="Look up the visitor’s records again"
          data-testid="related-refresh"
        >
          <span className={refreshing ? 'wr-spin' : ''} aria-hidden="true">
            ↻
          </span>
        </button>
      )}
    </div>
  );

  if (related.status === 'pending') {
    return (
      <div className="widget-body" data-testid="related-loading">
        {header}
        <div className="widget-center">
          <Spinner label="Looking up the visitor in Salesforce…" />
        </div>
      </div>
    );
  }
  if (!related.data || (related.status === 'error' && !related.isFetching)) {
    return (
      <div className="widget-body" data-testid="related-error">
        {header}
        <Notice testId="related-error-notice" title="Salesforce records could not be loaded" tone="error">
          {errorMessage(related.error)}
        </Notice>
        <LiteButton onClick={related.refetch}>Try again</LiteButton>
      </div>
    );
  }
  const { data } = related;
  return (
    <div className="widget-body" data-testid="related-ready" data-chat-id={chatId}>
      {header}
      {data.state === 'no_accounts' ? (
        <Notice testId="state-no-accounts" title="No Salesforce account to use">
          {data.message ??
            'You may not use any connected Salesforce account yet. Ask your license owner to give you access in the app’s settings.'}
        </Notice>
      ) : (
        <Accounts
          chatId={chatId}
          threadId={threadId}
          data={data}
          created={created}
          onCreated={onCreated}
          onRetry={() => void related.refetch()}
        />
      )}
    </div>
  );
}

/**
 * The accounts' records, and this chat's set in each: asked for once the records are drawn (it needs
 * Salesforce's finds, so it never holds them up), again after a refresh or a record created here.
 */
function Accounts({
  chatId,
  threadId,
  data,
  created,
  onCreated,
  onRetry,
}: {
  chatId: string;
  threadId: string | undefined;
  data: RelatedResponse;
  created: Created;
  onCreated: (created: CreateRecordResponse) => void;
  onRetry: () => void;
}) {
  const api = useApi();
  const chatSet = useQuery({
    queryKey: [...queryKeys.chatSet(chatId, threadId), data.fetchedAt],
    queryFn: () => api.widget.chatSet(chatId, threadId),
  });
  // The set as the last "Create all" answered it, until the set is asked for again.
  const [written, setWritten] = useState<Record<string, ChatSetAccount>>({});
  const retry = () => {
    setWritten({});
    chatSet.refetch();
  };
  const viewOf = (accountId: string): SetView => {
    if (written[accountId]) return { status: 'ready', set: written[accountId], retry };
    if (chatSet.data) {
      return { status: 'ready', set: chatSet.data.accounts.find((a) => a.account.id === accountId), retry };
    }
    if (chatSet.status === 'error') return { status: 'error', error: chatSet.error, retry };
    return { status: 'pending' };
  };
  const onSetCreated = (result: CreateSetResponse) => {
    setWritten((w) => ({ ...w, [result.set.account.id]: result.set }));
    for (const record of result.created) {
      onCreated({
        outcome: 'created',
        record: { ...record, accountId: result.set.account.id },
      });
    }
  };

  return data.accounts.map((entry) => (
    <AccountSection
      key={entry.account.id}
      chatId={chatId}
      threadId={threadId}
      entry={entry}
      showLabel={data.accounts.length > 1}
      created={created}
      onCreated={(result) => {
        onCreated(result);
        retry(); // the record is now this chat's: the set says so
      }}
      onRetry={onRetry}
      chatSet={viewOf(entry.account.id)}
      onSetCreated={onSetCreated}
    />
  ));
}
