import { describe, expect, it } from 'vitest';
import { accessSummary, reconnectAdvice } from '../../../settings/accounts/accountText';

describe('reconnectAdvice', () => {
  it('says the action once, whether or not the reason already names it', () => {
    expect(reconnectAdvice('Salesforce no longer accepts this connection. Reconnect the account.')).toBe(
      'Salesforce no longer accepts this connection. Reconnect the account.',
    );
    expect(reconnectAdvice('The Salesforce user was deactivated.')).toBe(
      'The Salesforce user was deactivated. Reconnect to use this account again.',
    );
    expect(reconnectAdvice(null)).toBe(
      'Salesforce no longer accepts this connection. Reconnect to use this account again.',
    );
  });
});

describe('accessSummary', () => {
  const directory = {
    agents: [
      { email: 'nora@x.example', name: 'Nora Agent', role: 'normal' as const, groupIds: [1] },
      { email: 'nate@x.example', name: 'Nate Newbie', role: 'normal' as const, groupIds: [] },
    ],
    groups: [
      { id: 0, name: 'General' },
      { id: 1, name: 'Sales' },
    ],
  };
  it('names the groups and agents once the license’s people are known, and counts them until then', () => {
    const groups = { mode: 'groups' as const, groupIds: [1, 0], agentEmails: [] };
    expect(accessSummary(groups)).toBe('2 groups');
    expect(accessSummary(groups, directory)).toBe('Groups Sales, General');
    const agents = {
      mode: 'agents' as const,
      groupIds: [],
      agentEmails: ['nate@x.example', 'gone@x.example'],
    };
    expect(accessSummary(agents, directory)).toBe('Nate Newbie, gone@x.example');
    const many = { ...agents, agentEmails: ['a', 'b', 'c', 'd', 'e'] };
    expect(accessSummary(many, directory)).toBe('a, b, c and 2 more');
    expect(accessSummary({ mode: 'everyone', groupIds: [], agentEmails: [] }, directory)).toBe(
      'Everyone in the license',
    );
  });
});
