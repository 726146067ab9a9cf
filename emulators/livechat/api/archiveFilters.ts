/** `list_archives` filters (§4.1): request schema and the predicate over one (chat, thread). */
import { z } from 'zod';
import type { StoredChat } from '../model';
import type { Thread } from '../wire';

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
const timestamp = z.string().regex(RFC3339, 'must be RFC 3339, e.g. 2024-05-01T12:00:00.000000Z');

/**
 * Agent Chat API v3.5 › List Archives › Request, `<filter_type>` (agents, tags, customer_countries):
 * `exists`, `values`, `exclude_values`, `require_every_value`; "You can pass only one of the
 * following values at a time: exists, values or exclude_values."
 */
const valuesFilter = <T extends z.ZodType>(value: T) =>
  z
    .object({
      values: z.array(value).optional(),
      exclude_values: z.array(value).optional(),
      exists: z.boolean().optional(),
      require_every_value: z.boolean().optional(),
    })
    .refine(onlyOne('exists', 'values', 'exclude_values'), {
      message: 'only one of exists, values or exclude_values may be given',
    });

function onlyOne(...keys: string[]) {
  return (f: Record<string, unknown>) => keys.filter((k) => f[k] !== undefined).length <= 1;
}

/**
 * Agent Chat API v3.5 › List Archives › Request, `<event_type_filter_type>`: `values`,
 * `exclude_values` ("an array of Event types, duplicates are ignored"), `require_every_value`;
 * "only one of the following values at a time: values or exclude_values".
 */
const eventTypesFilter = z
  .object({
    values: z.array(z.string()).optional(),
    exclude_values: z.array(z.string()).optional(),
    require_every_value: z.boolean().optional(),
  })
  .refine(onlyOne('values', 'exclude_values'), {
    message: 'only one of values or exclude_values may be given',
  });

/**
 * Agent Chat API v3.5 › List Archives › Request, `<properties_filter_type>`: `exists`, `values`,
 * `exclude_values` ("an array with a specific type for property: string, int or bool"); "There's
 * only one value allowed for a single property."
 */
const propertyValue = z.union([z.string(), z.number().int(), z.boolean()]);
const propertyFilter = z
  .object({
    values: z.array(propertyValue).optional(),
    exclude_values: z.array(propertyValue).optional(),
    exists: z.boolean().optional(),
  })
  .refine(onlyOne('exists', 'values', 'exclude_values'), {
    message: 'only one of exists, values or exclude_values may be given',
  });

// Agent Chat API v3.5 › List Archives › Request: `filters.customer_countries` "supports country
// codes with the ISO 3166-1 Alpha-2 format".
const countryCode = z.string().regex(/^[A-Za-z]{2}$/, 'must be an ISO 3166-1 alpha-2 country code');

export const archiveFiltersSchema = z
  .object({
    query: z.string().optional(),
    // Agent Chat API v3.5 › List Archives › Request: `from`/`to` "compatible with RFC3339".
    from: timestamp.optional(),
    to: timestamp.optional(),
    // Agent Chat API v3.5 › List Archives › Request: `thread_ids` "max array size: 20";
    // `group_ids` "Max array size: 200".
    thread_ids: z.array(z.string()).min(1).max(20).optional(),
    group_ids: z.array(z.number().int().nonnegative()).max(200).optional(),
    agents: valuesFilter(z.string()).optional(),
    tags: valuesFilter(z.string()).optional(),
    customer_countries: valuesFilter(countryCode).optional(),
    event_types: eventTypesFilter.optional(),
    properties: z.record(z.string(), z.record(z.string(), propertyFilter)).optional(),
    forms: z
      .object({
        type: z.enum(['pre_chat', 'post_chat']).optional(),
        exists: z.boolean().optional(),
      })
      .optional(),
  })
  // Agent Chat API v3.5 › List Archives › Request: `thread_ids` "Cannot be used with other filters
  // or pagination" (pagination: page_id takes no filters at all).
  .refine((f) => !f.thread_ids || Object.keys(f).length === 1, {
    message: 'thread_ids cannot be combined with other filters',
    path: ['thread_ids'],
  });

export type ArchiveFilters = z.infer<typeof archiveFiltersSchema>;
interface ValuesFilter {
  values?: unknown[] | undefined;
  exclude_values?: unknown[] | undefined;
  exists?: boolean | undefined;
  require_every_value?: boolean | undefined;
}

/**
 * Agent Chat API v3.5 › List Archives › Request: `require_every_value` "will return only those
 * chats that have all elements passed in values or exclude_values": with it, `values` needs every
 * value and `exclude_values` drops only the threads that have every one of them.
 */
function matchValues(filter: ValuesFilter | undefined, actual: unknown[]): boolean {
  if (!filter) return true;
  const hit = (v: unknown) => actual.some((a) => a === v);
  if (filter.exists !== undefined && filter.exists !== actual.length > 0) return false;
  if (filter.values) {
    if (filter.require_every_value ? !filter.values.every(hit) : !filter.values.some(hit)) return false;
  }
  if (filter.exclude_values && filter.exclude_values.length > 0) {
    const excluded = filter.require_every_value
      ? filter.exclude_values.every(hit)
      : filter.exclude_values.some(hit);
    if (excluded) return false;
  }
  return true;
}

function searchableText(chat: StoredChat, thread: Thread): string {
  const parts: string[] = [chat.customer.name ?? '', chat.customer.email ?? ''];
  for (const e of thread.events) {
    if (e.type === 'message' || e.type === 'system_message') parts.push(e.text);
    if (e.type === 'filled_form') {
      for (const f of e.fields) {
        if ('answers' in f) parts.push(...f.answers.map((a) => a.label));
        else parts.push(typeof f.answer === 'string' ? f.answer : f.answer.label);
      }
    }
  }
  return parts.join('\n').toLowerCase();
}

export function threadMatches(filters: ArchiveFilters, chat: StoredChat, thread: Thread): boolean {
  const created = Date.parse(thread.created_at);
  if (filters.thread_ids) return filters.thread_ids.includes(thread.id);
  if (filters.from && created < Date.parse(filters.from)) return false;
  if (filters.to && created > Date.parse(filters.to)) return false;
  if (filters.group_ids && !thread.access.group_ids.some((g) => filters.group_ids?.includes(g))) return false;
  if (filters.query && !searchableText(chat, thread).includes(filters.query.toLowerCase())) return false;
  const agentIds = thread.user_ids.filter((id) => id !== chat.customer.id);
  if (!matchValues(filters.agents, agentIds)) return false;
  if (!matchValues(filters.tags, thread.tags ?? [])) return false;
  const countries = filters.customer_countries && {
    ...filters.customer_countries,
    values: filters.customer_countries.values?.map((c) => c.toUpperCase()),
    exclude_values: filters.customer_countries.exclude_values?.map((c) => c.toUpperCase()),
  };
  if (!matchValues(countries, [chat.customer.last_visit.geolocation.country_code.toUpperCase()]))
    return false;
  if (!matchValues(filters.event_types, [...new Set(thread.events.map((e) => e.type))])) return false;
  for (const [ns, names] of Object.entries(filters.properties ?? {})) {
    for (const [name, filter] of Object.entries(names)) {
      const value = thread.properties[ns]?.[name] ?? chat.properties[ns]?.[name];
      if (!matchValues(filter, value === undefined ? [] : [value])) return false;
    }
  }
  if (filters.forms) {
    const type =
      filters.forms.type === 'post_chat'
        ? ['postchat']
        : filters.forms.type
          ? ['prechat']
          : ['prechat', 'postchat'];
    const has = thread.events.some((e) => e.type === 'filled_form' && type.includes(e.form_type));
    if (filters.forms.exists !== undefined && filters.forms.exists !== has) return false;
  }
  return true;
}
