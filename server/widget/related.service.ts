import type { SalesforceClient } from '../salesforce/salesforce.client';
import type { RelatedResponse } from '../../src/api/widget';
import type { ChatSnapshot } from '../../src/chat/chat';
import { cardFieldsOf } from '../../src/mapping/cardFields';
import { kindOf, type Mapping } from '../../src/mapping/mapping';
import type { ObjectMetadata } from '../../src/salesforce/objectMetadata';
import type { AccountRow } from '../accounts/accounts.repo';
import { canConfigure, type Agent } from '../auth/agent';
import type { Clock } from '../clock';
import { SalesforceError, toSalesforceError } from '../salesforce/salesforceError';
import { toRelatedObjects, toWidgetAccount } from './related.presenter';
import type { RelatedCache } from './relatedCache';
import { describeTargets, lookupTargets, planCardFields } from './relatedCards';
import {
  planSearch,
  searchRequest,
  searchResponseSchema,
  type PlannedObject,
  type SearchRecord,
} from './relatedSearch';
import type { ChatRef, MappedObject, WidgetContext, WidgetDeps } from './widgetContext';

export type RelatedService = ReturnType<typeof createRelatedService>;

/** Advice for the reader: an owner gets the action, an agent gets whom to ask. */
const advice = {
  reconnect: (owner: boolean) =>
    owner
      ? 'This Salesforce account needs to be reconnected. Open Apps › Salesforce for LiveChat and press Reconnect on it.'
      : 'This Salesforce account needs to be reconnected. Ask your license owner to reconnect it in the app’s settings.',
  noAccount: (owner: boolean) =>
    owner
      ? 'No Salesforce account is connected yet. Open Apps › Salesforce for LiveChat and press Add account.'
      : 'You may not use any connected Salesforce account yet. Ask your license owner to give you access in the app’s settings.',
  map: (owner: boolean) =>
    owner
      ? 'No Salesforce object is mapped on this account yet. Open Apps › Salesforce for LiveChat and press Map objects to choose Leads, Contacts or others.'
      : 'No Salesforce object is mapped on this account yet. Your license owner can map Leads, Contacts or other objects in the app’s settings.',
};

/** A Salesforce failure of one account as its state, with advice for the reader. */
export function failedState(
  failure: SalesforceError,
  owner: boolean,
): { state: 'needs_reconnect' | 'limit_reached' | 'unavailable'; message: string } {
  switch (failure.kind) {
    case 'needs_reconnect':
      return { state: 'needs_reconnect', message: advice.reconnect(owner) };
    case 'limit_reached':
      return {
        state: 'limit_reached',
        message:
          'This Salesforce org has used up its API calls for today, so its records cannot be shown. They will be back when the limit resets.',
      };
    case 'unavailable':
    case 'invalid_session':
      return { state: 'unavailable', message: failure.message };
    default:
      return { state: 'unavailable', message: `Salesforce refused the search: ${failure.message}` };
  }
}

/**
 * The visitor's records in every account the agent may use: one Salesforce call per account (see
 * relatedSearch.ts), none when the chat has no searchable value or the answer is cached.
 */
export function createRelatedService(
  deps: WidgetDeps & { ctx: WidgetContext; cache: RelatedCache; clock: Clock },
) {
  const log = deps.logger.child({ module: 'widget-related' });

  const describesOf = (account: AccountRow, conn: SalesforceClient, mapped: MappedObject[]) =>
    deps.metadata.describeAnyAge(
      account.id,
      conn,
      mapped.map((m) => m.mapping.objectName),
    );

  /** The objects' card fields, once there is something to search (their lookups' targets described, cached). */
  async function withCards(
    account: AccountRow,
    conn: SalesforceClient,
    objects: PlannedObject[],
    inputs: { mapping: Mapping; meta: ObjectMetadata }[],
  ): Promise<PlannedObject[]> {
    const fields = inputs.flatMap(({ mapping, meta }) => cardFieldsOf(mapping, meta));
    const targets = await describeTargets(lookupTargets(fields), (names) =>
      deps.metadata.describeAnyAge(account.id, conn, names),
    );
    return objects.map((object, i) => ({
      ...object,
      cards: planCardFields(inputs[i]!.mapping, inputs[i]!.meta, targets),
    }));
  }

  async function search(
    conn: SalesforceClient,
    body: ReturnType<typeof searchRequest>,
  ): Promise<SearchRecord[]> {
    const answer = await conn.request({ method: 'POST', path: '/parameterizedSearch', body });
    return searchResponseSchema.parse(answer).searchRecords;
  }

  async function forAccount(account: AccountRow, chat: ChatSnapshot, refresh: boolean, owner: boolean) {
    const base = { account: toWidgetAccount(account), objects: [] };
    const fetchedAt = deps.clock.now();
    if (account.status === 'needs_reconnect') {
      return {
        ...base,
        ...failedState(new SalesforceError('needs_reconnect', 'needs reconnect'), owner),
        fetchedAt,
      };
    }
    // The conversation log is not a record of the visitor's: the chat's set shows it.
    const mapped = (await deps.ctx.mappedObjects(account)).filter((m) => kindOf(m.mapping) === 'record');
    if (mapped.length === 0) {
      return {
        ...base,
        state: 'no_mappings' as const,
        message: advice.map(owner),
        fetchedAt,
      };
    }
    const connected = deps.ctx.connect(account);
    if ('failure' in connected) return { ...base, ...failedState(connected.failure, owner), fetchedAt };
    const { conn } = connected;
    try {
      const describes = await describesOf(account, conn, mapped);
      const inputs = mapped.map((m) => ({
        mappingId: m.row.id,
        objectLabel: m.row.objectLabel,
        mapping: m.mapping,
        meta: describes.get(m.mapping.objectName) as ObjectMetadata,
        cards: [],
      }));
      let plan = planSearch(inputs, chat);
      const emptyObjects = toRelatedObjects(plan.objects, [], account.instanceUrl);
      if (plan.terms.length === 0) {
        return {
          ...base,
          objects: emptyObjects,
          state: 'no_searchable_values' as const,
          message:
            'This visitor has no email or other searchable value in this chat yet, so there is nothing to look up.',
          fetchedAt,
        };
      }
      plan = { ...plan, objects: await withCards(account, conn, plan.objects, inputs) };
      // The exact search is the cache key: it names the card fields (and their lookups' name fields),
      // so a changed choice of fields is a new search, never an old answer without them.
      const body = searchRequest(plan);
      const key = JSON.stringify(body);
      let entry = refresh ? undefined : await deps.cache.get(account.id, chat.chatId, key);
      if (!entry) {
        const searchedFrom = deps.clock.now();
        entry = { records: await search(conn, body), fetchedAt: deps.clock.now() };
        void deps.cache.set(account.id, chat.chatId, key, { ...entry, searchedFrom }); // never fails; not waited for
      }
      return {
        ...base,
        state: 'ok' as const,
        objects: toRelatedObjects(plan.objects, entry.records, account.instanceUrl),
        fetchedAt: entry.fetchedAt,
      };
    } catch (error) {
      const failure = toSalesforceError(error);
      log.warn(
        { account: account.id, kind: failure.kind, code: failure.errorCode },
        'related records search failed',
      );
      return { ...base, ...failedState(failure, owner), fetchedAt };
    }
  }

  async function related(
    agent: Agent,
    token: string,
    ref: ChatRef,
    refresh: boolean,
  ): Promise<RelatedResponse> {
    const { chatId } = ref;
    // Read side by side: the accounts from PostgreSQL, the chat from LiveChat.
    const [accounts, chat] = await Promise.all([
      deps.ctx.usableAccounts(agent),
      deps.ctx.chat(agent, token, ref),
    ]);
    const visitor = { name: chat.visitor.name ?? null, email: chat.visitor.email ?? null };
    const owner = canConfigure(agent);
    if (accounts.length === 0) {
      return {
        state: 'no_accounts',
        message: advice.noAccount(owner),
        chatId,
        visitor,
        accounts: [],
        fetchedAt: deps.clock.now().toISOString(),
      };
    }
    const results = await Promise.all(accounts.map((a) => forAccount(a, chat, refresh, owner)));
    const oldest = Math.min(...results.map((r) => r.fetchedAt.getTime()));
    return {
      state: 'ok',
      chatId,
      visitor,
      accounts: results.map(({ fetchedAt: _f, ...r }) => r),
      fetchedAt: new Date(oldest).toISOString(),
    };
  }

  return { related };
}
