import type { Connection } from 'jsforce';
import type { SalesforceValue } from '../../src/mapping/convertValue';
import {
  composite,
  COMPOSITE_QUERY_LIMIT,
  dataPath,
  queryUrl,
  soqlString,
  subresponseErrors,
  type CompositeSubrequest,
  type CompositeSubresponse,
} from './composite';
import { lookupResult, lookupSoql, runLookups, type LookupFound, type LookupSpec } from './lookups';
import { SalesforceError } from './salesforceError';

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
  /** "link": a record whose fields equal these is linked instead of creating one. */
  linkTo?: FieldEquals[];
  /** After a crash mid-create: a record with these values created since then is this attempt's own. */
  recover?: { since: Date; match: FieldEquals[] };
}

export interface WriteResult {
  outcome: 'created' | 'linked' | 'skipped';
  id: string;
  /** Salesforce API calls spent. */
  calls: number;
  /** Auto-match fields that found nothing (left to Salesforce's default). */
  unmatched: string[];
  lookups: Map<string, LookupFound | null>;
}

const whereEquals = (match: FieldEquals[]) =>
  match.map((m) => `${m.field} = ${soqlString(m.value)}`).join(' OR ');

function findQuery(objectName: string, match: FieldEquals[], since?: Date): string {
  const created = since ? ` AND CreatedDate >= ${since.toISOString().replace(/\.\d{3}Z$/, 'Z')}` : '';
  return `SELECT Id FROM ${objectName} WHERE (${whereEquals(match)})${created} ORDER BY CreatedDate DESC LIMIT 1`;
}

function firstId(res: CompositeSubresponse | undefined): string | undefined {
  if (!res || subresponseErrors(res).length) return undefined;
  const record = (res.body as { records?: { Id?: string }[] }).records?.[0];
  return record?.Id;
}

/** Turns a failed create into a SalesforceError, or the id of the duplicate Salesforce pointed at. */
function createFailure(res: CompositeSubresponse): SalesforceError & { duplicateOf?: string } {
  const errors = subresponseErrors(res);
  const first = errors[0];
  if (!first) return new SalesforceError('unavailable', `Salesforce answered ${res.httpStatusCode}`);
  if (first.errorCode === 'DUPLICATES_DETECTED') {
    const body = (
      res.body as {
        duplicateResut?: { matchResults?: { matchRecords?: { record?: { Id?: string } }[] }[] };
      }[]
    )[0];
    const id = body?.duplicateResut?.matchResults?.[0]?.matchRecords?.[0]?.record?.Id;
    return Object.assign(
      new SalesforceError('rejected', first.message, first.errorCode, first.fields ?? []),
      { duplicateOf: id },
    );
  }
  if (first.errorCode === 'REQUEST_LIMIT_EXCEEDED')
    return new SalesforceError('limit_reached', first.message, first.errorCode);
  if (res.httpStatusCode >= 500) return new SalesforceError('unavailable', first.message, first.errorCode);
  return new SalesforceError('rejected', first.message, first.errorCode, first.fields ?? []);
}

/**
 * Creates one record with as few API calls as Salesforce allows: the auto-match lookups and the create
 * go in one composite call (the create reads the lookups' results through references). Linking to an
 * existing record, or recovering after a crash, needs its search first, then the create: two calls.
 */
export async function writeRecord(
  conn: Connection,
  apiVersion: string,
  req: WriteRequest,
): Promise<WriteResult> {
  const headers = { 'Sforce-Auto-Assign': req.autoAssign ? 'TRUE' : 'FALSE' };
  const createUrl = dataPath(apiVersion, `/sobjects/${req.objectName}`);
  let calls = 0;
  let found = new Map<string, LookupFound | null>();

  const searches: CompositeSubrequest[] = [];
  if (req.recover?.match.length) {
    searches.push({
      method: 'GET',
      url: queryUrl(apiVersion, findQuery(req.objectName, req.recover.match, req.recover.since)),
      referenceId: 'recover',
    });
  }
  if (req.linkTo?.length) {
    searches.push({
      method: 'GET',
      url: queryUrl(apiVersion, findQuery(req.objectName, req.linkTo)),
      referenceId: 'existing',
    });
  }

  const result = (outcome: WriteResult['outcome'], id: string): WriteResult => ({
    outcome,
    id,
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
    const [res] = await composite(
      conn,
      apiVersion,
      [
        {
          method: 'POST',
          url: createUrl,
          referenceId: 'record',
          body: resolvedValues(),
          httpHeaders: headers,
        },
      ],
      {
        allOrNone: true,
      },
    );
    return settleCreate(res);
  };

  const settleCreate = (res: CompositeSubresponse | undefined): WriteResult => {
    if (res && res.httpStatusCode < 300) return result('created', String((res.body as { id: string }).id));
    const failure = createFailure(res ?? { body: [], httpStatusCode: 500, referenceId: 'record' });
    if (failure.duplicateOf) return result(req.linkTo?.length ? 'linked' : 'skipped', failure.duplicateOf);
    throw failure;
  };

  if (searches.length > 0) {
    const lookupRequests = req.lookups.slice(0, COMPOSITE_QUERY_LIMIT - searches.length);
    calls += 1;
    const responses = await composite(
      conn,
      apiVersion,
      [
        ...searches,
        ...lookupRequests.map((l, n) => ({
          method: 'GET' as const,
          url: queryUrl(apiVersion, lookupSoql(l)),
          referenceId: `lookup${n}`,
        })),
      ],
      { allOrNone: false },
    );
    const byRef = new Map(responses.map((r) => [r.referenceId, r]));
    const recovered = firstId(byRef.get('recover'));
    lookupRequests.forEach((l, n) => found.set(l.field, lookupResult(l, byRef.get(`lookup${n}`))));
    if (recovered) return result('created', recovered);
    const existing = firstId(byRef.get('existing'));
    if (existing) return result('linked', existing);
    const rest = req.lookups.slice(lookupRequests.length);
    if (rest.length) {
      const more = await runLookups(conn, apiVersion, rest);
      calls += Math.ceil(rest.length / COMPOSITE_QUERY_LIMIT);
      found = new Map([...found, ...more]);
    }
    return createOnly();
  }

  if (req.lookups.length === 0 || req.lookups.length > COMPOSITE_QUERY_LIMIT) {
    if (req.lookups.length) {
      found = await runLookups(conn, apiVersion, req.lookups);
      calls += Math.ceil(req.lookups.length / COMPOSITE_QUERY_LIMIT);
    }
    return createOnly();
  }

  // One call: lookups, then the create reading their results.
  const body: Record<string, unknown> = { ...req.values };
  req.lookups.forEach((l, n) => (body[l.field] = `@{lookup${n}.records[0].Id}`));
  calls += 1;
  const responses = await composite(
    conn,
    apiVersion,
    [
      ...req.lookups.map((l, n) => ({
        method: 'GET' as const,
        url: queryUrl(apiVersion, lookupSoql(l)),
        referenceId: `lookup${n}`,
      })),
      { method: 'POST', url: createUrl, referenceId: 'record', body, httpHeaders: headers },
    ],
    { allOrNone: false },
  );
  req.lookups.forEach((l, n) => found.set(l.field, lookupResult(l, responses[n])));
  const created = responses[req.lookups.length];
  const anyUnmatched = req.lookups.some((l) => !found.get(l.field));
  if (anyUnmatched && created && created.httpStatusCode >= 300) {
    // A lookup found nothing, so its reference could not be read: create once more without it.
    return createOnly();
  }
  return settleCreate(created);
}
