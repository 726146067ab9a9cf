import { describe, expect, it } from 'vitest';
import { createPrefetch } from '../../../widget/query/useQuery';

const key = ['widget', 'related', { chatId: 'CHAT1', threadId: 'T1' }] as const;
const other = ['widget', 'related', { chatId: 'CHAT2', threadId: 'T2' }] as const;
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the widget’s prefetch of its first screen', () => {
  it('hands the request on its way to the first load of its key, once', async () => {
    const prefetch = createPrefetch();
    prefetch.start(key, () => Promise.resolve({ records: 1 }));
    const taken = prefetch.take(JSON.stringify(key));
    await expect(taken?.promise).resolves.toEqual({ records: 1 });
    expect(prefetch.take(JSON.stringify(key))).toBeUndefined();
  });

  it('shows an answer already there without waiting, and lets it go when another screen loads first', async () => {
    const prefetch = createPrefetch();
    prefetch.start(key, () => Promise.resolve({ records: 1 }));
    await settled();
    expect(prefetch.peek(JSON.stringify(key))).toEqual({ data: { records: 1 } });
    expect(prefetch.peek(JSON.stringify(other))).toBeUndefined();
    expect(prefetch.take(JSON.stringify(other))).toBeUndefined();
    // The agent went to another chat first: coming back later asks again, never shows the old answer.
    expect(prefetch.peek(JSON.stringify(key))).toBeUndefined();
    expect(prefetch.take(JSON.stringify(key))).toBeUndefined();
  });

  it('forgets a failed prefetch, so the screen asks with its own policy', async () => {
    const prefetch = createPrefetch();
    prefetch.start(key, () => Promise.reject(new Error('sign-in failed')));
    await settled();
    expect(prefetch.take(JSON.stringify(key))).toBeUndefined();
  });
});
