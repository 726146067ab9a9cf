import type { AccountRow } from '../accounts/accounts.repo';
import type { AccountsService } from '../accounts/accounts.service';
import type { Agent } from '../auth/agent';
import { nameField } from '../../src/salesforce/objectMetadata';
import type { SalesforceConnections } from './connections';
import { soqlContains } from './composite';
import type { SalesforceMetadata } from './metadata.service';
import { salesforceFailureError } from './salesforceError';
import { AppError, errors } from '../http/appError';

export type SalesforceLookup = ReturnType<typeof createSalesforceLookup>;

/** Finds records of an object by their name, for the static reference picker. */
export function createSalesforceLookup(deps: {
  accounts: AccountsService;
  connections: SalesforceConnections;
  metadata: SalesforceMetadata;
}) {
  async function byName(agent: Agent, accountId: string, objectName: string, q: string) {
    const account: AccountRow = await deps.accounts.get(agent, accountId);
    try {
      const client = deps.connections.connect(account, 'settings');
      // The org's object list is cached: an object it does not have is the caller's mistake (404),
      // not a Salesforce failure.
      const all = await deps.metadata.allObjects(account.id, client);
      if (!all.some((o) => o.name === objectName)) {
        throw errors.notFound(`This Salesforce org has no object called ${objectName}.`);
      }
      const meta = await deps.metadata.describe(account.id, client, objectName);
      const name = nameField(meta)?.name ?? 'Id';
      const where = q ? ` WHERE ${name} LIKE ${soqlContains(q)}` : '';
      const fields = name === 'Id' ? 'Id' : `Id, ${name}`;
      const records = await client.query<Record<string, unknown>>(
        `SELECT ${fields} FROM ${objectName}${where} ORDER BY ${name} LIMIT 20`,
      );
      return records.map((r) => ({ id: String(r.Id), name: String(r[name] ?? r.Id) }));
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw salesforceFailureError(error);
    }
  }
  return { byName };
}
