import {
  SalesforceError,
  concurrentLimitExceeded,
  requestLimitExceeded,
  serverUnavailable,
  unableToLockRow,
  unknownException,
} from './errors';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createSeededRandom } from './random';

/**
 * What an injected failure answers:
 * - `503`, `500`: SERVER_UNAVAILABLE, UNKNOWN_EXCEPTION (on the token endpoint: `unknown_error`);
 * - `'REQUEST_LIMIT_EXCEEDED'`: 403 "TotalRequests Limit exceeded." (the daily limit);
 * - `'CONCURRENT_LIMIT'`: 403 REQUEST_LIMIT_EXCEEDED "ConcurrentPerOrgLongTxn Limit exceeded" (REST only);
 * - `'UNABLE_TO_LOCK_ROW'`: 400 "unable to obtain exclusive access to this record or 1 records: <id>" (REST only);
 * - `'inactive_user'`, `'invalid_client'`: the token endpoint's 400 `invalid_grant`/`invalid_client` (OAuth only);
 * - `'HTML_502'`: a gateway's 502 with an HTML body;
 * - `'hang'`: no answer until the faults are cleared (then the request goes on) or the emulator closes.
 */
export type FaultKind =
  | 503
  | 500
  | 'REQUEST_LIMIT_EXCEEDED'
  | 'CONCURRENT_LIMIT'
  | 'UNABLE_TO_LOCK_ROW'
  | 'inactive_user'
  | 'invalid_client'
  | 'HTML_502'
  | 'hang';

export const FAULT_KINDS: readonly FaultKind[] = [
  503,
  500,
  'REQUEST_LIMIT_EXCEEDED',
  'CONCURRENT_LIMIT',
  'UNABLE_TO_LOCK_ROW',
  'inactive_user',
  'invalid_client',
  'HTML_502',
  'hang',
];

const API_ONLY = new Set<FaultKind>(['CONCURRENT_LIMIT', 'UNABLE_TO_LOCK_ROW']);
const OAUTH_ONLY = new Set<FaultKind>(['inactive_user', 'invalid_client']);

/** Whether a kind of failure can answer this kind of request. */
const fits = (fault: FaultKind, request: 'api' | 'oauth') =>
  request === 'api' ? !OAUTH_ONLY.has(fault) : !API_ONLY.has(fault);

/** Which requests a fault applies to: REST API calls (default), OAuth token calls, or both. */
export type FaultScope = 'api' | 'oauth' | 'all';

export interface FailNextOptions {
  kind: FaultKind;
  /** Only requests of this org (REST calls only; OAuth calls have no org until answered). */
  orgId?: string;
  /** Defaults to `'oauth'` for `inactive_user` and `invalid_client`, `'api'` otherwise. */
  scope?: FaultScope;
  /** The id UNABLE_TO_LOCK_ROW names (default: the record in the path, else the org's first Account). */
  recordId?: string;
  /** Only requests of this HTTP method (a test's fault then misses another test's late GET). */
  method?: string;
}

export interface FailRateOptions extends Omit<FailNextOptions, 'kind'> {
  /** What the failures answer; with several, each failure picks one at random among those that fit the request. */
  kind: FaultKind | FaultKind[];
  /** Fraction of requests to fail, 0..1. */
  probability: number;
  /** Seed of the random choice, so a chaos run can be replayed. */
  seed?: number;
}

interface Planned {
  remaining: number;
  kind: FaultKind;
  orgId: string | undefined;
  scope: FaultScope;
  recordId: string | undefined;
  method: string | undefined;
}

/** The failure chosen for one request. */
export interface Fault {
  kind: FaultKind;
  recordId: string | undefined;
}

interface Chaos {
  probability: number;
  kinds: FaultKind[];
  orgId: string | undefined;
  scope: FaultScope;
  recordId: string | undefined;
  random: () => number;
}

/** The REST error of a failure that answers with a Salesforce error array. */
export function faultError(kind: 503 | 500 | 'REQUEST_LIMIT_EXCEEDED' | 'CONCURRENT_LIMIT'): SalesforceError;
export function faultError(kind: 'UNABLE_TO_LOCK_ROW', recordId: string): SalesforceError;
export function faultError(kind: FaultKind, recordId?: string): SalesforceError | undefined;
export function faultError(kind: FaultKind, recordId = ''): SalesforceError | undefined {
  switch (kind) {
    case 503:
      return serverUnavailable();
    case 500:
      return unknownException();
    case 'REQUEST_LIMIT_EXCEEDED':
      return requestLimitExceeded();
    case 'CONCURRENT_LIMIT':
      return concurrentLimitExceeded();
    case 'UNABLE_TO_LOCK_ROW':
      return unableToLockRow(recordId);
    default:
      return undefined;
  }
}

/**
 * What a gateway in front of an instance answers when the instance is down: an HTML page, not
 * JSON (jsforce reports it as `ERROR_HTTP_502`; research notes §2, exact page UNCONFIRMED).
 */
export const GATEWAY_502_HTML =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n</body>\r\n</html>\r\n';

/** The default scope of a kind: the OAuth-only ones apply to the token endpoint. */
const defaultScope = (kind: FaultKind | FaultKind[]): FaultScope =>
  (Array.isArray(kind) ? kind : [kind]).every((k) => OAUTH_ONLY.has(k)) ? 'oauth' : 'api';

function checkScope(kinds: FaultKind[], scope: FaultScope): void {
  for (const kind of kinds) {
    if ((scope === 'api' && OAUTH_ONLY.has(kind)) || (scope === 'oauth' && API_ONLY.has(kind))) {
      throw new RangeError(`fault ${String(kind)} cannot apply to scope ${scope}`);
    }
  }
}

/** Planned and random failures that tests inject. */
export class FaultInjector {
  private planned: Planned[] = [];
  private chaos: Chaos | undefined;
  /** Requests held by a `hang` fault: each is called with true to go on, false to drop it. */
  private held = new Set<(goOn: boolean) => void>();

  failNext(count: number, options: FailNextOptions): void {
    const scope = options.scope ?? defaultScope(options.kind);
    checkScope([options.kind], scope);
    this.planned.push({
      remaining: count,
      kind: options.kind,
      orgId: options.orgId,
      scope,
      recordId: options.recordId,
      method: options.method?.toUpperCase(),
    });
  }

  failRate(options: FailRateOptions): void {
    const kinds = Array.isArray(options.kind) ? options.kind : [options.kind];
    const scope = options.scope ?? defaultScope(kinds);
    if (scope !== 'all') checkScope(kinds, scope);
    this.chaos = {
      probability: options.probability,
      kinds,
      orgId: options.orgId,
      scope,
      recordId: options.recordId,
      random: createSeededRandom(options.seed ?? 1),
    };
  }

  /** Removes every planned and random failure; requests held by `hang` go on. */
  clear(): void {
    this.planned = [];
    this.chaos = undefined;
    this.releaseHeld(true);
  }

  /** The failure to answer this request with, if any. */
  take(kind: 'api' | 'oauth', orgId: string | undefined, method?: string): Fault | undefined {
    const applies = (scope: FaultScope, faultOrg: string | undefined) =>
      (scope === 'all' || scope === kind) && (faultOrg === undefined || faultOrg === orgId);
    const plan = this.planned.find(
      (p) =>
        p.remaining > 0 &&
        applies(p.scope, p.orgId) &&
        fits(p.kind, kind) &&
        (p.method === undefined || p.method === method?.toUpperCase()),
    );
    if (plan) {
      plan.remaining -= 1;
      this.planned = this.planned.filter((p) => p.remaining > 0);
      return { kind: plan.kind, recordId: plan.recordId };
    }
    const chaos = this.chaos;
    if (chaos && applies(chaos.scope, chaos.orgId) && chaos.random() < chaos.probability) {
      const kinds = chaos.kinds.filter((k) => fits(k, kind));
      const picked = kinds[Math.floor(chaos.random() * kinds.length)] ?? kinds[0];
      return picked === undefined ? undefined : { kind: picked, recordId: chaos.recordId };
    }
    return undefined;
  }

  /**
   * Holds a request (a `hang` fault) until `clear()` (goes on) or `releaseHeld(false)` (dropped);
   * a request whose client went away is let go at once.
   */
  hold(req: IncomingMessage, res: ServerResponse, goOn: () => void): void {
    const resume = (proceed: boolean) => {
      res.off('close', abandoned);
      if (proceed && !res.destroyed) goOn();
      else res.destroy();
    };
    const abandoned = () => this.held.delete(resume);
    res.on('close', abandoned);
    if (req.socket.destroyed) return;
    this.held.add(resume);
  }

  /** How many requests a `hang` fault holds now. */
  heldCount(): number {
    return this.held.size;
  }

  releaseHeld(goOn: boolean): void {
    const held = [...this.held];
    this.held.clear();
    for (const resume of held) resume(goOn);
  }

  pending(): number {
    return this.planned.reduce((sum, p) => sum + p.remaining, 0);
  }
}
