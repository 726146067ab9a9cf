import type { Directory, SalesforceAccount } from '../../src/api/accounts';

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

/** Names in a short line: "Sales, Support", "Nora Agent, Nate Newbie and 3 more". */
function namesLine(names: string[], max = 3): string {
  if (names.length <= max) return names.join(', ');
  return `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}

/**
 * Who may use an account, by name when the license's people are known ("Groups Sales, Support",
 * "Nora Agent and Nate Newbie"), by count until then ("2 groups").
 */
export function accessSummary(access: SalesforceAccount['access'], directory?: Directory): string {
  if (access.mode === 'everyone') return 'Everyone in the license';
  if (access.mode === 'groups') {
    const n = access.groupIds.length;
    if (directory && n > 0) {
      const names = access.groupIds.map(
        (id) => directory.groups.find((g) => g.id === id)?.name ?? `group ${id}`,
      );
      return `${n === 1 ? 'Group' : 'Groups'} ${namesLine(names)}`;
    }
    return `${n} ${n === 1 ? 'group' : 'groups'}`;
  }
  const n = access.agentEmails.length;
  if (directory && n > 0) {
    return namesLine(
      access.agentEmails.map((email) => directory.agents.find((a) => a.email === email)?.name ?? email),
    );
  }
  return `${n} chosen ${n === 1 ? 'agent' : 'agents'}`;
}

/** Why the account stopped working, and the action, said once (the reason may already name it). */
export function reconnectAdvice(reason: string | null): string {
  const why = reason ?? 'Salesforce no longer accepts this connection.';
  return /reconnect/i.test(why) ? why : `${why} Reconnect to use this account again.`;
}
