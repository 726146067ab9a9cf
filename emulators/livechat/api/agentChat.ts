/** Agent Chat API v3.5: `list_archives` and `get_chat` (§4.1, §4.2). */
import { z } from 'zod';
import { ApiError, apiErrors } from '../errors';
import type { License, StoredChat } from '../model';
import type { Chat, ListArchivesResponse, Thread } from '../wire';
import type { ActionHandler } from './actions';
import { archiveFiltersSchema, threadMatches, type ArchiveFilters } from './archiveFilters';
import { parseBody, type ApiCaller } from './caller';
import { grants, requireGranted } from './scopes';

// Agent Chat API v3.5 › Get Chat / List Archives › Specifics: "chats--all:ro or chats--access:ro".
const CHAT_SCOPES = ['chats--all:ro', 'chats--access:ro'];

// Agent Chat API v3.5 › List Archives › Request: `limit` "Default: 10, min: 1, max: 100";
// `sort_order` "Default: desc".
const DEFAULT_LIMIT = 10;
// Agent Chat API v3.5 › Pagination: "The maximum duration of the page_id parameter before it
// expires is one month." The docs name no error for an expired one; the emulator answers
// `validation`, as for any page_id it cannot use.
const PAGE_ID_LIFETIME_MS = 30 * 24 * 3600_000;

const listArchivesBody = z
  .object({
    filters: archiveFiltersSchema.optional(),
    page_id: z.string().min(1).optional(),
    sort_order: z.enum(['asc', 'desc']).optional(),
    limit: z.number().int().min(1).max(100).optional(),
    highlights: z.object({ pre_tag: z.string().optional(), post_tag: z.string().optional() }).optional(),
  })
  // Agent Chat API v3.5 › Pagination: "The filters, limit, and sort_order parameters can't be
  // provided along with page_id" (v3.5 › List Chats: a new `filters` object "will result in a
  // validation error").
  .refine(
    (b) => !b.page_id || (b.filters === undefined && b.limit === undefined && b.sort_order === undefined),
    {
      message: 'page_id cannot be used with filters, limit or sort_order',
      path: ['page_id'],
    },
  );

// Agent Chat API v3.5 › Get Chat › Request: `chat_id` required; `thread_id` optional, "Default: the
// latest thread (if exists)".
const getChatBody = z.object({ chat_id: z.string().min(1), thread_id: z.string().min(1).optional() });

/** Where a page starts: after (`next`) or before (`prev`) the thread with this sort key. */
interface Cursor {
  dir: 'next' | 'prev';
  created_at: string;
  id: string;
}

interface PageState {
  filters: ArchiveFilters;
  sort: 'asc' | 'desc';
  limit: number;
  cursor?: Cursor;
  /** When the page_id was issued (ms), for its one-month lifetime. */
  issued: number;
}

const encodePage = (p: PageState) => Buffer.from(JSON.stringify(p)).toString('base64');

function invalidPage(reason: string): ApiError {
  return apiErrors.validation('Wrong format of request', { field: 'page_id', reason });
}

function decodePage(pageId: string, now: number): PageState {
  let p: PageState;
  try {
    p = JSON.parse(Buffer.from(pageId, 'base64').toString('utf8')) as PageState;
  } catch {
    throw invalidPage('Invalid page_id');
  }
  const cursorOk =
    p?.cursor === undefined ||
    ((p.cursor.dir === 'next' || p.cursor.dir === 'prev') &&
      typeof p.cursor.created_at === 'string' &&
      typeof p.cursor.id === 'string');
  if (
    typeof p !== 'object' ||
    p === null ||
    typeof p.limit !== 'number' ||
    typeof p.issued !== 'number' ||
    (p.sort !== 'asc' && p.sort !== 'desc') ||
    !cursorOk
  )
    throw invalidPage('Invalid page_id');
  if (now - p.issued > PAGE_ID_LIFETIME_MS) throw invalidPage('page_id expired');
  return p;
}

/**
 * Authorization › Scopes › Accessing chat: `all` scopes reach every chat; `access` scopes reach the
 * chats with the requester's access (a group they belong to) and the chats with their presence
 * (they took part). Agent Chat API v3.5 › Get Chat: "chats--access:ro - to get chat from a group
 * that the requester (related to the token) is a member of".
 */
function canAccess(caller: ApiCaller, thread: Thread): boolean {
  if (grants(caller, 'chats--all:ro')) return true;
  if (!grants(caller, 'chats--access:ro')) return false;
  return (
    thread.access.group_ids.some((g) => caller.agent.groupIds.includes(g)) ||
    thread.user_ids.includes(caller.agent.email)
  );
}

/** `previous_/next_accessible_thread_id`, only in list_archives (v3.5 › List Archives › Response). */
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

type Key = { created_at: string; id: string };

const listArchives: ActionHandler = (ctx, caller, raw): ListArchivesResponse => {
  requireGranted(caller, ...CHAT_SCOPES);
  const body = parseBody(listArchivesBody, raw);
  const now = ctx.clock.now().getTime();
  const state: PageState = body.page_id
    ? decodePage(body.page_id, now)
    : {
        filters: body.filters ?? {},
        sort: body.sort_order ?? 'desc',
        limit: body.limit ?? DEFAULT_LIMIT,
        issued: now,
      };
  // Agent Chat API v3.5 › Pagination: "Any filters that could be applied should be provided in
  // first pagination request"; the page_id carries them (and limit and sort order) on.
  const filters = archiveFiltersSchema.safeParse(state.filters);
  const limit = z.number().int().min(1).max(100).safeParse(state.limit);
  if (!filters.success || !limit.success) throw invalidPage('Invalid page_id');
  const sign = state.sort === 'asc' ? 1 : -1;
  const compare = (a: Key, b: Key) =>
    sign * (Date.parse(a.created_at) - Date.parse(b.created_at)) || sign * a.id.localeCompare(b.id);
  // Agent Chat API v3.5 › List Archives: "The list classification is based on threads; 1 chat per 1
  // thread. Thus, the same chat object may appear on the list several times, but each time with a
  // different thread"; chats--access:ro finds "threads from groups that the requester … is a member of".
  const matching = archivedThreads(caller.license)
    .filter(({ chat, thread }) => canAccess(caller, thread) && threadMatches(filters.data, chat, thread))
    .sort((a, b) => compare(a.thread, b.thread));
  // Pages are cut at a thread, not an offset, so threads archived between two requests neither
  // repeat nor hide threads (the documented page ids are timestamps, e.g. `MTUxNzM5ODEzMTQ5Ng==`).
  const cursor = state.cursor;
  let page: typeof matching;
  if (!cursor) page = matching.slice(0, limit.data);
  else if (cursor.dir === 'next')
    page = matching.filter((m) => compare(m.thread, cursor) > 0).slice(0, limit.data);
  else page = matching.filter((m) => compare(m.thread, cursor) < 0).slice(-limit.data);

  const response: ListArchivesResponse = {
    chats: page.map(({ chat, thread }) =>
      withAccessibleNeighbours(ctx.chats.present(caller.license, chat, thread), chat, caller),
    ),
    // Agent Chat API v3.5 › List Archives › Response: `found_chats`, all the threads found, not
    // only this page's.
    found_chats: matching.length,
  };
  const first = page[0]?.thread;
  const last = page[page.length - 1]?.thread;
  const next = { ...state, issued: now };
  // Agent Chat API v3.5 › Pagination: "In the response, you'll get the next_page_id and
  // previous_page_id parameters" (optional: lc-sdk-js ListArchivesResponse); only where there is
  // such a page.
  if (last && matching.some((m) => compare(m.thread, last) > 0)) {
    response.next_page_id = encodePage({
      ...next,
      cursor: { dir: 'next', created_at: last.created_at, id: last.id },
    });
  }
  if (first && matching.some((m) => compare(m.thread, first) < 0)) {
    response.previous_page_id = encodePage({
      ...next,
      cursor: { dir: 'prev', created_at: first.created_at, id: first.id },
    });
  }
  return response;
};

const getChat: ActionHandler = (ctx, caller, raw): Chat => {
  requireGranted(caller, ...CHAT_SCOPES);
  const body = parseBody(getChatBody, raw);
  const chat = ctx.world.chat(caller.license, body.chat_id);
  if (!chat) throw apiErrors.notFound('Chat not found');
  // Agent Chat API v3.5 › Get Chat › Request: without `thread_id`, "the latest thread (if exists)";
  // a `thread_id` of another chat (or of none) is not a thread of this chat: `not_found`.
  const thread = body.thread_id
    ? chat.threads.find((t) => t.id === body.thread_id)
    : chat.threads[chat.threads.length - 1];
  if (!thread) throw apiErrors.notFound('Thread not found');
  // Agent Chat API v3.5 › Get Chat: "It returns a thread that the current agent has access to";
  // scopes "depending on the requested thread's groups". Agent Chat API v3.5 › Errors:
  // `missing_access`, "The requester doesn't have access to a given resource" (the docs map no
  // error type to an HTTP status; the emulator answers 403).
  if (!canAccess(caller, thread)) throw new ApiError(403, 'missing_access', 'Missing access');
  // Agent Chat API v3.5 › Get Chat › Response: the thread without the `*_accessible_thread_id`
  // fields that list_archives adds.
  return ctx.chats.present(caller.license, chat, thread);
};

export const agentChatActions: Record<string, ActionHandler> = {
  list_archives: listArchives,
  get_chat: getChat,
};
