import type { Logger } from 'pino';
import type { ChatFieldCatalogue, RecentChats } from '../../src/api/mappings';
import type { ChatSnapshot } from '../../src/chat/chat';
import {
  builtInChatFields,
  catalogueChatFields,
  chatSourceIdFor,
  describeChatSource,
  discoverChatFields,
  type CatalogueChatField,
  type ChatField,
  type ChatValueKind,
  type DiscoveredChatSourceKind,
} from '../../src/chat/chatFields';
import { chatSnapshotFromLiveChat } from '../../src/chat/fromLiveChat';
import { withAudit } from '../audit/audit.repo';
import type { Agent } from '../auth/agent';
import type { Clock } from '../clock';
import type { Database } from '../db/prisma';
import { errors } from '../http/appError';
import { LiveChatError, type LiveChatClient } from '../livechat/livechat.client';
import { sourceKindOf, storedKindOf, toDeclaredField, toFoundField } from './chatFields.presenter';
import {
  lastChatFieldsScan,
  listDiscoveredChatFields,
  saveChatFieldsScan,
  withChatFieldsScanLock,
} from './chatFields.repo';
import {
  createDeclaredChatField,
  deleteDeclaredChatField,
  findDeclaredChatField,
  listDeclaredChatFields,
} from './declaredChatFields.repo';
import { capturedSessionFields } from './sessionFields.repo';

const SCAN_SIZE = 100;
/** Pages of list_archives read for one scan, at most (chats with many threads take more). */
const MAX_PAGES = 5;
/**
 * A scan older than this is redone by itself at the next look at the catalogue. New custom
 * variables and form questions come with changes to the website or the LiveChat forms, which happen
 * over days, not minutes, while a scan costs up to MAX_PAGES LiveChat calls and a read of 100 chats:
 * once a day keeps the pickers current at a cost nobody notices. An owner who just added a field
 * uses Scan again, or declares it.
 */
export const CHAT_FIELDS_STALE_AFTER_MS = 24 * 3600_000;

const kindOf = (id: string) =>
  id.startsWith('customVariable:') ? 'custom_variable' : id.startsWith('prechat:') ? 'prechat' : 'postchat';

export type ChatFieldsService = ReturnType<typeof createChatFieldsService>;

/**
 * The values a mapping can take from a chat: the built-in ones, the custom variables and form fields
 * found by scanning the license's latest archived chats (kept until the next scan), and those its
 * owners declared before any chat had them.
 */
export function createChatFieldsService(deps: {
  db: Database;
  livechat: LiveChatClient;
  clock: Clock;
  logger: Logger;
  /** The Agent App's origin, for each chat's link (`chat.link`). */
  agentAppUrl: string;
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
            appLinkBase: deps.agentAppUrl,
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

  /** Scans of one license in this process, one after the other (across processes: the lock). */
  const inFlight = new Map<string, Promise<unknown>>();
  function oneAtATime<T>(licenseId: string, task: () => Promise<T>): Promise<T> {
    const run = (inFlight.get(licenseId) ?? Promise.resolve()).catch(() => {}).then(task);
    const settled = run.catch(() => {});
    inFlight.set(licenseId, settled);
    void settled.then(() => {
      if (inFlight.get(licenseId) === settled) inFlight.delete(licenseId);
    });
    return run;
  }

  /**
   * Scans the license's latest archived chats with the owner's token, unless a scan that began at or
   * after `freshSince` is already there: one that another tab or process ran while this one waited for
   * the lock counts. Answers whether it scanned.
   */
  function refresh(agent: Agent, token: string, freshSince: Date, trigger: 'automatic' | 'owner') {
    return oneAtATime(agent.licenseId, () =>
      withChatFieldsScanLock(deps.db, agent.licenseId, async (tx) => {
        const last = await lastChatFieldsScan(tx, agent.licenseId);
        if (last.scannedAt && last.scannedAt >= freshSince) return false;
        const startedAt = deps.clock.now();
        const chats = await latestChats(agent, token, SCAN_SIZE);
        const found = discoverChatFields(chats);
        await saveChatFieldsScan(
          tx,
          agent.licenseId,
          found.map((f) => ({
            kind: kindOf(f.id),
            key: f.id,
            label: f.label,
            sampleValue: f.sample === undefined ? null : JSON.stringify(f.sample),
            seenInChatId: f.seenInChatId,
            chatCount: f.chatCount,
            lastSeenAt: new Date(f.lastSeenAt),
          })),
          { at: startedAt, chats: chats.length },
        );
        log.info(
          { license: agent.licenseId, chats: chats.length, fields: found.length, trigger },
          'archived chats scanned',
        );
        return true;
      }),
    );
  }

  /** Every custom variable and form field the license knows: found by the last scan, declared, or both. */
  async function discovered(licenseId: string): Promise<CatalogueChatField[]> {
    const [found, declared] = await Promise.all([
      listDiscoveredChatFields(deps.db, licenseId),
      listDeclaredChatFields(deps.db, licenseId),
    ]);
    return catalogueChatFields(found.map(toFoundField), declared.map(toDeclaredField));
  }

  function message(chatsScanned: number, found: number, scanned: boolean): string | null {
    if (!scanned) return 'Your archived chats have not been read yet.';
    if (found > 0) return null;
    const nextStep =
      'Add a question to your pre-chat or post-chat form in LiveChat’s settings, or have your website ' +
      'set custom variables for the chat (the chat widget’s set_session_variables); each appears here ' +
      'once a chat with it has ended. To map one before that, declare it.';
    if (chatsScanned === 0) return `There are no archived chats yet. ${nextStep}`;
    return (
      `None of the ${chatsScanned} latest archived chats has custom variables or ` +
      `pre-chat/post-chat form answers. ${nextStep}`
    );
  }

  function failureText(error: LiveChatError, scanned: boolean): string {
    const why =
      error.status >= 500 || error.status === 429
        ? 'LiveChat could not be reached just now'
        : `LiveChat refused to list your archived chats (${error.message})`;
    return scanned
      ? `${why}, so your latest chats were not read: these are the fields the last scan found. ` +
          'They are read again on your next visit, or with Scan again.'
      : `${why}, so your archived chats could not be read yet. They are read on your next visit, ` +
          'or with Scan again; declared fields can be mapped meanwhile.';
  }

  async function read(agent: Agent, failure: string | null): Promise<ChatFieldCatalogue> {
    const [{ scannedAt, chats: chatsScanned }, fields] = await Promise.all([
      lastChatFieldsScan(deps.db, agent.licenseId),
      discovered(agent.licenseId),
    ]);
    const seen = fields.filter((f) => f.chatCount > 0).length;
    return {
      builtIn: builtInChatFields.map((f) => ({ ...f }) as ChatField),
      discovered: fields,
      scan: {
        scannedAt: scannedAt?.toISOString() ?? null,
        chatsScanned,
        message: message(chatsScanned, seen, scannedAt !== null),
        failure,
      },
    };
  }

  /**
   * The catalogue, fresh: when the archive was never scanned or the last scan is older than
   * CHAT_FIELDS_STALE_AFTER_MS, it is scanned first. If LiveChat fails that scan, the last known
   * catalogue is answered with a note saying so, never an error.
   */
  async function catalogue(agent: Agent, token: string): Promise<ChatFieldCatalogue> {
    const { scannedAt } = await lastChatFieldsScan(deps.db, agent.licenseId);
    const freshSince = new Date(deps.clock.now().getTime() - CHAT_FIELDS_STALE_AFTER_MS);
    let failure: string | null = null;
    if (!scannedAt || scannedAt < freshSince) {
      try {
        await refresh(agent, token, freshSince, 'automatic');
      } catch (error) {
        if (!(error instanceof LiveChatError)) throw error;
        log.warn({ err: error, license: agent.licenseId }, 'the automatic scan of archived chats failed');
        failure = failureText(error, scannedAt !== null);
      }
    }
    return read(agent, failure);
  }

  /** Scans the latest 100 archived chats now (Scan again); a scan that began meanwhile counts. */
  async function scan(agent: Agent, token: string): Promise<ChatFieldCatalogue> {
    await refresh(agent, token, deps.clock.now(), 'owner');
    return read(agent, null);
  }

  /** Declares a custom variable or form field, so that it can be mapped before any chat has it. */
  async function declare(
    agent: Agent,
    body: { kind: DiscoveredChatSourceKind; name: string; valueKind: ChatValueKind | null },
  ): Promise<ChatFieldCatalogue> {
    const what = describeChatSource(chatSourceIdFor(body.kind, body.name));
    await withAudit(
      deps.db,
      (tx) =>
        createDeclaredChatField(tx, {
          licenseId: agent.licenseId,
          kind: storedKindOf[body.kind],
          name: body.name,
          valueKind: body.valueKind,
          declaredByEmail: agent.email,
        }),
      (row) => ({
        actor: agent,
        action: 'chat_field.declared',
        targetType: 'chat_field',
        targetId: row.id,
        details: { field: what },
      }),
    ).catch((error: unknown) => {
      // The unique key (license, kind, name): declared before, or by another owner just now.
      if ((error as { code?: string }).code === 'P2002') {
        const said = `The ${what} is declared already.`;
        throw errors.conflict(said, { problems: [{ path: 'body.name', message: said }] });
      }
      throw error;
    });
    return read(agent, null);
  }

  /** Removes a declaration; a field that chats have stays in the catalogue, as found. */
  async function removeDeclared(agent: Agent, id: string): Promise<ChatFieldCatalogue> {
    const row = await findDeclaredChatField(deps.db, agent.licenseId, id);
    if (!row) throw errors.notFound('This declared chat field does not exist (it may have been removed).');
    const what = describeChatSource(chatSourceIdFor(sourceKindOf[row.kind], row.name));
    await withAudit(
      deps.db,
      async (tx) => {
        if (!(await deleteDeclaredChatField(tx, agent.licenseId, id))) {
          throw errors.notFound('This declared chat field does not exist (it may have been removed).');
        }
      },
      () => ({
        actor: agent,
        action: 'chat_field.removed',
        targetType: 'chat_field',
        targetId: id,
        details: { field: what },
      }),
    );
    return read(agent, null);
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

  /** One chat as the mapping engine reads it: its `threadId` thread, else its latest. */
  async function chat(agent: Agent, token: string, chatId: string, threadId?: string): Promise<ChatSnapshot> {
    const [json, captured] = await Promise.all([
      deps.livechat.getChat(token, chatId, threadId),
      capturedSessionFields(deps.db, agent.licenseId, [chatId]),
    ]);
    const capturedVariables = captured.get(chatId);
    return chatSnapshotFromLiveChat(json, {
      licenseId: agent.licenseId,
      appLinkBase: deps.agentAppUrl,
      ...(capturedVariables && { capturedVariables }),
    });
  }

  return { catalogue, scan, declare, removeDeclared, recent, chat, discovered };
}
