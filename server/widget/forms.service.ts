import type { SalesforceClient } from '../salesforce/salesforce.client';
import type { FormField, FormValue, FormsResponse, RecordForm } from '../../src/api/widget';
import type { ChatSnapshot } from '../../src/chat/chat';
import type { SalesforceValue } from '../../src/mapping/convertValue';
import {
  activePicklistValues,
  findField,
  isRequiredOnCreate,
  type ObjectMetadata,
} from '../../src/salesforce/objectMetadata';
import type { AccountRow } from '../accounts/accounts.repo';
import type { Agent } from '../auth/agent';
import { objectAndRelated } from '../mappings/mappings.service';
import { prepareRecord } from '../mappings/prepareRecord';
import { runLookups, type LookupFound, type LookupSpec } from '../salesforce/lookups';
import { SalesforceError, toSalesforceError } from '../salesforce/salesforceError';
import { toWidgetAccount } from './related.presenter';
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

/**
 * The Create forms: each mapped object resolved against the chat on the server (static values, dynamic
 * values from the chat, auto-matched records), with what each field's editor needs from its describe.
 */
export function createFormsService(deps: WidgetDeps & { ctx: WidgetContext }) {
  async function formsOf(
    account: AccountRow,
    conn: SalesforceClient,
    mapped: MappedObject[],
    chat: ChatSnapshot,
  ) {
    const prepared = [];
    for (const m of mapped) {
      const { meta, related } = await objectAndRelated(deps.metadata, account.id, conn, m.mapping);
      prepared.push({
        m,
        meta,
        record: prepareRecord(m.mapping, chat, meta, related),
      });
    }
    // Every auto-match of every form in as few calls as Salesforce allows (5 queries per composite).
    const lookups: LookupSpec[] = [];
    const owners: { form: number; field: string }[] = [];
    prepared.forEach((p, form) =>
      p.record.lookups.forEach((l, n) => {
        lookups.push({ ...l, field: `f${form}_${n}` });
        owners.push({ form, field: l.field });
      }),
    );
    const found = lookups.length ? await runLookups(conn, lookups) : new Map<string, LookupFound | null>();
    const foundFor = (form: number, field: string) => {
      const index = owners.findIndex((o) => o.form === form && o.field === field);
      return index < 0 ? null : (found.get(lookups[index]!.field) ?? null);
    };

    return prepared.map(({ m, meta, record }, form): RecordForm => ({
      mappingId: m.row.id,
      objectName: meta.name,
      objectLabel: meta.label || m.row.objectLabel,
      fields: formFields(m, meta, record.values, record.resolvedValues, record.lookups, (field) =>
        foundFor(form, field),
      ),
      problems: record.problems,
    }));
  }

  function formFields(
    m: MappedObject,
    meta: ObjectMetadata,
    values: Record<string, SalesforceValue>,
    raw: Record<string, unknown>,
    lookups: LookupSpec[],
    foundFor: (field: string) => LookupFound | null,
  ): FormField[] {
    const fields: FormField[] = [];
    for (const entry of m.mapping.fields) {
      const field = findField(meta, entry.field);
      if (!field) continue;
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
      if (entry.entryType === 'autoMatch') {
        const lookup = lookups.find((l) => l.field === entry.field);
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
        });
        continue;
      }
      fields.push({
        ...base,
        value: formValue(field.type, values[field.name], raw[field.name]),
        ...(entry.entryType === 'static' && entry.display ? { display: entry.display } : {}),
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
            mapped: await deps.ctx.mappedObjects(account),
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
