import type { Clock } from '../clock';
import { secretsEqual, type SecretBox } from '../crypto/secretBox';
import type { Database } from '../db/prisma';
import { acceptedRegistrations } from '../livechat/webhookRegistrations.repo';

/** How long a retired registration's deliveries are still accepted: LiveChat retries for about a minute. */
export const RETIRED_GRACE_MS = 60 * 60_000;
/** Registrations are read again after this long, or when a delivery names one we do not know. */
const REFRESH_MS = 60_000;
const MISS_RELOAD_MS = 1_000;

interface Known {
  secret: string;
  retiredAt: Date | null;
}

export type WebhookSecrets = ReturnType<typeof createWebhookSecrets>;

/**
 * Checks a delivery's `secret_key` against the registration named by its `webhook_id`, from memory:
 * the registrations are few and change only at a rotation, so a delivery costs no database read.
 * They are read again in the background once a minute (the delivery that notices is answered from
 * what is known), and at once for a delivery naming a registration we have not seen (another
 * process registered it), at most once a second, so a stream of made-up ids cannot turn into a
 * stream of queries.
 */
export function createWebhookSecrets(deps: { db: Database; secretBox: SecretBox; clock: Clock }) {
  let known = new Map<string, Known>();
  let loadedAt = 0;
  let loading: Promise<void> | undefined;

  async function load(): Promise<void> {
    loading ??= (async () => {
      try {
        const since = new Date(deps.clock.now().getTime() - RETIRED_GRACE_MS);
        const rows = await acceptedRegistrations(deps.db, since);
        known = new Map(
          rows.map((r) => [
            r.webhookId,
            { secret: deps.secretBox.decrypt(r.secretEnc), retiredAt: r.retiredAt },
          ]),
        );
        loadedAt = deps.clock.now().getTime();
      } finally {
        loading = undefined;
      }
    })();
    return loading;
  }

  const accepted = (entry: Known | undefined, now: number) =>
    entry !== undefined && (entry.retiredAt === null || now - entry.retiredAt.getTime() < RETIRED_GRACE_MS);

  /**
   * Whether the delivery is ours. Without a `webhook_id` (LiveChat always sends one) every accepted
   * secret is tried. Every comparison runs in constant time.
   */
  async function verify(webhookId: string | undefined, secret: string): Promise<boolean> {
    const now = deps.clock.now().getTime();
    const unknown = webhookId !== undefined && !known.has(webhookId) && now - loadedAt > MISS_RELOAD_MS;
    if (loadedAt === 0 || unknown) await load();
    else if (now - loadedAt > REFRESH_MS) void load().catch(() => {}); // the next one tries again
    const candidates =
      webhookId === undefined ? [...known.values()] : [known.get(webhookId)].filter((e) => e !== undefined);
    let matches = false;
    for (const entry of candidates) {
      if (secretsEqual(secret, entry.secret) && accepted(entry, now)) matches = true;
    }
    // Compare once even with no candidate, so timing says nothing about which ids exist.
    if (candidates.length === 0) secretsEqual(secret, 'no-registration');
    return matches;
  }

  /** Forgets what is cached: the next delivery reads the registrations again (after a rotation here). */
  function invalidate(): void {
    loadedAt = 0;
  }

  return { verify, invalidate, preload: load };
}
