import { Connection, OAuth2 } from 'jsforce';
import type { Logger } from 'pino';
import { updateAccount, withAccountTokensLocked } from '../accounts/accounts.repo';
import type { SecretBox } from '../crypto/secretBox';
import type { Database } from '../db/prisma';
import { z } from 'zod';
import type { ApiUsageService } from './apiUsage.service';
import { instanceUrlAllowed } from './loginUrl';
import {
  CALL_CLIENT_NAME,
  CALL_DEADLINE_MS,
  createSalesforceClient,
  transportWithDeadline,
  type CallPurpose,
  type SalesforceClient,
} from './salesforce.client';
import { SalesforceError, toSalesforceError } from './salesforceError';

export interface SalesforceAppConfig {
  clientId: string;
  clientSecret: string;
  apiVersion: string;
  /** Our OAuth callback, registered in the connected app. */
  redirectUri: string;
  /** Login hosts allowed by the configuration; instance URLs are checked against them too. */
  allowedLoginHosts: string[];
}

/** Who signed in, and to which org. */
export interface SalesforceIdentity {
  orgId: string;
  orgName: string;
  userId: string;
  userName: string;
  userEmail: string;
}

export interface ConnectableAccount {
  id: string;
  loginUrl: string;
  instanceUrl: string | null;
  accessTokenEnc: string | null;
  status: string;
}

export type SalesforceConnections = ReturnType<typeof createSalesforceConnections>;

const OAUTH_DEADLINE_MS = 15_000;

/** The identity URL's answer, down to what we use (Identity URLs, https://help.salesforce.com/s/articleView?id=sf.remoteaccess_using_openid.htm). */
const identitySchema = z.object({
  organization_id: z.string(),
  user_id: z.string(),
  display_name: z.string(),
  email: z.string(),
});

const safeHost = (url: string) => {
  try {
    return new URL(url).host;
  } catch {
    return 'not a URL';
  }
};

/**
 * jsforce connections for stored accounts. Salesforce gives no token lifetime, so a connection
 * refreshes after a 401: one refresh in flight per account in this process, and across processes the
 * account row is locked and re-read first, so a token another process just refreshed is reused and a
 * rotated refresh token is never lost. A rejected refresh token marks the account "needs reconnect".
 */
export function createSalesforceConnections(deps: {
  db: Database;
  secretBox: SecretBox;
  app: SalesforceAppConfig;
  logger: Logger;
  /** Where each answer's API usage is counted. */
  apiUsage?: Pick<ApiUsageService, 'record'>;
}) {
  const log = deps.logger.child({ module: 'salesforce-connections' });
  const inFlight = new Map<string, Promise<string>>();

  /** OAuth calls (token, refresh, revoke) answer within 15 s, well inside a refresh's row lock. */
  const oauth2For = (loginUrl: string) => {
    const oauth2 = new OAuth2({
      loginUrl,
      clientId: deps.app.clientId,
      clientSecret: deps.app.clientSecret,
      redirectUri: deps.app.redirectUri,
    });
    oauth2._transport = transportWithDeadline(OAUTH_DEADLINE_MS);
    return oauth2;
  };

  async function refreshLocked(accountId: string, failedAccessToken: string | undefined): Promise<string> {
    const reconnect = () =>
      new SalesforceError(
        'needs_reconnect',
        'Salesforce no longer accepts this connection. Reconnect the account.',
      );
    // The transaction returns instead of throwing when the refresh token is rejected, so that the
    // "needs reconnect" mark is committed, not rolled back with the failure.
    const outcome = await withAccountTokensLocked(
      deps.db,
      accountId,
      async (row, tx): Promise<{ token: string } | { rejected: true }> => {
        if (!row || !row.refresh_token_enc || row.status === 'needs_reconnect') return { rejected: true };
        const stored = row.access_token_enc ? deps.secretBox.decrypt(row.access_token_enc) : undefined;
        if (stored && stored !== failedAccessToken) return { token: stored }; // another process refreshed meanwhile

        const currentRefresh = deps.secretBox.decrypt(row.refresh_token_enc);
        try {
          const res = await oauth2For(row.login_url).refreshToken(currentRefresh);
          const instanceUrl = checkedInstanceUrl(res.instance_url);
          await updateAccount(tx, accountId, {
            accessTokenEnc: deps.secretBox.encrypt(res.access_token),
            refreshTokenEnc: deps.secretBox.encrypt(res.refresh_token ?? currentRefresh),
            tokenKeyId: deps.secretBox.keyId,
            ...(instanceUrl ? { instanceUrl } : {}),
          });
          log.info(
            { account: accountId, rotated: res.refresh_token !== undefined },
            'access token refreshed',
          );
          return { token: res.access_token };
        } catch (error) {
          const failure = toSalesforceError(error);
          if (failure.kind !== 'needs_reconnect' && failure.errorCode !== 'invalid_grant') throw failure;
          await updateAccount(tx, accountId, {
            status: 'needs_reconnect',
            statusReason:
              'Salesforce rejected the saved sign-in (it was revoked or expired). Reconnect the account.',
          });
          log.warn({ account: accountId }, 'refresh token rejected; account needs reconnecting');
          return { rejected: true };
        }
      },
      { timeout: 30_000, maxWait: 10_000 },
    );
    if ('rejected' in outcome) throw reconnect();
    return outcome.token;
  }

  /** A fresh access token after `failedAccessToken` was refused; one refresh at a time per account. */
  function refresh(accountId: string, failedAccessToken: string | undefined): Promise<string> {
    const running = inFlight.get(accountId);
    if (running) return running;
    const promise = refreshLocked(accountId, failedAccessToken).finally(() => inFlight.delete(accountId));
    inFlight.set(accountId, promise);
    return promise;
  }

  /**
   * The client for an account's org, with the deadlines of `purpose`; throws needs_reconnect when the
   * account cannot be used.
   */
  function connect(account: ConnectableAccount, purpose: CallPurpose): SalesforceClient {
    if (account.status !== 'connected' || !account.instanceUrl || !account.accessTokenEnc) {
      throw new SalesforceError(
        'needs_reconnect',
        'This Salesforce account needs to be reconnected by an owner.',
      );
    }
    // Why the latest refresh failed: jsforce rethrows it as "Unable to refresh session due to: …",
    // so its meaning is kept here instead of being read back from the words.
    let refreshFailure: SalesforceError | undefined;
    const conn = new Connection({
      instanceUrl: account.instanceUrl,
      accessToken: deps.secretBox.decrypt(account.accessTokenEnc),
      version: deps.app.apiVersion,
      callOptions: { client: CALL_CLIENT_NAME },
      refreshFn: (c, callback) => {
        refresh(account.id, c.accessToken ?? undefined).then(
          (token) => callback(undefined, token),
          (error: unknown) => {
            refreshFailure = toSalesforceError(error);
            callback(refreshFailure);
          },
        );
      },
    });
    return createSalesforceClient(conn, {
      apiVersion: deps.app.apiVersion,
      purpose,
      onAnswer: (usage) => deps.apiUsage?.record(account.id, usage),
      mapError: (error) =>
        refreshFailure && /^Unable to refresh session/.test((error as Error)?.message ?? '')
          ? refreshFailure
          : toSalesforceError(error),
    });
  }

  /**
   * A token answer's `instance_url` is where the access token will be sent: it must be a Salesforce
   * instance host (or a configured one); anything else is refused rather than trusted.
   */
  function checkedInstanceUrl(instanceUrl: string | undefined): string | undefined {
    if (instanceUrl === undefined) return undefined;
    if (!instanceUrlAllowed(instanceUrl, deps.app.allowedLoginHosts)) {
      log.warn(
        { host: safeHost(instanceUrl) },
        'Salesforce answered an instance URL on a host we do not allow',
      );
      throw new SalesforceError(
        'needs_reconnect',
        'Salesforce answered with an instance address this app may not use. Reconnect the account.',
      );
    }
    return instanceUrl.replace(/\/+$/, '');
  }

  /**
   * Who signed in, and to which org, with the tokens just obtained: the identity URL (needs the `id`
   * scope) and the org's name (Organization, one query). Settings deadlines apply.
   */
  async function identify(tokens: {
    instanceUrl: string;
    accessToken: string;
    identityUrl: string;
  }): Promise<SalesforceIdentity> {
    const instanceUrl = checkedInstanceUrl(tokens.instanceUrl)!;
    const conn = new Connection({
      instanceUrl,
      accessToken: tokens.accessToken,
      version: deps.app.apiVersion,
      callOptions: { client: CALL_CLIENT_NAME },
    });
    const client = createSalesforceClient(conn, { apiVersion: deps.app.apiVersion, purpose: 'settings' });
    let identity;
    try {
      identity = identitySchema.parse(
        await conn.request(
          {
            method: 'GET',
            url: tokens.identityUrl,
            headers: { 'Sforce-Call-Options': `client=${CALL_CLIENT_NAME}` },
          },
          { timeout: CALL_DEADLINE_MS.settings },
        ),
      );
    } catch (error) {
      throw toSalesforceError(error);
    }
    const orgName = await client
      .query<{ Name: string }>('SELECT Name FROM Organization LIMIT 1')
      .then((records) => records[0]?.Name ?? null)
      .catch(() => null);
    return {
      orgId: identity.organization_id,
      orgName: orgName ?? identity.organization_id,
      userId: identity.user_id,
      userName: identity.display_name,
      userEmail: identity.email,
    };
  }

  return { oauth2For, connect, refresh, identify };
}
