import type { LookupResult } from '../../src/api/mappings';
import type { WidgetLookupQuery } from '../../src/api/widget';
import { findField } from '../../src/salesforce/objectMetadata';
import type { AccountRow } from '../accounts/accounts.repo';
import type { Agent } from '../auth/agent';
import { AppError, errors } from '../http/appError';
import { objectOfOrg, searchByName } from '../salesforce/lookups';
import type { SalesforceClient } from '../salesforce/salesforce.client';
import { SalesforceError, toSalesforceError } from '../salesforce/salesforceError';
import { accountFailureError, type WidgetContext, type WidgetDeps } from './widgetContext';

export type LookupService = ReturnType<typeof createLookupService>;

/**
 * The Create form's reference lookups: records found by name, with the agent's deadline (the widget's)
 * and counted in the account's API usage like every call through its connection. An agent searches only
 * in an account they may use, and only the objects its mapped reference fields point to.
 */
export function createLookupService(deps: WidgetDeps & { ctx: WidgetContext }) {
  /** The objects the account's mapped reference fields may point to (describes are cached). */
  async function lookupTargets(account: AccountRow, conn: SalesforceClient): Promise<Set<string>> {
    const targets = new Set<string>();
    for (const { mapping } of await deps.ctx.mappedObjects(account)) {
      const meta = await deps.metadata.describe(account.id, conn, mapping.objectName);
      for (const entry of mapping.fields) {
        for (const object of findField(meta, entry.field)?.referenceTo ?? []) targets.add(object);
      }
    }
    return targets;
  }

  async function lookup(agent: Agent, query: WidgetLookupQuery): Promise<LookupResult> {
    const account = (await deps.ctx.usableAccounts(agent)).find((a) => a.id === query.accountId);
    // Another license's account, one the access rules keep from this agent, or none: the same answer.
    if (!account) throw errors.forbidden('This Salesforce account is not one you may use.');
    const connected =
      account.status === 'connected'
        ? deps.ctx.connect(account)
        : { failure: new SalesforceError('needs_reconnect', '') };
    if ('failure' in connected) throw accountFailureError(connected.failure, account.label);
    const { conn } = connected;
    try {
      await objectOfOrg(deps.metadata, account.id, conn, query.object);
      if (!(await lookupTargets(account, conn)).has(query.object)) {
        throw errors.forbidden(`No field mapped for “${account.label}” points to ${query.object}.`);
      }
      return { records: await searchByName(deps.metadata, account.id, conn, query.object, query.q) };
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw accountFailureError(toSalesforceError(error), account.label);
    }
  }

  return { lookup };
}
