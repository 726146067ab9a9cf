import type { Logger } from 'pino';
import type { Installation, InstallRequest } from '../../src/api/installation';
import type { Agent } from '../auth/agent';
import { withAudit } from '../audit/audit.repo';
import type { Clock } from '../clock';
import type { SecretBox } from '../crypto/secretBox';
import type { Database } from '../db/prisma';
import { errors } from '../http/appError';
import { LiveChatError, type LiveChatClient, type TokenResponse } from '../livechat/livechat.client';
import type { LicenseTokens } from '../livechat/licenseToken';
import { findInstallation, saveInstallation, setWebhooksEnabled } from './installation.repo';

export type InstallationService = ReturnType<typeof createInstallationService>;

/**
 * Installing the app for a license: a license-level LiveChat token (authorization-code flow; the
 * refresh token stored encrypted), and the license's copy of the app's webhook switched on. The
 * webhook itself is the app author's, registered once for every license (webhookRegistration);
 * a license may only read and switch its state (Configuration API v3.5 › Get License Webhooks
 * State, Enable License Webhooks, with the license's own token).
 */
export function createInstallationService(deps: {
  db: Database;
  livechat: LiveChatClient;
  secretBox: SecretBox;
  licenseTokens: LicenseTokens;
  clock: Clock;
  logger: Logger;
}) {
  const log = deps.logger.child({ module: 'installation' });

  /**
   * The installation, with LiveChat asked whether our webhooks still reach the license (someone may
   * have switched them off since): what the settings say must be true now. When LiveChat cannot be
   * asked, the last known state is shown.
   */
  async function get(agent: Agent): Promise<Installation> {
    const row = await findInstallation(deps.db, agent.licenseId);
    let enabled = Boolean(row?.webhooksEnabledAt);
    if (row) {
      try {
        const now = await deps.livechat.licenseWebhooksEnabled(
          await deps.licenseTokens.accessToken(row.licenseId),
        );
        if (now !== enabled) {
          await setWebhooksEnabled(deps.db, row.licenseId, now ? deps.clock.now() : null);
        }
        enabled = now;
      } catch (error) {
        log.warn(
          { err: error, license: row.licenseId },
          'could not ask LiveChat whether the webhooks are on',
        );
      }
    }
    return {
      installed: row !== null,
      installedAt: row?.installedAt.toISOString() ?? null,
      installedBy: row?.installedByEmail ?? null,
      webhooksEnabled: enabled,
    };
  }
  async function install(agent: Agent, body: InstallRequest): Promise<Installation> {
    const tokens = await deps.livechat
      .exchangeCode(body.code, body.redirectUri, body.codeVerifier)
      .catch((error: unknown) => {
        if (error instanceof LiveChatError && error.status < 500) {
          throw errors.livechatRefused(
            'LiveChat did not accept the installation sign-in. Open the settings again.',
          );
        }
        throw error;
      });
    return installWithTokens(agent, tokens);
  }

  /** Stores the license's tokens and (re)registers the webhook; `install` after the code exchange. */
  async function installWithTokens(agent: Agent, tokens: TokenResponse): Promise<Installation> {
    if (tokens.organization_id !== agent.licenseId) {
      throw errors.forbidden('This LiveChat sign-in belongs to another license.');
    }
    if (!tokens.refresh_token) {
      throw errors.livechatRefused('LiveChat gave no refresh token for the installation.');
    }

    const webhooksEnabled = await switchWebhooksOn(agent, tokens.access_token);
    const scopes = typeof tokens.scope === 'string' ? tokens.scope.split(',') : (tokens.scope ?? []);
    const data = {
      accessTokenEnc: deps.secretBox.encrypt(tokens.access_token),
      refreshTokenEnc: deps.secretBox.encrypt(tokens.refresh_token),
      tokenKeyId: deps.secretBox.keyId,
      accessTokenExpiresAt: new Date(deps.clock.now().getTime() + tokens.expires_in * 1000),
      scopes,
      webhooksEnabledAt: webhooksEnabled ? deps.clock.now() : null,
      installedByAccountId: agent.accountId,
      installedByEmail: agent.email,
      installedAt: deps.clock.now(),
    };
    await withAudit(
      deps.db,
      (tx) => saveInstallation(tx, agent.licenseId, data),
      () => ({ actor: agent, action: 'app.installed', targetType: 'license', targetId: agent.licenseId }),
    );
    log.info({ license: agent.licenseId, webhooksEnabled }, 'installed');
    return get(agent);
  }

  /**
   * Our webhooks reach a license that installed the app unless someone disabled them there ("they
   * stay disabled even after the application is reinstalled"): installing is the owner asking for
   * them, so they are switched back on. A token without the webhooks.state scopes installs anyway,
   * and the settings say that automation cannot start.
   */
  async function switchWebhooksOn(agent: Agent, token: string): Promise<boolean> {
    try {
      if (await deps.livechat.licenseWebhooksEnabled(token)) return true;
      await deps.livechat.enableLicenseWebhooks(token);
      return await deps.livechat.licenseWebhooksEnabled(token);
    } catch (error) {
      if (!(error instanceof LiveChatError) || error.status !== 403) throw error;
      log.warn({ license: agent.licenseId, err: error }, 'cannot read or switch the license webhooks');
      return false;
    }
  }

  return { get, install, installWithTokens };
}
