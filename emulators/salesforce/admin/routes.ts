import express from 'express';
import type { Request, Response, Router } from 'express';
import { z } from 'zod';
import { SalesforceError } from '../errors';
import { FAULT_KINDS, type FaultKind } from '../faults';
import { field, values } from '../metadata/fields';
import type { FieldType } from '../metadata/types';
import { originOf, sendJson } from '../http-util';
import type { EmulatorState } from '../state';
import type { SalesforceEmulatorAdmin } from './admin';

const faultKind = z.custom<FaultKind>((v) => FAULT_KINDS.includes(v as FaultKind), {
  message: `kind is one of ${FAULT_KINDS.join(', ')}`,
});
const faultScope = z.enum(['api', 'oauth', 'all']).optional();
const failNextBody = z.object({
  count: z.number().int().positive(),
  kind: faultKind,
  orgId: z.string().optional(),
  scope: faultScope,
  recordId: z.string().optional(),
  method: z.enum(['GET', 'POST', 'PATCH', 'PUT', 'DELETE']).optional(),
});
const failRateBody = z.object({
  probability: z.number().min(0).max(1),
  kind: z.union([faultKind, z.array(faultKind).min(1)]),
  recordId: z.string().optional(),
  seed: z.number().int().optional(),
  orgId: z.string().optional(),
  scope: faultScope,
});
const fieldTypes = [
  'string',
  'textarea',
  'email',
  'phone',
  'url',
  'picklist',
  'multipicklist',
  'reference',
  'boolean',
  'int',
  'double',
  'currency',
  'percent',
  'date',
  'datetime',
] as const;
const addFieldBody = z.object({
  name: z.string().min(1),
  label: z.string().min(1),
  type: z.enum(fieldTypes),
  length: z.number().int().positive().optional(),
  precision: z.number().int().optional(),
  scale: z.number().int().optional(),
  values: z.array(z.string()).optional(),
  defaultValue: z.string().optional(),
  restricted: z.boolean().optional(),
  required: z.boolean().optional(),
  unique: z.boolean().optional(),
  externalId: z.boolean().optional(),
  referenceTo: z.array(z.string()).optional(),
  relationshipName: z.string().optional(),
});
const settingsBody = z.object({
  dailyApiLimit: z.number().int().nonnegative().optional(),
  sessionTimeoutMs: z.number().int().positive().optional(),
  refreshTokenRotation: z.boolean().optional(),
  leadAssignmentOwnerId: z.string().nullable().optional(),
  caseAssignmentOwnerId: z.string().nullable().optional(),
  duplicateRules: z
    .object({ Lead: z.enum(['alert', 'block', 'off']), Contact: z.enum(['alert', 'block', 'off']) })
    .optional(),
});

type Action = (req: Request, res: Response) => unknown;

/** Runs an admin action: its result as JSON, bad input as 400, unknown orgs or objects as 404. */
function action(run: Action) {
  return (req: Request, res: Response) => {
    try {
      const result = run(req, res);
      if (!res.headersSent) sendJson(res, 200, result ?? { ok: true });
    } catch (error) {
      if (error instanceof z.ZodError) sendJson(res, 400, { error: 'invalid_request', issues: error.issues });
      else if (error instanceof RangeError)
        sendJson(res, 400, { error: 'invalid_request', message: error.message });
      else if (error instanceof SalesforceError) sendJson(res, error.status, error.items);
      else sendJson(res, 404, { error: error instanceof Error ? error.message : String(error) });
    }
  };
}

const param = (req: Request, name: string) => String(req.params[name] ?? '');

/** The admin API over HTTP, under `/__admin` (never under `/services`). */
export function adminRoutes(state: EmulatorState, admin: SalesforceEmulatorAdmin): Router {
  const router = express.Router();
  router.use('/__admin', express.json());
  router.get(
    '/__admin/orgs',
    action(() => admin.orgs()),
  );
  router.get(
    '/__admin/orgs/:orgId/calls',
    action((req) => {
      const kind = typeof req.query.kind === 'string' ? (req.query.kind as never) : undefined;
      const counted = req.query.counted === undefined ? undefined : req.query.counted === 'true';
      const client = typeof req.query.client === 'string' ? req.query.client : undefined;
      const calls = admin.calls(param(req, 'orgId'), { kind, counted, client });
      return { count: calls.length, calls };
    }),
  );
  router.delete(
    '/__admin/orgs/:orgId/calls',
    action((req) => admin.clearCalls(param(req, 'orgId'))),
  );
  router.delete(
    '/__admin/calls',
    action(() => admin.clearCalls()),
  );
  router.post(
    '/__admin/faults',
    action((req) => {
      const body = failNextBody.parse(req.body);
      admin.failNext(body.count, body);
    }),
  );
  router.post(
    '/__admin/faults/rate',
    action((req) => admin.failRate(failRateBody.parse(req.body))),
  );
  router.delete(
    '/__admin/faults',
    action(() => admin.clearFaults()),
  );
  router.post(
    '/__admin/orgs/:orgId/expire-access-tokens',
    action((req) => ({ expired: admin.expireAccessTokens(param(req, 'orgId')) })),
  );
  router.post(
    '/__admin/orgs/:orgId/revoke-refresh-tokens',
    action((req) => ({ revoked: admin.revokeRefreshTokens(param(req, 'orgId')) })),
  );
  router.post(
    '/__admin/refresh-tokens/revoke',
    action((req) => ({
      revoked: admin.revokeRefreshToken(z.object({ token: z.string() }).parse(req.body).token),
    })),
  );
  router.put(
    '/__admin/orgs/:orgId/refresh-token-rotation',
    action((req) =>
      admin.setRefreshTokenRotation(
        param(req, 'orgId'),
        z.object({ enabled: z.boolean() }).parse(req.body).enabled,
      ),
    ),
  );
  router.put(
    '/__admin/latency',
    action((req) => admin.setLatency(z.object({ ms: z.number().nonnegative() }).parse(req.body).ms)),
  );
  router.put(
    '/__admin/orgs/:orgId/api-usage',
    action((req) => {
      const body = z
        .object({
          max: z.number().int().nonnegative().optional(),
          limit: z.number().int().nonnegative().optional(),
          used: z.number().int().nonnegative().optional(),
        })
        .parse(req.body);
      admin.setApiUsage(param(req, 'orgId'), { used: body.used, limit: body.limit ?? body.max });
      return admin.getApiUsage(param(req, 'orgId'));
    }),
  );
  router.get(
    '/__admin/orgs/:orgId/api-usage',
    action((req) => admin.getApiUsage(param(req, 'orgId'))),
  );
  router.patch(
    '/__admin/orgs/:orgId/settings',
    action((req) => {
      const body = settingsBody.parse(req.body);
      const settings = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
      admin.updateSettings(param(req, 'orgId'), settings);
    }),
  );
  router.get(
    '/__admin/orgs/:orgId/records/:object',
    action((req) => {
      const { includeDeleted, ...filters } = req.query as Record<string, string>;
      return admin.findRecords(param(req, 'orgId'), param(req, 'object'), filters, {
        includeDeleted: includeDeleted === 'true',
      });
    }),
  );
  router.get(
    '/__admin/orgs/:orgId/records-by-id/:id',
    action((req) => admin.getRecord(param(req, 'orgId'), param(req, 'id')) ?? null),
  );
  router.post(
    '/__admin/orgs/:orgId/records/:object',
    action((req) => ({
      id: admin.insertRecord(
        param(req, 'orgId'),
        param(req, 'object'),
        z.record(z.string(), z.unknown()).parse(req.body),
      ),
    })),
  );
  router.post(
    '/__admin/orgs/:orgId/objects/:object/fields',
    action((req) => {
      const body = addFieldBody.parse(req.body);
      const required = body.required ?? false;
      admin.addField(
        param(req, 'orgId'),
        param(req, 'object'),
        field(body.name, body.label, body.type as FieldType, {
          ...(body.length !== undefined ? { length: body.length } : {}),
          ...(body.precision !== undefined ? { precision: body.precision } : {}),
          ...(body.scale !== undefined ? { scale: body.scale } : {}),
          picklistValues: values(body.values ?? [], body.defaultValue),
          restrictedPicklist: body.restricted ?? false,
          nillable: body.type === 'boolean' ? false : !required,
          defaultedOnCreate: body.type === 'boolean' || body.defaultValue !== undefined,
          defaultValue: body.type === 'boolean' ? false : (body.defaultValue ?? null),
          unique: body.unique ?? false,
          externalId: body.externalId ?? false,
          referenceTo: body.referenceTo ?? [],
          relationshipName: body.relationshipName ?? null,
        }),
      );
    }),
  );
  router.post(
    '/__admin/sessions',
    action((req) => {
      const body = z
        .object({
          username: z.string(),
          clientId: z.string().optional(),
          scopes: z.array(z.string()).optional(),
        })
        .parse(req.body);
      return admin.issueSession({ ...body, origin: originOf(state, req) });
    }),
  );
  router.post(
    '/__admin/reset',
    action((req) =>
      admin.reset({
        sessions: z.object({ sessions: z.boolean().optional() }).parse(req.body ?? {}).sessions ?? false,
      }),
    ),
  );
  return router;
}
