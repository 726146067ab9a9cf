import type { Logger } from 'pino';
import type { ChatFieldCatalogue, RecentChats } from '../../src/api/mappings';
import {
  builtInChatFields,
  discoverChatFields,
  type ChatField,
  type ChatSourceId,
  type DiscoveredChatField,
} from '../../src/chat/chatFields';
import { chatSnapshotFromLiveChat } from '../../src/chat/fromLiveChat';
import { lastChatFieldsScan, listDiscoveredChatFields, saveChatFieldsScan } from './chatFields.repo';
import { capturedSessionFields } from './sessionFields.repo';
import type { ChatSnapshot } from '../../src/chat/chat';
import type { Agent } from '../auth/agent';
import type { Clock } from '../clock';
import type { Database } from '../db/prisma';
import type { LiveChatClient } from '../livechat/livechat.client';

const SCAN_SIZE = 100;
/** Pages of list_archives read for one scan, at most (chats with many threads take more). */
const MAX_PAGES = 5;

const kindOf = (id: string) =>
  id.startsWith('customVariable:') ? 'custom_variable' : id.startsWith('prechat:') ? 'prechat' : 'postchat';
const groupOf = (id: string): DiscoveredChatField['group'] =>
  id.startsWith('customVariable:')
    ? 'Custom variables'
    : id.startsWith('prechat:')
      ? 'Pre-chat form'
      : 'Post-chat form';

export type ChatFieldsService = ReturnType<typeof createChatFieldsService>;

/**
 * The values a mapping can take from a chat: the built-in ones, plus the custom variables and form
 * fields found by scanning the license's latest archived chats (kept until the next scan).
 */
export function createChatFieldsService(deps: {
  db: Database;
  livechat: LiveChatClient;
  clock: Clock;
  logger: Logger;
}) {
  const log = deps.logger.child({ module: 'chat-fields' });

  async function snapshots(agent: Agent, chats: Record<string, unknown>[]): Promise<ChatSnapshot[]> {
    const ids = chats.map((c) => c.id).filter((id): id is string => typeof id === 'string');
    const captured = await capturedSessionFields(deps.db, agent.licenseId, ids);
    const result: ChatSnapshot[] = [];
    for (const chat of chats) {
      try {
        const capturedVariables = typeof chat.id === 'string' ? captured.get(chat.id) : undefined;
        result.push(
          chatSnapshotFromLiveChat(chat, {
            licenseId: agent.licenseId,
            ...(capturedVariables && { capturedVariables }),
          }),
        );
      } catch (error) {
        log.warn({ err: error, chat: chat.id }, 'an archived chat could not be read; skipped');
      }
    }
    return result;
  }

  /**
   * The `count` latest archived chats, each once. `list_archives` answers one entry per thread
   * ("1 chat per 1 thread", Agent Chat API list_archives), so pages are read until `count` distinct
   * chats are found (at most MAX_PAGES pages); after the first page only `page_id` is sent, as the
   * API asks. The newest thread of a chat stands for it.
   */
  async function latestChats(agent: Agent, token: string, count: number): Promise<ChatSnapshot[]> {
    const byChat = new Map<string, ChatSnapshot>();
    let pageId: string | undefined;
    for (let page = 0; page < MAX_PAGES && byChat.size < count; page++) {
      const answer = await deps.livechat.listArchives(
        token,
        pageId ? { page_id: pageId } : { limit: Math.min(100, count), sort_order: 'desc' },
      );
      for (const snapshot of await snapshots(agent, answer.chats)) {
        if (!byChat.has(snapshot.chatId) && byChat.size < count) byChat.set(snapshot.chatId, snapshot);
      }
      pageId = answer.next_page_id;
      if (!pageId) break;
    }
    return [...byChat.values()];
  }

  async function discovered(licenseId: string): Promise<DiscoveredChatField[]> {
    const rows = await listDiscoveredChatFields(deps.db, licenseId);
    return rows.map((row) => {
      const sample =
        row.sampleValue === null ? undefined : (JSON.parse(row.sampleValue) as string | string[]);
      return {
        id: row.key as ChatSourceId,
        label: row.label,
        group: groupOf(row.key),
        kind: Array.isArray(sample) ? 'list' : 'text',
        ...(sample === undefined ? {} : { sample }),
        seenInChatId: row.seenInChatId ?? '',
        chatCount: row.chatCount,
      };
    });
  }

  function message(chatsScanned: number, found: number, scanned: boolean): string | null {
    if (!scanned) return 'The archived chats have not been scanned yet.';
    if (found > 0) return null;
    if (chatsScanned === 0) {
      return 'There are no archived chats yet. Custom variables and form fields appear here once at least one chat that used them has ended; then scan again.';
    }
    return `None of the ${chatsScanned} latest archived chats has custom variables or pre-chat/post-chat form fields. A new field appears after at least one chat with it has ended; then scan again.`;
  }

  async function catalogue(agent: Agent): Promise<ChatFieldCatalogue> {
    const [{ scannedAt, chats: chatsScanned }, fields] = await Promise.all([
      lastChatFieldsScan(deps.db, agent.licenseId),
      discovered(agent.licenseId),
    ]);
    return {
      builtIn: builtInChatFields.map((f) => ({ ...f }) as ChatField),
      discovered: fields,
      scan: {
        scannedAt: scannedAt?.toISOString() ?? null,
        chatsScanned,
        message: message(chatsScanned, fields.length, scannedAt !== null),
      },
    };
  }

  /** Scans the latest 100 archived chats with the owner's token and replaces what was found before. */
  async function scan(agent: Agent, token: string): Promise<ChatFieldCatalogue> {
    const chats = await latestChats(agent, token, SCAN_SIZE);
    const found = discoverChatFields(chats);
    await saveChatFieldsScan(
      deps.db,
      agent.licenseId,
      found.map((f) => ({
        kind: kindOf(f.id),
        key: f.id,
        label: f.label,
        sampleValue: f.sample === undefined ? null : JSON.stringify(f.sample),
        seenInChatId: f.seenInChatId,
        chatCount: f.chatCount,
      })),
      { at: deps.clock.now(), chats: chats.length },
    );
    log.info(
      { license: agent.licenseId, chats: chats.length, fields: found.length },
      'archived chats scanned',
    );
    return catalogue(agent);
  }

  async function recent(agent: Agent, token: string): Promise<RecentChats> {
    return {
      chats: (await latestChats(agent, token, 25)).map((s) => ({
        id: s.chatId,
        threadId: s.threadId ?? null,
        visitorName: s.visitor.name ?? null,
        visitorEmail: s.visitor.email ?? null,
        startedAt: s.startedAt,
      })),
    };
  }

  /** One chat as the mapping engine reads it. */
  /** One chat as the mapping engine reads it: its `threadId` thread, else its latest. */
  async function chat(agent: Agent, token: string, chatId: string, threadId?: string): Promise<ChatSnapshot> {
    const [json, captured] = await Promise.all([
      deps.livechat.getChat(token, chatId, threadId),
      capturedSessionFields(deps.db, agent.licenseId, [chatId]),
    ]);
    const capturedVariables = captured.get(chatId);
    return chatSnapshotFromLiveChat(json, {
      licenseId: agent.licenseId,
      ...(capturedVariables && { capturedVariables }),
    });
  }

  return { catalogue, scan, recent, chat, discovered };
}
