import { useCallback, useEffect, useRef, useState } from 'react';
import type { Run, RunStatus } from '../../src/api/automation';
import type { ApiClient } from '../../ui/api/client';
import { errorMessage } from '../../ui/api/ApiError';
import { dayToIso, inProgress } from './runText';

export const PAGE_SIZE = 50;
/** While a run is queued or running, its outcome is a second or two away. */
const ACTIVE_REFRESH_MS = 2_500;
/** Otherwise chats end at any time, and waiting runs resume once their account is reconnected. */
const IDLE_REFRESH_MS = 5_000;

export interface ActivityFilters {
  status: RunStatus | null;
  /** `YYYY-MM-DD` from the date inputs, '' when unset. */
  from: string;
  to: string;
}

export const noFilters: ActivityFilters = { status: null, from: '', to: '' };

export type ActivityState =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; runs: Run[]; hasMore: boolean };

function queryOf(filters: ActivityFilters) {
  return {
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.from ? { from: dayToIso(filters.from, 'start') } : {}),
    ...(filters.to ? { to: dayToIso(filters.to, 'end') } : {}),
  };
}

/**
 * A fresh first page over the runs already shown: new runs come on top, changed ones are replaced,
 * older pages loaded with "Load more" are kept. Runs being retried keep their optimistic state.
 */
function mergeFirstPage(shown: Run[], page: Run[], hasMore: boolean, pinned: ReadonlyMap<string, Run>) {
  const complete = page.length < PAGE_SIZE;
  const inPage = new Set(page.map((r) => r.id));
  const oldest = page.at(-1)?.createdAt;
  const older = complete
    ? []
    : shown.filter((r) => !inPage.has(r.id) && oldest !== undefined && r.createdAt <= oldest);
  return {
    runs: [...page, ...older].map((r) => pinned.get(r.id) ?? r),
    hasMore: complete ? false : hasMore || older.length === 0,
  };
}

/** The Activity list: filters, paging with `before`, a quiet refresh while runs are under way, retry. */
export function useActivity(api: ApiClient) {
  const [filters, setFilters] = useState<ActivityFilters>(noFilters);
  const [state, setState] = useState<ActivityState>({ status: 'loading' });
  const [refreshing, setRefreshing] = useState(false);
  const [loadingMore, setLoadingMore] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  /** Runs whose retry is on its way: shown as queued whatever a refresh says meanwhile. */
  const pinned = useRef(new Map<string, Run>());
  /** Answers of superseded requests (the filters changed meanwhile) are dropped. */
  const generation = useRef(0);
  const stateRef = useRef(state);
  useEffect(() => {
    stateRef.current = state;
  });

  const load = useCallback(() => {
    const mine = ++generation.current;
    setState({ status: 'loading' });
    setProblem(null);
    api.listActivity({ ...queryOf(filters), limit: PAGE_SIZE }).then(
      ({ runs }) =>
        mine === generation.current &&
        setState({ status: 'ready', runs, hasMore: runs.length === PAGE_SIZE }),
      (error: unknown) => mine === generation.current && setState({ status: 'error', error }),
    );
  }, [api, filters]);

  useEffect(() => {
    load();
    return () => {
      generation.current++;
    };
  }, [load]);

  const refresh = useCallback(
    async (quiet: boolean) => {
      const mine = generation.current;
      if (!quiet) setRefreshing(true);
      try {
        const { runs: page } = await api.listActivity({ ...queryOf(filters), limit: PAGE_SIZE });
        if (mine !== generation.current) return;
        setState((s) =>
          s.status === 'ready'
            ? { status: 'ready', ...mergeFirstPage(s.runs, page, s.hasMore, pinned.current) }
            : { status: 'ready', runs: page, hasMore: page.length === PAGE_SIZE },
        );
        if (!quiet) setProblem(null);
      } catch (error) {
        if (mine === generation.current && !quiet)
          setProblem(`Could not refresh the activity: ${errorMessage(error)}`);
      } finally {
        if (!quiet) setRefreshing(false);
      }
    },
    [api, filters],
  );

  const loadMore = useCallback(async () => {
    const current = stateRef.current;
    if (current.status !== 'ready' || current.runs.length === 0) return;
    const mine = generation.current;
    const last = current.runs.at(-1)!;
    // `before` is exclusive: start at the last run's own millisecond so runs sharing it are not skipped.
    const before = new Date(new Date(last.createdAt).getTime() + 1).toISOString();
    setLoadingMore(true);
    setProblem(null);
    try {
      let { runs: page } = await api.listActivity({ ...queryOf(filters), limit: PAGE_SIZE, before });
      const known = new Set(current.runs.map((r) => r.id));
      if (page.length === PAGE_SIZE && page.every((r) => known.has(r.id))) {
        // A whole page in one millisecond: step past it.
        ({ runs: page } = await api.listActivity({
          ...queryOf(filters),
          limit: PAGE_SIZE,
          before: last.createdAt,
        }));
      }
      if (mine !== generation.current) return;
      setState((s) => {
        if (s.status !== 'ready') return s;
        const shown = new Set(s.runs.map((r) => r.id));
        return {
          status: 'ready',
          runs: [...s.runs, ...page.filter((r) => !shown.has(r.id))],
          hasMore: page.length === PAGE_SIZE,
        };
      });
    } catch (error) {
      if (mine === generation.current) setProblem(`Could not load older runs: ${errorMessage(error)}`);
    } finally {
      setLoadingMore(false);
    }
  }, [api, filters]);

  const replace = useCallback((run: Run) => {
    setState((s) =>
      s.status === 'ready' ? { ...s, runs: s.runs.map((r) => (r.id === run.id ? run : r)) } : s,
    );
  }, []);

  const retry = useCallback(
    async (run: Run) => {
      setProblem(null);
      const queued: Run = { ...run, status: 'pending', error: null, errorFields: [], finishedAt: null };
      pinned.current.set(run.id, queued);
      replace(queued);
      try {
        const { run: answer } = await api.retryRun(run.id);
        pinned.current.delete(run.id);
        replace(answer);
      } catch (error) {
        pinned.current.delete(run.id);
        replace(run);
        setProblem(`Could not retry the ${run.objectLabel} of chat ${run.chatId}: ${errorMessage(error)}`);
        void refresh(true);
      }
    },
    [api, refresh, replace],
  );

  // Refresh by itself: often while a run is under way, every few seconds otherwise; never in a hidden tab.
  const ready = state.status === 'ready';
  const shown = ready ? state.runs : [];
  const every = shown.some((r) => inProgress(r.status)) ? ACTIVE_REFRESH_MS : IDLE_REFRESH_MS;
  useEffect(() => {
    if (!ready) return;
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void refresh(true);
    }, every);
    return () => clearInterval(timer);
  }, [every, ready, refresh]);

  return {
    filters,
    setFilters,
    state,
    reload: load,
    refresh: () => refresh(false),
    refreshing,
    loadMore,
    loadingMore,
    retry,
    problem,
    dismissProblem: () => setProblem(null),
  };
}
