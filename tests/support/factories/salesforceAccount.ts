import type { Prisma } from '../../../server/db/generated/client';
import { demoLicense } from '../../../emulators/demo/people';

/**
 * A row of a Salesforce account of the demo license, pending (never connected) unless overridden:
 * what `db.salesforceAccount.create({ data })` takes.
 */
export function buildSalesforceAccount(
  overrides: Partial<Prisma.SalesforceAccountUncheckedCreateInput> = {},
): Prisma.SalesforceAccountUncheckedCreateInput {
  return {
    licenseId: demoLicense.organizationId,
    label: 'Demo Shop',
    environment: 'production',
    loginUrl: 'https://login.salesforce.com',
    ...overrides,
  };
}
