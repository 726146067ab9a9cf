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
import type { ErrorCode } from './errors';
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
import { meResponseSchema, publicConfigSchema } from './session';
import {
  attachTranscriptRequestSchema,
  attachTranscriptResponseSchema,
  chatSetQuerySchema,
  chatSetResponseSchema,
  createSetRequestSchema,
  createSetResponseSchema,
  createRecordRequestSchema,
  createRecordResponseSchema,
  formsQuerySchema,
  formsResponseSchema,
  relatedQuerySchema,
  relatedResponseSchema,
  widgetLookupQuerySchema,
} from './widget';
import { mappingSchema } from '../mapping/mapping';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Who may call: anyone, any signed-in agent of the license, or its owners and vice-owners. */
export type Access = 'public' | 'agent' | 'owner';

export interface Endpoint {
  method: Method;
  /** The full path, with `:name` for each path parameter. */
  path: string;
  access: Access;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** The answer's shape; `null` for an empty answer (204). */
  success: z.ZodType | null;
  /** The success status: 200 unless said. */
  status?: 200 | 201 | 204;
  /** The error codes this endpoint answers with, beyond those of every endpoint (below). */
  errors: readonly ErrorCode[];
}

/** What any endpoint may answer: bad input, a signed-out caller, an unexpected failure. */
export const commonErrors = ['validation_failed', 'bad_request', 'unauthorized', 'internal'] as const;

const salesforce = ['salesforce_error', 'salesforce_needs_reconnect', 'salesforce_limit_reached'] as const;
const upstream = ['upstream_unavailable'] as const;

/** `{ account }`: one Salesforce account after a change. */
export const accountResponseSchema = z.object({ account: salesforceAccountSchema });
/** `{ run }`: one automatic run after a retry. */
export const runResponseSchema = z.object({ run: runSchema });

const define = <const E extends Endpoint>(endpoint: E): E => endpoint;

export const endpoints = {
  // session
  getPublicConfig: define({
    method: 'GET',
    path: '/api/public-config',
    access: 'public',
    success: publicConfigSchema,
    errors: [],
  }),
  getMe: define({ method: 'GET', path: '/api/me', access: 'agent', success: meResponseSchema, errors: [] }),

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

  // the Chat Details widget
  listUsableAccounts: define({
    method: 'GET',
    path: '/api/widget/accounts',
    access: 'agent',
    success: usableAccountsSchema,
    errors: [],
  }),
  related: define({
    method: 'GET',
    path: '/api/widget/related',
    access: 'agent',
    query: relatedQuerySchema,
    success: relatedResponseSchema,
    errors: ['not_found', 'livechat_error', ...upstream],
  }),
  forms: define({
    method: 'GET',
    path: '/api/widget/forms',
    access: 'agent',
    query: formsQuerySchema,
    success: formsResponseSchema,
    errors: ['not_found', 'forbidden', 'livechat_error', ...salesforce, ...upstream],
  }),
  widgetLookup: define({
    method: 'GET',
    path: '/api/widget/lookup',
    access: 'agent',
    query: widgetLookupQuerySchema,
    success: lookupResultSchema,
    errors: ['forbidden', 'not_found', ...salesforce, ...upstream],
  }),
  createRecord: define({
    method: 'POST',
    path: '/api/widget/records',
    access: 'agent',
    body: createRecordRequestSchema,
    success: createRecordResponseSchema,
    status: 201,
    errors: ['not_found', 'forbidden', 'livechat_error', ...salesforce, ...upstream],
  }),
  chatSet: define({
    method: 'GET',
    path: '/api/widget/set',
    access: 'agent',
    query: chatSetQuerySchema,
    success: chatSetResponseSchema,
    errors: ['not_found', 'livechat_error', ...upstream],
  }),
  createSet: define({
    method: 'POST',
    path: '/api/widget/set',
    access: 'agent',
    body: createSetRequestSchema,
    success: createSetResponseSchema,
    status: 201,
    errors: ['not_found', 'livechat_error', ...salesforce, ...upstream],
  }),
  attachTranscript: define({
    method: 'POST',
    path: '/api/widget/transcript',
    access: 'agent',
    body: attachTranscriptRequestSchema,
    success: attachTranscriptResponseSchema,
    status: 201,
    errors: ['not_found', 'forbidden', 'livechat_error', ...salesforce, ...upstream],
  }),
} as const satisfies Record<string, Endpoint>;

export type Endpoints = typeof endpoints;
export type EndpointName = keyof Endpoints;

type InputOf<S> = S extends z.ZodType ? z.input<S> : never;
type OutputOf<S> = S extends z.ZodType ? z.output<S> : never;

/** What a caller sends: only the parts the endpoint has, typed from its schemas' input. */
export type CallInput<E extends Endpoint> = (E['params'] extends z.ZodType
  ? { params: InputOf<E['params']> }
  : { params?: never }) &
  (E['query'] extends z.ZodType ? { query?: InputOf<E['query']> } : { query?: never }) &
  (E['body'] extends z.ZodType ? { body: InputOf<E['body']> } : { body?: never });

/** A call's arguments after the endpoint: its input, which may be left out when nothing is required. */
export type CallArgs<E extends Endpoint> = E['params'] extends z.ZodType
  ? [CallInput<E>]
  : E['body'] extends z.ZodType
    ? [CallInput<E>]
    : [CallInput<E>?];

/** What a caller gets back on success. */
export type SuccessOf<E extends Endpoint> = E['success'] extends z.ZodType
  ? OutputOf<E['success']>
  : undefined;

/** What a handler answers: the success schema's input (parsing it gives the caller's `SuccessOf`). */
export type ReplyOf<E extends Endpoint> = E['success'] extends z.ZodType ? InputOf<E['success']> : void;

/** The handler's parsed input. */
export interface HandlerInput<E extends Endpoint> {
  params: E['params'] extends z.ZodType ? OutputOf<E['params']> : Record<string, never>;
  query: E['query'] extends z.ZodType ? OutputOf<E['query']> : Record<string, never>;
  body: E['body'] extends z.ZodType ? OutputOf<E['body']> : undefined;
}

/** The endpoint's path with its parameters filled in (each encoded). */
export function pathOf(endpoint: Endpoint, params: Record<string, unknown> = {}): string {
  return endpoint.path.replace(/:([A-Za-z]+)/g, (_match, name: string) => {
    const value = params[name];
    if (value === undefined || value === null) throw new Error(`${endpoint.path}: no value for :${name}`);
    return encodeURIComponent(String(value));
  });
}
