import type { AuditEntryDto } from '../../src/api/audit';
import type { AuditEntry } from '../db/generated/client';

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** One sentence per entry, for people reading the audit log. */
function summarize(action: string, d: Record<string, unknown>): string {
  switch (action) {
    case 'app.installed':
      return 'Installed the app and registered the ended-chat webhook';
    case 'account.created':
      return `Added the Salesforce account “${text(d.label)}”`;
    case 'account.connected':
      return `Connected “${text(d.label)}” to the org ${text(d.orgName)} (${text(d.orgId)})`;
    case 'account.reconnected':
      return `Reconnected “${text(d.label)}”`;
    case 'account.renamed':
      return `Renamed “${text(d.from)}” to “${text(d.to)}”`;
    case 'account.removed':
      return `Removed “${text(d.label)}” with its mappings and access rules${d.revoked === false ? ' (Salesforce could not be told to revoke the tokens)' : ''}`;
    case 'account.access_changed':
      return `Changed who may use “${text(d.label)}”: ${text(d.access)}`;
    case 'account.budget_changed':
      return typeof d.to === 'number'
        ? `Let automation on “${text(d.label)}” use up to ${d.to} % of the org’s daily API limit`
        : `Removed the automation budget of “${text(d.label)}”`;
    case 'mapping.created':
      return `Mapped ${text(d.object)} on “${text(d.account)}”`;
    case 'mapping.updated':
      return `Changed the ${text(d.object)} mapping on “${text(d.account)}”`;
    case 'mapping.deleted':
      return `Removed the ${text(d.object)} mapping from “${text(d.account)}”`;
    case 'chat_field.declared':
      return `Declared the ${text(d.field)} for mappings`;
    case 'chat_field.removed':
      return `Removed the declared ${text(d.field)}`;
    case 'run.retried':
      return `Retried the automatic ${text(d.object)} for chat ${text(d.chatId)}`;
    default:
      return action;
  }
}

export function toAuditEntryDto(row: AuditEntry): AuditEntryDto {
  return {
    id: row.id,
    actorEmail: row.actorEmail,
    action: row.action,
    summary: summarize(row.action, (row.details ?? {}) as Record<string, unknown>),
    targetType: row.targetType,
    targetId: row.targetId,
    createdAt: row.createdAt.toISOString(),
  };
}
