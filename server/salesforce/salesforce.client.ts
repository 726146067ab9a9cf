import type { Connection } from 'jsforce';
import { Transport } from 'jsforce/lib/transport';
import { toSalesforceError, type SalesforceError } from './salesforceError';

/** Who is waiting for a call: its deadline fits them. */
export type CallPurpose = 'widget' | 'widget-write' | 'settings' | 'automation';

/**
 * How long a call may take before it counts as a temporary failure. The widget's agent is looking at
 * a spinner; the settings' owner at a dialog; automation holds a job (and its lease) while it waits.
 */
export const CALL_DEADLINE_MS: Record<CallPurpose, number> = {
  widget: 8_000,
  // A create the agent waits for: given up too early, it may be saved anyway and then made twice.
  'widget-write': 30_000,
  settings: 20_000,
  automation: 60_000,
};

/**
 * How our calls name themselves in the org's logs (Event Monitoring, API usage by client):
 * `Sforce-Call-Options: client=…` (REST API Developer Guide, "Call Options Header",
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/headers_calloptions.htm).
 */
export const CALL_CLIENT_NAME = 'SalesforceForLiveChat';

export interface ApiUsage {
  used: number;
  limit: number;
}

export interface SalesforceRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Below `/services/data/vNN.N`, e.g. `/composite`. */
  path: string;
  /** Sent as JSON. */
  body?: unknown;
  headers?: Record<string, string>;
}

export interface SalesforceResponse<T> {
  body: T;
  status: number;
  /** Lower-cased header names. */
  headers: Record<string, string>;
}

/**
 * The one way the product talks to an org's REST API: every call has the deadline of its purpose,
 * names itself, reads `Sforce-Limit-Info` (the org's daily usage) and turns any failure into a
 * classified SalesforceError. Services see this, never jsforce's Connection.
 */
export interface SalesforceClient {
  readonly apiVersion: string;
  /** `/services/data/vNN.N` + path: the API version lives here only. */
  dataPath(path: string): string;
  request<T = unknown>(req: SalesforceRequest): Promise<T>;
  /** The same, with the answer's status and headers (e.g. a describe's `Date` for If-Modified-Since). */
  send<T = unknown>(req: SalesforceRequest): Promise<SalesforceResponse<T>>;
  /** A SOQL query's records (one page). */
  query<T = Record<string, unknown>>(soql: string): Promise<T[]>;
  /** The org's API usage as of its latest answer, when Salesforce said. */
  usage(): ApiUsage | undefined;
}

const LIMIT_INFO = /api-usage=(\d+)\/(\d+)/;

interface HttpAnswer {
  statusCode: number;
  headers: Record<string, string>;
}

/**
 * A jsforce transport whose every request has a deadline (jsforce's own default is 30 minutes) and
 * whose answers can be watched. jsforce takes a transport per REST call, and OAuth2 keeps one.
 */
export function transportWithDeadline(timeoutMs: number, onAnswer?: (answer: HttpAnswer) => void): Transport {
  const transport = new Transport();
  const httpRequest = transport.httpRequest.bind(transport);
  transport.httpRequest = (request, opts) => {
    const pending = httpRequest(request, { ...opts, timeout: timeoutMs });
    if (onAnswer)
      pending.then(
        (answer: HttpAnswer) => onAnswer(answer),
        () => undefined,
      );
    return pending;
  };
  return transport;
}

export function createSalesforceClient(
  conn: Connection,
  options: {
    apiVersion: string;
    purpose: CallPurpose;
    /** Each answer the org gave (an API call spent), with its usage when Salesforce said. */
    onAnswer?: (usage: ApiUsage | undefined) => void;
    /** How a thrown error becomes a SalesforceError (the connection knows why a refresh failed). */
    mapError?: (error: unknown) => SalesforceError;
  },
): SalesforceClient {
  const deadlineMs = CALL_DEADLINE_MS[options.purpose];
  const dataPath = (path: string) => `/services/data/v${options.apiVersion}${path}`;
  const mapError = options.mapError ?? toSalesforceError;
  let usage: ApiUsage | undefined;

  async function send<T>(req: SalesforceRequest): Promise<SalesforceResponse<T>> {
    // After a refresh on 401 the request is sent again: the last answer is the one returned.
    let last: HttpAnswer | undefined;
    const watching = transportWithDeadline(deadlineMs, (answer) => (last = answer));
    try {
      const body = await conn.request<T>(
        {
          method: req.method,
          url: dataPath(req.path),
          headers: {
            'Sforce-Call-Options': `client=${CALL_CLIENT_NAME}`,
            ...(req.body === undefined ? {} : { 'content-type': 'application/json' }),
            ...(req.headers ?? {}),
          },
          ...(req.body === undefined ? {} : { body: JSON.stringify(req.body) }),
        },
        { transport: watching },
      );
      return { body, status: last?.statusCode ?? 200, headers: last?.headers ?? {} };
    } catch (error) {
      throw mapError(error);
    } finally {
      if (last) {
        const match = LIMIT_INFO.exec(last.headers['sforce-limit-info'] ?? '');
        if (match) usage = { used: Number(match[1]), limit: Number(match[2]) };
        options.onAnswer?.(match ? usage : undefined);
      }
    }
  }

  return {
    apiVersion: options.apiVersion,
    dataPath,
    send,
    request: async <T>(req: SalesforceRequest) => (await send<T>(req)).body,
    query: async <T>(soql: string) =>
      (await send<{ records: T[] }>({ method: 'GET', path: `/query?q=${encodeURIComponent(soql)}` })).body
        .records,
    usage: () => usage,
  };
}
