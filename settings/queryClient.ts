import { QueryClient, type InvalidateQueryFilters, type QueryKey } from '@tanstack/react-query';
import { retryDelay, worthRetrying } from '../ui/query/retry';

/** The Settings app's one query cache: reads retried only when asking again may help, writes never. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: worthRetrying, retryDelay },
      mutations: { retry: false },
    },
  });
}

export type ListChange<T> = { put: T } | { removed: T };

/**
 * Shows a write's answer in a cached list at once (the item put, or removed), then marks the list and
 * what else the write changed as stale, so what is on screen is asked for again.
 */
export function changeList<T extends { id: string }>(
  queryClient: QueryClient,
  key: QueryKey,
  change: ListChange<T>,
  options: { merge?: (next: T, cached: T) => T; alsoChanged?: InvalidateQueryFilters[] } = {},
): void {
  const merge = options.merge ?? ((next: T) => next);
  queryClient.setQueryData<T[]>(key, (list) => {
    if (!list) return list;
    if ('removed' in change) return list.filter((item) => item.id !== change.removed.id);
    const cached = list.find((item) => item.id === change.put.id);
    return cached
      ? list.map((item) => (item === cached ? merge(change.put, cached) : item))
      : [...list, change.put];
  });
  for (const filters of [{ queryKey: key, exact: true }, ...(options.alsoChanged ?? [])]) {
    void queryClient.invalidateQueries(filters);
  }
}
