import type { Logger } from 'pino';
import type { Clock } from '../clock';
import { sha256 } from '../crypto/secretBox';
import type { Database } from '../db/prisma';
import { errors } from '../http/appError';
import { LiveChatError, type LiveChatClient } from '../livechat/livechat.client';
import { canConfigure, toRole, type Agent } from './agent';
import { cacheAgent, ensureLicense, findCachedAgent } from './tokenCache.repo';

/** How long a verified token is trusted before LiveChat is asked again. */
const CACHE_SECONDS = 60;
/** Tokens this process remembers beside the shared cache (the oldest forgotten first). */
const REMEMBERED_TOKENS = 5_000;

export type AgentAuth = ReturnType<typeof createAgentAuth>;

/**
 * Verifies LiveChat agent tokens: LiveChat's accounts service says whose token it is and for which
 * license (organization); the Configuration API says the agent's role and groups. The answer is
 * cached briefly in PostgreSQL (by the token's hash), so web processes stay stateless.
 */
export function createAgentAuth(deps: {
  db: Database;
  livechat: LiveChatClient;
  clientId: string;
  clock: Clock;
  logger: Logger;
}) {
  const log = deps.logger.child({ module: 'agent-auth' });
  /**
   * One verification in flight per token: the widget's first requests (/api/me and its records) arrive
   * together with a token not yet cached, and ask LiveChat once between them.
   */
  const verifying = new Map<string, Promise<Agent>>();
  /**
   * The tokens this process verified or found in the shared cache, until the same expiry as their row
   * there: the widget's next requests with the token (its records after /api/me, the chat's set) are
   * answered without a query. Another process has its own, so no answer outlives the shared cache's.
   */
  const remembered = new Map<string, { agent: Agent; expiresAt: number }>();

  function remember(tokenHash: string, agent: Agent, expiresAt: Date) {
    remembered.delete(tokenHash);
    remembered.set(tokenHash, { agent, expiresAt: expiresAt.getTime() });
    if (remembered.size > REMEMBERED_TOKENS) remembered.delete(remembered.keys().next().value!);
  }

  function verify(token: string): Promise<Agent> {
    const tokenHash = sha256(token);
    const known = remembered.get(tokenHash);
    if (known && known.expiresAt > deps.clock.now().getTime()) return Promise.resolve(known.agent);
    const inFlight = verifying.get(tokenHash);
    if (inFlight) return inFlight;
    const verified = verifyWithLiveChat(token, tokenHash).finally(() => verifying.delete(tokenHash));
    verifying.set(tokenHash, verified);
    return verified;
  }

  async function verifyWithLiveChat(token: string, tokenHash: string): Promise<Agent> {
    const now = deps.clock.now();
    const cached = await findCachedAgent(deps.db, tokenHash, now);
    if (cached) {
      remember(tokenHash, cached.agent, cached.expiresAt);
      return cached.agent;
    }

    // Whose token it is and the license's agents, asked together (one round trip to LiveChat instead of
    // two); the agents' answer is used only once the token is known to be ours.
    const [infoAnswer, agentsAnswer] = await Promise.allSettled([
      deps.livechat.tokenInfo(token),
      deps.livechat.listAgents(token),
    ]);
    if (infoAnswer.status === 'rejected') {
      const error: unknown = infoAnswer.reason;
      if (error instanceof LiveChatError && error.status < 500) {
        throw errors.unauthorized('Your LiveChat session has expired or is not valid. Sign in again.');
      }
      throw error;
    }
    const info = infoAnswer.value;
    if (info.client_id !== deps.clientId) {
      log.warn({ clientId: info.client_id }, 'a token issued to another application was presented');
      throw errors.unauthorized(
        'This LiveChat token was not issued to Salesforce for LiveChat. Sign in again.',
      );
    }
    if (agentsAnswer.status === 'rejected') throw agentsAnswer.reason;
    const agents = agentsAnswer.value;
    const me = agents.find((a) => a.account_id === info.account_id);
    if (!me) throw errors.unauthorized('Your LiveChat account is not an agent of this license.');

    const agent: Agent = {
      licenseId: info.organization_id,
      accountId: info.account_id,
      email: me.id,
      name: me.name,
      role: toRole(me.role),
      groupIds: (me.groups ?? []).map((g) => g.id),
    };
    const seconds = Math.max(1, Math.min(CACHE_SECONDS, info.expires_in));
    const expiresAt = new Date(now.getTime() + seconds * 1000);
    await Promise.all([
      ensureLicense(deps.db, agent.licenseId),
      cacheAgent(deps.db, tokenHash, agent, expiresAt),
    ]);
    remember(tokenHash, agent, expiresAt);
    return agent;
  }

  /** The 403 for agents who may not configure the app names whom to ask. */
  async function notOwnerError(token: string) {
    const agents = await deps.livechat.listAgents(token).catch(() => []);
    const configuredBy = agents
      .filter((a) => canConfigure({ role: toRole(a.role) } as Agent))
      .map((a) => a.name);
    return errors.forbidden('Only the license owner and vice-owners can configure Salesforce for LiveChat.', {
      reason: 'not_owner',
      configuredBy,
    });
  }

  return { verify, notOwnerError };
}
