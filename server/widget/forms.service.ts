import type { SalesforceClient } from '../salesforce/salesforce.client';
import type {
  FormField,
  FormLookup,
  FormValue,
  FormsResponse,
  RecordForm,
  SetRecord,
} from '../../src/api/widget';
import type { ChatSnapshot } from '../../src/chat/chat';
import type { SalesforceValue } from '../../src/mapping/convertValue';
import { kindOf } from '../../src/mapping/mapping';
import type { Problem } from '../../src/mapping/problems';
import {
  activePicklistValues,
  findField,
  isRequiredOnCreate,
  nameField,
  type FieldMetadata,
  type ObjectMetadata,
  type SObjectSummary,
} from '../../src/salesforce/objectMetadata';
import type { AccountRow } from '../accounts/accounts.repo';
import type { Agent } from '../auth/agent';
import { objectAndRelated } from '../mappings/mappings.service';
import { prepareRecord, type PreparedRecord } from '../mappings/prepareRecord';
import { runLookups, type LookupFound, type LookupSpec } from '../salesforce/lookups';
import { SalesforceError, toSalesforceError } from '../salesforce/salesforceError';
import { toWidgetAccount } from './related.presenter';
import type { ChatSetService } from './chatSet.service';
import type { ChatRef, MappedObject, WidgetContext, WidgetDeps } from './widgetContext';

export type FormsService = ReturnType<typeof createFormsService>;

const stateOf = (failure: SalesforceError) =>
  failure.kind === 'needs_reconnect' || failure.kind === 'limit_reached' || failure.kind === 'unavailable'
    ? failure.kind
    : 'unavailable';

/** A value as the widget's editor takes it: multi-picklists as lists, the rest as sent to Salesforce. */
function formValue(type: string, value: SalesforceValue | undefined, raw: unknown): FormValue {
  if (value === undefined) {
    // The chat's value did not fit (a problem says why): shown as it is, for the agent to fix.
    if (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean') return raw;
    if (Array.isArray(raw)) return type === 'multipicklist' ? raw.map(String) : raw.map(String).join(', ');
    return null;
  }
  if (type === 'multipicklist' && typeof value === 'string') return value.split(';').filter(Boolean);
  return value;
}

/** A given id that no record of the field's objects has: shown at the field, for the agent to pick one. */
function noRecord(field: FieldMetadata, id: string, objects: FormLookup['objects']): Problem {
  const what = objects.map((o) => o.label).join(' or ') || field.referenceTo.join(' or ');
  return {
    path: `values.${field.name}`,
    field: field.name,
    code: 'invalid_id',
    severity: 'error',
    message: `No ${what} has the id ${id}: choose one, or clear the field.`,
  };
}

/** A reference field's objects that the org has, by label, in the field's own order. */
function lookupObjects(field: FieldMetadata, org: Map<string, SObjectSummary>): FormLookup['objects'] {
  return field.referenceTo.flatMap((name) => {
    const object = org.get(name);
    return object ? [{ name, label: object.label || name }] : [];
  });
}

/** Which of the objects an id belongs to: its first three characters are the object's key prefix. */
function objectOfId(id: string, objects: FormLookup['objects'], org: Map<string, SObjectSummary>) {
  return objects.find((o) => org.get(o.name)?.keyPrefix === id.slice(0, 3));
}

/**
 * The Create forms: each mapped object resolved against the chat on the server (static values, dynamic
 * values from the chat, auto-matched records), with what each field's editor needs from its describe.
 * A reference field's value is shown by its record's name: the ids the mapping gives are looked up
 * with the auto-matches, in as few calls as Salesforce allows, and one that matches nothing is a problem
 * at its field.
 */
export function createFormsService(
  deps: WidgetDeps & { ctx: WidgetContext; chatSet: Pick<ChatSetService, 'recordsOf'> },
) {
  async function formsOf(
    account: AccountRow,
    conn: SalesforceClient,
    mapped: MappedObject[],
    chat: ChatSnapshot,
  ) {
    const org = new Map((await deps.metadata.allObjects(account.id, conn)).map((o) => [o.name, o]));
    const prepared = [];
    for (const m of mapped) {
      const { meta, related } = await objectAndRelated(deps.metadata, account.id, conn, m.mapping);
      prepared.push({ m, meta, record: prepareRecord(m.mapping, chat, meta, related) });
    }

    // Every auto-match and every given id of every form, 5 queries per composite call (Salesforce's limit).
    const lookups: LookupSpec[] = [];
    const keyOf = new Map<string, string>();
    const want = (form: number, field: string, spec: Omit<LookupSpec, 'field'>) => {
      const key = `f${lookups.length}`;
      lookups.push({ ...spec, field: key });
      keyOf.set(`${form}:${field}`, key);
    };
    const ids: { form: number; field: FieldMetadata; id: string; objects: FormLookup['objects'] }[] = [];
    for (const [form, { m, meta, record }] of prepared.entries()) {
      for (const l of record.lookups) want(form, l.field, l);
      for (const entry of m.mapping.fields) {
        const field = findField(meta, entry.field);
        const id = record.values[entry.field];
        if (entry.entryType === 'autoMatch' || field?.type !== 'reference' || typeof id !== 'string')
          continue;
        const objects = lookupObjects(field, org);
        ids.push({ form, field, id, objects });
        const object = objectOfId(id, objects, org);
        if (!object) continue; // not an id of any of them: no record to look for
        const described = await deps.metadata.describe(account.id, conn, object.name);
        want(form, field.name, {
          object: object.name,
          matchField: 'Id',
          value: id,
          nameField: nameField(described)?.name ?? 'Id',
        });
      }
    }
    const found = lookups.length ? await runLookups(conn, lookups) : new Map<string, LookupFound | null>();
    const foundFor = (form: number, field: string): LookupFound | null => {
      const key = keyOf.get(`${form}:${field}`);
      return key ? (found.get(key) ?? null) : null;
    };
    const idProblems = ids.flatMap(({ form, field, id, objects }) =>
      foundFor(form, field.name) ? [] : [{ form, problem: noRecord(field, id, objects) }],
    );
    // Fields that take this chat's record of another mapped object: the set's record, found or created.
    const chatRecords = mapped.some((m) => m.mapping.fields.some((f) => f.entryType === 'chatRecord'))
      ? await deps.chatSet.recordsOf(account, conn, chat)
      : new Map<string, SetRecord>();

    return prepared.map(({ m, meta, record }, form): RecordForm => ({
      mappingId: m.row.id,
      objectName: meta.name,
      objectLabel: meta.label || m.row.objectLabel,
      fields: formFields(m, meta, record, org, (field) => foundFor(form, field), chatRecords),
      problems: [...record.problems, ...idProblems.filter((p) => p.form === form).map((p) => p.problem)],
    }));
  }

  function formFields(
    m: MappedObject,
    meta: ObjectMetadata,
    record: PreparedRecord,
    org: Map<string, SObjectSummary>,
    foundFor: (field: string) => LookupFound | null,
    chatRecords: ReadonlyMap<string, SetRecord>,
  ): FormField[] {
    const fields: FormField[] = [];
    for (const entry of m.mapping.fields) {
      const field = findField(meta, entry.field);
      if (!field) continue;
      const objects = field.type === 'reference' ? lookupObjects(field, org) : [];
      const base = {
        name: field.name,
        label: field.label,
        type: field.type,
        required: isRequiredOnCreate(field),
        length: field.length,
        scale: field.scale,
        picklistValues: activePicklistValues(field).map((p) => ({ value: p.value, label: p.label })),
        restrictedPicklist: field.restrictedPicklist,
        referenceTo: field.referenceTo,
        entryType: entry.entryType,
      };
      if (entry.entryType === 'chatRecord') {
        const found = chatRecords.get(entry.object);
        fields.push({
          ...base,
          value: found?.id ?? null,
          chatRecord: { object: entry.object, objectLabel: org.get(entry.object)?.label || entry.object },
          lookup: {
            objects,
            record: found ? { id: found.id, name: found.name, object: found.objectName } : null,
          },
        });
        continue;
      }
      if (entry.entryType === 'autoMatch') {
        const lookup = record.lookups.find((l) => l.field === entry.field);
        const hit = lookup ? foundFor(entry.field) : null;
        fields.push({
          ...base,
          value: hit?.id ?? null,
          autoMatch: {
            object: entry.match.object,
            field: entry.match.field,
            searchedFor: lookup?.value ?? null,
            found: hit,
          },
          lookup: { objects, record: hit ? { ...hit, object: entry.match.object } : null },
        });
        continue;
      }
      const value = formValue(field.type, record.values[field.name], record.resolvedValues[field.name]);
      const hit = field.type === 'reference' ? foundFor(field.name) : null;
      const object = hit && typeof value === 'string' ? objectOfId(value, objects, org) : undefined;
      fields.push({
        ...base,
        value,
        ...(entry.entryType === 'static' && entry.display ? { display: entry.display } : {}),
        ...(field.type === 'reference'
          ? { lookup: { objects, record: hit && object ? { ...hit, object: object.name } : null } }
          : {}),
      });
    }
    return fields;
  }

  async function forms(
    agent: Agent,
    token: string,
    ref: ChatRef,
    mappingId?: string,
  ): Promise<FormsResponse> {
    const targets = mappingId
      ? [await deps.ctx.usableMapping(agent, mappingId)].map(({ account, ...m }) => ({
          account,
          mapped: [m],
        }))
      : await Promise.all(
          (await deps.ctx.usableAccounts(agent)).map(async (account) => ({
            account,
            mapped: (await deps.ctx.mappedObjects(account)).filter((m) => kindOf(m.mapping) === 'record'),
          })),
        );
    const chat = await deps.ctx.chat(agent, token, ref);
    const accounts = await Promise.all(
      targets.map(async ({ account, mapped }) => {
        const base = { account: toWidgetAccount(account), forms: [] };
        if (mapped.length === 0) return { ...base, state: 'no_mappings' as const };
        const connected =
          account.status === 'connected'
            ? deps.ctx.connect(account)
            : { failure: new SalesforceError('needs_reconnect', '') };
        if ('failure' in connected) return { ...base, state: stateOf(connected.failure) };
        try {
          return {
            ...base,
            state: 'ok' as const,
            forms: await formsOf(account, connected.conn, mapped, chat),
          };
        } catch (error) {
          const failure = toSalesforceError(error);
          return { ...base, state: stateOf(failure), message: failure.message };
        }
      }),
    );
    return { accounts };
  }

  return { forms };
}
