import type {
  AttachTranscriptRequest,
  AttachTranscriptResponse,
  ChatSetAccount,
  ChatSetResponse,
  CreateSetRequest,
  CreateSetResponse,
  RelatedRecord,
  SetMember,
  SetRecord,
} from '../../src/api/widget';
import type { ChatSnapshot } from '../../src/chat/chat';
import { conversationSubject, conversationText } from '../../src/chat/conversationLog';
import { kindOf } from '../../src/mapping/mapping';
import { findField, nameField, type ObjectMetadata } from '../../src/salesforce/objectMetadata';
import type { AccountRow } from '../accounts/accounts.repo';
import { recordAgentCreatedRun } from '../automation/runs.repo';
import type { Clock } from '../clock';
import { canConfigure, type Agent } from '../auth/agent';
import { AppError, errors } from '../http/appError';
import { objectAndRelated } from '../mappings/mappings.service';
import { prepareRecord, type PreparedRecord } from '../mappings/prepareRecord';
import {
  chatSetMember,
  chatSetNeedsReads,
  chatSetPlan,
  failedMappingOf,
  logConversation,
  readChatSet,
  writeChatSet,
  type ChatSetMember,
  type ChatSetReads,
  type ChatSetRequest,
  type SettledRecord,
} from '../salesforce/chatSet';
import { runLookups, type LookupSpec } from '../salesforce/lookups';
import type { SalesforceClient } from '../salesforce/salesforce.client';
import { isTimeout, SalesforceError, toSalesforceError } from '../salesforce/salesforceError';
import { recordUrl } from '../salesforce/recordUrl';
import { settledRunsOfChat, type SettledRun } from './chatSet.repo';
import { refusalProblems } from './refusalInWords';
import { failedState } from './related.service';
import { toWidgetAccount } from './related.presenter';
import type { RelatedCache } from './relatedCache';
import { cardPlanOf } from './relatedCards';
import { readCards } from './readCards';
import { accountFailureError, type MappedObject, type WidgetContext, type WidgetDeps } from './widgetContext';

export type ChatSetService = ReturnType<typeof createChatSetService>;

/**
 * Records a record an agent made for a chat's mapping (one of the set, or from the Create form) as the
 * mapping's settled run, so that automation after the chat links to it instead of creating another.
 * False when automation settled the run first (or holds it): then the chat has two records, said in
 * the log.
 */
export async function recordAgentRecord(
  deps: Pick<WidgetDeps, 'db' | 'logger'> & { clock: Clock },
  account: AccountRow,
  chat: ChatSnapshot,
  record: { mappingId: string; objectName: string; id: string },
): Promise<boolean> {
  const recorded = await recordAgentCreatedRun(
    deps.db,
    { licenseId: account.licenseId, chatId: chat.chatId, mappingId: record.mappingId },
    {
      threadId: chat.threadId,
      accountId: account.id,
      objectName: record.objectName,
      visitorName: chat.visitor.name ?? null,
      visitorEmail: chat.visitor.email ?? null,
      recordId: record.id,
      recordUrl: recordUrl(account.instanceUrl, record.objectName, record.id),
    },
    deps.clock.now(),
  );
  if (!recorded) {
    deps.logger.warn(
      { account: account.id, mapping: record.mappingId, record: record.id },
      'an agent’s record was not recorded as the chat’s run: automation settled it first',
    );
  }
  return recorded;
}

/** What became (or would become) of one mapping of the set, whoever decided it. */
interface Decision {
  state: SetMember['state'];
  id: string | null;
  objectName: string;
  reason?: string | undefined;
  createdBy?: SetMember['createdBy'];
  /** The record's name, when call 1 read it with the record. */
  name?: string;
}

/** One account's set, prepared from the chat: no Salesforce call but (cached) describes. */
interface PreparedSet {
  account: AccountRow;
  conn: SalesforceClient;
  chat: ChatSnapshot;
  records: (MappedObject & { meta: ObjectMetadata; prepared: PreparedRecord; member: ChatSetMember })[];
  conversation: (MappedObject & { meta: ObjectMetadata; prepared: PreparedRecord }) | undefined;
  settled: Map<string, SettledRun>;
}

/**
 * A failure of the set's reads as the account's state, for the reader: the records above are shown
 * (they come from their own search), only the set cannot be checked now.
 */
function setFailure(failure: SalesforceError, owner: boolean) {
  const state = failedState(failure, owner);
  if (state.state !== 'limit_reached') return state;
  return {
    state: state.state,
    message: owner
      ? 'This Salesforce org has used up its API calls for today, so this chat’s records cannot be checked or created from here until the limit resets. Its API usage is on the account’s tile in the app’s settings.'
      : 'This Salesforce org has used up its API calls for today, so this chat’s records cannot be checked or created from here until the limit resets. Your license owner can see the org’s API usage in the app’s settings.',
  };
}

const NO_READS: ChatSetReads = { records: new Map(), calls: 0 };

/** Objects a Task's WhoId names; any other record it relates to is its WhatId. */
const WHO_OBJECTS = new Set(['Lead', 'Contact']);

/**
 * The chat's set in the widget: per account, each record mapping's record of this chat (found by the
 * same reads automation makes, created already, to be created, or skipped), creating every record
 * not there yet in one graph, and attaching the chat's transcript to a record shown.
 */
export function createChatSetService(
  deps: WidgetDeps & { ctx: WidgetContext; cache: RelatedCache; clock: Clock },
) {
  const log = deps.logger.child({ module: 'widget-set' });

  async function prepareSet(
    account: AccountRow,
    conn: SalesforceClient,
    chat: ChatSnapshot,
    mapped: MappedObject[],
  ): Promise<PreparedSet> {
    const prepare = async (m: MappedObject) => {
      const { meta, related } = await objectAndRelated(deps.metadata, account.id, conn, m.mapping);
      const recordTypePicklists = m.mapping.recordTypeId
        ? await deps.metadata.recordTypePicklists(account.id, conn, meta.name, m.mapping.recordTypeId)
        : null;
      return { ...m, meta, prepared: prepareRecord(m.mapping, chat, meta, related, { recordTypePicklists }) };
    };
    const recordMappings = mapped.filter((m) => kindOf(m.mapping) === 'record');
    const skipObjects = [...new Set(recordMappings.flatMap((m) => m.mapping.skipIfExistsAs ?? []))];
    const skipDescribes = skipObjects.length
      ? await deps.metadata.describeAnyAge(account.id, conn, skipObjects)
      : new Map<string, ObjectMetadata>();
    const fieldsOf = (objectName: string) => {
      const meta = skipDescribes.get(objectName);
      return meta ? new Set(meta.fields.map((f) => f.name)) : undefined;
    };
    const records = [];
    for (const m of recordMappings) {
      const p = await prepare(m);
      const member = chatSetMember({
        mappingId: m.row.id,
        objectLabel: p.meta.label || m.row.objectLabel,
        mapping: m.mapping,
        prepared: p.prepared,
        fieldsOf,
      });
      records.push({ ...p, member });
    }
    const conversationMapping = mapped.find((m) => kindOf(m.mapping) === 'conversation');
    const runs = await settledRunsOfChat(
      deps.db,
      account.licenseId,
      chat.chatId,
      records.map((r) => r.row.id),
    );
    return {
      account,
      conn,
      chat,
      records,
      conversation: conversationMapping && (await prepare(conversationMapping)),
      settled: new Map(runs.map((r) => [r.mappingId, r])),
    };
  }

  /** The request the set writer takes for what is not settled yet: the widget links, never updates, a record found. */
  function requestOf(set: PreparedSet): ChatSetRequest {
    // Call 1 reads each record's name with it, so the view needs no second call for the records it finds.
    const readFields = Object.fromEntries(
      set.records.flatMap((r) => {
        const name = nameField(r.meta)?.name;
        return name && name !== 'Id' ? [[r.mapping.objectName, [name]]] : [];
      }),
    );
    return {
      readFields,
      members: set.records
        .filter((r) => !set.settled.has(r.row.id))
        .map(({ member }) =>
          member.duplicatePolicy === 'update' ? { ...member, duplicatePolicy: 'link' as const } : member,
        ),
      settled: set.records.flatMap((r): SettledRecord[] => {
        const run = set.settled.get(r.row.id);
        return run?.recordId
          ? [
              {
                mappingId: r.row.id,
                mappingObject: r.mapping.objectName,
                id: run.recordId,
                objectName: run.objectName,
              },
            ]
          : [];
      }),
    };
  }

  /** Settled runs as decisions: what the chat already has. */
  function settledDecisions(set: PreparedSet): Map<string, Decision> {
    const decided = new Map<string, Decision>();
    for (const [mappingId, run] of set.settled) {
      decided.set(mappingId, {
        state: run.status === 'created' ? 'created' : 'found',
        id: run.recordId,
        objectName: run.objectName,
        // An agent's record is recorded as a run without an attempt of automation's.
        createdBy: run.attempts === 0 ? 'agent' : 'automation',
      });
    }
    return decided;
  }

  /** What the plan would do now, per mapping not settled (call 1's reads when the set needs them). */
  async function plannedDecisions(set: PreparedSet): Promise<Map<string, Decision>> {
    const req = requestOf(set);
    const reads = chatSetNeedsReads(req) ? await readChatSet(set.conn, req) : NO_READS;
    const decided = settledDecisions(set);
    const nameFieldOf = (objectName: string) => req.readFields?.[objectName]?.[0];
    const readName = (objectName: string, id: string | undefined) => {
      const field = nameFieldOf(objectName);
      const value =
        field && id ? reads.records.get(objectName)?.find((r) => r.Id === id)?.[field] : undefined;
      return typeof value === 'string' ? value : undefined;
    };
    for (const step of chatSetPlan(set.conn, req, reads).steps) {
      const state =
        step.action === 'create'
          ? 'toCreate'
          : step.action === 'skip'
            ? 'skipped'
            : step.action === 'recovered'
              ? 'created'
              : 'found';
      decided.set(step.mappingId, {
        state,
        id: step.id ?? null,
        objectName: step.objectName,
        reason: step.reason,
      });
      const name = readName(step.objectName, step.id);
      if (name !== undefined) decided.get(step.mappingId)!.name = name;
    }
    return decided;
  }

  /**
   * The cards of the set's records after its graph (those created, and those found), read in the one
   * call that would otherwise read their names (namesOf then has none left to read), so the widget
   * shows the new records complete at once: Salesforce's search index may not have them yet. A record
   * of another object than its mapping's (a converted Lead's Contact) is only named. Unread, the new
   * records are shown by name, without key fields: they exist either way.
   */
  async function cardsOf(
    set: PreparedSet,
    decided: Map<string, Decision>,
  ): Promise<Map<string, RelatedRecord>> {
    const shown = set.records.flatMap((record) => {
      const d = decided.get(record.row.id);
      return d?.id && d.objectName === record.mapping.objectName ? [{ id: d.id, record }] : [];
    });
    try {
      const describe = (names: string[]) => deps.metadata.describeAnyAge(set.account.id, set.conn, names);
      const records = await Promise.all(
        shown.map(async ({ id, record }) => ({
          id,
          plan: await cardPlanOf(record.mapping, record.meta, describe),
        })),
      );
      return await readCards(set.conn, records, set.account.instanceUrl);
    } catch (error) {
      log.warn(
        { account: set.account.id, code: toSalesforceError(error).errorCode },
        'the set’s cards could not be read',
      );
      return new Map();
    }
  }

  /** The names of the records decided: read with them in call 1, else in one composite call (five per call) by id. */
  async function namesOf(set: PreparedSet, decided: Map<string, Decision>): Promise<Map<string, string>> {
    const read = new Map(
      [...decided.values()].flatMap((d) => (d.id && d.name !== undefined ? [[d.id, d.name] as const] : [])),
    );
    const wanted = [...decided.values()].filter(
      (d): d is Decision & { id: string } => d.id !== null && !read.has(d.id),
    );
    if (wanted.length === 0) return read;
    const objects = [...new Set(wanted.map((d) => d.objectName))];
    const describes = await deps.metadata.describeAnyAge(set.account.id, set.conn, objects);
    const specs: LookupSpec[] = wanted.map((d, n) => ({
      field: `n${n}`,
      object: d.objectName,
      matchField: 'Id',
      value: d.id,
      nameField: (describes.get(d.objectName) && nameField(describes.get(d.objectName)!)?.name) ?? 'Id',
    }));
    const found = await runLookups(set.conn, specs);
    for (const s of specs) if (found.get(s.field)) read.set(s.value, found.get(s.field)!.name);
    return read;
  }

  /** The set's members in reference order (a Case after the Contact it names), from the writer's own plan. */
  function inSetOrder(set: PreparedSet) {
    const order = chatSetPlan(
      set.conn,
      { members: set.records.map((r) => r.member), settled: [] },
      NO_READS,
    ).steps.map((s) => s.mappingId);
    return [...set.records].sort((a, b) => order.indexOf(a.row.id) - order.indexOf(b.row.id));
  }

  async function attachableObjects(account: AccountRow, conn: SalesforceClient): Promise<string[]> {
    const task = (await deps.metadata.describeAnyAge(account.id, conn, ['Task'])).get('Task');
    const targets = ['WhoId', 'WhatId'].flatMap((f) => (task && findField(task, f)?.referenceTo) ?? []);
    return [...new Set(targets)];
  }

  function noteOf(
    r: PreparedSet['records'][number],
    d: Decision,
    labelOf: (object: string) => string,
  ): string | undefined {
    const label = r.meta.label || r.row.objectLabel;
    if (d.state === 'found' && d.reason === 'converted')
      return `The ${label} found was converted: this chat’s ${label} is its ${labelOf(d.objectName)}.`;
    // Found now, not by a settled run: automation updates it after the chat.
    if (d.state === 'found' && !d.createdBy && r.mapping.duplicatePolicy === 'update' && r.mapping.automation)
      return 'Found: the chat’s values are filled in after the chat, by its update rules.';
    if (d.state === 'skipped' && d.reason === 'existsAs')
      return `This visitor is already ${article(labelOf(d.objectName))} in Salesforce, so no ${label} is created.`;
    if (d.state === 'skipped' && d.reason === 'inSet')
      return `This visitor is this chat’s ${labelOf(d.objectName)}, so no ${label} is created.`;
    if (d.state === 'skipped' && d.reason === 'duplicateRule')
      return `Salesforce’s duplicate rules found this visitor’s record, so no ${label} is created.`;
    return undefined;
  }
  const article = (word: string) => `${/^[aeiou]/i.test(word) ? 'an' : 'a'} ${word}`;

  async function viewOf(set: PreparedSet, decided: Map<string, Decision>): Promise<ChatSetAccount> {
    const [names, attachable] = await Promise.all([
      namesOf(set, decided),
      attachableObjects(set.account, set.conn),
    ]);
    const labels = new Map(set.records.map((r) => [r.mapping.objectName, r.meta.label || r.row.objectLabel]));
    const labelOf = (object: string) => labels.get(object) ?? object;
    const recordOf = (d: Decision): SetRecord | null =>
      d.id
        ? {
            id: d.id,
            name: names.get(d.id) ?? `${labelOf(d.objectName)} ${d.id}`,
            url: recordUrl(set.account.instanceUrl, d.objectName, d.id),
            objectName: d.objectName,
          }
        : null;
    const members = inSetOrder(set).map((r): SetMember => {
      const d = decided.get(r.row.id) ?? { state: 'toCreate', id: null, objectName: r.mapping.objectName };
      const note = noteOf(r, d, labelOf);
      return {
        mappingId: r.row.id,
        objectName: r.mapping.objectName,
        objectLabel: r.meta.label || r.row.objectLabel,
        state: d.state,
        record: recordOf(d),
        ...(d.createdBy && d.state === 'created' ? { createdBy: d.createdBy } : {}),
        automation: r.mapping.automation,
        ...(note ? { note } : {}),
        refersTo: r.prepared.chatRecords.map((c) => ({
          field: c.field,
          fieldLabel: findField(r.meta, c.field)?.label ?? c.field,
          object: c.object,
        })),
      };
    });
    return {
      account: toWidgetAccount(set.account),
      state: 'ok',
      members,
      conversation: set.conversation
        ? {
            mappingId: set.conversation.row.id,
            logAs: set.conversation.mapping.logAs ?? 'task',
            automation: set.conversation.mapping.automation,
          }
        : null,
      attachableObjects: attachable,
    };
  }

  /** One account's set for the agent, or the state that says why it cannot be shown. */
  async function forAccount(
    account: AccountRow,
    chat: ChatSnapshot,
    owner: boolean,
  ): Promise<ChatSetAccount> {
    const base = {
      account: toWidgetAccount(account),
      members: [],
      conversation: null,
      attachableObjects: [],
    };
    if (account.status === 'needs_reconnect')
      return { ...base, ...failedState(new SalesforceError('needs_reconnect', 'needs reconnect'), owner) };
    const mapped = await deps.ctx.mappedObjects(account);
    if (!mapped.some((m) => kindOf(m.mapping) === 'record')) return { ...base, state: 'no_mappings' };
    const connected = deps.ctx.connect(account);
    if ('failure' in connected) return { ...base, ...failedState(connected.failure, owner) };
    try {
      const set = await prepareSet(account, connected.conn, chat, mapped);
      return await viewOf(set, await plannedDecisions(set));
    } catch (error) {
      const failure = toSalesforceError(error);
      log.warn(
        { account: account.id, kind: failure.kind, code: failure.errorCode },
        'the chat’s set could not be read',
      );
      return { ...base, ...setFailure(failure, owner) };
    }
  }

  async function view(
    agent: Agent,
    token: string,
    ref: { chatId: string; threadId?: string | undefined },
  ): Promise<ChatSetResponse> {
    const accounts = await deps.ctx.usableAccounts(agent);
    if (accounts.length === 0) return { accounts: [] };
    const chat = await deps.ctx.chat(agent, token, ref);
    const owner = canConfigure(agent);
    return { accounts: await Promise.all(accounts.map((a) => forAccount(a, chat, owner))) };
  }

  /** An account the agent may use, connected for a write, and the chat: or the error that says why not. */
  async function writeContext(
    agent: Agent,
    token: string,
    body: { chatId: string; threadId?: string | undefined; accountId: string },
  ) {
    const account = (await deps.ctx.usableAccounts(agent)).find((a) => a.id === body.accountId);
    if (!account) throw errors.notFound('This Salesforce account is not available to you.');
    const conn = deps.ctx.connectToWrite(account);
    return { account, conn, chat: await deps.ctx.chat(agent, token, body) };
  }

  /** A failure of a write, for the agent: what Salesforce refused (nothing kept), or whom to ask. */
  function writeFailure(error: unknown, account: AccountRow, meta: ObjectMetadata | undefined, what: string) {
    const failure = toSalesforceError(error);
    if (isTimeout(failure))
      return errors.upstreamUnavailable(
        `Salesforce did not answer in time. ${what} may have been written anyway: refresh the records before trying again.`,
      );
    if (failure.kind !== 'rejected' || !meta) return accountFailureError(failure, account.label);
    const problems = refusalProblems(failure, meta);
    const mappingId = failedMappingOf(error);
    return errors.salesforceRefused(
      mappingId ? problems.map((p) => ({ ...p, path: `${mappingId}.${p.path}` })) : problems,
      `Salesforce refused the ${meta.label || meta.name}: ${problems[0]?.message ?? failure.message} Nothing was created.`,
    );
  }

  async function createSet(agent: Agent, token: string, body: CreateSetRequest): Promise<CreateSetResponse> {
    const { account, conn, chat } = await writeContext(agent, token, body);
    let set: PreparedSet;
    try {
      set = await prepareSet(account, conn, chat, await deps.ctx.mappedObjects(account));
    } catch (error) {
      throw accountFailureError(toSalesforceError(error), account.label);
    }
    if (set.records.length === 0) throw errors.notFound('No Salesforce object is mapped on this account.');

    const req = requestOf(set);
    let outcomes;
    try {
      outcomes = req.members.length ? (await writeChatSet(conn, req)).outcomes : [];
    } catch (error) {
      const failed = set.records.find((r) => r.row.id === failedMappingOf(error));
      log.info(
        { account: account.id, mapping: failed?.row.id, code: toSalesforceError(error).errorCode },
        'Salesforce refused the chat’s set',
      );
      const refused = writeFailure(error, account, failed?.meta, 'The records');
      // Refused, or failed before Salesforce kept anything (a graph is all or nothing).
      if (refused.status === 422 || refused.message.includes('anyway')) throw refused;
      throw new AppError(
        refused.code,
        refused.status,
        `${refused.message} Nothing was created.`,
        refused.details,
      );
    }

    const decided = settledDecisions(set);
    const made: { mappingId: string; id: string; objectName: string }[] = [];
    for (const o of outcomes) {
      if (o.outcome === 'created' && o.id) {
        decided.set(o.mappingId, {
          state: 'created',
          id: o.id,
          objectName: o.objectName,
          createdBy: 'agent',
        });
        await recordAgentRecord(deps, account, chat, {
          mappingId: o.mappingId,
          objectName: o.objectName,
          id: o.id,
        });
        made.push({ mappingId: o.mappingId, id: o.id, objectName: o.objectName });
      } else {
        const state = o.outcome === 'skipped' ? 'skipped' : o.outcome === 'created' ? 'toCreate' : 'found';
        decided.set(o.mappingId, { state, id: o.id, objectName: o.objectName, reason: o.reason });
      }
    }
    const cards = made.length > 0 ? await cardsOf(set, decided) : new Map<string, RelatedRecord>();
    for (const d of decided.values()) {
      const card = d.id ? cards.get(d.id) : undefined;
      if (card) d.name = card.name;
    }
    const created: CreateSetResponse['created'] = made.map((m) => ({
      ...m,
      name: '',
      url: recordUrl(account.instanceUrl, m.objectName, m.id),
      fields: cards.get(m.id)?.fields ?? [],
    }));
    await deps.cache.forgetChat(account.id, chat.chatId); // the new records, for every web process
    log.info({ account: account.id, created: created.length }, 'the chat’s set created from the widget');
    const answer = await viewOf(set, decided);
    const named = new Map(answer.members.flatMap((m) => (m.record ? [[m.record.id, m.record.name]] : [])));
    return { set: answer, created: created.map((c) => ({ ...c, name: named.get(c.id) ?? c.id })) };
  }

  async function attachTranscript(
    agent: Agent,
    token: string,
    body: AttachTranscriptRequest,
  ): Promise<AttachTranscriptResponse> {
    const { account, conn, chat } = await writeContext(agent, token, body);
    let set: PreparedSet;
    let target: { id: string; objectName: string };
    let taskMeta: ObjectMetadata;
    try {
      const objects = await deps.metadata.allObjects(account.id, conn);
      const object = objects.find((o) => o.keyPrefix && o.keyPrefix === body.recordId.slice(0, 3));
      if (!object) throw errors.notFound('This Salesforce org has no record with that id.');
      taskMeta = await deps.metadata.describe(account.id, conn, 'Task');
      const relatable = ['WhoId', 'WhatId'].flatMap((f) => findField(taskMeta, f)?.referenceTo ?? []);
      if (!relatable.includes(object.name))
        throw errors.forbidden(
          `A transcript can be attached to records a Task relates to; ${object.label || object.name} records are not among them.`,
        );
      target = { id: body.recordId, objectName: object.name };
      set = await prepareSet(account, conn, chat, await deps.ctx.mappedObjects(account));
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw accountFailureError(toSalesforceError(error), account.label);
    }

    // The chat's Contact or Lead, when the set knows it (settled, or found), is named beside the record.
    let who: { id: string; objectName: string } | undefined;
    if (!WHO_OBJECTS.has(target.objectName)) {
      try {
        const decided = set.records.length ? await plannedDecisions(set) : new Map<string, Decision>();
        const known = [...decided.values()].find(
          (d) => d.id && WHO_OBJECTS.has(d.objectName) && (d.state === 'found' || d.state === 'created'),
        );
        if (known?.id) who = { id: known.id, objectName: known.objectName };
      } catch (error) {
        log.info(
          { account: account.id, err: error },
          'the chat’s Contact is unknown; the transcript names the record only',
        );
      }
    }

    const conversation = set.conversation?.prepared;
    const { Subject: _s, Description: _d, WhoId: _w, WhatId: _t, ...values } = conversation?.values ?? {};
    const subject = conversation?.conversation?.subject || conversationSubject(chat);
    const records = [target, ...(who ? [who] : [])];
    try {
      const written = await logConversation(conn, {
        subject,
        description: conversation?.conversation?.text || conversationText(chat),
        logAs: set.conversation?.mapping.logAs ?? 'task',
        values,
        records,
        taskDescriptionLength: findField(taskMeta, 'Description')?.length || undefined,
        autoAssign: false,
      });
      const kind = written.objectName === 'ContentNote' ? 'note' : 'task';
      log.info({ account: account.id, kind, calls: written.calls }, 'transcript attached from the widget');
      return {
        kind,
        id: written.id,
        name: subject,
        // A note opens as the file (ContentDocument) it is.
        url: recordUrl(account.instanceUrl, kind === 'note' ? 'ContentDocument' : 'Task', written.id),
        linkedTo: records.map((r) => r.id),
      };
    } catch (error) {
      throw writeFailure(error, account, taskMeta, 'The transcript');
    }
  }

  /**
   * The chat's record of each object of the account's set that has one (found or created), with its
   * name: what a Create form's chat-record fields are prefilled with.
   */
  async function recordsOf(
    account: AccountRow,
    conn: SalesforceClient,
    chat: ChatSnapshot,
  ): Promise<Map<string, SetRecord>> {
    const set = await prepareSet(account, conn, chat, await deps.ctx.mappedObjects(account));
    const view = await viewOf(set, await plannedDecisions(set));
    return new Map(
      view.members.flatMap((m) =>
        m.record && (m.state === 'found' || m.state === 'created') ? [[m.objectName, m.record]] : [],
      ),
    );
  }

  return { view, createSet, attachTranscript, recordsOf };
}
