import type { SalesforceClient } from '../salesforce/salesforce.client';
import type { Logger } from 'pino';
import type { ChatSnapshot } from '../../src/chat/chat';
import type { Mapping } from '../../src/mapping/mapping';
import type { AccountRow } from '../accounts/accounts.repo';
import type { AccountsService } from '../accounts/accounts.service';
import type { Agent } from '../auth/agent';
import type { ChatFieldsService } from '../chatFields/chatFields.service';
import type { Database } from '../db/prisma';
import { errors, type AppError } from '../http/appError';
import { LiveChatError } from '../livechat/livechat.client';
import { findMapping, listMappings, toMapping, type MappingRow } from '../mappings/mappings.repo';
import type { SalesforceConnections } from '../salesforce/connections';
import type { SalesforceMetadata } from '../salesforce/metadata.service';
import { salesforceFailureError, SalesforceError, toSalesforceError } from '../salesforce/salesforceError';

export interface WidgetDeps {
  db: Database;
  accounts: AccountsService;
  connections: SalesforceConnections;
  metadata: SalesforceMetadata;
  chatFields: ChatFieldsService;
  logger: Logger;
}

/** A chat as the agent has it open: the thread on screen, when the Agent App said. */
export interface ChatRef {
  chatId: string;
  threadId?: string | undefined;
}

export interface MappedObject {
  row: MappingRow;
  mapping: Mapping;
}

/** What the widget's services share: the accounts an agent may use, their mappings, the chat. */
export function createWidgetContext(deps: WidgetDeps) {
  /** The accounts the agent may use, oldest first (owners and vice-owners: all of them). */
  const usableAccounts = (agent: Agent) => deps.accounts.usable(agent);

  async function mappedObjects(account: AccountRow): Promise<MappedObject[]> {
    const rows = await listMappings(deps.db, account.licenseId, account.id);
    return rows.map((row) => ({ row, mapping: toMapping(row) }));
  }

  /** A mapping on an account the agent may use; any other id is simply not found. */
  async function usableMapping(
    agent: Agent,
    mappingId: string,
  ): Promise<{ account: AccountRow } & MappedObject> {
    const row = await findMapping(deps.db, agent.licenseId, mappingId);
    const account = row && (await usableAccounts(agent)).find((a) => a.id === row.accountId);
    if (!row || !account) throw errors.notFound('This Salesforce object is not mapped (or not for you).');
    return { account, row, mapping: toMapping(row) };
  }

  /** The chat as the mapping engine reads it, with the agent's own LiveChat token. */
  async function chat(agent: Agent, token: string, ref: ChatRef): Promise<ChatSnapshot> {
    try {
      return await deps.chatFields.chat(agent, token, ref.chatId, ref.threadId);
    } catch (error) {
      if (
        error instanceof LiveChatError &&
        (error.status === 404 || error.status === 403 || error.status === 400)
      ) {
        throw errors.notFound('This chat could not be read from LiveChat.');
      }
      if (error instanceof LiveChatError && error.isAuthError) {
        throw errors.unauthorized('Your LiveChat sign-in has expired.');
      }
      throw errors.livechatError('LiveChat did not give this chat. Try again in a moment.');
    }
  }

  /** A Salesforce client, or the SalesforceError (needs_reconnect) saying why there is none. */
  function connect(
    account: AccountRow,
    purpose: 'widget' | 'widget-write' = 'widget',
  ): { conn: SalesforceClient } | { failure: SalesforceError } {
    try {
      return { conn: deps.connections.connect(account, purpose) };
    } catch (error) {
      return { failure: toSalesforceError(error) };
    }
  }

  /** A client for a write (a create, a set, a transcript), or the error that tells the agent why not. */
  function connectToWrite(account: AccountRow): SalesforceClient {
    const connected =
      account.status === 'connected'
        ? connect(account, 'widget-write')
        : { failure: new SalesforceError('needs_reconnect', 'needs reconnect') };
    if ('failure' in connected) throw accountFailureError(connected.failure, account.label);
    return connected.conn;
  }

  return { usableAccounts, mappedObjects, usableMapping, chat, connect, connectToWrite };
}

export type WidgetContext = ReturnType<typeof createWidgetContext>;

/**
 * A Salesforce failure of one account as an API error, naming the account for the agent (for the
 * calls whose failure fails the whole request); other failures as the settings answer them.
 */
export function accountFailureError(failure: SalesforceError, label: string): AppError {
  switch (failure.kind) {
    case 'needs_reconnect':
      return errors.salesforceNeedsReconnect(`“${label}” needs to be reconnected by your license owner.`);
    case 'limit_reached':
      return errors.salesforceLimitReached(
        `“${label}” has used up its Salesforce API calls for today. Try again later.`,
      );
    default:
      return salesforceFailureError(failure);
  }
}
