import type { AccountUsage, ApiUsageService } from '../salesforce/apiUsage.service';
import { duplicateChecksOf } from '../salesforce/duplicateChecks';
import type { Logger } from 'pino';
import type { AccessRule, CompleteOAuthRequest, CreateAccountRequest } from '../../src/api/accounts';
import type { Agent } from '../auth/agent';
import { withAudit } from '../audit/audit.repo';
import type { Clock } from '../clock';
import type { SecretBox } from '../crypto/secretBox';
import type { Database } from '../db/prisma';
import { errors } from '../http/appError';
import type { SalesforceConnections } from '../salesforce/connections';
import { loginUrlFor } from '../salesforce/loginUrl';
import { salesforceFailureError } from '../salesforce/salesforceError';
import type { OAuthResult, SalesforceOAuth } from '../salesforce/oauth.service';
import { describeAccess, mayUse } from './access';
import { toAccessRule } from './accounts.presenter';
import {
  createAccount,
  deleteAccount,
  findAccount,
  findAccountOfOrg,
  listAccounts,
  saveAccessRule,
  updateAccount,
  type AccountRow,
} from './accounts.repo';

export interface AccountsServiceDeps {
  db: Database;
  secretBox: SecretBox;
  connections: SalesforceConnections;
  oauth: SalesforceOAuth;
  salesforce: {
    apiVersion: string;
    productionLoginUrl: string;
    sandboxLoginUrl: string;
    allowedLoginHosts: string[];
  };
  clock: Clock;
  logger: Logger;
  apiUsage?: Pick<ApiUsageService, 'today'>;
  /** Called after an account is connected or reconnected (resumes runs that waited for it). */
  onConnected?: (accountId: string) => Promise<void>;
}

export type AccountsService = ReturnType<typeof createAccountsService>;

export function createAccountsService(deps: AccountsServiceDeps) {
  const log = deps.logger.child({ module: 'accounts' });

  async function get(agent: Agent, id: string): Promise<AccountRow> {
    const account = await findAccount(deps.db, agent.licenseId, id);
    if (!account) throw errors.notFound('This Salesforce account does not exist (it may have been removed).');
    return account;
  }

  async function create(agent: Agent, body: CreateAccountRequest) {
    const login = loginUrlFor(body.environment, body.myDomainUrl, deps.salesforce);
    if (!login.ok) {
      throw errors.loginHostNotAllowed(login.message, {
        problems: [{ path: 'body.myDomainUrl', message: login.message }],
      });
    }
    const account = await withAudit(
      deps.db,
      (tx) =>
        createAccount(tx, {
          licenseId: agent.licenseId,
          label: body.label,
          environment: body.environment,
          loginUrl: login.loginUrl,
        }),
      (created) => ({
        actor: agent,
        action: 'account.created',
        targetType: 'salesforce_account',
        targetId: created.id,
        details: { label: created.label, environment: created.environment },
      }),
    );
    return { account, authorizeUrl: await deps.oauth.start(agent, account) };
  }

  async function reconnect(agent: Agent, id: string) {
    const account = await get(agent, id);
    return { account, authorizeUrl: await deps.oauth.start(agent, account) };
  }

  const identify = (tokens: OAuthResult) => deps.connections.identify(tokens);

  async function revokeQuietly(loginUrl: string, token: string): Promise<boolean> {
    try {
      await deps.connections.oauth2For(loginUrl).revokeToken(token);
      return true;
    } catch (error) {
      log.warn({ err: error }, 'Salesforce did not confirm the token revocation');
      return false;
    }
  }

  async function completeOAuth(agent: Agent, body: CompleteOAuthRequest) {
    const { account, tokens } = await deps.oauth.complete(agent, body, (id) =>
      findAccount(deps.db, agent.licenseId, id),
    );
    const who = await identify(tokens).catch(async (error: unknown) => {
      // Do not leave a live refresh token behind at Salesforce when we cannot use it.
      await revokeQuietly(account.loginUrl, tokens.refreshToken);
      throw salesforceFailureError(error);
    });

    const refuse = async (message: string) => {
      await revokeQuietly(account.loginUrl, tokens.refreshToken);
      throw errors.conflict(message);
    };
    if (account.orgId && account.orgId !== who.orgId) {
      await refuse(
        `You signed in to ${who.orgName} (${who.orgId}), but “${account.label}” is connected to ${account.orgName ?? account.orgId}. Reconnect with a user of that org, or add ${who.orgName} as a new account.`,
      );
    }
    const sameOrg = await findAccountOfOrg(deps.db, agent.licenseId, who.orgId, account.id);
    if (sameOrg) await refuse(`${who.orgName} is already connected as “${sameOrg.label}”.`);

    const wasConnected = account.orgId !== null;
    const updated = await withAudit(
      deps.db,
      (tx) =>
        updateAccount(tx, account.id, {
          orgId: who.orgId,
          orgName: who.orgName,
          instanceUrl: tokens.instanceUrl,
          connectedUserId: who.userId,
          connectedUserName: who.userName,
          connectedUserEmail: who.userEmail,
          connectedByEmail: agent.email,
          connectedAt: deps.clock.now(),
          accessTokenEnc: deps.secretBox.encrypt(tokens.accessToken),
          refreshTokenEnc: deps.secretBox.encrypt(tokens.refreshToken),
          tokenKeyId: deps.secretBox.keyId,
          status: 'connected',
          statusReason: null,
        }),
      (connected) => ({
        actor: agent,
        action: wasConnected ? 'account.reconnected' : 'account.connected',
        targetType: 'salesforce_account',
        targetId: account.id,
        details: { label: connected.label, orgId: who.orgId, orgName: who.orgName },
      }),
    );
    await deps
      .onConnected?.(account.id)
      .catch((error: unknown) => log.warn({ err: error }, 'resuming waiting runs failed'));
    return updated;
  }

  async function rename(agent: Agent, id: string, label: string) {
    const account = await get(agent, id);
    return withAudit(
      deps.db,
      (tx) => updateAccount(tx, id, { label }),
      () => ({
        actor: agent,
        action: 'account.renamed',
        targetType: 'salesforce_account',
        targetId: id,
        details: { from: account.label, to: label },
      }),
    );
  }

  /** Revokes the tokens at Salesforce, then deletes the account with its mappings and access rules. */
  async function remove(agent: Agent, id: string): Promise<void> {
    const account = await get(agent, id);
    const revoked = account.refreshTokenEnc
      ? await revokeQuietly(account.loginUrl, deps.secretBox.decrypt(account.refreshTokenEnc))
      : true;
    await withAudit(
      deps.db,
      (tx) => deleteAccount(tx, id),
      () => ({
        actor: agent,
        action: 'account.removed',
        targetType: 'salesforce_account',
        targetId: id,
        details: { label: account.label, orgId: account.orgId, revoked },
      }),
    );
  }

  async function setAccess(agent: Agent, id: string, rule: AccessRule) {
    const account = await get(agent, id);
    const normalized = {
      mode: rule.mode,
      groupIds: rule.mode === 'groups' ? [...new Set(rule.groupIds)] : [],
      agentEmails: rule.mode === 'agents' ? [...new Set(rule.agentEmails.map((e) => e.toLowerCase()))] : [],
    };
    await withAudit(
      deps.db,
      (tx) => saveAccessRule(tx, id, normalized),
      () => ({
        actor: agent,
        action: 'account.access_changed',
        targetType: 'salesforce_account',
        targetId: id,
        details: { label: account.label, access: describeAccess(normalized), rule: normalized },
      }),
    );
    return normalized;
  }

  /** Sets (or, with null, removes) the share of the org's daily API limit automation may reach. */
  async function setAutomationBudget(agent: Agent, id: string, percent: number | null) {
    const account = await get(agent, id);
    return withAudit(
      deps.db,
      (tx) => updateAccount(tx, id, { automationBudgetPercent: percent }),
      () => ({
        actor: agent,
        action: 'account.budget_changed',
        targetType: 'salesforce_account',
        targetId: id,
        details: { label: account.label, from: account.automationBudgetPercent, to: percent },
      }),
    );
  }

  /** The license's accounts with today's API usage, for the tiles. */
  async function listWithUsage(agent: Agent) {
    const rows = await listAccounts(deps.db, agent.licenseId);
    const ids = rows.map((r) => r.id);
    const [usage, checks] = await Promise.all([
      deps.apiUsage ? deps.apiUsage.today(ids) : new Map<string, AccountUsage>(),
      duplicateChecksOf(deps.db, ids),
    ]);
    return rows.map((row) => ({ row, usage: usage.get(row.id), duplicateChecks: checks.get(row.id) ?? [] }));
  }

  /** The accounts an agent may use in the widget. */
  async function usable(agent: Agent): Promise<AccountRow[]> {
    const accounts = await listAccounts(deps.db, agent.licenseId);
    return accounts.filter((a) => a.status !== 'pending' && mayUse(agent, toAccessRule(a.accessRule)));
  }

  return {
    setAutomationBudget,
    listWithUsage,
    list: (agent: Agent) => listAccounts(deps.db, agent.licenseId),
    get,
    create,
    reconnect,
    completeOAuth,
    rename,
    remove,
    setAccess,
    usable,
  };
}
