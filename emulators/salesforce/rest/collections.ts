import { z } from 'zod';
import { SalesforceError, toCollectionErrors } from '../errors';
import type { CollectionError } from '../errors';
import { presentRecord } from '../records/present';
import { createRecord, deleteRecord, requireObject, updateRecord } from '../records/write';
import { objectForId } from '../org';
import { writeContext } from './sobjects';
import type { ApiContext, ApiRequest, ApiResponse } from './types';

const MAX_RECORDS = 200;

const recordSchema = z.looseObject({
  attributes: z.looseObject({ type: z.string().optional() }).optional(),
});
const collectionSchema = z.object({
  allOrNone: z.boolean().optional(),
  records: z.array(recordSchema),
});

interface SaveResult {
  id?: string;
  success: boolean;
  errors: CollectionError[];
}

const ROLLED_BACK: CollectionError = {
  statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK',
  message: 'Record rolled back because not all records were valid and the request was using AllOrNone header',
  fields: [],
};

function badBody(message: string): SalesforceError {
  return new SalesforceError(400, [{ errorCode: 'INVALID_FIELD', message }]);
}

/** Runs each record's save, rolling everything back under allOrNone when any fails. */
function saveAll(
  ctx: ApiContext,
  options: { allOrNone: boolean; count: number; keepIds: boolean },
  save: (index: number) => SaveResult,
): SaveResult[] {
  const { allOrNone, count, keepIds } = options;
  if (count > MAX_RECORDS) {
    throw new SalesforceError(400, [
      {
        errorCode: 'EXCEEDED_ID_LIMIT',
        message: `record limit reached. cannot submit more than ${MAX_RECORDS} records into this call`,
      },
    ]);
  }
  const snapshot = ctx.org.store.snapshot();
  const results = Array.from({ length: count }, (_, index) => save(index));
  if (allOrNone && results.some((r) => !r.success)) {
    ctx.org.store.restore(snapshot);
    return results.map((r) =>
      r.success ? { ...(keepIds && r.id ? { id: r.id } : {}), success: false, errors: [ROLLED_BACK] } : r,
    );
  }
  return results;
}

function attempt(run: () => string | undefined, id?: string): SaveResult {
  try {
    const savedId = run() ?? id;
    return { ...(savedId ? { id: savedId } : {}), success: true, errors: [] };
  } catch (error) {
    if (!(error instanceof SalesforceError)) throw error;
    return { ...(id ? { id } : {}), success: false, errors: toCollectionErrors(error) };
  }
}

function typeOf(record: z.infer<typeof recordSchema>): string {
  const type = record.attributes?.type;
  if (!type)
    throw new SalesforceError(400, [
      { errorCode: 'INVALID_TYPE', message: 'Must send a concrete entity type.', fields: [] },
    ]);
  return type;
}

/** `POST /composite/sobjects`: create up to 200 records. */
export function createMany(ctx: ApiContext, request: ApiRequest): ApiResponse {
  const parsed = collectionSchema.safeParse(request.body);
  if (!parsed.success) throw badBody('Malformed sObject Collections request');
  const { allOrNone = false, records } = parsed.data;
  const write = writeContext(ctx, request);
  const results = saveAll(ctx, { allOrNone, count: records.length, keepIds: false }, (index) => {
    const record = records[index] ?? {};
    return attempt(() => {
      const { attributes: _attributes, ...fields } = record;
      return createRecord(write, typeOf(record), fields);
    });
  });
  return { status: 200, body: results };
}

/** `PATCH /composite/sobjects`: update up to 200 records, each with `id` and `attributes.type`. */
export function updateMany(ctx: ApiContext, request: ApiRequest): ApiResponse {
  const parsed = collectionSchema.safeParse(request.body);
  if (!parsed.success) throw badBody('Malformed sObject Collections request');
  const { allOrNone = false, records } = parsed.data;
  const write = writeContext(ctx, request);
  const results = saveAll(ctx, { allOrNone, count: records.length, keepIds: true }, (index) => {
    const record = records[index] ?? {};
    const { attributes: _attributes, id, Id, ...fields } = record as Record<string, unknown>;
    const recordId = typeof id === 'string' ? id : typeof Id === 'string' ? Id : '';
    return attempt(() => {
      if (!recordId) {
        throw new SalesforceError(400, [
          { errorCode: 'MISSING_ARGUMENT', message: 'Id not specified in an update call', fields: [] },
        ]);
      }
      updateRecord(write, typeOf(record), recordId, fields);
      return recordId;
    }, recordId || undefined);
  });
  return { status: 200, body: results };
}

/** `DELETE /composite/sobjects?ids=a,b[&allOrNone=true]` */
export function deleteMany(ctx: ApiContext, request: ApiRequest): ApiResponse {
  const ids = (request.query.get('ids') ?? '').split(',').filter(Boolean);
  const allOrNone = request.query.get('allOrNone') === 'true';
  const write = writeContext(ctx, request);
  const results = saveAll(ctx, { allOrNone, count: ids.length, keepIds: true }, (index) => {
    const id = ids[index] ?? '';
    return attempt(() => {
      const object = objectForId(ctx.org, id);
      if (!object) {
        throw new SalesforceError(400, [
          { errorCode: 'MALFORMED_ID', message: `malformed id ${id}`, fields: [] },
        ]);
      }
      deleteRecord(write, object.name, id);
      return id;
    }, id);
  });
  return { status: 200, body: results };
}

const retrieveSchema = z.object({ ids: z.array(z.string()).min(1), fields: z.array(z.string()).min(1) });

/** `POST /composite/sobjects/{object}` with `{ ids, fields }`: records in order, `null` for missing ones. */
export function retrieveMany(ctx: ApiContext, request: ApiRequest, objectName: string): ApiResponse {
  const object = requireObject(ctx.org, objectName);
  const parsed = retrieveSchema.safeParse(request.body);
  if (!parsed.success) throw badBody('ids and fields are required');
  const body = parsed.data.ids.map((id) => {
    const record = ctx.org.store.get(object.name, id);
    return record && record.IsDeleted !== true
      ? presentRecord(request.version, object, record, parsed.data.fields)
      : null;
  });
  return { status: 200, body };
}
