import type { SalesforceValue } from '../../src/mapping/convertValue';
import {
  composite,
  COMPOSITE_QUERY_LIMIT,
  firstCause,
  queryUrl,
  soqlString,
  subresponseErrors,
  type CompositeSubrequest,
  type CompositeSubresponse,
} from './composite';
import { lookupResult, lookupSoql, runLookups, type LookupFound, type LookupSpec } from './lookups';
import type { SalesforceClient } from './salesforce.client';
import { classifySalesforceFailure, SalesforceError } from './salesforceError';

export interface FieldEquals {
  field: string;
  value: string;
}

export interface WriteRequest {
  objectName: string;
  /** Converted values, without the auto-matched fields. */
  values: Record<string, SalesforceValue>;
  /** Auto-match lookups whose results fill reference fields. */
  lookups: LookupSpec[];
  /** Sforce-Auto-Assign: let assignment rules pick the owner. */
  autoAssign: boolean;
  /** "link": a record whose fields equal these is linked instead of creating one (searched first). */
  linkTo?: FieldEquals[];
  /**
   * "link" decided by the org's own duplicate rules: no search; a create they refuse as
   * DUPLICATES_DETECTED is linked to the record they found. One call instead of two.
   */
  linkOnDuplicate?: boolean;
  /** After a crash mid-create: a record with these values created since then is this attempt's own. */
  recover?: { since: Date; match: FieldEquals[] };
  /** Fields (SOQL select items) to read back from the new record in the same composite call. */
  readBack?: string[];
}

export interface WriteResult {
  outcome: 'created' | 'linked' | 'skipped';
  id: string;
  /** The object of the record `id` names: another one when a duplicate rule matched across objects. */
  objectName: string;
  /** Salesforce API calls spent. */
  calls: number;
  /** Auto-match fields that found nothing (left to Salesforce's default). */
  unmatched: string[];
  lookups: Map<string, LookupFound | null>;
  /** The new record's `readBack` fields, when they could be read in the create call. */
  record?: Record<string, unknown>;
}

const whereEquals = (match: FieldEquals[]) =>
  match.map((m) => `${m.field} = ${soqlString(m.value)}`).join(' OR ');

/** A Lead's conversion, read with it: a converted Lead is never linked to, its Contact is. */
const LEAD_CONVERSION = ', IsConverted, ConvertedContactId';

function findQuery(objectName: string, match: FieldEquals[], since?: Date): string {
  const created = since ? ` AND CreatedDate >= ${since.toISOString().replace(/\.\d{3}Z$/, 'Z')}` : '';
  const fields = objectName === 'Lead' ? `Id${LEAD_CONVERSION}` : 'Id';
  return `SELECT ${fields} FROM ${objectName} WHERE (${whereEquals(match)})${created} ORDER BY CreatedDate DESC LIMIT 1`;
}

/**
 * Reads the record the composite's `record` subrequest creates: the query names its id by reference,
 * left unencoded so that Salesforce substitutes it ("@{referenceId.field}" in a later subrequest's URL,
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/requests_composite.htm).
 */
function readBackRequest(client: SalesforceClient, req: WriteRequest): CompositeSubrequest[] {
  if (!req.readBack?.length) return [];
  const soql = `SELECT ${req.readBack.join(', ')} FROM ${req.objectName} WHERE Id = '`;
  return [
    {
      method: 'GET',
      url: `${client.dataPath('/query')}?q=${encodeURIComponent(soql)}@{record.id}${encodeURIComponent("'")}`,
      referenceId: 'readBack',
    },
  ];
}

function readBackRecord(res: CompositeSubresponse | undefined): Record<string, unknown> | undefined {
  if (!res || res.httpStatusCode >= 300) return undefined;
  const record = (res.body as { records?: unknown[] }).records?.[0];
  return record !== null && typeof record === 'object' ? (record as Record<string, unknown>) : undefined;
}

function firstRecord(
  res: CompositeSubresponse | undefined,
): { Id?: string; IsConverted?: boolean; ConvertedContactId?: string | null } | undefined {
  if (!res || subresponseErrors(res).length) return undefined;
  return (res.body as { records?: { Id?: string }[] }).records?.[0];
}

const firstId = (res: CompositeSubresponse | undefined) => firstRecord(res)?.Id;

interface DuplicateResult {
  matchResults?: {
    entityType?: string;
    matchRecords?: { record?: { Id?: string; attributes?: { type?: string } } }[];
  }[];
}

/**
 * The record a duplicate rule pointed at, and its object: a rule on Leads may match a Contact
 * (cross-object matching), and then the link is to that Contact. Real orgs spell the key
 * `duplicateResut` (captured answers, reference §8.4); the documented `duplicateResult` is read too.
 */
function duplicateOf(res: CompositeSubresponse): { id: string; objectName: string | undefined } | undefined {
  const body = (res.body as { duplicateResut?: DuplicateResult; duplicateResult?: DuplicateResult }[])[0];
  for (const match of (body?.duplicateResut ?? body?.duplicateResult)?.matchResults ?? []) {
    const record = match.matchRecords?.[0]?.record;
    if (record?.Id) return { id: record.Id, objectName: match.entityType ?? record.attributes?.type };
  }
  return undefined;
}

/**
 * Turns a failed subrequest (a create, a graph node, a query) into a SalesforceError with every
 * cause Salesforce gave, and the duplicate it pointed at when a duplicate rule blocked a create.
 */
export function subresponseFailure(
  answer: CompositeSubresponse | undefined,
  referenceId: string,
): SalesforceError & { duplicate?: { id: string; objectName: string | undefined } } {
  const res = answer ?? { body: [], httpStatusCode: 500, referenceId };
  const errors = subresponseErrors(res);
  const cause = firstCause(errors);
  if (!cause) return new SalesforceError('unavailable', `Salesforce answered ${res.httpStatusCode}`);
  const failure = classifySalesforceFailure({
    errorCode: cause.errorCode,
    message: cause.message,
    status: res.httpStatusCode,
    fields: cause.fields,
  });
  // Salesforce lists every reason it refused the record (a missing field and a validation rule, say):
  // all are kept, so the owner fixes the mapping once rather than once per reason.
  failure.causes = errors
    .filter((e) => e.errorCode !== 'PROCESSING_HALTED')
    .map((e) => ({ errorCode: e.errorCode, message: e.message, fields: e.fields ?? [] }));
  if (cause.errorCode === 'DUPLICATES_DETECTED')
    return Object.assign(failure, { duplicate: duplicateOf(res) });
  return failure;
}

/**
 * Creates one record with as few API calls as Salesforce allows: the auto-match lookups and the create
 * go in one composite call (the create reads the lookups' results through references). Linking to an
 * existing record, or recovering after a crash, needs its search first, then the create: two calls.
 */
export async function writeRecord(client: SalesforceClient, req: WriteRequest): Promise<WriteResult> {
  // Sforce-Auto-Assign defaults to TRUE when absent: it is always sent, on purpose. Duplicate rules
  // are left to block (allowSave=false, the default of Sforce-Duplicate-Rule-Header): a blocked
  // create is linked to the record the rule found.
  const headers = {
    'Sforce-Auto-Assign': req.autoAssign ? 'TRUE' : 'FALSE',
    'Sforce-Duplicate-Rule-Header': 'allowSave=false; includeRecordDetails=false; runAsCurrentUser=true',
  };
  const createUrl = client.dataPath(`/sobjects/${req.objectName}`);
  let calls = 0;
  let found = new Map<string, LookupFound | null>();

  const searches: CompositeSubrequest[] = [];
  if (req.recover?.match.length) {
    searches.push({
      method: 'GET',
      url: queryUrl(client, findQuery(req.objectName, req.recover.match, req.recover.since)),
      referenceId: 'recover',
    });
  }
  if (req.linkTo?.length) {
    searches.push({
      method: 'GET',
      url: queryUrl(client, findQuery(req.objectName, req.linkTo)),
      referenceId: 'existing',
    });
  }

  const result = (outcome: WriteResult['outcome'], id: string, objectName = req.objectName): WriteResult => ({
    outcome,
    id,
    objectName,
    calls,
    unmatched: req.lookups.filter((l) => !found.get(l.field)).map((l) => l.field),
    lookups: found,
  });

  const resolvedValues = () => {
    const values: Record<string, SalesforceValue> = { ...req.values };
    for (const lookup of req.lookups) {
      const hit = found.get(lookup.field);
      if (hit) values[lookup.field] = hit.id;
    }
    return values;
  };

  const createOnly = async (): Promise<WriteResult> => {
    calls += 1;
    const responses = await composite(
      client,
      [
        {
          method: 'POST',
          url: createUrl,
          referenceId: 'record',
          body: resolvedValues(),
          httpHeaders: headers,
        },
        ...readBackRequest(client, req),
      ],
      // A read-back that fails (the record is created either way) must not roll the create back.
      { allOrNone: !req.readBack?.length },
    );
    return settleCreate(responses.get('record'), responses.get('readBack'));
  };

  const settleCreate = (
    res: CompositeSubresponse | undefined,
    readBack?: CompositeSubresponse,
  ): WriteResult => {
    if (res && res.httpStatusCode < 300) {
      const record = readBackRecord(readBack);
      return { ...result('created', String((res.body as { id: string }).id)), ...(record && { record }) };
    }
    const failure = subresponseFailure(res, 'record');
    if (failure.duplicate) {
      const { id, objectName } = failure.duplicate;
      return result(
        req.linkTo?.length || req.linkOnDuplicate ? 'linked' : 'skipped',
        id,
        objectName ?? req.objectName,
      );
    }
    throw failure;
  };

  if (searches.length > 0) {
    const lookupRequests = req.lookups.slice(0, COMPOSITE_QUERY_LIMIT - searches.length);
    calls += 1;
    const byRef = await composite(
      client,
      [
        ...searches,
        ...lookupRequests.map((l, n) => ({
          method: 'GET' as const,
          url: queryUrl(client, lookupSoql(l)),
          referenceId: `lookup${n}`,
        })),
      ],
      { allOrNone: false },
    );
    const recovered = firstId(byRef.get('recover'));
    lookupRequests.forEach((l, n) => found.set(l.field, lookupResult(l, byRef.get(`lookup${n}`))));
    if (recovered) return result('created', recovered);
    const existing = firstRecord(byRef.get('existing'));
    // A converted Lead is never written to: the visitor's record is now its Contact.
    if (existing?.IsConverted && existing.ConvertedContactId)
      return result('linked', existing.ConvertedContactId, 'Contact');
    if (existing?.Id) return result('linked', existing.Id);
    const rest = req.lookups.slice(lookupRequests.length);
    if (rest.length) {
      const more = await runLookups(client, rest);
      calls += Math.ceil(rest.length / COMPOSITE_QUERY_LIMIT);
      found = new Map([...found, ...more]);
    }
    return createOnly();
  }

  if (req.lookups.length === 0 || req.lookups.length > COMPOSITE_QUERY_LIMIT) {
    if (req.lookups.length) {
      found = await runLookups(client, req.lookups);
      calls += Math.ceil(req.lookups.length / COMPOSITE_QUERY_LIMIT);
    }
    return createOnly();
  }

  // One call: lookups, then the create reading their results.
  const body: Record<string, unknown> = { ...req.values };
  req.lookups.forEach((l, n) => (body[l.field] = `@{lookup${n}.records[0].Id}`));
  calls += 1;
  const responses = await composite(
    client,
    [
      ...req.lookups.map((l, n) => ({
        method: 'GET' as const,
        url: queryUrl(client, lookupSoql(l)),
        referenceId: `lookup${n}`,
      })),
      { method: 'POST', url: createUrl, referenceId: 'record', body, httpHeaders: headers },
      // Within Salesforce's five queries per composite call; with five lookups the card waits for a refresh.
      ...(req.lookups.length < COMPOSITE_QUERY_LIMIT ? readBackRequest(client, req) : []),
    ],
    { allOrNone: false },
  );
  req.lookups.forEach((l, n) => found.set(l.field, lookupResult(l, responses.get(`lookup${n}`))));
  const created = responses.get('record');
  const anyUnmatched = req.lookups.some((l) => !found.get(l.field));
  if (anyUnmatched && created && created.httpStatusCode >= 300) {
    // A lookup found nothing, so its reference could not be read: create once more without it.
    return createOnly();
  }
  return settleCreate(created, responses.get('readBack'));
}
