import type { Logger } from 'pino';
import type { Clock } from '../clock';
import type { Database } from '../db/prisma';
import {
  objectMetadataSchema,
  sObjectSummarySchema,
  type ObjectMetadata,
  type SObjectSummary,
} from '../../src/salesforce/objectMetadata';
import {
  cachedDescribes,
  findDescribe,
  forgetDescribes,
  saveDescribe,
  touchDescribe,
} from './describeCache.repo';
import type { SalesforceClient } from './salesforce.client';

/** Within this age a cached describe is used without asking Salesforce at all. */
const FRESH_MS = 15 * 60 * 1000;
const GLOBAL = '$global';

export type SalesforceMetadata = ReturnType<typeof createSalesforceMetadata>;

/**
 * Describe results per org (account) and object, cached in PostgreSQL. Fresh entries cost no API
 * call; older ones are revalidated with If-Modified-Since, so an unchanged object costs a 304 and
 * keeps its cached body. Objects and fields are parsed down to what mappings use.
 */
export function createSalesforceMetadata(deps: { db: Database; clock: Clock; logger: Logger }) {
  const log = deps.logger.child({ module: 'salesforce-metadata' });

  async function cached<T>(
    accountId: string,
    objectName: string,
    client: SalesforceClient,
    path: string,
    parse: (body: unknown) => T,
  ): Promise<T> {
    const key = { accountId, objectName };
    const row = await findDescribe(deps.db, key);
    const now = deps.clock.now();
    if (row && now.getTime() - row.fetchedAt.getTime() < FRESH_MS) return row.body as T;

    // If-Modified-Since carries Salesforce's own date of the cached answer (its `Date` header), never
    // our clock: a server clock running ahead would otherwise hide a change made since
    // (REST API "Conditional requests", https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/intro_rest_conditional_requests.htm).
    const answer = await client.send({
      method: 'GET',
      path,
      ...(row?.lastModified ? { headers: { 'If-Modified-Since': row.lastModified } } : {}),
    });
    const salesforceDate = answer.headers['last-modified'] ?? answer.headers.date;
    const notModified = row && (answer.status === 304 || answer.body === '' || answer.body == null);
    if (notModified) {
      await touchDescribe(deps.db, key, now);
      return row.body as T;
    }
    const value = parse(answer.body);
    // Only the reduced metadata is kept: a real describe is hundreds of kilobytes.
    await saveDescribe(deps.db, key, { body: value, fetchedAt: now, lastModified: salesforceDate ?? null });
    log.debug({ account: accountId, object: objectName }, 'describe fetched');
    return value;
  }

  /** Every object of the org (global describe), by label. */
  async function allObjects(accountId: string, client: SalesforceClient): Promise<SObjectSummary[]> {
    const all = await cached<SObjectSummary[]>(
      accountId,
      GLOBAL,
      client,
      '/sobjects',
      (body) => (body as { sobjects?: unknown[] }).sobjects?.map((o) => sObjectSummarySchema.parse(o)) ?? [],
    );
    return [...all].sort((a, b) => a.label.localeCompare(b.label));
  }

  /** The org's createable objects, custom ones included: what can be mapped. */
  async function createableObjects(accountId: string, client: SalesforceClient): Promise<SObjectSummary[]> {
    return (await allObjects(accountId, client)).filter((o) => o.createable);
  }

  async function describe(
    accountId: string,
    client: SalesforceClient,
    objectName: string,
  ): Promise<ObjectMetadata> {
    return cached<ObjectMetadata>(accountId, objectName, client, `/sobjects/${objectName}/describe`, (body) =>
      objectMetadataSchema.parse(body),
    );
  }

  /**
   * Describes of several objects taken from the cache whatever their age (an object never described
   * is described once). For readers that need only names, types and labels, which a stale describe
   * still gives right, so they never pay a revalidation call.
   */
  async function describeAnyAge(accountId: string, client: SalesforceClient, objectNames: string[]) {
    const rows = await cachedDescribes(deps.db, accountId, objectNames);
    const found = new Map<string, ObjectMetadata>(rows.map((r) => [r.objectName, r.body as ObjectMetadata]));
    for (const name of objectNames) {
      if (!found.has(name)) found.set(name, await describe(accountId, client, name));
    }
    return found;
  }

  /** Drops an account's cached describes (e.g. after reconnecting to a changed org). */
  async function forget(accountId: string): Promise<void> {
    await forgetDescribes(deps.db, accountId);
  }

  return { allObjects, createableObjects, describe, describeAnyAge, forget };
}
