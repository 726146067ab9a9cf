import {
  Alert,
  Button,
  Heading,
  Icon,
  Picker,
  Text,
  Tooltip,
} from '@livechat/design-system-react-components';
import PlayArrow from '@livechat/design-system-icons/PlayArrow';
import { useEffect, useMemo, useState } from 'react';
import type { PreviewResponse, RecentChats } from '../../src/api/mappings';
import type { Mapping } from '../../src/mapping/mapping';
import type { ObjectMetadata } from '../../src/salesforce/objectMetadata';
import { errorMessage } from '../../ui/api/ApiError';
import type { MappingsApi } from '../../ui/api/mappings';
import { formatDateTime } from '../../ui/format';
import { PreviewResult } from './PreviewResult';
import { onPickerSelect } from './onPickerSelect';

type Chat = RecentChats['chats'][number];

interface Props {
  api: Pick<MappingsApi, 'listRecentChats' | 'previewMapping'>;
  accountId: string;
  meta: ObjectMetadata;
  /** The mapping as edited now, or null while a choice is missing. */
  mapping: Mapping | null;
}

/** Runs the mapping being edited against one of the latest archived chats; nothing is created. */
export function PreviewPanel({ api, accountId, meta, mapping }: Props) {
  const [chats, setChats] = useState<{ list: Chat[] | null; error: unknown }>({ list: null, error: null });
  const [chatId, setChatId] = useState<string | null>(null);
  const [run, setRun] = useState<
    | { status: 'idle' }
    | { status: 'running' }
    | { status: 'done'; result: PreviewResponse; chatId: string; mapping: Mapping }
    | { status: 'error'; error: unknown }
  >({ status: 'idle' });

  useEffect(() => {
    let live = true;
    api.listRecentChats().then(
      (list) => live && setChats({ list, error: null }),
      (error: unknown) => live && setChats({ list: [], error }),
    );
    return () => {
      live = false;
    };
  }, [api]);

  const options = useMemo(
    () =>
      (chats.list ?? []).map((chat) => ({
        key: chat.id,
        name: chat.visitorName ?? 'Unnamed visitor',
        secondaryText: [chat.visitorEmail, formatDateTime(chat.startedAt)].filter(Boolean).join(' · '),
      })),
    [chats.list],
  );
  const selected = options.filter((option) => option.key === chatId);

  function preview() {
    if (!mapping || !chatId) return;
    const forChat = chatId;
    setRun({ status: 'running' });
    api.previewMapping(accountId, mapping, forChat).then(
      (result) => setRun({ status: 'done', result, chatId: forChat, mapping }),
      (error: unknown) => setRun({ status: 'error', error }),
    );
  }

  const blocked = !mapping
    ? 'Finish the fields above first: some still need a chat value or a field to match.'
    : !chatId
      ? 'Choose a chat to preview with.'
      : null;
  const runButton = (
    <Button
      kind="secondary"
      icon={<Icon source={PlayArrow} />}
      onClick={preview}
      disabled={blocked !== null}
      loading={run.status === 'running'}
      data-testid="run-preview"
    >
      Preview
    </Button>
  );

  return (
    <section className="mapping-section preview-panel" data-testid="preview-panel">
      <div className="mapping-section__header">
        <Heading size="xs" as="h3">
          Preview
        </Heading>
        <Text as="p" size="sm" className="mapping-section__lead">
          See the exact {meta.label} this mapping would create from one of your latest archived chats. Nothing
          is created in Salesforce.
        </Text>
      </div>
      <div className="preview-panel__controls">
        <Picker
          className="preview-panel__chat"
          data-testid="preview-chat-picker"
          options={options}
          selected={selected.length ? selected : null}
          onSelect={onPickerSelect((items) => setChatId(items?.[0]?.key ?? null))}
          placeholder={
            chats.list === null ? 'Loading recent chats…' : 'Search recent chats by visitor or email'
          }
          noSearchResultText="No recent chat matches"
          noDataFallbackText="No archived chats yet"
          disabled={chats.list === null || options.length === 0}
          maxListHeight={320}
        />
        {blocked ? (
          <Tooltip kind="invert" placement="top" triggerRenderer={<span>{runButton}</span>}>
            {blocked}
          </Tooltip>
        ) : (
          runButton
        )}
      </div>
      {chats.error !== null && (
        <Alert kind="error">Could not load your recent chats: {errorMessage(chats.error)}</Alert>
      )}
      {chats.list !== null && chats.list.length === 0 && chats.error === null && (
        <Text as="p" size="sm" className="mapping-section__lead">
          Your license has no archived chats yet. Finish a chat, then come back to preview.
        </Text>
      )}
      {run.status === 'error' && (
        <Alert kind="error" data-testid="preview-error">
          The preview did not run: {errorMessage(run.error)}
        </Alert>
      )}
      {run.status === 'done' && run.mapping !== mapping && (
        <Alert kind="info" data-testid="preview-stale">
          You changed the mapping since this preview. Preview again to see the record it creates now.
        </Alert>
      )}
      {run.status === 'done' && (
        <PreviewResult
          result={run.result}
          mapping={run.mapping}
          meta={meta}
          chat={chats.list?.find((chat) => chat.id === run.chatId) ?? null}
        />
      )}
    </section>
  );
}
