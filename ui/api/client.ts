import type { AccessRule, CompleteOAuthRequest, CreateAccountRequest } from '../../src/api/accounts';
import type { RunStatus } from '../../src/api/automation';
import { endpoints as e } from '../../src/api/endpoints';
import type { InstallRequest } from '../../src/api/installation';
import { createCall, createHttp, type HttpDeps } from './http';
import { createMappingsApi } from './mappings';
import { createSessionApi } from './session';
import { createWidgetApi } from './widget';

/**
 * The typed client of our HTTP API: one small function per endpoint, each calling its entry of
 * the contract (src/api/endpoints.ts), which gives its path, method, input type and answer schema.
 */
export function createApiClient(deps: HttpDeps) {
  const call = createCall(createHttp(deps));
  return {
    // session
    ...createSessionApi(call),

    // installation
    getInstallation: () => call(e.getInstallation),
    install: (body: InstallRequest) => call(e.install, { body }),

    // Salesforce accounts
    listAccounts: () => call(e.listAccounts),
    createAccount: (body: CreateAccountRequest) => call(e.createAccount, { body }),
    reconnectAccount: (id: string) => call(e.reconnectAccount, { params: { id } }),
    renameAccount: (id: string, label: string) => call(e.renameAccount, { params: { id }, body: { label } }),
    setAutomationBudget: (id: string, percent: number | null) =>
      call(e.setAutomationBudget, { params: { id }, body: { percent } }),
    removeAccount: (id: string) => call(e.removeAccount, { params: { id } }),
    completeSalesforceOAuth: (body: CompleteOAuthRequest) => call(e.completeSalesforceOAuth, { body }),

    // access rules
    getAccess: (id: string) => call(e.getAccess, { params: { id } }),
    putAccess: (id: string, rule: AccessRule) => call(e.putAccess, { params: { id }, body: rule }),
    getDirectory: () => call(e.getDirectory),

    // audit
    listAudit: (query: { limit?: number; before?: string } = {}) =>
      call(e.listAudit, { query: { limit: query.limit ?? 50, before: query.before } }),

    // activity (automatic runs)
    listActivity: (
      query: {
        status?: RunStatus;
        from?: string;
        to?: string;
        limit?: number;
        before?: string;
        visitor?: string;
      } = {},
    ) => call(e.listActivity, { query: { limit: 50, ...query } }),
    retryRun: (runId: string) => call(e.retryRun, { params: { runId } }),

    // widget
    listUsableAccounts: () => call(e.listUsableAccounts),
    widget: createWidgetApi(call),

    // object mappings, chat fields, preview
    mappings: createMappingsApi(call),
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;
