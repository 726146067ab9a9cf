import { Router } from 'express';
import { endpoints } from '../../src/api/endpoints';
import { agentOf } from '../auth/auth.middleware';
import { routesOn } from '../http/route';
import { toAccessRule, toAccountDto } from './accounts.presenter';
import type { AccountsService } from './accounts.service';

/** /api/settings/accounts…: owners and vice-owners only (mounted behind requireOwner). */
export function accountsSettingsRoutes(accounts: AccountsService): Router {
  const router = Router();
  const route = routesOn(router, { prefix: '/api/settings', access: 'owner' });

  route(endpoints.listAccounts, async (_input, res) => {
    const listed = await accounts.listWithUsage(agentOf(res));
    return {
      accounts: listed.map(({ row, usage, duplicateChecks }) => toAccountDto(row, usage, duplicateChecks)),
    };
  });

  route(endpoints.setAutomationBudget, async ({ params, body }, res) => ({
    account: toAccountDto(await accounts.setAutomationBudget(agentOf(res), params.id, body.percent)),
  }));

  route(endpoints.createAccount, async ({ body }, res) => {
    const { account, authorizeUrl } = await accounts.create(agentOf(res), body);
    return { account: toAccountDto(account), authorizeUrl };
  });

  route(endpoints.reconnectAccount, async ({ params }, res) => {
    const { account, authorizeUrl } = await accounts.reconnect(agentOf(res), params.id);
    return { account: toAccountDto(account), authorizeUrl };
  });

  route(endpoints.renameAccount, async ({ params, body }, res) => ({
    account: toAccountDto(await accounts.rename(agentOf(res), params.id, body.label)),
  }));

  route(endpoints.removeAccount, async ({ params }, res) => {
    await accounts.remove(agentOf(res), params.id);
  });

  route(endpoints.getAccess, async ({ params }, res) =>
    toAccessRule((await accounts.get(agentOf(res), params.id)).accessRule),
  );

  route(endpoints.putAccess, async ({ params, body }, res) =>
    accounts.setAccess(agentOf(res), params.id, body),
  );

  return router;
}

/** /api/widget/accounts: any agent; only the accounts they may use. */
export function accountsWidgetRoutes(accounts: AccountsService): Router {
  const router = Router();
  const route = routesOn(router, { prefix: '/api/widget', access: 'agent' });
  route(endpoints.listUsableAccounts, async (_input, res) => {
    const usable = await accounts.usable(agentOf(res));
    return {
      accounts: usable.map((a) => ({
        id: a.id,
        label: a.label,
        status: a.status,
        orgName: a.orgName,
        instanceUrl: a.instanceUrl,
      })),
    };
  });
  return router;
}
