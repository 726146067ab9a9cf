import type { Connection } from 'jsforce';
import { toSalesforceError } from './salesforceError';

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

export function dataPath(apiVersion: string, path: string): string {
  return `/services/data/v${apiVersion}${path}`;
}

export function queryUrl(apiVersion: string, soql: string): string {
  return `${dataPath(apiVersion, '/query')}?q=${encodeURIComponent(soql)}`;
}

/** One composite call: several subrequests for the price of one API call. */
export async function composite(
  conn: Connection,
  apiVersion: string,
  subrequests: CompositeSubrequest[],
  options: { allOrNone: boolean; headers?: Record<string, string> },
): Promise<CompositeSubresponse[]> {
  if (subrequests.length > COMPOSITE_LIMIT)
    throw new Error(`composite takes at most ${COMPOSITE_LIMIT} subrequests`);
  try {
    const res = await conn.request<{ compositeResponse: CompositeSubresponse[] }>({
      method: 'POST',
      url: dataPath(apiVersion, '/composite'),
      body: JSON.stringify({ allOrNone: options.allOrNone, compositeRequest: subrequests }),
      headers: { 'content-type': 'application/json', ...(options.headers ?? {}) },
    });
    return res.compositeResponse;
  } catch (error) {
    throw toSalesforceError(error);
  }
}

export function subresponseErrors(res: CompositeSubresponse): SalesforceErrorItem[] {
  return Array.isArray(res.body)
    ? (res.body as SalesforceErrorItem[]).filter((e) => e && typeof e.errorCode === 'string')
    : [];
}
