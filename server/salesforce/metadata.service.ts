import type { Logger } from 'pino';
import type { Clock } from '../clock';
import type { Database } from '../db/prisma';
import {
  parseDescribe as parseDescribeBody,
  parsePicklistValuesCollection,
  sObjectSummarySchema,
  type ObjectMetadata,
  type RecordTypePicklists,
  type SObjectSummary,
} from '../../src/salesforce/objectMetadata';
import {
  cachedDescribes,
  duplicateRulesKey,
  findDescribe,
  findDescribes,
  forgetDescribes,
  recordTypePicklistsKey,
  saveDescribe,
  touchDescribe,
  type CachedDescribe as CachedRow,
  type DescribeKey,
} from './describeCache.repo';
import type { SalesforceClient } from './salesforce.client';
import { SalesforceError } from './salesforceError';
import {
  duplicatesConfigSchema,
  noDuplicateRules,
  type DuplicatesConfig,
} from '../../src/salesforce/duplicateRules';

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
  /**
   * Revalidations (or first fetches) in flight in this process, by account and object: a caller who
   * finds the same entry stale while one is under way waits for that one instead of asking again.
   * Across processes each one revalidates on its own (at most one call per process, object and
   * freshness window: a 304 costs one API call and no body).
   */
  const inFlight = new Map<string, Promise<unknown>>();

  const isFresh = (row: CachedRow) => deps.clock.now().getTime() - row.fetchedAt.getTime() < FRESH_MS;

  /** The cached entry if fresh; else asks Salesforce, once per account and object at a time. */
  async function cachedFrom<T>(
    row: CachedRow | null,
    key: DescribeKey,
    client: SalesforceClient,
    path: string,
    parse: (body: unknown) => T,
    whenRefused?: T,
  ): Promise<T> {
    if (row && isFresh(row)) return row.body as T;
    const flightKey = `${key.accountId}/${key.objectName}`;
    const joined = inFlight.get(flightKey);
    if (joined) return joined as Promise<T>;
    const flight = revalidate(row, key, client, path, parse, whenRefused).finally(() =>
      inFlight.delete(flightKey),
    );
    inFlight.set(flightKey, flight);
    return flight;
  }

  async function revalidate<T>(
    row: CachedRow | null,
    key: DescribeKey,
    client: SalesforceClient,
    path: string,
    parse: (body: unknown) => T,
    whenRefused?: T,
  ): Promise<T> {
    const now = deps.clock.now();
    if (whenRefused !== undefined) {
      try {
        return await revalidate(row, key, client, path, parse);
      } catch (error) {
        // Salesforce refuses to say (the resource or object is not available to this org or user):
        // kept as the given answer for the freshness window, so it is not asked for every chat.
        if (!(error instanceof SalesforceError) || error.kind !== 'rejected') throw error;
        await saveDescribe(deps.db, key, { body: whenRefused, fetchedAt: now, lastModified: null });
        return whenRefused;
      }
    }
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
    log.debug({ account: key.accountId, object: key.objectName }, 'describe fetched');
    return value;
  }

  async function cached<T>(
    accountId: string,
    objectName: string,
    client: SalesforceClient,
    path: string,
    parse: (body: unknown) => T,
  ): Promise<T> {
    const key = { accountId, objectName };
    return cachedFrom(await findDescribe(deps.db, key), key, client, path, parse);
  }

  const describePath = (objectName: string) => `/sobjects/${objectName}/describe`;
  const parseDescribe = (body: unknown) => parseDescribeBody(body);
  /**
   * A describe cached before record types were kept (its body has no `recordTypes`) counts as not
   * cached: a revalidation would keep that body (a 304), so it is fetched whole once.
   */
  const describeRow = (row: CachedRow | null | undefined): CachedRow | null =>
    row && Array.isArray((row.body as { recordTypes?: unknown } | null)?.recordTypes) ? row : null;
  const picklistsFrom = (
    row: CachedRow | null,
    accountId: string,
    client: SalesforceClient,
    objectName: string,
    recordTypeId: string,
  ) =>
    cachedFrom<RecordTypePicklists>(
      row,
      { accountId, objectName: recordTypePicklistsKey(objectName, recordTypeId) },
      client,
      // User Interface API, "Get Values for All Picklist Fields of a Record Type"
      // (https://developer.salesforce.com/docs/atlas.en-us.uiapi.meta/uiapi/ui_api_resources_picklist_values_collection.htm).
      // Objects the UI API does not support (Task, Event…) refuse it: their describe's values apply.
      `/ui-api/object-info/${objectName}/picklist-values/${recordTypeId}`,
      parsePicklistValuesCollection,
      {},
    );
  const duplicatesKey = duplicateRulesKey;
  const duplicatesFrom = (
    row: CachedRow | null,
    accountId: string,
    client: SalesforceClient,
    objectName: string,
  ) =>
    cachedFrom<DuplicatesConfig>(
      row,
      { accountId, objectName: duplicatesKey(objectName) },
      client,
      // User Interface API, "Get Duplicate Management Configuration for a Specified Object"
      // (https://developer.salesforce.com/docs/atlas.en-us.uiapi.meta/uiapi/ui_api_resources_duplicates_get.htm).
      `/ui-api/duplicates/${objectName}`,
      (body) => duplicatesConfigSchema.parse(body),
      noDuplicateRules,
    );

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
    const key = { accountId, objectName };
    return cachedFrom(
      describeRow(await findDescribe(deps.db, key)),
      key,
      client,
      describePath(objectName),
      parseDescribe,
    );
  }

  /**
   * The values each picklist of an object offers under one of its record types, cached like a
   * describe. `{}` when the UI API does not serve the object (Task) or the record type: the
   * describe's values apply then.
   */
  async function recordTypePicklists(
    accountId: string,
    client: SalesforceClient,
    objectName: string,
    recordTypeId: string,
  ): Promise<RecordTypePicklists> {
    const key = { accountId, objectName: recordTypePicklistsKey(objectName, recordTypeId) };
    return picklistsFrom(await findDescribe(deps.db, key), accountId, client, objectName, recordTypeId);
  }

  /**
   * Describes of several objects of one account, read from the cache in one query: `get(name)`
   * answers each, from the cache while fresh, else revalidated as `describe` does (one call in
   * flight per account and object). For a job that needs a few objects' metadata at once.
   */
  async function describesOf(
    accountId: string,
    client: SalesforceClient,
    objectNames: string[],
    options: {
      duplicateRulesOf?: string[];
      /** Record types whose picklist values will be asked for (`recordTypePicklists`), read in the same query. */
      recordTypesOf?: { objectName: string; recordTypeId: string }[];
    } = {},
  ) {
    const names = [
      ...objectNames,
      ...(options.duplicateRulesOf ?? []).map(duplicatesKey),
      ...(options.recordTypesOf ?? []).map((r) => recordTypePicklistsKey(r.objectName, r.recordTypeId)),
    ];
    const rows = await findDescribes(deps.db, accountId, [...new Set(names)]);
    const byName = new Map(rows.map((r) => [r.objectName, r]));
    return {
      /** The object's duplicate rules (asked of Salesforce when not cached or stale). */
      duplicateRules: (objectName: string): Promise<DuplicatesConfig> =>
        duplicatesFrom(byName.get(duplicatesKey(objectName)) ?? null, accountId, client, objectName),
      /** The picklist values of one of an object's record types (asked of Salesforce when not cached or stale). */
      recordTypePicklists: (objectName: string, recordTypeId: string): Promise<RecordTypePicklists> =>
        picklistsFrom(
          byName.get(recordTypePicklistsKey(objectName, recordTypeId)) ?? null,
          accountId,
          client,
          objectName,
          recordTypeId,
        ),
      get: (objectName: string): Promise<ObjectMetadata> =>
        cachedFrom<ObjectMetadata>(
          describeRow(byName.get(objectName)),
          { accountId, objectName },
          client,
          describePath(objectName),
          parseDescribe,
        ),
    };
  }

  /**
   * Describes of several objects taken from the cache whatever their age (an object never described
   * is described once). For readers that need only names, types and labels, which a stale describe
   * still gives right, so they never pay a revalidation call.
   */
  async function describeAnyAge(accountId: string, client: SalesforceClient, objectNames: string[]) {
    const rows = await cachedDescribes(deps.db, accountId, objectNames);
    const found = new Map<string, ObjectMetadata>(
      rows.map((r) => [r.objectName, { recordTypes: [], ...(r.body as ObjectMetadata) }]),
    );
    for (const name of objectNames) {
      if (!found.has(name)) found.set(name, await describe(accountId, client, name));
    }
    return found;
  }

  /** Drops an account's cached describes (e.g. after reconnecting to a changed org). */
  async function forget(accountId: string): Promise<void> {
    await forgetDescribes(deps.db, accountId);
  }

  /** An object's duplicate rules, cached like its describe (a refused answer counts as none). */
  async function duplicateRules(accountId: string, client: SalesforceClient, objectName: string) {
    const key = { accountId, objectName: duplicatesKey(objectName) };
    return duplicatesFrom(await findDescribe(deps.db, key), accountId, client, objectName);
  }

  return {
    allObjects,
    createableObjects,
    describe,
    describesOf,
    describeAnyAge,
    duplicateRules,
    recordTypePicklists,
    forget,
  };
}
