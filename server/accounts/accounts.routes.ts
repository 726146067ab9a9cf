import { Router } from 'express';
import {
  accessRuleSchema,
  accountIdParamsSchema,
  automationBudgetRequestSchema,
  completeOAuthRequestSchema,
  createAccountRequestSchema,
  renameAccountRequestSchema,
} from '../../src/api/accounts';
import { agentOf } from '../auth/auth.middleware';
import { parseInput } from '../http/validate';
import { toAccessRule, toAccountDto } from './accounts.presenter';
import type { AccountsService } from './accounts.service';

/** /api/settings/accounts…: owners and vice-owners only (mounted behind requireOwner). */
export function accountsSettingsRoutes(accounts: AccountsService): Router {
  const router = Router();

  router.get('/accounts', async (_req, res) => {
    const listed = await accounts.listWithUsage(agentOf(res));
    res.json({ accounts: listed.map(({ row, usage }) => toAccountDto(row, usage)) });
  });

  router.put('/accounts/:id/automation-budget', async (req, res) => {
    const { id } = parseInput(accountIdParamsSchema, req.params, 'params');
    const { percent } = parseInput(automationBudgetRequestSchema, req.body, 'body');
    res.json({ account: toAccountDto(await accounts.setAutomationBudget(agentOf(res), id, percent)) });
  });

  router.post('/accounts', async (req, res) => {
    const body = parseInput(createAccountRequestSchema, req.body, 'body');
    const { account, authorizeUrl } = await accounts.create(agentOf(res), body);
    res.status(201).json({ account: toAccountDto(account), authorizeUrl });
  });

  router.post('/accounts/:id/connect', async (req, res) => {
    const { id } = parseInput(accountIdParamsSchema, req.params, 'params');
    const { account, authorizeUrl } = await accounts.reconnect(agentOf(res), id);
    res.json({ account: toAccountDto(account), authorizeUrl });
  });

  router.patch('/accounts/:id', async (req, res) => {
    const { id } = parseInput(accountIdParamsSchema, req.params, 'params');
    const { label } = parseInput(renameAccountRequestSchema, req.body, 'body');
    res.json({ account: toAccountDto(await accounts.rename(agentOf(res), id, label)) });
  });

  router.delete('/accounts/:id', async (req, res) => {
    const { id } = parseInput(accountIdParamsSchema, req.params, 'params');
    await accounts.remove(agentOf(res), id);
    res.status(204).end();
  });

  router.get('/accounts/:id/access', async (req, res) => {
    const { id } = parseInput(accountIdParamsSchema, req.params, 'params');
    res.json(toAccessRule((await accounts.get(agentOf(res), id)).accessRule));
  });

  router.put('/accounts/:id/access', async (req, res) => {
    const { id } = parseInput(accountIdParamsSchema, req.params, 'params');
    const rule = parseInput(accessRuleSchema, req.body, 'body');
    res.json(await accounts.setAccess(agentOf(res), id, rule));
  });

  router.post('/oauth/salesforce/complete', async (req, res) => {
    const body = parseInput(completeOAuthRequestSchema, req.body, 'body');
    res.json({ account: toAccountDto(await accounts.completeOAuth(agentOf(res), body)) });
  });

  return router;
}

/** /api/widget/accounts: any agent; only the accounts they may use. */
export function accountsWidgetRoutes(accounts: AccountsService): Router {
  const router = Router();
  router.get('/accounts', async (_req, res) => {
    const usable = await accounts.usable(agentOf(res));
    res.json({
      accounts: usable.map((a) => ({
        id: a.id,
        label: a.label,
        status: a.status,
        orgName: a.orgName,
        instanceUrl: a.instanceUrl,
      })),
    });
  });
  return router;
}
