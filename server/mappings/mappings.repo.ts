import { mappingSchema, type Mapping } from '../../src/mapping/mapping';
import type { Prisma } from '../db/generated/client';
import type { Database, Transaction } from '../db/prisma';

const withFields = { fields: { orderBy: { position: 'asc' } } } as const;
export type MappingRow = Prisma.ObjectMappingGetPayload<{ include: typeof withFields }>;

const withFieldsAndAccount = { ...withFields, account: true } as const;
export type MappingWithAccount = Prisma.ObjectMappingGetPayload<{ include: typeof withFieldsAndAccount }>;

/**
 * A stored mapping as the engine and the API see it: the one place rows become a `Mapping`, parsed
 * with the contract's schema, so a row that no longer fits fails here with what is wrong.
 */
export function toMapping(row: MappingRow): Mapping {
  return mappingSchema.parse({
    objectName: row.objectName,
    fields: row.fields.map((f) => {
      switch (f.entryType) {
        case 'static':
          return {
            entryType: 'static',
            field: f.field,
            value: f.staticValue ?? null,
            ...(f.staticDisplay ? { display: f.staticDisplay } : {}),
          };
        case 'dynamic':
          return { entryType: 'dynamic', field: f.field, source: f.dynamicSource };
        case 'auto_match':
          return {
            entryType: 'autoMatch',
            field: f.field,
            match: { object: f.matchObject, field: f.matchField, source: f.matchSource },
          };
      }
    }),
    searchableFields: row.fields.filter((f) => f.searchable).map((f) => f.field),
    automation: row.automation,
    duplicatePolicy: row.duplicatePolicy,
    autoAssign: row.autoAssign,
  });
}

function fieldRows(mapping: Mapping): Prisma.FieldMappingCreateWithoutMappingInput[] {
  const searchable = new Set(mapping.searchableFields);
  return mapping.fields.map((f, position) => {
    const base = { position, field: f.field, searchable: searchable.has(f.field) };
    switch (f.entryType) {
      case 'static':
        return {
          ...base,
          entryType: 'static',
          staticValue: f.value === null ? undefined : (f.value as Prisma.InputJsonValue),
          staticDisplay: f.display ?? null,
        };
      case 'dynamic':
        return { ...base, entryType: 'dynamic', dynamicSource: f.source };
      case 'autoMatch':
        return {
          ...base,
          entryType: 'auto_match',
          matchObject: f.match.object,
          matchField: f.match.field,
          matchSource: f.match.source,
        };
    }
  });
}

export function listMappings(db: Database, licenseId: string, accountId: string): Promise<MappingRow[]> {
  return db.objectMapping.findMany({
    where: { licenseId, accountId },
    include: withFields,
    orderBy: { createdAt: 'asc' },
  });
}

/** The license's mappings with automation on, oldest first, each with its account. */
export function listAutomatedMappings(db: Database, licenseId: string): Promise<MappingWithAccount[]> {
  return db.objectMapping.findMany({
    where: { licenseId, automation: true },
    include: withFieldsAndAccount,
    orderBy: { createdAt: 'asc' },
  });
}

export function findMapping(db: Database, licenseId: string, id: string): Promise<MappingRow | null> {
  return db.objectMapping.findFirst({ where: { id, licenseId }, include: withFields });
}

export function createMapping(
  db: Database | Transaction,
  data: { licenseId: string; accountId: string; objectLabel: string; mapping: Mapping },
): Promise<MappingRow> {
  const { mapping } = data;
  return db.objectMapping.create({
    data: {
      licenseId: data.licenseId,
      accountId: data.accountId,
      objectName: mapping.objectName,
      objectLabel: data.objectLabel,
      automation: mapping.automation,
      duplicatePolicy: mapping.duplicatePolicy,
      autoAssign: mapping.autoAssign,
      fields: { create: fieldRows(mapping) },
    },
    include: withFields,
  });
}

/** Replaces a mapping and its fields: two statements, so run it in a transaction (`tx`). */
export async function replaceMapping(
  tx: Transaction,
  id: string,
  objectLabel: string,
  mapping: Mapping,
): Promise<MappingRow> {
  await tx.fieldMapping.deleteMany({ where: { mappingId: id } });
  return tx.objectMapping.update({
    where: { id },
    data: {
      objectName: mapping.objectName,
      objectLabel,
      automation: mapping.automation,
      duplicatePolicy: mapping.duplicatePolicy,
      autoAssign: mapping.autoAssign,
      fields: { create: fieldRows(mapping) },
    },
    include: withFields,
  });
}

export async function deleteMapping(db: Database | Transaction, id: string): Promise<void> {
  await db.objectMapping.delete({ where: { id } });
}
