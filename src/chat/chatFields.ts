import { z } from 'zod';
import type { ChatFormField, ChatSnapshot } from './chat';
import { conversationSubject, conversationText, isTimeZone } from './conversationLog';
import { transcriptText } from './transcript';

/**
 * The catalogue of values a Dynamic or Auto-Match field mapping can take from a chat ("chat sources").
 * Built-in sources exist in every chat; the others are discovered by scanning archived chats and are named
 * `customVariable:<name>`, `prechat:<label>` and `postchat:<label>` (label as shown in the form).
 */

export const chatValueKinds = ['text', 'datetime', 'list'] as const;
export type ChatValueKind = (typeof chatValueKinds)[number];

export const chatFieldGroups = [
  'Chat',
  'Visitor',
  'Agent',
  'Custom variables',
  'Pre-chat form',
  'Post-chat form',
] as const;
export type ChatFieldGroup = (typeof chatFieldGroups)[number];

export const builtInChatFields = [
  { id: 'chat.id', label: 'Chat ID', group: 'Chat', kind: 'text' },
  { id: 'chat.link', label: 'Chat link', group: 'Chat', kind: 'text' },
  { id: 'chat.startedAt', label: 'Chat start time', group: 'Chat', kind: 'datetime' },
  { id: 'chat.endedAt', label: 'Chat end time', group: 'Chat', kind: 'datetime' },
  { id: 'chat.tags', label: 'Chat tags', group: 'Chat', kind: 'list' },
  { id: 'chat.group', label: 'Chat group', group: 'Chat', kind: 'text' },
  { id: 'chat.transcript', label: 'Chat transcript', group: 'Chat', kind: 'text' },
  { id: 'chat.subject', label: 'Chat subject', group: 'Chat', kind: 'text' },
  { id: 'chat.conversation', label: 'Conversation log', group: 'Chat', kind: 'text' },
  { id: 'visitor.name', label: 'Visitor name', group: 'Visitor', kind: 'text' },
  { id: 'visitor.firstName', label: 'Visitor first name', group: 'Visitor', kind: 'text' },
  { id: 'visitor.lastName', label: 'Visitor last name', group: 'Visitor', kind: 'text' },
  { id: 'visitor.email', label: 'Visitor email', group: 'Visitor', kind: 'text' },
  { id: 'visitor.ip', label: 'Visitor IP address', group: 'Visitor', kind: 'text' },
  { id: 'visitor.city', label: 'Visitor city', group: 'Visitor', kind: 'text' },
  { id: 'visitor.region', label: 'Visitor region', group: 'Visitor', kind: 'text' },
  { id: 'visitor.country', label: 'Visitor country', group: 'Visitor', kind: 'text' },
  { id: 'visitor.countryCode', label: 'Visitor country code', group: 'Visitor', kind: 'text' },
  { id: 'visitor.pageUrl', label: 'Visitor page URL', group: 'Visitor', kind: 'text' },
  { id: 'visitor.pageTitle', label: 'Visitor page title', group: 'Visitor', kind: 'text' },
  { id: 'visitor.referrer', label: 'Visitor referrer', group: 'Visitor', kind: 'text' },
  { id: 'agent.name', label: 'Agent name', group: 'Agent', kind: 'text' },
  { id: 'agent.email', label: 'Agent email', group: 'Agent', kind: 'text' },
] as const satisfies readonly { id: string; label: string; group: ChatFieldGroup; kind: ChatValueKind }[];

export type BuiltInChatSourceId = (typeof builtInChatFields)[number]['id'];

const builtInIds = builtInChatFields.map((field) => field.id) as [
  BuiltInChatSourceId,
  ...BuiltInChatSourceId[],
];

/** Where a chat field that is not built in comes from: the visitor's custom variables, or a form. */
export const discoveredChatSourceKinds = ['customVariable', 'prechat', 'postchat'] as const;
export type DiscoveredChatSourceKind = (typeof discoveredChatSourceKinds)[number];

/** The source id of a custom variable or form field: `customVariable:plan`, `prechat:Company`. */
export function chatSourceIdFor(kind: DiscoveredChatSourceKind, name: string): ChatSourceId {
  return `${kind}:${name}`;
}

export const chatSourceIdSchema = z.union(
  [
    z.enum(builtInIds),
    z.templateLiteral(['customVariable:', z.string().min(1)]),
    z.templateLiteral(['prechat:', z.string().min(1)]),
    z.templateLiteral(['postchat:', z.string().min(1)]),
  ],
  {
    error: (issue) =>
      `Unknown chat value ${JSON.stringify(issue.input)}. Pick one of the chat, visitor or agent values, ` +
      'or a custom variable or form field found in your chats or declared under Chat fields.',
  },
);
export type ChatSourceId = z.infer<typeof chatSourceIdSchema>;

/** One chat source as offered in the Dynamic and Auto-Match pickers. */
export const chatFieldSchema = z.object({
  id: chatSourceIdSchema,
  label: z.string(),
  group: z.enum(chatFieldGroups),
  kind: z.enum(chatValueKinds),
});
export type ChatField = z.infer<typeof chatFieldSchema>;

/** A custom variable or form field found in archived chats. */
export const discoveredChatFieldSchema = chatFieldSchema.extend({
  /** The first non-empty value found, in the order the chats were given (latest first when scanning). */
  sample: z.union([z.string(), z.array(z.string())]).optional(),
  /** The chat the sample comes from (or where the field was first seen, when it was always empty). */
  seenInChatId: z.string(),
  /** In how many distinct chats the field appeared. */
  chatCount: z.number().int().positive(),
  /** When the latest of those chats ended (or started, if it had not ended yet). */
  lastSeenAt: z.string(),
});
export type DiscoveredChatField = z.infer<typeof discoveredChatFieldSchema>;

/** An owner's declaration of a field before (or besides) any chat having it. */
export const chatFieldDeclarationSchema = z.object({
  id: z.string(),
  declaredAt: z.string(),
  declaredBy: z.string(),
  /** What the owner said its values are; null when not said. */
  valueKind: z.enum(chatValueKinds).nullable(),
});
export type ChatFieldDeclaration = z.infer<typeof chatFieldDeclarationSchema>;

/**
 * A custom variable or form field the license knows: found in the latest scanned chats, declared by an
 * owner, or both. `kind` is the declared one when the owner said it, else what the chats show.
 */
export const catalogueChatFieldSchema = chatFieldSchema.extend({
  sample: z.union([z.string(), z.array(z.string())]).optional(),
  /** The chat the sample comes from; null when no scanned chat had the field. */
  seenInChatId: z.string().nullable(),
  /** In how many of the scanned chats it appeared (0: declared, not seen yet). */
  chatCount: z.number().int().nonnegative(),
  lastSeenAt: z.string().nullable(),
  declared: chatFieldDeclarationSchema.nullable(),
});
export type CatalogueChatField = z.infer<typeof catalogueChatFieldSchema>;

/** A declared field, named as its source id says. */
export interface DeclaredChatFieldInput {
  sourceKind: DiscoveredChatSourceKind;
  name: string;
  declaration: ChatFieldDeclaration;
}

/**
 * The catalogue's custom variables and form fields: what the scan found, joined with what owners
 * declared (one entry per source id), in catalogue order (custom variables, pre-chat, post-chat), then
 * by label.
 */
export function catalogueChatFields(
  found: readonly Omit<CatalogueChatField, 'declared'>[],
  declared: readonly DeclaredChatFieldInput[],
): CatalogueChatField[] {
  const byId = new Map<ChatSourceId, CatalogueChatField>();
  for (const field of found) byId.set(field.id, { ...field, declared: null });
  for (const { sourceKind, name, declaration } of declared) {
    const id = chatSourceIdFor(sourceKind, name);
    const seen = byId.get(id);
    const kind = declaration.valueKind ?? seen?.kind ?? 'text';
    byId.set(
      id,
      seen
        ? { ...seen, kind, declared: declaration }
        : {
            ...chatFieldFor(id),
            kind,
            seenInChatId: null,
            chatCount: 0,
            lastSeenAt: null,
            declared: declaration,
          },
    );
  }
  return sortByCatalogueOrder([...byId.values()]);
}

function sortByCatalogueOrder<F extends ChatField>(fields: F[]): F[] {
  const groupOrder = (field: ChatField): number => chatFieldGroups.indexOf(field.group);
  return fields.sort((a, b) => groupOrder(a) - groupOrder(b) || a.label.localeCompare(b.label));
}

export type ChatValue = string | string[];

export function isChatSourceId(value: unknown): value is ChatSourceId {
  return chatSourceIdSchema.safeParse(value).success;
}

/** The catalogue entry of a source id (discovered ids get a generic label from their name). */
export function chatFieldFor(sourceId: ChatSourceId): ChatField {
  const builtIn = builtInChatFields.find((field) => field.id === sourceId);
  if (builtIn) return builtIn;
  const { kind, name } = splitDiscoveredId(sourceId);
  return {
    id: sourceId,
    label: name,
    group:
      kind === 'customVariable'
        ? 'Custom variables'
        : kind === 'prechat'
          ? 'Pre-chat form'
          : 'Post-chat form',
    kind: 'text',
  };
}

/** `Visitor email`, `custom variable "plan"`, `pre-chat form field "Company"`: for messages shown to people. */
export function describeChatSource(sourceId: ChatSourceId): string {
  const field = chatFieldFor(sourceId);
  if (field.group === 'Custom variables') return `custom variable "${field.label}"`;
  if (field.group === 'Pre-chat form') return `pre-chat form field "${field.label}"`;
  if (field.group === 'Post-chat form') return `post-chat form field "${field.label}"`;
  return field.label;
}

function splitDiscoveredId(sourceId: string): { kind: DiscoveredChatSourceKind; name: string } {
  const colon = sourceId.indexOf(':');
  return { kind: sourceId.slice(0, colon) as DiscoveredChatSourceKind, name: sourceId.slice(colon + 1) };
}

/** Splits a full name: the last word is the last name, the rest the first name. */
/** LiveChat's name for a visitor who gave none ("Visitor 7310"): a label, not a person's name. */
const DEFAULT_VISITOR_NAME = /^visitor\s+\d+$/i;

export function splitName(fullName: string): { firstName?: string; lastName?: string } {
  // Kept whole as the last name (what Salesforce requires), so a record reads "Visitor 7310",
  // never First name "Visitor", Last name "7310".
  if (DEFAULT_VISITOR_NAME.test(fullName.trim())) return { lastName: fullName.trim() };
  const words = fullName.trim().split(/\s+/).filter(Boolean);
  const lastName = words.pop();
  if (lastName === undefined) return {};
  return words.length > 0 ? { firstName: words.join(' '), lastName } : { lastName };
}

/**
 * The value of one source in one chat, or `undefined` when the chat has none (empty text and empty lists
 * count as none). Agent values are those of the chat's first answering agent.
 */
export function readChatValue(snapshot: ChatSnapshot, sourceId: ChatSourceId): ChatValue | undefined {
  return present(rawChatValue(snapshot, sourceId));
}

function rawChatValue(snapshot: ChatSnapshot, sourceId: ChatSourceId): ChatValue | undefined {
  const { visitor } = snapshot;
  const agent = snapshot.agents[0];
  switch (sourceId) {
    case 'chat.id':
      return snapshot.chatId;
    case 'chat.link':
      return snapshot.link;
    case 'chat.startedAt':
      return snapshot.startedAt;
    case 'chat.endedAt':
      return snapshot.endedAt;
    case 'chat.tags':
      return snapshot.tags;
    case 'chat.group':
      return snapshot.group ? (snapshot.group.name ?? String(snapshot.group.id)) : undefined;
    case 'chat.transcript':
      return transcriptText(
        snapshot,
        snapshot.timeZone && isTimeZone(snapshot.timeZone) ? { timeZone: snapshot.timeZone } : {},
      );
    case 'chat.subject':
      return conversationSubject(snapshot);
    case 'chat.conversation':
      return conversationText(snapshot);
    case 'visitor.name':
      return visitor.name;
    case 'visitor.firstName':
      return visitor.name === undefined ? undefined : splitName(visitor.name).firstName;
    case 'visitor.lastName':
      return visitor.name === undefined ? undefined : splitName(visitor.name).lastName;
    case 'visitor.email':
      return visitor.email;
    case 'visitor.ip':
      return visitor.ip;
    case 'visitor.city':
      return visitor.city;
    case 'visitor.region':
      return visitor.region;
    case 'visitor.country':
      return visitor.country;
    case 'visitor.countryCode':
      return visitor.countryCode;
    case 'visitor.pageUrl':
      return visitor.pageUrl;
    case 'visitor.pageTitle':
      return visitor.pageTitle;
    case 'visitor.referrer':
      return visitor.referrer;
    case 'agent.name':
      return agent?.name;
    case 'agent.email':
      return agent?.email;
  }
  const { kind, name } = splitDiscoveredId(sourceId);
  if (kind === 'customVariable') return snapshot.customVariables[name];
  return findFormField(snapshot.forms[kind], name)?.value;
}

function findFormField(fields: readonly ChatFormField[], label: string): ChatFormField | undefined {
  return (
    fields.find((field) => field.label === label && present(field.value) !== undefined) ??
    fields.find((field) => field.label === label)
  );
}

function present(value: ChatValue | undefined): ChatValue | undefined {
  if (value === undefined) return undefined;
  if (Array.isArray(value)) {
    const items = value.filter((item) => item.trim() !== '');
    return items.length > 0 ? items : undefined;
  }
  return value.trim() === '' ? undefined : value;
}

interface Sighting {
  id: ChatSourceId;
  kind: ChatValueKind;
  value: ChatValue | undefined;
}

function sightingsIn(snapshot: ChatSnapshot): Sighting[] {
  const fromForm = (prefix: 'prechat' | 'postchat', fields: readonly ChatFormField[]): Sighting[] =>
    fields
      .filter((field) => field.label !== '')
      .map((field) => ({
        id: `${prefix}:${field.label}` as const,
        kind: Array.isArray(field.value) ? 'list' : 'text',
        value: present(field.value),
      }));
  return [
    ...Object.entries(snapshot.customVariables)
      .filter(([name]) => name !== '')
      .map(([name, value]): Sighting => ({
        id: `customVariable:${name}`,
        kind: 'text',
        value: present(value),
      })),
    ...fromForm('prechat', snapshot.forms.prechat),
    ...fromForm('postchat', snapshot.forms.postchat),
  ];
}

/**
 * The custom variables and pre-/post-chat form fields found in the given chats, one entry per source id,
 * in catalogue order (custom variables, pre-chat, post-chat), then by label. Give the chats latest first:
 * samples are taken from the first chat that has a value.
 */
export function discoverChatFields(snapshots: readonly ChatSnapshot[]): DiscoveredChatField[] {
  const found = new Map<ChatSourceId, DiscoveredChatField & { chats: Set<string> }>();
  for (const snapshot of snapshots) {
    const seenAt = snapshot.endedAt ?? snapshot.startedAt;
    for (const sighting of sightingsIn(snapshot)) {
      const entry = found.get(sighting.id);
      if (!entry) {
        const field = chatFieldFor(sighting.id);
        found.set(sighting.id, {
          ...field,
          kind: sighting.kind,
          ...(sighting.value === undefined ? {} : { sample: sighting.value }),
          seenInChatId: snapshot.chatId,
          chatCount: 1,
          lastSeenAt: seenAt,
          chats: new Set([snapshot.chatId]),
        });
        continue;
      }
      entry.chats.add(snapshot.chatId);
      entry.chatCount = entry.chats.size;
      if (Date.parse(seenAt) > Date.parse(entry.lastSeenAt)) entry.lastSeenAt = seenAt;
      if (sighting.kind === 'list') entry.kind = 'list';
      if (entry.sample === undefined && sighting.value !== undefined) {
        entry.sample = sighting.value;
        entry.seenInChatId = snapshot.chatId;
      }
    }
  }
  return sortByCatalogueOrder([...found.values()].map(({ chats: _chats, ...field }) => field));
}
