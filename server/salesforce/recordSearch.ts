import type { AccountRow } from '../accounts/accounts.repo';
import type { AccountsService } from '../accounts/accounts.service';
import type { Agent } from '../auth/agent';
import type { SalesforceConnections } from './connections';
import { objectOfOrg, searchByName } from './lookups';
import type { SalesforceMetadata } from './metadata.service';
import { salesforceFailureError } from './salesforceError';
import { AppError } from '../http/appError';

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
      await objectOfOrg(deps.metadata, account.id, client, objectName);
      return await searchByName(deps.metadata, account.id, client, objectName, q);
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw salesforceFailureError(error);
    }
  }
  return { byName };
}
