/** `list_archives` filters (§4.1): request schema and the predicate over one (chat, thread). */
import { z } from 'zod';
import type { StoredChat } from '../model';
import type { Thread } from '../wire';

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
const timestamp = z.string().regex(RFC3339, 'must be RFC 3339, e.g. 2024-05-01T12:00:00.000000Z');

const valuesFilter = <T extends z.ZodType>(value: T) =>
  z.object({
    values: z.array(value).optional(),
    exclude_values: z.array(value).optional(),
    exists: z.boolean().optional(),
    require_every_value: z.boolean().optional(),
  });

export const archiveFiltersSchema = z
  .object({
    query: z.string().optional(),
    from: timestamp.optional(),
    to: timestamp.optional(),
    thread_ids: z.array(z.string()).min(1).max(20).optional(),
    group_ids: z.array(z.number().int().nonnegative()).max(200).optional(),
    agents: valuesFilter(z.string()).optional(),
    tags: valuesFilter(z.string()).optional(),
    customer_countries: valuesFilter(z.string()).optional(),
    event_types: valuesFilter(z.string()).optional(),
    properties: z.record(z.string(), z.record(z.string(), valuesFilter(z.unknown()))).optional(),
    forms: z
      .object({
        type: z.enum(['pre_chat', 'post_chat']).optional(),
        exists: z.boolean().optional(),
      })
      .optional(),
  })
  .refine((f) => !f.thread_ids || Object.keys(f).length === 1, {
    message: 'thread_ids cannot be combined with other filters',
    path: ['thread_ids'],
  });

export type ArchiveFilters = z.infer<typeof archiveFiltersSchema>;
type ValuesFilter = z.infer<ReturnType<typeof valuesFilter>>;

function matchValues(filter: ValuesFilter | undefined, actual: unknown[]): boolean {
  if (!filter) return true;
  if (filter.exists !== undefined && filter.exists !== actual.length > 0) return false;
  if (filter.values) {
    const hit = (v: unknown) => actual.some((a) => a === v);
    if (filter.require_every_value ? !filter.values.every(hit) : !filter.values.some(hit)) return false;
  }
  if (filter.exclude_values && filter.exclude_values.some((v) => actual.includes(v))) return false;
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
  if (!matchValues(filters.customer_countries, [chat.customer.last_visit.geolocation.country_code]))
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
