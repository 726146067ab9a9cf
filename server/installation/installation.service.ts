import type { Logger } from 'pino';
import type { Installation, InstallRequest } from '../../src/api/installation';
import type { Agent } from '../auth/agent';
import { recordAudit } from '../audit/audit.repo';
import type { Clock } from '../clock';
import type { SecretBox } from '../crypto/secretBox';
import type { Database } from '../db/prisma';
import { AppError } from '../http/appError';
import { LiveChatError, type LiveChatClient, type TokenResponse } from '../livechat/livechat.client';

export const WEBHOOK_ACTION = 'chat_deactivated';

export type InstallationService = ReturnType<typeof createInstallationService>;

/**
 * Installing the app for a license: a license-level LiveChat token (authorization-code flow; the
 * refresh token stored encrypted) and the ended-chat webhook. LiveChat keeps license webhooks per
 * application (client id), shared by every license that installs it, so the webhook's secret is one
 * per app (`webhookSecret`, derived from the encryption key) and each installation re-registers it:
 * webhooks already at our URL are removed first, so there is never more than one.
 */
export function createInstallationService(deps: {
  db: Database;
  livechat: LiveChatClient;
  secretBox: SecretBox;
  webhookUrl: string;
  webhookSecret: string;
  clock: Clock;
  logger: Logger;
}) {
  const log = deps.logger.child({ module: 'installation' });

  async function get(agent: Agent): Promise<Installation> {
    const row = await deps.db.liveChatInstallation.findUnique({ where: { licenseId: agent.licenseId } });
    return {
      installed: row !== null,
      installedAt: row?.installedAt.toISOString() ?? null,
      installedBy: row?.installedByEmail ?? null,
      webhookRegistered: Boolean(row?.webhookId),
    };
  }

  async function install(agent: Agent, body: InstallRequest): Promise<Installation> {
    const tokens = await deps.livechat
      .exchangeCode(body.code, body.redirectUri, body.codeVerifier)
      .catch((error: unknown) => {
        if (error instanceof LiveChatError && error.status < 500) {
          throw new AppError(
            'livechat_error',
            400,
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
      throw new AppError('forbidden', 403, 'This LiveChat sign-in belongs to another license.');
    }
    if (!tokens.refresh_token) {
      throw new AppError('livechat_error', 400, 'LiveChat gave no refresh token for the installation.');
    }

    // License webhooks belong to the app and serve every license: the new one is registered before
    // the old ones are removed, so no license misses an ended chat in between (a delivery to both is
    // stored once). Only when LiveChat's limit of webhooks per action is reached do the old go first.
    const token = tokens.access_token;
    const ours = async () =>
      (await deps.livechat.listWebhooks(token)).filter(
        (w) => w.url === deps.webhookUrl && w.action === WEBHOOK_ACTION,
      );
    const secret = deps.webhookSecret;
    const register = () =>
      deps.livechat.registerWebhook(token, {
        url: deps.webhookUrl,
        action: WEBHOOK_ACTION,
        secretKey: secret,
        description: 'Salesforce for LiveChat: create records after chats end',
      });
    const before = await ours();
    const { id: webhookId } = await register().catch(async (error: unknown) => {
      if (!(error instanceof LiveChatError) || error.type !== 'limit_reached') throw error;
      for (const webhook of before) await deps.livechat.unregisterWebhook(token, webhook.id);
      return register();
    });
    for (const webhook of await ours()) {
      if (webhook.id !== webhookId) await deps.livechat.unregisterWebhook(token, webhook.id);
    }
    await deps.livechat.enableLicenseWebhooks(tokens.access_token);

    const scopes = typeof tokens.scope === 'string' ? tokens.scope.split(',') : (tokens.scope ?? []);
    const data = {
      accessTokenEnc: deps.secretBox.encrypt(tokens.access_token),
      refreshTokenEnc: deps.secretBox.encrypt(tokens.refresh_token),
      tokenKeyId: deps.secretBox.keyId,
      accessTokenExpiresAt: new Date(deps.clock.now().getTime() + tokens.expires_in * 1000),
      scopes,
      webhookId,
      webhookSecretEnc: deps.secretBox.encrypt(secret),
      webhookUrl: deps.webhookUrl,
      installedByAccountId: agent.accountId,
      installedByEmail: agent.email,
      installedAt: deps.clock.now(),
    };
    await deps.db.liveChatInstallation.upsert({
      where: { licenseId: agent.licenseId },
      create: { licenseId: agent.licenseId, ...data },
      update: data,
    });
    await recordAudit(deps.db, {
      actor: agent,
      action: 'app.installed',
      targetType: 'license',
      targetId: agent.licenseId,
    });
    log.info({ license: agent.licenseId, webhookId }, 'installed');
    return get(agent);
  }

  return { get, install, installWithTokens };
}
