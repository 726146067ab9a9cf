import type { SalesforceClient } from './salesforce.client';

/** Salesforce allows 25 subrequests in one composite call. */
export const COMPOSITE_LIMIT = 25;
/** …of which at most 5 may be queries. */
export const COMPOSITE_QUERY_LIMIT = 5;

export interface CompositeSubrequest {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: string;
  referenceId: string;
  body?: unknown;
  httpHeaders?: Record<string, string>;
}

export interface CompositeSubresponse {
  body: unknown;
  httpStatusCode: number;
  referenceId: string;
  httpHeaders?: Record<string, string>;
}

export interface SalesforceErrorItem {
  message: string;
  errorCode: string;
  fields?: string[];
}

/** Quotes a value for a SOQL string literal. */
export function soqlString(value: string): string {
  return `'${escapeSoql(value)}'`;
}

function escapeSoql(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/'/g, "\\'");
}

/** A SOQL LIKE pattern matching values that contain `value` (its % and _ taken literally). */
export function soqlContains(value: string): string {
  return `'%${escapeSoql(value).replace(/[%_]/g, (c) => `\\${c}`)}%'`;
}

export function queryUrl(client: SalesforceClient, soql: string): string {
  return `${client.dataPath('/query')}?q=${encodeURIComponent(soql)}`;
}

/**
 * One composite call: several subrequests for the price of one API call. The answers come back as a
 * map by `referenceId`: Salesforce documents them by reference, so they are never read by position
 * (Composite, https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_composite_composite.htm).
 */
export async function composite(
  client: SalesforceClient,
  subrequests: CompositeSubrequest[],
  options: { allOrNone: boolean; headers?: Record<string, string> },
): Promise<Map<string, CompositeSubresponse>> {
  if (subrequests.length > COMPOSITE_LIMIT)
    throw new Error(`composite takes at most ${COMPOSITE_LIMIT} subrequests`);
  const res = await client.request<{ compositeResponse: CompositeSubresponse[] }>({
    method: 'POST',
    path: '/composite',
    body: { allOrNone: options.allOrNone, compositeRequest: subrequests },
    ...(options.headers ? { headers: options.headers } : {}),
  });
  return new Map(res.compositeResponse.map((r) => [r.referenceId, r]));
}

/**
 * A subresponse's errors. The REST shape says `errorCode`; sObject Collections' results say
 * `statusCode` (Composite allOrNone examples), so both are read.
 */
export function subresponseErrors(res: CompositeSubresponse): SalesforceErrorItem[] {
  if (!Array.isArray(res.body)) return [];
  return (res.body as (Partial<SalesforceErrorItem> & { statusCode?: string })[])
    .map((e) => ({ ...e, errorCode: e?.errorCode ?? e?.statusCode }))
    .filter(
      (e): e is SalesforceErrorItem => typeof e.errorCode === 'string' && typeof e.message === 'string',
    );
}

/**
 * The error that says why a composite failed: with allOrNone, the other subrequests answer
 * PROCESSING_HALTED ("The transaction was rolled back since another operation in the same
 * transaction failed."), so the first other error is the cause.
 */
export function firstCause(errors: SalesforceErrorItem[]): SalesforceErrorItem | undefined {
  return errors.find((e) => e.errorCode !== 'PROCESSING_HALTED') ?? errors[0];
}
