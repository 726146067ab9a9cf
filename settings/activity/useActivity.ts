import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useMutationState,
  useQueryClient,
  type InfiniteData,
} from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { Run, RunStatus } from '../../src/api/automation';
import type { ApiClient } from '../../ui/api/client';
import { errorMessage } from '../../ui/api/ApiError';
import { queryKeys } from '../../ui/query/keys';
import { useDebouncedValue } from '../../ui/useDebouncedValue';
import { dayToIso, inProgress } from './runText';

export const PAGE_SIZE = 50;
/** While a run is queued or running, its outcome is a second or two away. */
const ACTIVE_REFRESH_MS = 2_500;
/** Otherwise chats end at any time, and waiting runs resume once their account is reconnected. */
const IDLE_REFRESH_MS = 5_000;
/** The visitor search asks once typing pauses, not at every keystroke. */
const SEARCH_DEBOUNCE_MS = 300;

export interface ActivityFilters {
  status: RunStatus | null;
  /** `YYYY-MM-DD` from the date inputs, '' when unset. */
  from: string;
  to: string;
  /** Part of the visitor's name or email, '' when unset. */
  visitor: string;
}

export const noFilters: ActivityFilters = { status: null, from: '', to: '', visitor: '' };

export type ActivityState =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; runs: Run[]; hasMore: boolean };

function queryOf(filters: ActivityFilters): Parameters<typeof queryKeys.activity>[0] {
  return {
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.from ? { from: dayToIso(filters.from, 'start') } : {}),
    ...(filters.to ? { to: dayToIso(filters.to, 'end') } : {}),
    ...(filters.visitor.trim() ? { visitor: filters.visitor.trim() } : {}),
  };
}

/** Where an older page starts: `before` the oldest run shown, and the runs already shown. */
type Cursor = { before: string; shown: string[]; oldest: string } | null;

function nextCursor(last: Run[], pages: Run[][]): Cursor | undefined {
  const oldest = last.at(-1);
  if (last.length < PAGE_SIZE || !oldest) return undefined;
  // `before` is exclusive: start at the oldest run's own millisecond so runs sharing it are not skipped.
  const before = new Date(new Date(oldest.createdAt).getTime() + 1).toISOString();
  return { before, shown: pages.flat().map((r) => r.id), oldest: oldest.createdAt };
}

async function fetchPage(api: ApiClient, query: ReturnType<typeof queryOf>, cursor: Cursor) {
  const ask = (before?: string) =>
    api.listActivity({ ...query, limit: PAGE_SIZE, ...(before && { before }) }).then((r) => r.runs);
  if (!cursor) return ask();
  const page = await ask(cursor.before);
  // A whole page in one millisecond: step past it.
  return page.length === PAGE_SIZE && page.every((r) => cursor.shown.includes(r.id))
    ? ask(cursor.oldest)
    : page;
}

const retryKey = [...queryKeys.activityLog, 'retry'];
const queued = (run: Run): Run => ({
  ...run,
  status: 'pending',
  error: null,
  errorFields: [],
  finishedAt: null,
});

/**
 * The Activity list: filters, paging with `before`, a quiet refresh while runs are under way (never in a
 * hidden tab), retry.
 */
export function useActivity(api: ApiClient) {
  const queryClient = useQueryClient();
  const [filters, setFilters] = useState<ActivityFilters>(noFilters);
  const [refreshing, setRefreshing] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const visitor = useDebouncedValue(filters.visitor, SEARCH_DEBOUNCE_MS);
  const query = queryOf({ ...filters, visitor });

  const list = useInfiniteQuery({
    queryKey: queryKeys.activity(query),
    queryFn: ({ pageParam }) => fetchPage(api, query, pageParam),
    initialPageParam: null as Cursor,
    getNextPageParam: nextCursor,
    // While the filters change (a search being typed), the list shown stays until the new one arrives.
    placeholderData: keepPreviousData,
    // Often while a run is under way, every few seconds otherwise: chats end at any time, and waiting
    // runs resume once their account is reconnected.
    refetchInterval: ({ state: { data } }) =>
      !data
        ? false
        : data.pages.some((p) => p.some((r) => inProgress(r.status)))
          ? ACTIVE_REFRESH_MS
          : IDLE_REFRESH_MS,
  });

  const retrying = useMutationState({
    filters: { mutationKey: retryKey, status: 'pending' },
    select: (mutation) => mutation.state.variables as Run,
  });
  const retry = useMutation({
    mutationKey: retryKey,
    mutationFn: (run: Run) => api.retryRun(run.id),
    onMutate: () => setProblem(null),
    onSuccess: ({ run: answer }) =>
      queryClient.setQueriesData<InfiniteData<Run[], Cursor>>(
        { queryKey: queryKeys.activityLog },
        (data) =>
          data && { ...data, pages: data.pages.map((p) => p.map((r) => (r.id === answer.id ? answer : r))) },
      ),
    onError: (error, run) =>
      setProblem(`Could not retry the ${run.objectLabel} of chat ${run.chatId}: ${errorMessage(error)}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.activityLog }),
  });

  const { data, error } = list;
  const state = useMemo<ActivityState>(() => {
    if (!data) return error ? { status: 'error', error } : { status: 'loading' };
    // Runs being retried show as queued whatever a refresh says meanwhile; a run in two pages shows once.
    const pinned = new Map(retrying.map((run) => [run.id, queued(run)]));
    const seen = new Set<string>();
    const runs = data.pages
      .flat()
      .filter((r) => !seen.has(r.id) && seen.add(r.id))
      .map((r) => pinned.get(r.id) ?? r);
    return { status: 'ready', runs, hasMore: list.hasNextPage };
  }, [data, error, retrying, list.hasNextPage]);

  async function refresh() {
    setRefreshing(true);
    const answer = await list.refetch();
    setRefreshing(false);
    setProblem(answer.isError ? `Could not refresh the activity: ${errorMessage(answer.error)}` : null);
  }

  async function loadMore() {
    setProblem(null);
    const answer = await list.fetchNextPage();
    if (answer.isFetchNextPageError) setProblem(`Could not load older runs: ${errorMessage(answer.error)}`);
  }

  return {
    filters,
    setFilters,
    state,
    /** The list shown is of the previous filters, until the new one arrives. */
    updating: list.isPlaceholderData,
    reload: () => void list.refetch(),
    refresh,
    refreshing,
    loadMore,
    loadingMore: list.isFetchingNextPage,
    retry: (run: Run) => retry.mutate(run),
    problem,
    dismissProblem: () => setProblem(null),
  };
}
