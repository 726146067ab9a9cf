import type { SalesforceClient } from '../salesforce/salesforce.client';
import type { Logger } from 'pino';
import type { PreviewResponse } from '../../src/api/mappings';
import type { ChatSnapshot } from '../../src/chat/chat';
import type { Mapping } from '../../src/mapping/mapping';
import { hasErrors, uniqueProblems, type Problem } from '../../src/mapping/problems';
import { withoutEmptyOptionalFields } from '../../src/mapping/newMapping';
import { validateMapping } from '../../src/mapping/validate';
import type { ObjectMetadata } from '../../src/salesforce/objectMetadata';
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
  type MappingRow,
} from './mappings.repo';

export type MappingsService = ReturnType<typeof createMappingsService>;

/** Two owners saving the same object at once: the unique key answers, as a 409 rather than a 500. */
const alreadyMapped = (mapping: Mapping, account: AccountRow) => (error: unknown) => {
  if ((error as { code?: string }).code === 'P2002') {
    throw errors.conflict(
      `${mapping.objectName} is already mapped on “${account.label}”. Edit that mapping instead.`,
    );
  }
  throw error;
};

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

  /** Checks a mapping against the org's own metadata; answers the object's metadata when it is valid. */
  async function check(agent: Agent, account: AccountRow, conn: SalesforceClient, mapping: Mapping) {
    const available = await salesforce(() => deps.metadata.createableObjects(account.id, conn));
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
    const relatedNames = [
      ...new Set(mapping.fields.flatMap((f) => (f.entryType === 'autoMatch' ? [f.match.object] : []))),
    ].filter((name) => available.some((o) => o.name === name) || name === 'User');
    const related: Record<string, ObjectMetadata> = {};
    for (const name of relatedNames)
      related[name] = await salesforce(() => deps.metadata.describe(account.id, conn, name));
    const chatFields = await deps.chatFields.discovered(agent.licenseId);
    return {
      meta,
      related,
      problems: validateMapping(mapping, meta, { relatedObjects: related, chatFields }),
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
    if (existing.some((m) => m.objectName === mapping.objectName)) {
      throw errors.conflict(
        `${mapping.objectName} is already mapped on “${account.label}”. Edit that mapping instead.`,
      );
    }
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
    if (mapping.objectName !== current.objectName) {
      const others = await listMappings(deps.db, agent.licenseId, current.accountId);
      if (others.some((m) => m.objectName === mapping.objectName)) {
        throw errors.conflict(`${mapping.objectName} is already mapped on “${account.label}”.`);
      }
    }
    const { meta, problems } = await check(agent, account, conn, mapping);
    if (!meta || hasErrors(problems)) throw invalid(problems);
    const saved = withoutEmptyOptionalFields(mapping, meta);
    return save(agent, account, saved, 'mapping.updated', meta.label, (tx) =>
      replaceMapping(tx, mappingId, meta.label, saved),
    );
  }

  async function remove(agent: Agent, mappingId: string) {
    const row = await get(agent, mappingId);
    const account = await deps.accounts.get(agent, row.accountId);
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
    const { meta, related, problems } = await check(agent, account, conn, mapping);
    if (!meta) return { record: {}, lookups: [], missing: [], problems };
    let chat: ChatSnapshot;
    try {
      chat = await deps.chatFields.chat(agent, token, chatId);
    } catch {
      throw errors.notFound('That chat could not be read from LiveChat’s archives.');
    }
    const prepared = prepareRecord(mapping, chat, meta, related);
    const found = prepared.lookups.length
      ? await salesforce(() => runLookups(conn, prepared.lookups))
      : new Map<string, LookupFound | null>();
    const record = { ...prepared.values };
    for (const l of prepared.lookups) {
      const hit = found.get(l.field);
      if (hit) record[l.field] = hit.id;
    }
    return {
      record,
      lookups: prepared.lookups.map(({ nameField: _n, ...l }) => ({
        ...l,
        found: found.get(l.field) ?? null,
      })),
      missing: prepared.missing,
      // The mapping's own warnings are shown beside its fields already: the preview adds what this
      // chat's values cause, and the errors that keep the record from being created.
      problems: uniqueProblems([...problems.filter((p) => p.severity === 'error'), ...prepared.problems]),
    };
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
  };
}
