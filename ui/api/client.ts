import { z } from 'zod';
import {
  accessRuleSchema,
  accountListSchema,
  authorizeResponseSchema,
  directorySchema,
  salesforceAccountSchema,
  usableAccountsSchema,
  type AccessRule,
  type CompleteOAuthRequest,
  type CreateAccountRequest,
} from '../../src/api/accounts';
import { auditListSchema } from '../../src/api/audit';
import { activityListSchema, runSchema, type RunStatus } from '../../src/api/automation';
import { installationSchema, type InstallRequest } from '../../src/api/installation';
import { meResponseSchema, publicConfigSchema } from '../../src/api/session';
import { createHttp, type HttpDeps } from './http';
import { createMappingsApi } from './mappings';
import { createWidgetApi } from './widget';

const accountResponseSchema = z.object({ account: salesforceAccountSchema });
const runResponseSchema = z.object({ run: runSchema });
const id = (accountId: string) => encodeURIComponent(accountId);

/** The typed client of our HTTP API: one small function per endpoint, answers parsed with `src/api`'s schemas. */
export function createApiClient(deps: HttpDeps) {
  const http = createHttp(deps);
  return {
    // session
    getPublicConfig: () => http({ path: '/api/public-config', schema: publicConfigSchema, auth: false }),
    getMe: () => http({ path: '/api/me', schema: meResponseSchema }),

    // installation
    getInstallation: () => http({ path: '/api/settings/installation', schema: installationSchema }),
    install: (body: InstallRequest) =>
      http({ method: 'POST', path: '/api/settings/installation', body, schema: installationSchema }),

    // Salesforce accounts
    listAccounts: () => http({ path: '/api/settings/accounts', schema: accountListSchema }),
    createAccount: (body: CreateAccountRequest) =>
      http({ method: 'POST', path: '/api/settings/accounts', body, schema: authorizeResponseSchema }),
    reconnectAccount: (accountId: string) =>
      http({
        method: 'POST',
        path: `/api/settings/accounts/${id(accountId)}/connect`,
        schema: authorizeResponseSchema,
      }),
    renameAccount: (accountId: string, label: string) =>
      http({
        method: 'PATCH',
        path: `/api/settings/accounts/${id(accountId)}`,
        body: { label },
        schema: accountResponseSchema,
      }),
    setAutomationBudget: (accountId: string, percent: number | null) =>
      http({
        method: 'PUT',
        path: `/api/settings/accounts/${id(accountId)}/automation-budget`,
        body: { percent },
        schema: accountResponseSchema,
      }),
    removeAccount: (accountId: string) =>
      http({ method: 'DELETE', path: `/api/settings/accounts/${id(accountId)}`, schema: null }),
    completeSalesforceOAuth: (body: CompleteOAuthRequest) =>
      http({
        method: 'POST',
        path: '/api/settings/oauth/salesforce/complete',
        body,
        schema: accountResponseSchema,
      }),

    // access rules
    getAccess: (accountId: string) =>
      http({ path: `/api/settings/accounts/${id(accountId)}/access`, schema: accessRuleSchema }),
    putAccess: (accountId: string, rule: AccessRule) =>
      http({
        method: 'PUT',
        path: `/api/settings/accounts/${id(accountId)}/access`,
        body: rule,
        schema: accessRuleSchema,
      }),
    getDirectory: () => http({ path: '/api/settings/directory', schema: directorySchema }),

    // audit
    listAudit: (query: { limit?: number; before?: string } = {}) =>
      http({
        path: '/api/settings/audit',
        query: { limit: query.limit ?? 50, before: query.before },
        schema: auditListSchema,
      }),

    // activity (automatic runs)
    listActivity: (
      query: { status?: RunStatus; from?: string; to?: string; limit?: number; before?: string } = {},
    ) => http({ path: '/api/settings/activity', query: { limit: 50, ...query }, schema: activityListSchema }),
    retryRun: (runId: string) =>
      http({
        method: 'POST',
        path: `/api/settings/activity/${encodeURIComponent(runId)}/retry`,
        schema: runResponseSchema,
      }),

    // widget
    listUsableAccounts: () => http({ path: '/api/widget/accounts', schema: usableAccountsSchema }),
    widget: createWidgetApi(http),

    // object mappings, chat fields, preview
    mappings: createMappingsApi(http),
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;
