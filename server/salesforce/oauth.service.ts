import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import type { CompleteOAuthRequest } from '../../src/api/accounts';
import type { Agent } from '../auth/agent';
import type { Clock } from '../clock';
import { randomToken, sha256, type SecretBox } from '../crypto/secretBox';
import type { Database } from '../db/prisma';
import { AppError, errors } from '../http/appError';
import type { AccountRow } from '../accounts/accounts.repo';
import type { SalesforceConnections } from './connections';
import { oauthErrorInWords } from './oauthMessages';
import { createOAuthState, findOAuthState, useOAuthState } from './oauthStates.repo';

const STATE_LIFETIME_MS = 10 * 60 * 1000;

export interface OAuthResult {
  accessToken: string;
  refreshToken: string;
  instanceUrl: string;
  identityUrl: string;
}

export type SalesforceOAuth = ReturnType<typeof createSalesforceOAuth>;

/**
 * Salesforce's OAuth web-server flow with PKCE. `state` is random, stored only as a hash, bound to the
 * license, the account and the owner who started it, single-use and short-lived; the code verifier
 * is stored encrypted beside it and never leaves the server.
 */
export function createSalesforceOAuth(deps: {
  db: Database;
  secretBox: SecretBox;
  connections: SalesforceConnections;
  clientId: string;
  redirectUri: string;
  clock: Clock;
  logger: Logger;
}) {
  const log = deps.logger.child({ module: 'salesforce-oauth' });

  async function start(agent: Agent, account: AccountRow): Promise<string> {
    const state = randomToken(32);
    const verifier = randomToken(64);
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    await createOAuthState(deps.db, {
      stateHash: sha256(state),
      licenseId: agent.licenseId,
      accountId: account.id,
      agentAccountId: agent.accountId,
      browserBinding: sha256(agent.accountId),
      codeVerifierEnc: deps.secretBox.encrypt(verifier),
      keyId: deps.secretBox.keyId,
      expiresAt: new Date(deps.clock.now().getTime() + STATE_LIFETIME_MS),
    });
    const params = new URLSearchParams({
      response_type: 'code',
      client_id: deps.clientId,
      redirect_uri: deps.redirectUri,
      state,
      code_challenge: challenge,
      // api: the REST API; refresh_token: a refresh token; id: the identity URL that tells us who
      // signed in to which org (OAuth Tokens and Scopes,
      // https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_tokens_scopes.htm).
      scope: 'api refresh_token id',
      prompt: 'login consent',
    });
    return `${account.loginUrl}/services/oauth2/authorize?${params.toString()}`;
  }

  /** Checks and consumes a state; returns the account it was issued for and the code verifier. */
  async function consumeState(agent: Agent, state: string): Promise<{ accountId: string; verifier: string }> {
    const invalid = errors.oauthStateInvalid(
      'This Salesforce sign-in is no longer valid (it expired, was already used, or was started by someone else). Connect again.',
    );
    const row = await findOAuthState(deps.db, sha256(state));
    if (!row || row.licenseId !== agent.licenseId || row.agentAccountId !== agent.accountId) throw invalid;
    if (row.usedAt || row.expiresAt <= deps.clock.now()) throw invalid;
    if (!(await useOAuthState(deps.db, row.stateHash, deps.clock.now()))) throw invalid;
    return { accountId: row.accountId, verifier: deps.secretBox.decrypt(row.codeVerifierEnc) };
  }

  /** Exchanges the code Salesforce returned, or turns Salesforce's error into plain words. */
  async function complete(
    agent: Agent,
    body: CompleteOAuthRequest,
    loadAccount: (id: string) => Promise<AccountRow | null>,
  ): Promise<{ account: AccountRow; tokens: OAuthResult }> {
    const { accountId, verifier } = await consumeState(agent, body.state);
    if ('error' in body) {
      throw errors.oauthFailed(oauthErrorInWords(body.error, body.errorDescription), {
        error: body.error,
      });
    }
    const account = await loadAccount(accountId);
    if (!account) throw errors.notFound('The Salesforce account was removed while you were signing in.');
    const oauth2 = deps.connections.oauth2For(account.loginUrl);
    oauth2.codeVerifier = verifier;
    try {
      const res = await oauth2.requestToken(body.code);
      if (!res.refresh_token) {
        throw errors.oauthFailed(
          'Salesforce gave no refresh token. The connected app must allow the “refresh_token, offline_access” scope.',
        );
      }
      return {
        account,
        tokens: {
          accessToken: res.access_token,
          refreshToken: res.refresh_token,
          instanceUrl: res.instance_url,
          identityUrl: res.id,
        },
      };
    } catch (error) {
      if (error instanceof AppError) throw error;
      const name = (error as { name?: string }).name ?? 'unknown';
      log.info({ error: name }, 'Salesforce refused the authorization code');
      throw errors.oauthFailed(oauthErrorInWords(name, (error as Error).message));
    }
  }

  return { start, complete };
}
