import type { SalesforceAccount } from '../../src/api/accounts';

/** "Production", "Sandbox", or the My Domain host. */
export function environmentLabel(account: Pick<SalesforceAccount, 'environment' | 'loginUrl'>): string {
  if (account.environment === 'production') return 'Production';
  if (account.environment === 'sandbox') return 'Sandbox';
  try {
    return new URL(account.loginUrl).host;
  } catch {
    return account.loginUrl || 'My Domain';
  }
}

/** "Everyone", "2 groups", "1 agent" */
export function accessSummary(access: SalesforceAccount['access']): string {
  if (access.mode === 'everyone') return 'Everyone in the license';
  if (access.mode === 'groups') {
    const n = access.groupIds.length;
    return `${n} ${n === 1 ? 'group' : 'groups'}`;
  }
  const n = access.agentEmails.length;
  return `${n} chosen ${n === 1 ? 'agent' : 'agents'}`;
}

/** Why the account stopped working, and the action, said once (the reason may already name it). */
export function reconnectAdvice(reason: string | null): string {
  const why = reason ?? 'Salesforce no longer accepts this connection.';
  return /reconnect/i.test(why) ? why : `${why} Reconnect to use this account again.`;
}
