import type { Mapping } from '../../src/mapping/mapping';
import type { Prisma } from '../db/generated/client';
import type { Database } from '../db/prisma';

const withFields = { fields: { orderBy: { position: 'asc' } } } as const;
export type MappingRow = Prisma.ObjectMappingGetPayload<{ include: typeof withFields }>;

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

export function findMapping(db: Database, licenseId: string, id: string): Promise<MappingRow | null> {
  return db.objectMapping.findFirst({ where: { id, licenseId }, include: withFields });
}

export function createMapping(
  db: Database,
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

export function replaceMapping(
  db: Database,
  id: string,
  objectLabel: string,
  mapping: Mapping,
): Promise<MappingRow> {
  return db.$transaction(async (tx) => {
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
  });
}

export async function deleteMapping(db: Database, id: string): Promise<void> {
  await db.objectMapping.delete({ where: { id } });
}
