/**
 * The endpoints the Chat Details widget calls: the sign-in's (public-config, /api/me) and the
 * widget's own (`/api/widget/…`). A module of their own, so the widget's bundle builds only these
 * schemas, not the settings' (endpoints.ts merges them into the whole API).
 */
import { define, salesforceErrors, upstreamErrors, type Endpoint } from './endpoint';
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
import { lookupResultSchema } from './lookup';

export const sessionEndpoints = {
  getPublicConfig: define({
    method: 'GET',
    path: '/api/public-config',
    access: 'public',
    success: publicConfigSchema,
    errors: [],
  }),
  getMe: define({ method: 'GET', path: '/api/me', access: 'agent', success: meResponseSchema, errors: [] }),
} as const satisfies Record<string, Endpoint>;

export const widgetEndpoints = {
  related: define({
    method: 'GET',
    path: '/api/widget/related',
    access: 'agent',
    query: relatedQuerySchema,
    success: relatedResponseSchema,
    errors: ['not_found', 'livechat_error', ...upstreamErrors],
  }),
  forms: define({
    method: 'GET',
    path: '/api/widget/forms',
    access: 'agent',
    query: formsQuerySchema,
    success: formsResponseSchema,
    errors: ['not_found', 'forbidden', 'livechat_error', ...salesforceErrors, ...upstreamErrors],
  }),
  widgetLookup: define({
    method: 'GET',
    path: '/api/widget/lookup',
    access: 'agent',
    query: widgetLookupQuerySchema,
    success: lookupResultSchema,
    errors: ['forbidden', 'not_found', ...salesforceErrors, ...upstreamErrors],
  }),
  createRecord: define({
    method: 'POST',
    path: '/api/widget/records',
    access: 'agent',
    body: createRecordRequestSchema,
    success: createRecordResponseSchema,
    status: 201,
    errors: ['not_found', 'forbidden', 'livechat_error', ...salesforceErrors, ...upstreamErrors],
  }),
  chatSet: define({
    method: 'GET',
    path: '/api/widget/set',
    access: 'agent',
    query: chatSetQuerySchema,
    success: chatSetResponseSchema,
    errors: ['not_found', 'livechat_error', ...upstreamErrors],
  }),
  createSet: define({
    method: 'POST',
    path: '/api/widget/set',
    access: 'agent',
    body: createSetRequestSchema,
    success: createSetResponseSchema,
    status: 201,
    errors: ['not_found', 'livechat_error', ...salesforceErrors, ...upstreamErrors],
  }),
  attachTranscript: define({
    method: 'POST',
    path: '/api/widget/transcript',
    access: 'agent',
    body: attachTranscriptRequestSchema,
    success: attachTranscriptResponseSchema,
    status: 201,
    errors: ['not_found', 'forbidden', 'livechat_error', ...salesforceErrors, ...upstreamErrors],
  }),
} as const satisfies Record<string, Endpoint>;
