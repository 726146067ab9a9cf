/** Agent Chat API v3.5: `list_archives` and `get_chat` (§4.1, §4.2). */
import { z } from 'zod';
import { apiErrors } from '../errors';
import type { License, StoredChat } from '../model';
import type { Chat, ListArchivesResponse, Thread } from '../wire';
import type { ActionHandler } from './actions';
import { archiveFiltersSchema, threadMatches, type ArchiveFilters } from './archiveFilters';
import { parseBody, requireAnyScope, type ApiCaller } from './caller';

const CHAT_SCOPES = ['chats--all:ro', 'chats--access:ro'];

const listArchivesBody = z
  .object({
    filters: archiveFiltersSchema.optional(),
    page_id: z.string().min(1).optional(),
    sort_order: z.enum(['asc', 'desc']).optional(),
    limit: z.number().int().min(1).max(100).optional(),
    highlights: z.object({ pre_tag: z.string().optional(), post_tag: z.string().optional() }).optional(),
  })
  .refine(
    (b) => !b.page_id || (b.filters === undefined && b.limit === undefined && b.sort_order === undefined),
    {
      message: 'page_id cannot be used with filters, limit or sort_order',
      path: ['page_id'],
    },
  );

const getChatBody = z.object({ chat_id: z.string().min(1), thread_id: z.string().min(1).optional() });

interface PageState {
  filters: ArchiveFilters;
  sort: 'asc' | 'desc';
  limit: number;
  offset: number;
}

const encodePage = (p: PageState) => Buffer.from(JSON.stringify(p)).toString('base64');

function decodePage(pageId: string): PageState {
  try {
    const p = JSON.parse(Buffer.from(pageId, 'base64').toString('utf8')) as PageState;
    if (
      typeof p.offset !== 'number' ||
      typeof p.limit !== 'number' ||
      (p.sort !== 'asc' && p.sort !== 'desc')
    )
      throw new Error();
    return p;
  } catch {
    throw apiErrors.validation('Wrong format of request', { field: 'page_id', reason: 'Invalid page_id' });
  }
}

/** chats--all:ro sees every group; chats--access:ro only the caller's groups. */
function canAccess(caller: ApiCaller, thread: Thread): boolean {
  if (caller.has('chats--all:ro')) return true;
  return thread.access.group_ids.some((g) => caller.agent.groupIds.includes(g));
}

function withAccessibleNeighbours(chat: Chat, stored: StoredChat, caller: ApiCaller): Chat {
  const accessible = stored.threads.filter((t) => canAccess(caller, t));
  const i = accessible.findIndex((t) => t.id === chat.thread.id);
  const prev = accessible[i - 1];
  const next = accessible[i + 1];
  if (prev) chat.thread.previous_accessible_thread_id = prev.id;
  if (next) chat.thread.next_accessible_thread_id = next.id;
  return chat;
}

function archivedThreads(license: License): Array<{ chat: StoredChat; thread: Thread }> {
  return license.chats.flatMap((chat) =>
    chat.threads.filter((t) => !t.active).map((thread) => ({ chat, thread })),
  );
}

const listArchives: ActionHandler = (ctx, caller, raw): ListArchivesResponse => {
  requireAnyScope(caller, ...CHAT_SCOPES);
  const body = parseBody(listArchivesBody, raw);
  const state: PageState = body.page_id
    ? decodePage(body.page_id)
    : { filters: body.filters ?? {}, sort: body.sort_order ?? 'desc', limit: body.limit ?? 10, offset: 0 };
  const filters = archiveFiltersSchema.safeParse(state.filters);
  if (!filters.success) throw apiErrors.validation('Wrong format of request', { field: 'page_id' });
  const sign = state.sort === 'asc' ? 1 : -1;
  const matching = archivedThreads(caller.license)
    .filter(({ chat, thread }) => canAccess(caller, thread) && threadMatches(filters.data, chat, thread))
    .sort(
      (a, b) =>
        sign * (Date.parse(a.thread.created_at) - Date.parse(b.thread.created_at)) ||
        sign * a.thread.id.localeCompare(b.thread.id),
    );
  const pageItems = matching.slice(state.offset, state.offset + state.limit);
  const response: ListArchivesResponse = {
    chats: pageItems.map(({ chat, thread }) =>
      withAccessibleNeighbours(ctx.chats.present(caller.license, chat, thread), chat, caller),
    ),
    found_chats: matching.length,
  };
  if (state.offset + state.limit < matching.length) {
    response.next_page_id = encodePage({ ...state, offset: state.offset + state.limit });
  }
  if (state.offset > 0) {
    response.previous_page_id = encodePage({ ...state, offset: Math.max(0, state.offset - state.limit) });
  }
  return response;
};

const getChat: ActionHandler = (ctx, caller, raw): Chat => {
  requireAnyScope(caller, ...CHAT_SCOPES);
  const body = parseBody(getChatBody, raw);
  const chat = ctx.world.chat(caller.license, body.chat_id);
  if (!chat) throw apiErrors.notFound('Chat not found');
  const thread = body.thread_id
    ? chat.threads.find((t) => t.id === body.thread_id)
    : chat.threads[chat.threads.length - 1];
  if (!thread) throw apiErrors.notFound('Thread not found');
  if (!canAccess(caller, thread)) throw apiErrors.authorization('No access to this chat');
  return ctx.chats.present(caller.license, chat, thread);
};

export const agentChatActions: Record<string, ActionHandler> = {
  list_archives: listArchives,
  get_chat: getChat,
};
