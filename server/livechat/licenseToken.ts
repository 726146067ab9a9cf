import type { Logger } from 'pino';
import type { Clock } from '../clock';
import type { SecretBox } from '../crypto/secretBox';
import type { Database } from '../db/prisma';
import {
  findInstallation,
  saveInstallationTokens,
  withInstallationTokensLocked,
} from '../installation/installation.repo';
import { LiveChatError, type LiveChatClient } from './livechat.client';

/** Refresh this long before LiveChat's stated expiry. */
const MARGIN_MS = 5 * 60 * 1000;

export class NotInstalledError extends Error {
  constructor(licenseId: string) {
    super(
      `Salesforce for LiveChat is not installed for license ${licenseId}; an owner must open its settings.`,
    );
    this.name = 'NotInstalledError';
  }
}

export type LicenseTokens = ReturnType<typeof createLicenseTokens>;

const refusesTheGrant = (error: LiveChatError) =>
  error.isAuthError || error.type === 'invalid_client' || error.type === 'unauthorized_client';

/**
 * The license-level LiveChat access token obtained at installation, refreshed before it expires
 * (LiveChat states its lifetime), under a row lock so concurrent workers refresh it once.
 */
export function createLicenseTokens(deps: {
  db: Database;
  livechat: LiveChatClient;
  secretBox: SecretBox;
  clock: Clock;
  logger: Logger;
}) {
  const log = deps.logger.child({ module: 'license-tokens' });

  async function accessToken(licenseId: string): Promise<string> {
    const row = await findInstallation(deps.db, licenseId);
    if (!row) throw new NotInstalledError(licenseId);
    if (row.accessTokenExpiresAt.getTime() - MARGIN_MS > deps.clock.now().getTime()) {
      return deps.secretBox.decrypt(row.accessTokenEnc);
    }
    return refresh(licenseId);
  }

  async function refresh(licenseId: string): Promise<string> {
    return withInstallationTokensLocked(
      deps.db,
      licenseId,
      async (row, tx) => {
        if (!row) throw new NotInstalledError(licenseId);
        if (row.access_token_expires_at.getTime() - MARGIN_MS > deps.clock.now().getTime()) {
          return deps.secretBox.decrypt(row.access_token_enc);
        }
        const current = deps.secretBox.decrypt(row.refresh_token_enc);
        const tokens = await deps.livechat.refreshToken(current).catch((error: unknown) => {
          // Only a refused grant or client means the app is gone for this license (RFC 6749 §5.2:
          // invalid_grant, invalid_client, unauthorized_client). A rate limit (429), an outage
          // (5xx) or a network failure is temporary: the job retries; nothing is said "not installed".
          if (error instanceof LiveChatError && refusesTheGrant(error))
            throw new NotInstalledError(licenseId);
          throw error;
        });
        await saveInstallationTokens(tx, licenseId, {
          accessTokenEnc: deps.secretBox.encrypt(tokens.access_token),
          refreshTokenEnc: deps.secretBox.encrypt(tokens.refresh_token ?? current),
          tokenKeyId: deps.secretBox.keyId,
          accessTokenExpiresAt: new Date(deps.clock.now().getTime() + tokens.expires_in * 1000),
        });
        log.info({ license: licenseId }, 'LiveChat license token refreshed');
        return tokens.access_token;
      },
      { timeout: 20_000 },
    );
  }

  return { accessToken, refresh };
}
