import type { AccountUsage } from '../salesforce/apiUsage.service';
import type { AccessRule, DuplicateCheck, SalesforceAccount } from '../../src/api/accounts';
import type { AccountRow } from './accounts.repo';

export function toAccessRule(row: AccountRow['accessRule']): AccessRule {
  return row
    ? { mode: row.mode, groupIds: row.groupIds, agentEmails: row.agentEmails }
    : { mode: 'everyone', groupIds: [], agentEmails: [] };
}

/** The only way an account row becomes JSON: tokens never leave the server. */
export function toAccountDto(
  row: AccountRow,
  usage?: AccountUsage,
  duplicateChecks: DuplicateCheck[] = [],
): SalesforceAccount {
  return {
    id: row.id,
    label: row.label,
    environment: row.environment,
    loginUrl: row.loginUrl,
    status: row.status,
    statusReason: row.statusReason,
    org: row.orgId ? { id: row.orgId, name: row.orgName ?? row.orgId } : null,
    instanceUrl: row.instanceUrl,
    connectedUser: row.connectedUserId
      ? { id: row.connectedUserId, name: row.connectedUserName ?? '', email: row.connectedUserEmail ?? '' }
      : null,
    connectedBy: row.connectedByEmail,
    connectedAt: row.connectedAt?.toISOString() ?? null,
    access: toAccessRule(row.accessRule),
    mappingCount: row._count.mappings,
    apiUsage: usage
      ? {
          used: usage.used,
          limit: usage.limit,
          reportedAt: usage.reportedAt?.toISOString() ?? null,
          ourCallsToday: usage.ourCallsToday,
        }
      : null,
    automationBudgetPercent: row.automationBudgetPercent,
    duplicateChecks,
  };
}
