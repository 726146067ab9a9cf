import { mappingSchema, type Mapping, type UpdateRule } from '../../src/mapping/mapping';
import { Prisma, type UpdateRule as UpdateRuleColumn } from '../db/generated/client';
import type { Database, Transaction } from '../db/prisma';

const withFields = { fields: { orderBy: { position: 'asc' } } } as const;
export type MappingRow = Prisma.ObjectMappingGetPayload<{ include: typeof withFields }>;

export type MappingWithAccount = Prisma.ObjectMappingGetPayload<{
  include: typeof withFields & { account: true };
}>;

/**
 * A stored mapping as the engine and the API see it: the one place rows become a `Mapping`, parsed
 * with the contract's schema, so a row that no longer fits fails here with what is wrong.
 */
export function toMapping(row: MappingRow): Mapping {
  return mappingSchema.parse({
    objectName: row.objectName,
    fields: row.fields.map((f) => {
      // Null: the owner never chose, so `defaultUpdateRule(field)`; left out like other unset parts.
      const rule = f.updateRule === null ? {} : { updateRule: UPDATE_RULE_OF_COLUMN[f.updateRule] };
      switch (f.entryType) {
        case 'static':
          return {
            entryType: 'static',
            field: f.field,
            value: f.staticValue ?? null,
            ...(f.staticDisplay ? { display: f.staticDisplay } : {}),
            ...rule,
          };
        case 'dynamic':
          return { entryType: 'dynamic', field: f.field, source: f.dynamicSource, ...rule };
        case 'auto_match':
          return {
            entryType: 'autoMatch',
            field: f.field,
            match: { object: f.matchObject, field: f.matchField, source: f.matchSource },
            ...rule,
          };
        case 'chat_record':
          return { entryType: 'chatRecord', field: f.field, object: f.recordObject, ...rule };
      }
    }),
    searchableFields: row.fields.filter((f) => f.searchable).map((f) => f.field),
    automation: row.automation,
    duplicatePolicy: row.duplicatePolicy,
    autoAssign: row.autoAssign,
    // Null: the owner never chose (a mapping saved before the choice existed), so the object's defaults.
    ...(row.cardFields === null ? {} : { cardFields: row.cardFields }),
    kind: row.kind,
    ...(row.logAs === null ? {} : { logAs: row.logAs }),
    ...(row.skipIfExistsAs.length ? { skipIfExistsAs: row.skipIfExistsAs } : {}),
    ...(row.recordTypeId === null ? {} : { recordTypeId: row.recordTypeId }),
  });
}

const UPDATE_RULE_OF_COLUMN: Record<UpdateRuleColumn, UpdateRule> = {
  fill_if_blank: 'fillIfBlank',
  overwrite: 'overwrite',
  never: 'never',
};
const COLUMN_OF_UPDATE_RULE: Record<UpdateRule, UpdateRuleColumn> = {
  fillIfBlank: 'fill_if_blank',
  overwrite: 'overwrite',
  never: 'never',
};

/** The columns of a mapping's own settings (not its fields), as `create` and `replace` write them. */
function mappingColumns(mapping: Mapping) {
  return {
    objectName: mapping.objectName,
    automation: mapping.automation,
    duplicatePolicy: mapping.duplicatePolicy,
    autoAssign: mapping.autoAssign,
    cardFields: cardFieldsColumn(mapping),
    kind: mapping.kind ?? 'record',
    logAs: mapping.logAs ?? null,
    skipIfExistsAs: mapping.skipIfExistsAs ?? [],
    recordTypeId: mapping.recordTypeId ?? null,
  } satisfies Prisma.ObjectMappingUpdateInput;
}

/** The chosen key fields as stored: a JSON list, or SQL NULL for the object's defaults. */
const cardFieldsColumn = (mapping: Mapping) => mapping.cardFields ?? Prisma.DbNull;

function fieldRows(mapping: Mapping): Prisma.FieldMappingCreateWithoutMappingInput[] {
  const searchable = new Set(mapping.searchableFields);
  return mapping.fields.map((f, position) => {
    const base = {
      position,
      field: f.field,
      searchable: searchable.has(f.field),
      updateRule: f.updateRule ? COLUMN_OF_UPDATE_RULE[f.updateRule] : null,
    };
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
      case 'chatRecord':
        return { ...base, entryType: 'chat_record', recordObject: f.object };
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

/** A timestamp column as milliseconds since the epoch (the columns hold UTC, as Prisma writes them). */
type Millis = number;
const toDate = (ms: Millis) => new Date(ms);
const toDateOrNull = (ms: Millis | null) => (ms === null ? null : new Date(ms));

/**
 * The license's mappings with automation on, oldest first, each with its fields and account: what
 * `findMany` with `include` answers, in one statement instead of three (the worker reads it for
 * every ended chat). Built field by field into the Prisma row types, so a column added to the schema
 * and missing here fails the type check.
 */
export async function listAutomatedMappings(db: Database, licenseId: string): Promise<MappingWithAccount[]> {
  const rows = await db.$queryRaw<
    {
      mapping: Omit<MappingRow, 'fields' | 'createdAt' | 'updatedAt'> & {
        createdAt: Millis;
        updatedAt: Millis;
      };
      fields: MappingRow['fields'];
      account: Omit<MappingWithAccount['account'], 'connectedAt' | 'createdAt' | 'updatedAt'> & {
        connectedAt: Millis | null;
        createdAt: Millis;
        updatedAt: Millis;
      };
    }[]
  >`
    SELECT
      json_build_object(
        'id', m.id, 'licenseId', m.license_id, 'accountId', m.account_id, 'objectName', m.object_name,
        'objectLabel', m.object_label, 'automation', m.automation, 'duplicatePolicy', m.duplicate_policy,
        'autoAssign', m.auto_assign, 'cardFields', m.card_fields, 'kind', m.kind, 'logAs', m.log_as,
        'skipIfExistsAs', COALESCE(m.skip_if_exists_as, ARRAY[]::text[]), 'recordTypeId', m.record_type_id,
        'createdAt', extract(epoch FROM m.created_at) * 1000, 'updatedAt', extract(epoch FROM m.updated_at) * 1000
      ) AS mapping,
      COALESCE((
        SELECT json_agg(json_build_object(
          'id', f.id, 'mappingId', f.mapping_id, 'position', f.position, 'field', f.field,
          'entryType', f.entry_type, 'staticValue', f.static_value, 'staticDisplay', f.static_display,
          'dynamicSource', f.dynamic_source, 'matchObject', f.match_object, 'matchField', f.match_field,
          'matchSource', f.match_source, 'recordObject', f.record_object, 'updateRule', f.update_rule,
          'searchable', f.searchable
        ) ORDER BY f.position)
        FROM field_mappings f WHERE f.mapping_id = m.id
      ), '[]'::json) AS fields,
      json_build_object(
        'id', a.id, 'licenseId', a.license_id, 'label', a.label, 'environment', a.environment,
        'loginUrl', a.login_url, 'instanceUrl', a.instance_url, 'orgId', a.org_id, 'orgName', a.org_name,
        'connectedUserId', a.connected_user_id, 'connectedUserName', a.connected_user_name,
        'connectedUserEmail', a.connected_user_email, 'connectedByEmail', a.connected_by_email,
        'connectedAt', extract(epoch FROM a.connected_at) * 1000, 'accessTokenEnc', a.access_token_enc,
        'refreshTokenEnc', a.refresh_token_enc, 'tokenKeyId', a.token_key_id, 'status', a.status,
        'statusReason', a.status_reason, 'automationBudgetPercent', a.automation_budget_percent,
        'createdAt', extract(epoch FROM a.created_at) * 1000, 'updatedAt', extract(epoch FROM a.updated_at) * 1000
      ) AS account
    FROM object_mappings m JOIN salesforce_accounts a ON a.id = m.account_id
    WHERE m.license_id = ${licenseId} AND m.automation
    ORDER BY m.created_at, m.id`;
  return rows.map(({ mapping: m, fields, account: a }) => ({
    id: m.id,
    licenseId: m.licenseId,
    accountId: m.accountId,
    objectName: m.objectName,
    objectLabel: m.objectLabel,
    automation: m.automation,
    duplicatePolicy: m.duplicatePolicy,
    autoAssign: m.autoAssign,
    cardFields: m.cardFields,
    kind: m.kind,
    logAs: m.logAs,
    skipIfExistsAs: m.skipIfExistsAs,
    recordTypeId: m.recordTypeId,
    createdAt: toDate(m.createdAt),
    updatedAt: toDate(m.updatedAt),
    fields: fields.map((f) => ({
      id: f.id,
      mappingId: f.mappingId,
      position: f.position,
      field: f.field,
      entryType: f.entryType,
      staticValue: f.staticValue,
      staticDisplay: f.staticDisplay,
      dynamicSource: f.dynamicSource,
      matchObject: f.matchObject,
      matchField: f.matchField,
      matchSource: f.matchSource,
      recordObject: f.recordObject,
      updateRule: f.updateRule,
      searchable: f.searchable,
    })),
    account: {
      id: a.id,
      licenseId: a.licenseId,
      label: a.label,
      environment: a.environment,
      loginUrl: a.loginUrl,
      instanceUrl: a.instanceUrl,
      orgId: a.orgId,
      orgName: a.orgName,
      connectedUserId: a.connectedUserId,
      connectedUserName: a.connectedUserName,
      connectedUserEmail: a.connectedUserEmail,
      connectedByEmail: a.connectedByEmail,
      connectedAt: toDateOrNull(a.connectedAt),
      accessTokenEnc: a.accessTokenEnc,
      refreshTokenEnc: a.refreshTokenEnc,
      tokenKeyId: a.tokenKeyId,
      status: a.status,
      statusReason: a.statusReason,
      automationBudgetPercent: a.automationBudgetPercent,
      createdAt: toDate(a.createdAt),
      updatedAt: toDate(a.updatedAt),
    },
  }));
}

/** The automated record mappings of some accounts that look for an existing record ("link" or "update"), with their searchable fields. */
export function listLinkMappings(db: Database, accountIds: string[]) {
  return db.objectMapping.findMany({
    where: {
      accountId: { in: accountIds },
      automation: true,
      kind: 'record',
      duplicatePolicy: { in: ['link', 'update'] },
    },
    select: {
      accountId: true,
      objectName: true,
      objectLabel: true,
      fields: { where: { searchable: true }, select: { field: true }, orderBy: { position: 'asc' } },
    },
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
      objectLabel: data.objectLabel,
      ...mappingColumns(mapping),
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
      objectLabel,
      ...mappingColumns(mapping),
      fields: { create: fieldRows(mapping) },
    },
    include: withFields,
  });
}

export async function deleteMapping(db: Database | Transaction, id: string): Promise<void> {
  await db.objectMapping.delete({ where: { id } });
}
