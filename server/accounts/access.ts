import type { AccessRule } from '../../src/api/accounts';
import { canConfigure, type Agent } from '../auth/agent';

/** Whether an agent may use an account in the widget. Owners and vice-owners always may. */
export function mayUse(agent: Agent, rule: AccessRule | null): boolean {
  if (canConfigure(agent)) return true;
  if (!rule || rule.mode === 'everyone') return true;
  if (rule.mode === 'groups') return agent.groupIds.some((id) => rule.groupIds.includes(id));
  const email = agent.email.toLowerCase();
  return rule.agentEmails.some((e) => e.toLowerCase() === email);
}

export function describeAccess(rule: AccessRule): string {
  if (rule.mode === 'everyone') return 'everyone';
  if (rule.mode === 'groups') return `${rule.groupIds.length} group(s)`;
  return `${rule.agentEmails.length} agent(s)`;
}
