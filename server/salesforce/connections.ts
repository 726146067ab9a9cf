import { Connection, OAuth2 } from 'jsforce';
import type { Logger } from 'pino';
import type { SecretBox } from '../crypto/secretBox';
import type { Database } from '../db/prisma';
import { SalesforceError, toSalesforceError } from './salesforceError';

export interface SalesforceAppConfig {
  clientId: string;
  clientSecret: string;
  apiVersion: string;
  /** Our OAuth callback, registered in the connected app. */
  redirectUri: string;
}

export interface ConnectableAccount {
  id: string;
  loginUrl: string;
  instanceUrl: string | null;
  accessTokenEnc: string | null;
  status: string;
}

export type SalesforceConnections = ReturnType<typeof createSalesforceConnections>;

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
}) {
  const log = deps.logger.child({ module: 'salesforce-connections' });
  const inFlight = new Map<string, Promise<string>>();

  const oauth2For = (loginUrl: string) =>
    new OAuth2({
      loginUrl,
      clientId: deps.app.clientId,
      clientSecret: deps.app.clientSecret,
      redirectUri: deps.app.redirectUri,
    });

  async function refreshLocked(accountId: string, failedAccessToken: string | undefined): Promise<string> {
    type Row = {
      login_url: string;
      access_token_enc: string | null;
      refresh_token_enc: string | null;
      status: string;
    };
    const reconnect = () =>
      new SalesforceError(
        'needs_reconnect',
        'Salesforce no longer accepts this connection. Reconnect the account.',
      );
    // The transaction returns instead of throwing when the refresh token is rejected, so that the
    // "needs reconnect" mark is committed, not rolled back with the failure.
    const outcome = await deps.db.$transaction(
      async (tx): Promise<{ token: string } | { rejected: true }> => {
        const rows = await tx.$queryRaw<Row[]>`
          SELECT login_url, access_token_enc, refresh_token_enc, status::text AS status
            FROM salesforce_accounts WHERE id = ${accountId}::uuid FOR UPDATE`;
        const row = rows[0];
        if (!row || !row.refresh_token_enc || row.status === 'needs_reconnect') return { rejected: true };
        const stored = row.access_token_enc ? deps.secretBox.decrypt(row.access_token_enc) : undefined;
        if (stored && stored !== failedAccessToken) return { token: stored }; // another process refreshed meanwhile

        const currentRefresh = deps.secretBox.decrypt(row.refresh_token_enc);
        try {
          const res = await oauth2For(row.login_url).refreshToken(currentRefresh);
          await tx.salesforceAccount.update({
            where: { id: accountId },
            data: {
              accessTokenEnc: deps.secretBox.encrypt(res.access_token),
              refreshTokenEnc: deps.secretBox.encrypt(res.refresh_token ?? currentRefresh),
              tokenKeyId: deps.secretBox.keyId,
              ...(res.instance_url ? { instanceUrl: res.instance_url } : {}),
            },
          });
          log.info(
            { account: accountId, rotated: res.refresh_token !== undefined },
            'access token refreshed',
          );
          return { token: res.access_token };
        } catch (error) {
          const failure = toSalesforceError(error);
          if (failure.kind !== 'needs_reconnect' && failure.errorCode !== 'invalid_grant') throw failure;
          await tx.salesforceAccount.update({
            where: { id: accountId },
            data: {
              status: 'needs_reconnect',
              statusReason:
                'Salesforce rejected the saved sign-in (it was revoked or expired). Reconnect the account.',
            },
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

  /** A jsforce connection for an account; throws needs_reconnect when it cannot be used. */
  function connect(account: ConnectableAccount): Connection {
    if (account.status !== 'connected' || !account.instanceUrl || !account.accessTokenEnc) {
      throw new SalesforceError(
        'needs_reconnect',
        'This Salesforce account needs to be reconnected by an owner.',
      );
    }
    const conn = new Connection({
      instanceUrl: account.instanceUrl,
      accessToken: deps.secretBox.decrypt(account.accessTokenEnc),
      version: deps.app.apiVersion,
      refreshFn: (c, callback) => {
        refresh(account.id, c.accessToken ?? undefined).then(
          (token) => callback(undefined, token),
          (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
        );
      },
    });
    return conn;
  }

  return { oauth2For, connect, refresh };
}
