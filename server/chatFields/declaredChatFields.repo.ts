import type { ChatFieldKind, ChatValueKind, Prisma } from '../db/generated/client';
import type { Database, Transaction } from '../db/prisma';

export type DeclaredChatFieldRow = Prisma.DeclaredChatFieldGetPayload<object>;

/** The fields the license's owners declared, oldest first. */
export function listDeclaredChatFields(db: Database, licenseId: string): Promise<DeclaredChatFieldRow[]> {
  return db.declaredChatField.findMany({ where: { licenseId }, orderBy: { createdAt: 'asc' } });
}

/** Declares a field; the unique key (license, kind, name) refuses a second declaration of it (P2002). */
export function createDeclaredChatField(
  tx: Transaction,
  data: {
    licenseId: string;
    kind: ChatFieldKind;
    name: string;
    valueKind: ChatValueKind | null;
    declaredByEmail: string;
  },
): Promise<DeclaredChatFieldRow> {
  return tx.declaredChatField.create({ data });
}

/** The license's declared field with this id, or null (another license's is not found either). */
export function findDeclaredChatField(
  db: Database,
  licenseId: string,
  id: string,
): Promise<DeclaredChatFieldRow | null> {
  return db.declaredChatField.findFirst({ where: { id, licenseId } });
}

/** Removes the license's declared field; false when there was none (already removed). */
export async function deleteDeclaredChatField(
  tx: Transaction,
  licenseId: string,
  id: string,
): Promise<boolean> {
  const { count } = await tx.declaredChatField.deleteMany({ where: { id, licenseId } });
  return count > 0;
}
