import { SalesforceError, requestLimitExceeded, serverUnavailable, unknownException } from './errors';
import { createSeededRandom } from './random';

/** What an injected failure answers: 503, 500, or 403 REQUEST_LIMIT_EXCEEDED. */
export type FaultKind = 503 | 500 | 'REQUEST_LIMIT_EXCEEDED';

/** Which requests a fault applies to: REST API calls (default), OAuth token calls, or both. */
export type FaultScope = 'api' | 'oauth' | 'all';

export interface FailNextOptions {
  kind: FaultKind;
  /** Only requests of this org (REST calls only; OAuth calls have no org until answered). */
  orgId?: string;
  scope?: FaultScope;
}

export interface FailRateOptions extends Omit<FailNextOptions, 'kind'> {
  /** What the failures answer; with several, each failure picks one at random. */
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
}

interface Chaos {
  probability: number;
  kinds: FaultKind[];
  orgId: string | undefined;
  scope: FaultScope;
  random: () => number;
}

export function faultError(kind: FaultKind): SalesforceError {
  if (kind === 503) return serverUnavailable();
  if (kind === 500) return unknownException();
  return requestLimitExceeded();
}

/** Planned and random failures that tests inject. */
export class FaultInjector {
  private planned: Planned[] = [];
  private chaos: Chaos | undefined;

  failNext(count: number, options: FailNextOptions): void {
    this.planned.push({
      remaining: count,
      kind: options.kind,
      orgId: options.orgId,
      scope: options.scope ?? 'api',
    });
  }

  failRate(options: FailRateOptions): void {
    this.chaos = {
      probability: options.probability,
      kinds: Array.isArray(options.kind) ? options.kind : [options.kind],
      orgId: options.orgId,
      scope: options.scope ?? 'api',
      random: createSeededRandom(options.seed ?? 1),
    };
  }

  clear(): void {
    this.planned = [];
    this.chaos = undefined;
  }

  /** The failure to answer this request with, if any. */
  take(kind: 'api' | 'oauth', orgId: string | undefined): FaultKind | undefined {
    const applies = (scope: FaultScope, faultOrg: string | undefined) =>
      (scope === 'all' || scope === kind) && (faultOrg === undefined || faultOrg === orgId);
    const plan = this.planned.find((p) => p.remaining > 0 && applies(p.scope, p.orgId));
    if (plan) {
      plan.remaining -= 1;
      this.planned = this.planned.filter((p) => p.remaining > 0);
      return plan.kind;
    }
    const chaos = this.chaos;
    if (chaos && applies(chaos.scope, chaos.orgId) && chaos.random() < chaos.probability) {
      return chaos.kinds[Math.floor(chaos.random() * chaos.kinds.length)] ?? chaos.kinds[0];
    }
    return undefined;
  }

  pending(): number {
    return this.planned.reduce((sum, p) => sum + p.remaining, 0);
  }
}
