import type { ChatField, ChatSourceId } from '../../src/chat/chatFields';
import type {
  EntryType,
  FieldMapping,
  Mapping,
  StaticFieldMapping,
  UpdateRule,
} from '../../src/mapping/mapping';
import { defaultCardFields } from '../../src/mapping/cardFields';
import { newMapping } from '../../src/mapping/newMapping';
import type { Problem } from '../../src/mapping/problems';
import { validateMapping, type ValidateMappingOptions } from '../../src/mapping/validate';
import {
  findField,
  requiredFields,
  type FieldMetadata,
  type ObjectMetadata,
} from '../../src/salesforce/objectMetadata';

/**
 * The mapping being edited. Unlike a `Mapping`, a Dynamic, Auto-Match or chat-record entry may still lack
 * its chat value, matched field or chat record: the owner has switched the entry type and not chosen yet. `toMapping` gives the
 * `Mapping` once every entry is complete; `validateDraft` reports what is missing beside the engine's
 * own problems, with the same paths (`fields.3.source`).
 */
export type DraftField =
  | StaticFieldMapping
  | { entryType: 'dynamic'; field: string; source: ChatSourceId | null; updateRule?: UpdateRule }
  | {
      entryType: 'autoMatch';
      field: string;
      match: { object: string; field: string | null; source: ChatSourceId | null };
      updateRule?: UpdateRule;
    }
  | { entryType: 'chatRecord'; field: string; object: string | null; updateRule?: UpdateRule };

export interface Draft extends Omit<Mapping, 'fields'> {
  fields: DraftField[];
}

export function draftOf(mapping: Mapping): Draft {
  return {
    objectName: mapping.objectName,
    fields: mapping.fields.map((entry) => ({ ...entry }) as DraftField),
    searchableFields: [...mapping.searchableFields],
    automation: mapping.automation,
    duplicatePolicy: mapping.duplicatePolicy,
    autoAssign: mapping.autoAssign,
    ...(mapping.cardFields && { cardFields: [...mapping.cardFields] }),
    ...(mapping.kind && { kind: mapping.kind }),
    ...(mapping.logAs && { logAs: mapping.logAs }),
    ...(mapping.skipIfExistsAs && { skipIfExistsAs: [...mapping.skipIfExistsAs] }),
    ...(mapping.recordTypeId !== undefined && { recordTypeId: mapping.recordTypeId }),
  };
}

/**
 * The key fields shown to agents, preselected: a mapping saved without a choice starts from its
 * object's defaults, which are then saved with it.
 */
export function withCardFields(draft: Draft, meta: ObjectMetadata): Draft {
  return draft.cardFields ? draft : { ...draft, cardFields: defaultCardFields(meta) };
}

/** A new mapping of the object: its required fields preloaded, with the obvious suggestions filled in. */
export function newDraft(meta: ObjectMetadata): Draft {
  const draft = withCardFields(draftOf(newMapping(meta)), meta);
  draft.fields = draft.fields.map((entry) => {
    const field = findField(meta, entry.field);
    return field ? suggestedEntry(field) : entry;
  });
  return draft;
}

/**
 * An edited mapping whose org has since made more fields required: they are added as empty entries, so
 * their rows say what to fill in (rather than a general "required field not mapped").
 */
export function withRequiredFields(draft: Draft, meta: ObjectMetadata): Draft {
  const mapped = new Set(draft.fields.map((entry) => entry.field));
  const missing = requiredFields(meta).filter((field) => !mapped.has(field.name));
  if (missing.length === 0) return draft;
  return { ...draft, fields: [...draft.fields, ...missing.map(suggestedEntry)] };
}

/** The entry a newly added field starts with: OwnerId auto-matches the chat's agent; others are empty. */
export function suggestedEntry(field: FieldMetadata): DraftField {
  if (field.type === 'reference' && field.name === 'OwnerId' && field.referenceTo.includes('User')) {
    return {
      entryType: 'autoMatch',
      field: field.name,
      match: { object: 'User', field: 'Email', source: 'agent.email' },
    };
  }
  // A picklist starts at the org's default value, as a new record in Salesforce would.
  const preset =
    field.type === 'picklist' ? field.picklistValues.find((v) => v.active && v.defaultValue) : undefined;
  if (preset) return { entryType: 'static', field: field.name, value: preset.value };
  return emptyEntry(field, 'static');
}

/**
 * A fresh entry of the given type for the field. A chat-record entry starts with this chat's record of
 * the one object it can take among `chatRecordObjects` (the objects the account maps), or none to choose.
 */
export function emptyEntry(
  field: FieldMetadata,
  entryType: EntryType,
  chatRecordObjects: readonly string[] = [],
): DraftField {
  switch (entryType) {
    case 'static':
      return { entryType, field: field.name, value: field.type === 'boolean' ? false : null };
    case 'dynamic':
      return { entryType, field: field.name, source: null };
    case 'autoMatch': {
      const object = field.referenceTo.includes('User') ? 'User' : (field.referenceTo[0] ?? '');
      return {
        entryType,
        field: field.name,
        match:
          object === 'User'
            ? { object, field: 'Email', source: 'agent.email' }
            : { object, field: null, source: null },
      };
    }
    case 'chatRecord': {
      const targets = chatRecordTargets(field, chatRecordObjects);
      return { entryType, field: field.name, object: targets.length === 1 ? targets[0]! : null };
    }
  }
}

/** The mapped objects whose record of the chat a reference field can take (those it points to). */
export function chatRecordTargets(field: FieldMetadata, mappedObjects: readonly string[]): string[] {
  if (field.type !== 'reference') return [];
  return mappedObjects.filter((name) => field.referenceTo.includes(name));
}

/** The draft as a `Mapping`, or `null` while some entry still lacks a choice. */
export function toMapping(draft: Draft): Mapping | null {
  const fields: FieldMapping[] = [];
  for (const entry of withoutUnusedRules(draft)) {
    const complete = completeEntry(entry);
    if (!complete) return null;
    fields.push(complete);
  }
  return { ...draft, fields };
}

/**
 * The entries, their update rules left out unless the mapping updates the record it finds: switching
 * the duplicate policy back and forth keeps them in the draft, but only "link and update" uses them.
 */
function withoutUnusedRules(draft: Draft): DraftField[] {
  if (draft.duplicatePolicy === 'update') return draft.fields;
  return draft.fields.map((entry) => {
    if (!entry.updateRule) return entry;
    const { updateRule: _unused, ...rest } = entry;
    return rest as DraftField;
  });
}

function completeEntry(entry: DraftField): FieldMapping | null {
  switch (entry.entryType) {
    case 'static':
      return entry;
    case 'dynamic':
      return entry.source === null ? null : { ...entry, source: entry.source };
    case 'autoMatch': {
      const { object, field, source } = entry.match;
      return field === null || source === null || object === ''
        ? null
        : { ...entry, match: { object, field, source } };
    }
    case 'chatRecord':
      return entry.object === null ? null : { ...entry, object: entry.object };
  }
}

// Stand-ins so `validateMapping` can check the rest of an incomplete entry; their own problems are dropped.
const PLACEHOLDER_SOURCE: ChatSourceId = 'chat.id';
const PLACEHOLDER_FIELD = 'Id';
const PLACEHOLDER_OBJECT = 'Placeholder';

/**
 * What the draft is checked against besides its object: the metadata of related objects, the chat
 * fields, and (as `validateMapping` takes them) the account's other mappings, the org's objects and the
 * record type's picklist values.
 */
export interface DraftContext extends ValidateMappingOptions {
  relatedObjects: Readonly<Record<string, ObjectMetadata>>;
  chatFields: readonly ChatField[];
}

/** Every problem of the draft: the engine's (`validateMapping`), and the choices still to make. */
export function validateDraft(draft: Draft, meta: ObjectMetadata, context: DraftContext): Problem[] {
  const pending: Problem[] = [];
  const skip = new Set<string>();
  const fields: FieldMapping[] = withoutUnusedRules(draft).map((entry, index) => {
    const path = `fields.${index}`;
    const label = findField(meta, entry.field)?.label ?? entry.field;
    const choose = (suffix: string, message: string) => {
      skip.add(`${path}${suffix}`);
      pending.push({
        path: `${path}${suffix}`,
        field: entry.field,
        code: 'value_required',
        severity: 'error',
        message,
      });
    };
    switch (entry.entryType) {
      case 'static':
        return entry;
      case 'dynamic':
        if (entry.source !== null) return { ...entry, source: entry.source };
        choose('.source', `Choose the chat value that goes into "${label}".`);
        return { ...entry, source: PLACEHOLDER_SOURCE };
      case 'autoMatch': {
        const { object, field, source } = entry.match;
        if (object === '') choose('.match.object', `Choose which object "${label}" points to.`);
        if (field === null) choose('.match.field', `Choose the field to match "${label}" by.`);
        if (source === null) choose('.match.source', `Choose the chat value to match "${label}" with.`);
        return {
          ...entry,
          match: { object, field: field ?? PLACEHOLDER_FIELD, source: source ?? PLACEHOLDER_SOURCE },
        };
      }
      case 'chatRecord':
        if (entry.object !== null) return { ...entry, object: entry.object };
        choose('.object', `Choose which of this chat's records goes into "${label}".`);
        return { ...entry, object: PLACEHOLDER_OBJECT };
    }
  });
  const problems = validateMapping({ ...draft, fields }, meta, context).filter(
    (problem) => !skip.has(problem.path),
  );
  return [...pending, ...problems].sort((a, b) => pathOrder(a.path) - pathOrder(b.path));
}

function pathOrder(path: string): number {
  const index = /^fields\.(\d+)/.exec(path)?.[1];
  return index === undefined ? Number.MAX_SAFE_INTEGER : Number(index);
}

type OptionPlace = 'objectName' | 'duplicatePolicy' | 'cardFields' | 'skipIfExistsAs' | 'recordTypeId';

/** Where a problem is shown: on a field row (by field name), beside a mapping option, or above Save. */
export type ProblemPlace =
  { kind: 'row'; field: string } | { kind: 'option'; option: OptionPlace } | { kind: 'general' };

export function placeOf(problem: Problem, draft: Draft): ProblemPlace {
  const row = /^fields\.(\d+)(\.|$)/.exec(problem.path);
  if (row) {
    const entry = draft.fields[Number(row[1])];
    if (entry) return { kind: 'row', field: entry.field };
  }
  if (problem.path.startsWith('searchableFields.') && problem.field) {
    if (draft.fields.some((entry) => entry.field === problem.field)) {
      return { kind: 'row', field: problem.field };
    }
  }
  if (problem.path === 'objectName') return { kind: 'option', option: 'objectName' };
  if (problem.path === 'duplicatePolicy') return { kind: 'option', option: 'duplicatePolicy' };
  if (/^cardFields(\.|$)/.test(problem.path)) return { kind: 'option', option: 'cardFields' };
  if (/^skipIfExistsAs(\.|$)/.test(problem.path)) return { kind: 'option', option: 'skipIfExistsAs' };
  if (problem.path === 'recordTypeId') return { kind: 'option', option: 'recordTypeId' };
  return { kind: 'general' };
}

export interface PlacedProblems extends Record<OptionPlace, Problem[]> {
  byField: Map<string, Problem[]>;
  general: Problem[];
}

export function placeProblems(problems: readonly Problem[], draft: Draft): PlacedProblems {
  const placed: PlacedProblems = {
    byField: new Map(),
    objectName: [],
    duplicatePolicy: [],
    cardFields: [],
    skipIfExistsAs: [],
    recordTypeId: [],
    general: [],
  };
  for (const problem of problems) {
    const place = placeOf(problem, draft);
    if (place.kind === 'row') {
      const list = placed.byField.get(place.field) ?? [];
      list.push(problem);
      placed.byField.set(place.field, list);
    } else if (place.kind === 'option') {
      placed[place.option].push(problem);
    } else {
      placed.general.push(problem);
    }
  }
  return placed;
}
