import type { Prisma } from '../db/generated/client';
import type { Database, Transaction } from '../db/prisma';
import type { Agent } from '../auth/agent';

export type AuditAction =
  | 'app.installed'
  | 'account.created'
  | 'account.connected'
  | 'account.reconnected'
  | 'account.renamed'
  | 'account.removed'
  | 'account.access_changed'
  | 'account.budget_changed'
  | 'mapping.created'
  | 'mapping.updated'
  | 'mapping.deleted'
  | 'chat_field.declared'
  | 'chat_field.removed'
  | 'run.retried';

export interface AuditEntry {
  actor: Agent;
  action: AuditAction;
  targetType: string;
  targetId?: string;
  details?: Record<string, unknown>;
}

export async function recordAudit(db: Database | Transaction, entry: AuditEntry): Promise<void> {
  await db.auditEntry.create({
    data: {
      licenseId: entry.actor.licenseId,
      actorAccountId: entry.actor.accountId,
      actorEmail: entry.actor.email,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId ?? null,
      details: (entry.details ?? {}) as Prisma.InputJsonValue,
    },
  });
}

/** A change and its audit entry, committed together or not at all. */
export function withAudit<T>(
  db: Database,
  change: (tx: Transaction) => Promise<T>,
  entry: (result: T) => AuditEntry,
): Promise<T> {
  return db.$transaction(async (tx) => {
    const result = await change(tx);
    await recordAudit(tx, entry(result));
    return result;
  });
}

export function listAudit(db: Database, licenseId: string, options: { limit: number; before?: Date }) {
  return db.auditEntry.findMany({
    where: { licenseId, ...(options.before ? { createdAt: { lt: options.before } } : {}) },
    orderBy: { createdAt: 'desc' },
    take: options.limit,
  });
}
