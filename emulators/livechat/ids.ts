/** Deterministic ids: a seeded PRNG (mulberry32), so the same seed yields the same chats, threads and customers. */
export interface IdGenerator {
  /** A LiveChat-style chat or thread id: 10 upper-case letters and digits, e.g. `PJ0MRSHTDG`. */
  chatId(): string;
  /** A version-4-looking UUID (customer ids, webhook ids). */
  uuid(): string;
  /** `n` lower-case hex characters. */
  hex(n: number): string;
  /** A float in [0, 1). */
  next(): number;
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

export function createIdGenerator(seed: number): IdGenerator {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = (alphabet: string, n: number): string => {
    let out = '';
    for (let i = 0; i < n; i++) out += alphabet.charAt(Math.floor(next() * alphabet.length));
    return out;
  };
  const hex = (n: number): string => pick('0123456789abcdef', n);
  return {
    next,
    hex,
    chatId: () => pick(ALNUM, 10),
    uuid: () => `${hex(8)}-${hex(4)}-4${hex(3)}-${pick('89ab', 1)}${hex(3)}-${hex(12)}`,
  };
}

/** LiveChat timestamps: RFC 3339, UTC, microseconds (`2020-05-28T11:44:58.829000Z`). */
export function toLiveChatTime(date: Date): string {
  return date.toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}
