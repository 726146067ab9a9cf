import type { AgentRole } from '../../src/api/session';

/** The caller of an API request, as verified with LiveChat. Never taken from the browser's word. */
export interface Agent {
  /** LiveChat organization id: the tenant every query is scoped to. */
  licenseId: string;
  accountId: string;
  email: string;
  name: string;
  role: AgentRole;
  groupIds: number[];
}

export const canConfigure = (agent: Agent) => agent.role === 'owner' || agent.role === 'viceowner';

export function toRole(role: string): AgentRole {
  return role === 'owner' || role === 'viceowner' || role === 'administrator' ? role : 'normal';
}
