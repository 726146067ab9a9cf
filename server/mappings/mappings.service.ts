import type { SalesforceClient } from '../salesforce/salesforce.client';
import type { Logger } from 'pino';
import type { PreviewResponse } from '../../src/api/mappings';
import type { ChatSnapshot } from '../../src/chat/chat';
import { kindOf, type Mapping } from '../../src/mapping/mapping';
import { hasErrors, uniqueProblems, type Problem } from '../../src/mapping/problems';
import { withoutEmptyOptionalFields } from '../../src/mapping/newMapping';
import { validateMapping } from '../../src/mapping/validate';
import {
  choosableRecordTypes,
  sameId,
  type ObjectMetadata,
  type RecordTypePicklists,
} from '../../src/salesforce/objectMetadata';
import type { AccountRow } from '../accounts/accounts.repo';
import type { AccountsService } from '../accounts/accounts.service';
import type { Agent } from '../auth/agent';
import { withAudit } from '../audit/audit.repo';
import type { ChatFieldsService } from '../chatFields/chatFields.service';
import type { Database, Transaction } from '../db/prisma';
import { errors, type AppError } from '../http/appError';
import type { SalesforceConnections } from '../salesforce/connections';
import { runLookups, type LookupFound } from '../salesforce/lookups';
import { prepareRecord } from './prepareRecord';
import type { SalesforceMetadata } from '../salesforce/metadata.service';
import { salesforceFailureError, toSalesforceError } from '../salesforce/salesforceError';
import {
  createMapping,
  deleteMapping,
  findMapping,
  listMappings,
  replaceMapping,
  toMapping,
  type MappingRow,
} from './mappings.repo';

export type MappingsService = ReturnType<typeof createMappingsService>;

/** The 409 of a second mapping of one object (or a second conversation log) on an account. */
function alreadyMappedError(mapping: Mapping, account: AccountRow): AppError {
  return kindOf(mapping) === 'conversation'
    ? errors.conflict(`“${account.label}” logs conversations already. Edit that log instead.`)
    : errors.conflict(
        `${mapping.objectName} is already mapped on “${account.label}”. Edit that mapping instead.`,
      );
}

/** Two owners saving the same object at once: the unique key answers, as a 409 rather than a 500. */
const alreadyMapped = (mapping: Mapping, account: AccountRow) => (error: unknown) => {
  if ((error as { code?: string }).code === 'P2002') throw alreadyMappedError(mapping, account);
  throw error;
};

/** The same slot of an account: one record mapping per object, one conversation log. */
const sameSlot = (row: MappingRow, mapping: Mapping) =>
  row.objectName === mapping.objectName && row.kind === kindOf(mapping);

/** How a mapping is named to the owner: its object, or "the conversation log". */
const nameOf = (row: MappingRow) =>
  row.kind === 'conversation' ? 'the conversation log' : row.objectLabel || row.objectName;

/**
 * The account's other mappings that take this chat's record of `row` (chat-record entries): while
 * they do, it may not be removed, nor become another object's mapping.
 */
function referencing(row: MappingRow, all: readonly MappingRow[]): MappingRow[] {
  if (row.kind !== 'record') return [];
  return all.filter(
    (other) =>
      other.id !== row.id &&
      other.fields.some((f) => f.entryType === 'chat_record' && f.recordObject === row.objectName),
  );
}

function stillReferenced(row: MappingRow, by: readonly MappingRow[], doing: string): AppError {
  const names = by.map(nameOf);
  const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names[0]!;
  const who = list.charAt(0).toUpperCase() + list.slice(1);
  return errors.conflict(
    `${who} ${by.length > 1 ? 'take' : 'takes'} this chat's ${row.objectLabel} as a field's value, so it cannot be ${doing}. Change ${by.length > 1 ? 'them' : 'it'} first.`,
    { referencedBy: by.map((m) => ({ id: m.id, objectName: m.objectName, kind: m.kind })) },
  );
}

/** The mapped object's metadata and that of the objects its Auto-Match fields search (cached describes). */
export async function objectAndRelated(
  metadata: SalesforceMetadata,
  accountId: string,
  conn: SalesforceClient,
  mapping: Mapping,
) {
  const meta = await metadata.describe(accountId, conn, mapping.objectName);
  const related: Record<string, ObjectMetadata> = {};
  for (const f of mapping.fields) {
    const allowed =
      f.entryType === 'autoMatch' &&
      meta.fields.find((m) => m.name === f.field)?.referenceTo.includes(f.match.object);
    if (f.entryType === 'autoMatch' && allowed && !related[f.match.object]) {
      related[f.match.object] = await metadata.describe(accountId, conn, f.match.object);
    }
  }
  return { meta, related };
}

/** Rejects a mapping with its problems, each at the path of the part it concerns. */
function invalid(problems: Problem[]): AppError {
  const found = problems.filter((p) => p.severity === 'error');
  return errors.validationFailed(
    problems,
    found.length === 1 ? found[0]!.message : `The mapping has ${found.length} problems to fix.`,
  );
}

export function createMappingsService(deps: {
  db: Database;
  accounts: AccountsService;
  connections: SalesforceConnections;
  metadata: SalesforceMetadata;
  chatFields: ChatFieldsService;
  logger: Logger;
}) {
  async function connected(
    agent: Agent,
    accountId: string,
  ): Promise<{ account: AccountRow; conn: SalesforceClient }> {
    const account = await deps.accounts.get(agent, accountId);
    try {
      return { account, conn: deps.connections.connect(account, 'settings') };
    } catch (error) {
      const failure = toSalesforceError(error);
      throw errors.salesforceNeedsReconnect(
        `“${account.label}” needs to be reconnected before objects can be mapped.`,
        { reason: failure.message },
      );
    }
  }

  /** Runs a Salesforce call, turning its failures into API errors an owner can act on. */
  async function salesforce<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      throw salesforceFailureError(error);
    }
  }

  async function objects(agent: Agent, accountId: string) {
    const { account, conn } = await connected(agent, accountId);
    return salesforce(() => deps.metadata.createableObjects(account.id, conn));
  }

  /** Any object of the org: mapped ones, and those Auto-Match searches (User, Group, Account…). */
  async function describe(agent: Agent, accountId: string, objectName: string): Promise<ObjectMetadata> {
    const { account, conn } = await connected(agent, accountId);
    const all = await salesforce(() => deps.metadata.allObjects(account.id, conn));
    if (!all.some((o) => o.name === objectName)) {
      throw errors.notFound(`This Salesforce org has no object called ${objectName}.`);
    }
    return salesforce(() => deps.metadata.describe(account.id, conn, objectName));
  }

  /** The picklist values of the mapping's record type, when it sets one the object has (else none). */
  async function recordTypePicklistsOf(
    account: AccountRow,
    conn: SalesforceClient,
    mapping: Mapping,
    meta: ObjectMetadata,
  ): Promise<RecordTypePicklists | undefined> {
    const id = mapping.recordTypeId;
    if (!id || !choosableRecordTypes(meta).some((rt) => sameId(rt.id, id))) return undefined;
    return salesforce(() => deps.metadata.recordTypePicklists(account.id, conn, mapping.objectName, id));
  }

  /**
   * Checks a mapping against the org's own metadata and the account's other mappings (`savedId`: the
   * mapping's own saved version, left out of them); answers the object's metadata when it is valid.
   */
  async function check(
    agent: Agent,
    account: AccountRow,
    conn: SalesforceClient,
    mapping: Mapping,
    savedId?: string,
  ) {
    const all = await salesforce(() => deps.metadata.allObjects(account.id, conn));
    const available = all.filter((o) => o.createable);
    const summary = available.find((o) => o.name === mapping.objectName);
    if (!summary) {
      return {
        problems: [
          {
            path: 'objectName',
            code: 'unknown_object',
            severity: 'error',
            message: `${mapping.objectName} is not an object you can create records of in this org.`,
          } satisfies Problem,
        ],
      };
    }
    const meta = await salesforce(() => deps.metadata.describe(account.id, conn, mapping.objectName));
    const orgObjects = all.map((o) => o.name);
    const relatedNames = [
      ...new Set([
        ...mapping.fields.flatMap((f) => (f.entryType === 'autoMatch' ? [f.match.object] : [])),
        ...(mapping.skipIfExistsAs ?? []),
      ]),
    ].filter((name) => orgObjects.includes(name) || name === 'User');
    const related: Record<string, ObjectMetadata> = {};
    for (const name of relatedNames)
      related[name] = await salesforce(() => deps.metadata.describe(account.id, conn, name));
    const [chatFields, rows, recordTypePicklists] = await Promise.all([
      deps.chatFields.discovered(agent.licenseId),
      listMappings(deps.db, agent.licenseId, account.id),
      recordTypePicklistsOf(account, conn, mapping, meta),
    ]);
    const siblings = rows.filter((row) => row.id !== savedId).map(toMapping);
    return {
      meta,
      related,
      recordTypePicklists,
      problems: validateMapping(mapping, meta, {
        relatedObjects: related,
        chatFields,
        siblings,
        orgObjects,
        ...(recordTypePicklists ? { recordTypePicklists } : {}),
      }),
    };
  }

  /** Saves a checked mapping with its audit entry, in one transaction. */
  function save(
    agent: Agent,
    account: AccountRow,
    mapping: Mapping,
    action: 'mapping.created' | 'mapping.updated',
    objectLabel: string,
    write: (tx: Transaction) => Promise<MappingRow>,
  ): Promise<MappingRow> {
    return withAudit(deps.db, write, (row) => ({
      actor: agent,
      action,
      targetType: 'mapping',
      targetId: row.id,
      details: { object: objectLabel, account: account.label },
    })).catch(alreadyMapped(mapping, account));
  }

  async function create(agent: Agent, accountId: string, mapping: Mapping) {
    const { account, conn } = await connected(agent, accountId);
    const existing = await listMappings(deps.db, agent.licenseId, accountId);
    if (existing.some((m) => sameSlot(m, mapping))) throw alreadyMappedError(mapping, account);
    const { meta, problems } = await check(agent, account, conn, mapping);
    if (!meta || hasErrors(problems)) throw invalid(problems);
    const saved = withoutEmptyOptionalFields(mapping, meta);
    return save(agent, account, saved, 'mapping.created', meta.label, (tx) =>
      createMapping(tx, { licenseId: agent.licenseId, accountId, objectLabel: meta.label, mapping: saved }),
    );
  }

  async function get(agent: Agent, mappingId: string) {
    const row = await findMapping(deps.db, agent.licenseId, mappingId);
    if (!row) throw errors.notFound('This mapping does not exist (it may have been removed).');
    return row;
  }

  async function update(agent: Agent, mappingId: string, mapping: Mapping) {
    const current = await get(agent, mappingId);
    const { account, conn } = await connected(agent, current.accountId);
    if (mapping.objectName !== current.objectName || kindOf(mapping) !== current.kind) {
      const all = await listMappings(deps.db, agent.licenseId, current.accountId);
      const others = all.filter((m) => m.id !== current.id);
      if (others.some((m) => sameSlot(m, mapping))) throw alreadyMappedError(mapping, account);
      const by = referencing(current, all);
      if (by.length) throw stillReferenced(current, by, `made a mapping of another object`);
    }
    const { meta, problems } = await check(agent, account, conn, mapping, current.id);
    if (!meta || hasErrors(problems)) throw invalid(problems);
    const saved = withoutEmptyOptionalFields(mapping, meta);
    return save(agent, account, saved, 'mapping.updated', meta.label, (tx) =>
      replaceMapping(tx, mappingId, meta.label, saved),
    );
  }

  async function remove(agent: Agent, mappingId: string) {
    const row = await get(agent, mappingId);
    const account = await deps.accounts.get(agent, row.accountId);
    const by = referencing(row, await listMappings(deps.db, agent.licenseId, row.accountId));
    if (by.length) throw stillReferenced(row, by, 'removed');
    await withAudit(
      deps.db,
      (tx) => deleteMapping(tx, mappingId),
      () => ({
        actor: agent,
        action: 'mapping.deleted',
        targetType: 'mapping',
        targetId: mappingId,
        details: { object: row.objectLabel, account: account.label },
      }),
    );
  }

  /** The record a mapping would create from a chat: lookups run, values checked, nothing created. */
  async function preview(
    agent: Agent,
    token: string,
    accountId: string,
    mapping: Mapping,
    chatId: string,
  ): Promise<PreviewResponse> {
    const { account, conn } = await connected(agent, accountId);
    const saved = (await listMappings(deps.db, agent.licenseId, accountId)).find((m) => sameSlot(m, mapping));
    const { meta, related, problems, recordTypePicklists } = await check(
      agent,
      account,
      conn,
      mapping,
      saved?.id,
    );
    if (!meta) {
      return {
        record: {},
        lookups: [],
        chatRecords: [],
        recordType: null,
        conversation: null,
        missing: [],
        problems,
      };
    }
    let chat: ChatSnapshot;
    try {
      chat = await deps.chatFields.chat(agent, token, chatId);
    } catch {
      throw errors.notFound('That chat could not be read from LiveChat’s archives.');
    }
    const prepared = prepareRecord(mapping, chat, meta, related, { recordTypePicklists });
    const found = prepared.lookups.length
      ? await salesforce(() => runLookups(conn, prepared.lookups))
      : new Map<string, LookupFound | null>();
    const record = { ...prepared.values };
    for (const l of prepared.lookups) {
      const hit = found.get(l.field);
      if (hit) record[l.field] = hit.id;
    }
    const recordType = mapping.recordTypeId
      ? (choosableRecordTypes(meta).find((rt) => sameId(rt.id, mapping.recordTypeId!)) ?? null)
      : null;
    return {
      record,
      lookups: prepared.lookups.map(({ nameField: _n, ...l }) => ({
        ...l,
        found: found.get(l.field) ?? null,
      })),
      chatRecords: prepared.chatRecords.map((r) => ({ ...r, shown: `This chat's ${r.object}` })),
      recordType: recordType && { id: recordType.id, name: recordType.name },
      conversation: prepared.conversation ?? null,
      missing: prepared.missing,
      // The mapping's own warnings are shown beside its fields already: the preview adds what this
      // chat's values cause, and the errors that keep the record from being created.
      problems: uniqueProblems([...problems.filter((p) => p.severity === 'error'), ...prepared.problems]),
    };
  }

  /** The values each picklist of an object offers under one of its record types (for the settings' pickers). */
  async function recordTypePicklists(
    agent: Agent,
    accountId: string,
    objectName: string,
    recordTypeId: string,
  ): Promise<{ recordType: { id: string; name: string }; picklists: RecordTypePicklists }> {
    const meta = await describe(agent, accountId, objectName);
    const { account, conn } = await connected(agent, accountId);
    const recordType = (meta.recordTypes ?? []).find((rt) => sameId(rt.id, recordTypeId));
    if (!recordType) {
      throw errors.notFound(
        choosableRecordTypes(meta).length
          ? `${meta.label} has no record type ${recordTypeId} in this org.`
          : `${meta.label} has no record types in this org.`,
      );
    }
    const picklists = await salesforce(() =>
      deps.metadata.recordTypePicklists(account.id, conn, objectName, recordType.id),
    );
    return { recordType: { id: recordType.id, name: recordType.name }, picklists };
  }

  return {
    objects,
    describe,
    list: (agent: Agent, accountId: string) =>
      deps.accounts.get(agent, accountId).then(() => listMappings(deps.db, agent.licenseId, accountId)),
    create,
    get,
    update,
    remove,
    preview,
    recordTypePicklists,
  };
}
