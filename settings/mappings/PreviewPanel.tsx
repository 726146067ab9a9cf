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
import { useMutation, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { Mapping } from '../../src/mapping/mapping';
import type { ObjectMetadata } from '../../src/salesforce/objectMetadata';
import { errorMessage } from '../../ui/api/ApiError';
import type { MappingsApi } from '../../ui/api/mappings';
import { formatDateTime } from '../../ui/format';
import { queryKeys } from '../../ui/query/keys';
import { PreviewResult } from './PreviewResult';
import { onPickerSelect } from './onPickerSelect';

interface Props {
  api: Pick<MappingsApi, 'listRecentChats' | 'previewMapping'>;
  accountId: string;
  meta: ObjectMetadata;
  /** The mapping as edited now, or null while a choice is missing. */
  mapping: Mapping | null;
}

/** Runs the mapping being edited against one of the latest archived chats; nothing is created. */
export function PreviewPanel({ api, accountId, meta, mapping }: Props) {
  const chats = useQuery({ queryKey: queryKeys.recentChats, queryFn: () => api.listRecentChats() });
  const [chatId, setChatId] = useState<string | null>(null);
  // Nothing is written: a mutation only because the owner asks for each run.
  const run = useMutation({
    mutationFn: (input: { mapping: Mapping; chatId: string }) =>
      api.previewMapping(accountId, input.mapping, input.chatId),
  });

  const options = useMemo(
    () =>
      (chats.data ?? []).map((chat) => ({
        key: chat.id,
        name: chat.visitorName ?? 'Unnamed visitor',
        secondaryText: [chat.visitorEmail, formatDateTime(chat.startedAt)].filter(Boolean).join(' · '),
      })),
    [chats.data],
  );
  const selected = options.filter((option) => option.key === chatId);

  function preview() {
    if (mapping && chatId) run.mutate({ mapping, chatId });
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
      loading={run.isPending}
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
          placeholder={chats.isPending ? 'Loading recent chats…' : 'Search recent chats by visitor or email'}
          noSearchResultText="No recent chat matches"
          noDataFallbackText="No archived chats yet"
          disabled={chats.isPending || options.length === 0}
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
      {chats.isError && (
        <Alert kind="error">Could not load your recent chats: {errorMessage(chats.error)}</Alert>
      )}
      {chats.data?.length === 0 && !chats.isError && (
        <Text as="p" size="sm" className="mapping-section__lead">
          Your license has no archived chats yet. Finish a chat, then come back to preview.
        </Text>
      )}
      {run.isError && (
        <Alert kind="error" data-testid="preview-error">
          The preview did not run: {errorMessage(run.error)}
        </Alert>
      )}
      {run.isSuccess && run.variables.mapping !== mapping && (
        <Alert kind="info" data-testid="preview-stale">
          You changed the mapping since this preview. Preview again to see the record it creates now.
        </Alert>
      )}
      {run.isSuccess && (
        <PreviewResult
          result={run.data}
          mapping={run.variables.mapping}
          meta={meta}
          chat={chats.data?.find((chat) => chat.id === run.variables.chatId) ?? null}
        />
      )}
    </section>
  );
}
