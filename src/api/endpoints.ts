/**
 * Every endpoint of the app's HTTP API (`/api/…`), as data: method, path, who may call it, the
 * schemas of its input (params, query, body) and of its answer, and the error codes it may answer
 * with. The server registers each handler from its entry (server/http/route.ts), and the
 * frontends' client (ui/api/http.ts) and the tests' API helper call it through the same entry, so
 * a wrong input or a misread answer fails the type check, and no response schema is written twice.
 *
 * Not here: the probes (`/healthz`, `/readyz`, whose status carries the answer), LiveChat's webhook
 * (`/webhooks/livechat`, LiveChat's contract) and Salesforce's OAuth callback page (HTML).
 */
import { z } from 'zod';
import {
  accessRuleSchema,
  accountIdParamsSchema,
  accountListSchema,
  authorizeResponseSchema,
  automationBudgetRequestSchema,
  completeOAuthRequestSchema,
  createAccountRequestSchema,
  directorySchema,
  renameAccountRequestSchema,
  salesforceAccountSchema,
  usableAccountsSchema,
} from './accounts';
import { auditListSchema, auditQuerySchema } from './audit';
import { activityListSchema, activityQuerySchema, runIdParamsSchema, runSchema } from './automation';
import { installationSchema, installRequestSchema } from './installation';
import {
  chatFieldCatalogueSchema,
  declareChatFieldRequestSchema,
  declaredChatFieldParamsSchema,
  lookupQuerySchema,
  lookupResultSchema,
  mappingIdParamsSchema,
  mappingListSchema,
  objectDescribeSchema,
  objectListSchema,
  objectParamsSchema,
  previewRequestSchema,
  previewResponseSchema,
  recentChatsSchema,
  recordTypeParamsSchema,
  recordTypePicklistsResponseSchema,
  savedMappingSchema,
} from './mappings';
import { mappingSchema } from '../mapping/mapping';
import {
  define,
  salesforceErrors as salesforce,
  upstreamErrors as upstream,
  type Endpoint,
} from './endpoint';
import { sessionEndpoints, widgetEndpoints } from './widgetEndpoints';

export * from './endpoint';

/** `{ account }`: one Salesforce account after a change. */
export const accountResponseSchema = z.object({ account: salesforceAccountSchema });
/** `{ run }`: one automatic run after a retry. */
export const runResponseSchema = z.object({ run: runSchema });

export const endpoints = {
  ...sessionEndpoints,

  // installation
  getInstallation: define({
    method: 'GET',
    path: '/api/settings/installation',
    access: 'owner',
    success: installationSchema,
    errors: ['forbidden'],
  }),
  install: define({
    method: 'POST',
    path: '/api/settings/installation',
    access: 'owner',
    body: installRequestSchema,
    success: installationSchema,
    errors: ['forbidden', 'livechat_error', ...upstream],
  }),

  // Salesforce accounts
  listAccounts: define({
    method: 'GET',
    path: '/api/settings/accounts',
    access: 'owner',
    success: accountListSchema,
    errors: ['forbidden'],
  }),
  createAccount: define({
    method: 'POST',
    path: '/api/settings/accounts',
    access: 'owner',
    body: createAccountRequestSchema,
    success: authorizeResponseSchema,
    status: 201,
    errors: ['forbidden', 'login_host_not_allowed', 'conflict'],
  }),
  reconnectAccount: define({
    method: 'POST',
    path: '/api/settings/accounts/:id/connect',
    access: 'owner',
    params: accountIdParamsSchema,
    success: authorizeResponseSchema,
    errors: ['forbidden', 'not_found'],
  }),
  renameAccount: define({
    method: 'PATCH',
    path: '/api/settings/accounts/:id',
    access: 'owner',
    params: accountIdParamsSchema,
    body: renameAccountRequestSchema,
    success: accountResponseSchema,
    errors: ['forbidden', 'not_found', 'conflict'],
  }),
  setAutomationBudget: define({
    method: 'PUT',
    path: '/api/settings/accounts/:id/automation-budget',
    access: 'owner',
    params: accountIdParamsSchema,
    body: automationBudgetRequestSchema,
    success: accountResponseSchema,
    errors: ['forbidden', 'not_found'],
  }),
  removeAccount: define({
    method: 'DELETE',
    path: '/api/settings/accounts/:id',
    access: 'owner',
    params: accountIdParamsSchema,
    success: null,
    status: 204,
    errors: ['forbidden', 'not_found'],
  }),
  completeSalesforceOAuth: define({
    method: 'POST',
    path: '/api/settings/oauth/salesforce/complete',
    access: 'owner',
    body: completeOAuthRequestSchema,
    success: accountResponseSchema,
    errors: ['forbidden', 'oauth_state_invalid', 'oauth_failed', 'conflict', ...upstream],
  }),

  // access rules and the license's people
  getAccess: define({
    method: 'GET',
    path: '/api/settings/accounts/:id/access',
    access: 'owner',
    params: accountIdParamsSchema,
    success: accessRuleSchema,
    errors: ['forbidden', 'not_found'],
  }),
  putAccess: define({
    method: 'PUT',
    path: '/api/settings/accounts/:id/access',
    access: 'owner',
    params: accountIdParamsSchema,
    body: accessRuleSchema,
    success: accessRuleSchema,
    errors: ['forbidden', 'not_found'],
  }),
  getDirectory: define({
    method: 'GET',
    path: '/api/settings/directory',
    access: 'owner',
    success: directorySchema,
    errors: ['forbidden', 'livechat_error', ...upstream],
  }),

  // Salesforce objects of an account
  listObjects: define({
    method: 'GET',
    path: '/api/settings/accounts/:id/objects',
    access: 'owner',
    params: accountIdParamsSchema,
    success: objectListSchema,
    errors: ['forbidden', 'not_found', ...salesforce, ...upstream],
  }),
  describeObject: define({
    method: 'GET',
    path: '/api/settings/accounts/:id/objects/:objectName',
    access: 'owner',
    params: objectParamsSchema,
    success: objectDescribeSchema,
    errors: ['forbidden', 'not_found', ...salesforce, ...upstream],
  }),
  recordTypePicklists: define({
    method: 'GET',
    path: '/api/settings/accounts/:id/objects/:objectName/record-types/:recordTypeId/picklists',
    access: 'owner',
    params: recordTypeParamsSchema,
    success: recordTypePicklistsResponseSchema,
    errors: ['forbidden', 'not_found', ...salesforce, ...upstream],
  }),
  lookupRecords: define({
    method: 'GET',
    path: '/api/settings/accounts/:id/lookup',
    access: 'owner',
    params: accountIdParamsSchema,
    query: lookupQuerySchema,
    success: lookupResultSchema,
    errors: ['forbidden', 'not_found', ...salesforce, ...upstream],
  }),

  // object mappings
  listMappings: define({
    method: 'GET',
    path: '/api/settings/accounts/:id/mappings',
    access: 'owner',
    params: accountIdParamsSchema,
    success: mappingListSchema,
    errors: ['forbidden', 'not_found'],
  }),
  previewMapping: define({
    method: 'POST',
    path: '/api/settings/accounts/:id/mappings/preview',
    access: 'owner',
    params: accountIdParamsSchema,
    body: previewRequestSchema,
    success: previewResponseSchema,
    errors: ['forbidden', 'not_found', 'livechat_error', ...salesforce, ...upstream],
  }),
  createMapping: define({
    method: 'POST',
    path: '/api/settings/accounts/:id/mappings',
    access: 'owner',
    params: accountIdParamsSchema,
    body: mappingSchema,
    success: savedMappingSchema,
    status: 201,
    errors: ['forbidden', 'not_found', 'conflict', ...salesforce, ...upstream],
  }),
  getMapping: define({
    method: 'GET',
    path: '/api/settings/mappings/:mappingId',
    access: 'owner',
    params: mappingIdParamsSchema,
    success: savedMappingSchema,
    errors: ['forbidden', 'not_found'],
  }),
  updateMapping: define({
    method: 'PUT',
    path: '/api/settings/mappings/:mappingId',
    access: 'owner',
    params: mappingIdParamsSchema,
    body: mappingSchema,
    success: savedMappingSchema,
    errors: ['forbidden', 'not_found', 'conflict', ...salesforce, ...upstream],
  }),
  deleteMapping: define({
    method: 'DELETE',
    path: '/api/settings/mappings/:mappingId',
    access: 'owner',
    params: mappingIdParamsSchema,
    success: null,
    status: 204,
    // conflict: other mappings take this chat's record of it (details.referencedBy).
    errors: ['forbidden', 'not_found', 'conflict'],
  }),

  // chat fields and chats
  // Scans by itself when the archive was never scanned or the last scan is old; a LiveChat outage
  // then answers the last known catalogue with `scan.failure`, not an error.
  getChatFields: define({
    method: 'GET',
    path: '/api/settings/chat-fields',
    access: 'owner',
    success: chatFieldCatalogueSchema,
    errors: ['forbidden'],
  }),
  scanChatFields: define({
    method: 'POST',
    path: '/api/settings/chat-fields/scan',
    access: 'owner',
    success: chatFieldCatalogueSchema,
    errors: ['forbidden', 'livechat_error', ...upstream],
  }),
  declareChatField: define({
    method: 'POST',
    path: '/api/settings/chat-fields/declared',
    access: 'owner',
    body: declareChatFieldRequestSchema,
    success: chatFieldCatalogueSchema,
    status: 201,
    errors: ['forbidden', 'conflict'],
  }),
  removeDeclaredChatField: define({
    method: 'DELETE',
    path: '/api/settings/chat-fields/declared/:id',
    access: 'owner',
    params: declaredChatFieldParamsSchema,
    success: chatFieldCatalogueSchema,
    errors: ['forbidden', 'not_found'],
  }),
  listRecentChats: define({
    method: 'GET',
    path: '/api/settings/chats/recent',
    access: 'owner',
    success: recentChatsSchema,
    errors: ['forbidden', 'livechat_error', ...upstream],
  }),

  // activity (automatic runs) and audit log
  listActivity: define({
    method: 'GET',
    path: '/api/settings/activity',
    access: 'owner',
    query: activityQuerySchema,
    success: activityListSchema,
    errors: ['forbidden'],
  }),
  retryRun: define({
    method: 'POST',
    path: '/api/settings/activity/:runId/retry',
    access: 'owner',
    params: runIdParamsSchema,
    success: runResponseSchema,
    errors: ['forbidden', 'not_found', 'conflict'],
  }),
  listAudit: define({
    method: 'GET',
    path: '/api/settings/audit',
    access: 'owner',
    query: auditQuerySchema,
    success: auditListSchema,
    errors: ['forbidden'],
  }),

  // the Chat Details widget: the accounts the agent may use (the settings' account picker asks)…
  listUsableAccounts: define({
    method: 'GET',
    path: '/api/widget/accounts',
    access: 'agent',
    success: usableAccountsSchema,
    errors: [],
  }),
  // …and the widget's own endpoints (widgetEndpoints.ts)
  ...widgetEndpoints,
} as const satisfies Record<string, Endpoint>;

export type Endpoints = typeof endpoints;
export type EndpointName = keyof Endpoints;
