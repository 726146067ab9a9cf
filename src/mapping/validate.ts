import {
  chatFieldFor,
  type ChatField,
  type ChatSourceId,
  type DiscoveredChatField,
} from '../chat/chatFields';
import {
  choosableRecordTypes,
  findField,
  fieldTypeLabel,
  hasAssignmentRules,
  findFieldIgnoringCase,
  isRequiredOnCreate,
  requiredFields,
  sameId,
  withRecordTypePicklists,
  type FieldMetadata,
  type ObjectMetadata,
  type RecordTypePicklists,
} from '../salesforce/objectMetadata';
import { convertFieldValue, isSupportedFieldType } from './convertValue';
import { chatValueFit } from './sourceFit';
import { checkCardFields } from './cardFields';
import { kindOf, type ChatRecordFieldMapping, type FieldMapping, type Mapping } from './mapping';
import type { Problem } from './problems';

export interface ValidateMappingOptions {
  /** Metadata of objects that Auto-Match fields search (by object name), to check the matched field. */
  relatedObjects?: Readonly<Record<string, ObjectMetadata>>;
  /** The discovered chat fields, so list-valued form fields (checkboxes) are known as lists. */
  chatFields?: readonly (ChatField | DiscoveredChatField)[];
  /**
   * The account's other saved mappings (not this one, nor its saved version): chat-record entries must
   * name one of their record mappings, a cycle through them is refused, and there is one conversation
   * log per account. Left out: those checks are not made.
   */
  siblings?: readonly Mapping[];
  /**
   * The names of the org's objects (global describe): `skipIfExistsAs` must name some. Their metadata
   * goes in `relatedObjects`, to check the searchable fields' names. Left out: not checked.
   */
  orgObjects?: readonly string[];
  /** The picklist values of the mapping's record type (UI API): static values are checked against them. */
  recordTypePicklists?: RecordTypePicklists;
}

/**
 * Checks a mapping against the org's metadata of its object, before it is saved: every field exists and can
 * be set on create, every required field is mapped, static values fit their field (type, active picklist
 * values, length), Auto-Match fields are references to the chosen object, chat values can fit their field,
 * and searchable fields can be searched. Returns every problem found, errors and warnings, in mapping order.
 */
export function validateMapping(
  mapping: Mapping,
  meta: ObjectMetadata,
  options: ValidateMappingOptions = {},
): Problem[] {
  const problems: Problem[] = [];
  if (mapping.objectName !== meta.name) {
    problems.push({
      path: 'objectName',
      code: 'object_mismatch',
      severity: 'error',
      message: `This mapping is for ${mapping.objectName}, but it was checked against ${meta.name}.`,
    });
  }

  const recordTypeName = mapping.recordTypeId
    ? choosableRecordTypes(meta).find((rt) => sameId(rt.id, mapping.recordTypeId!))?.name
    : undefined;
  const valuesFrom =
    recordTypeName !== undefined && options.recordTypePicklists
      ? withRecordTypePicklists(meta, options.recordTypePicklists)
      : meta;

  const seen = new Map<string, number>();
  mapping.fields.forEach((entry, index) => {
    const path = `fields.${index}`;
    const key = entry.field.toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push({
        path: `${path}.field`,
        field: entry.field,
        code: 'duplicate_field',
        severity: 'error',
        message: `${entry.field} is mapped twice (entries ${first + 1} and ${index + 1}); keep one.`,
      });
      return;
    }
    seen.set(key, index);
    const found = checkFieldMapping(entry, path, valuesFrom, options);
    problems.push(
      ...(valuesFrom === meta
        ? found
        : found.map((problem) => withRecordTypeNamed(problem, recordTypeName!))),
    );
    problems.push(...checkUpdateRule(mapping, entry, index, meta));
  });

  const mapped = new Set(mapping.fields.map((entry) => entry.field));
  for (const field of requiredFields(meta)) {
    if (mapped.has(field.name)) continue;
    problems.push({
      path: 'fields',
      field: field.name,
      code: 'required_field_not_mapped',
      severity: 'error',
      message: `"${field.label}" is required for a new ${meta.label}; give it a value.`,
    });
  }

  problems.push(...checkSearchableFields(mapping, meta));
  problems.push(...checkOwnerKept(mapping));
  problems.push(...checkCardFields(mapping, meta));
  problems.push(...checkKind(mapping, options));
  problems.push(...checkChatRecordTargets(mapping, options));
  problems.push(...checkSkipIfExistsAs(mapping, meta, options));
  problems.push(...checkRecordType(mapping, meta));
  return problems;
}

/** A picklist value refused under a record type says which record type narrowed the choice. */
function withRecordTypeNamed(problem: Problem, recordTypeName: string): Problem {
  if (problem.code !== 'invalid_picklist_value' && problem.code !== 'picklist_value_not_in_org')
    return problem;
  return { ...problem, message: `${problem.message} (Values of the record type “${recordTypeName}”.)` };
}

/** Update rules matter only when the mapping updates the record it finds, and only for fields that can change. */
function checkUpdateRule(
  mapping: Mapping,
  entry: FieldMapping,
  index: number,
  meta: ObjectMetadata,
): Problem[] {
  if (!entry.updateRule) return [];
  const path = `fields.${index}.updateRule`;
  if (mapping.duplicatePolicy !== 'update') {
    return [
      {
        path,
        field: entry.field,
        code: 'update_rule_unused',
        severity: 'warning',
        message:
          'Update rules apply only when the mapping updates the record it finds (“Link and update”); this one changes nothing.',
      },
    ];
  }
  const field = findField(meta, entry.field);
  if (field && !field.updateable && entry.updateRule !== 'never') {
    return [
      {
        path,
        field: entry.field,
        code: 'field_not_updateable',
        severity: 'warning',
        message: `"${field.label}" cannot be changed on an existing ${meta.label}; it is set on new records only.`,
      },
    ];
  }
  return [];
}

/** The conversation log: a Task, logged as a Task or a Note, created for every chat, one per account. */
function checkKind(mapping: Mapping, options: ValidateMappingOptions): Problem[] {
  if (kindOf(mapping) === 'record') {
    if (mapping.logAs === undefined) return [];
    return [
      {
        path: 'logAs',
        code: 'log_as_not_conversation',
        severity: 'error',
        message:
          'Only the conversation log is written as a Task or a Note; leave this out for a record mapping.',
      },
    ];
  }
  const problems: Problem[] = [];
  if (mapping.objectName !== 'Task') {
    problems.push({
      path: 'objectName',
      code: 'conversation_not_task',
      severity: 'error',
      message: `The conversation log is a Task (written as a Note when it is too long), not a ${mapping.objectName}.`,
    });
  }
  if (mapping.logAs === undefined) {
    problems.push({
      path: 'logAs',
      code: 'conversation_log_as_missing',
      severity: 'error',
      message: 'Say how to log the conversation: as a completed Task, or always as a Note.',
    });
  }
  if (mapping.duplicatePolicy !== 'create') {
    problems.push({
      path: 'duplicatePolicy',
      code: 'conversation_not_created',
      severity: 'error',
      message:
        'The conversation log is a new activity for every chat; it cannot link to or update an existing one.',
    });
  }
  if (options.siblings?.some((m) => kindOf(m) === 'conversation')) {
    problems.push({
      path: 'kind',
      code: 'conversation_exists',
      severity: 'error',
      message: 'This account logs conversations already; edit that log instead of adding another.',
    });
  }
  return problems;
}

/**
 * Chat-record entries name a record mapping of the account, and never close a cycle: Case → Contact →
 * Case would need each record before the other. Reported at the entry that closes it.
 */
function checkChatRecordTargets(mapping: Mapping, options: ValidateMappingOptions): Problem[] {
  const { siblings } = options;
  const problems: Problem[] = [];
  const records = siblings?.filter((m) => kindOf(m) === 'record');
  mapping.fields.forEach((entry, index) => {
    if (entry.entryType !== 'chatRecord') return;
    const path = `fields.${index}.object`;
    const at = (code: Problem['code'], message: string): Problem => ({
      path,
      field: entry.field,
      code,
      severity: 'error',
      message,
    });
    if (kindOf(mapping) === 'record' && entry.object === mapping.objectName) {
      problems.push(
        at(
          'chat_record_cycle',
          `${mapping.objectName} → ${mapping.objectName}: a record cannot point to itself; choose another object.`,
        ),
      );
      return;
    }
    if (!records) return;
    const target = records.find((m) => m.objectName === entry.object);
    if (!target) {
      problems.push(
        at(
          'chat_record_object_not_mapped',
          `This account has no mapping of ${entry.object} yet, so a chat has no ${entry.object} to point to. Map ${entry.object} first, then choose it here.`,
        ),
      );
      return;
    }
    // Automation after a chat writes the set of the mappings it runs: a record it does not run is
    // neither looked up nor created, so only one an agent made in the widget can be pointed to.
    if (mapping.automation && !target.automation) {
      problems.push({
        ...at(
          'chat_record_not_automated',
          `Automation is off for ${entry.object}, so after a chat no ${entry.object} is looked up or created for this: it stays empty unless an agent made the chat's ${entry.object} in the widget. Turn on ${entry.object}'s automation to fill it by itself.`,
        ),
        severity: 'warning',
      });
    }
    if (kindOf(mapping) !== 'record') return; // nothing points to the conversation log: no cycle
    const back = pathBack(entry.object, mapping.objectName, records);
    if (back) {
      const loop = [mapping.objectName, ...back].join(' → ');
      problems.push(
        at(
          'chat_record_cycle',
          `${loop}: each of these records would need the other to be written first. Remove one of these links.`,
        ),
      );
    }
  });
  return problems;
}

/** The objects from `from` to `to` following the record mappings' chat-record entries, or null. */
function pathBack(from: string, to: string, records: readonly Mapping[]): string[] | null {
  const visited = new Set<string>();
  const walk = (object: string): string[] | null => {
    if (object === to) return [object];
    if (visited.has(object)) return null;
    visited.add(object);
    const mapping = records.find((m) => m.objectName === object);
    for (const entry of mapping?.fields ?? []) {
      if (entry.entryType !== 'chatRecord') continue;
      const rest = walk(entry.object);
      if (rest) return [object, ...rest];
    }
    return null;
  };
  return walk(from);
}

/** "No Lead for a known Contact": each object exists, is not the mapping's own, and has the searchable fields. */
function checkSkipIfExistsAs(
  mapping: Mapping,
  meta: ObjectMetadata,
  options: ValidateMappingOptions,
): Problem[] {
  const objects = mapping.skipIfExistsAs ?? [];
  if (objects.length === 0) return [];
  const problems: Problem[] = [];
  if (mapping.searchableFields.length === 0) {
    problems.push({
      path: 'skipIfExistsAs',
      code: 'skip_needs_searchable_fields',
      severity: 'error',
      message: `Skipping when the visitor exists as ${objects.join(' or ')} needs a searchable field (such as Email) to look for them by.`,
    });
  }
  const seen = new Set<string>();
  objects.forEach((object, index) => {
    const path = `skipIfExistsAs.${index}`;
    const error = (code: Problem['code'], message: string) =>
      problems.push({ path, code, severity: 'error', message });
    if (seen.has(object)) return error('skip_object_duplicate', `${object} is listed twice.`);
    seen.add(object);
    if (object === mapping.objectName) {
      return error(
        'skip_object_is_own',
        `A ${meta.label} found by the searchable fields is linked or updated by the duplicate policy; choose another object to skip for.`,
      );
    }
    if (options.orgObjects && !options.orgObjects.includes(object)) {
      return error('skip_object_unknown', `This Salesforce org has no object called ${object}.`);
    }
    const related = options.relatedObjects?.[object];
    if (!related) return;
    for (const name of mapping.searchableFields) {
      const target = findField(related, name);
      if (!target || !target.filterable) {
        error(
          'skip_object_field_missing',
          target
            ? `Salesforce cannot search ${related.label} records by "${target.label}", a searchable field of this mapping.`
            : `${related.label} has no field ${name}, a searchable field of this mapping, so the visitor cannot be looked for there.`,
        );
      }
    }
  });
  return problems;
}

/** The record type is one the connected user may create, and is set in one place only. */
function checkRecordType(mapping: Mapping, meta: ObjectMetadata): Problem[] {
  const problems: Problem[] = [];
  const mappedAt = mapping.fields.findIndex((f) => f.field === 'RecordTypeId');
  if (mapping.recordTypeId && mappedAt !== -1) {
    problems.push({
      path: `fields.${mappedAt}.field`,
      field: 'RecordTypeId',
      code: 'record_type_set_twice',
      severity: 'error',
      message: 'The record type is chosen for the whole mapping; remove this field.',
    });
  }
  if (!mapping.recordTypeId || meta.recordTypes === undefined) return problems;
  const choosable = choosableRecordTypes(meta);
  if (choosable.some((rt) => sameId(rt.id, mapping.recordTypeId!))) return problems;
  const known = (meta.recordTypes ?? []).find((rt) => sameId(rt.id, mapping.recordTypeId!));
  problems.push({
    path: 'recordTypeId',
    field: 'RecordTypeId',
    code: 'unknown_record_type',
    severity: 'error',
    message:
      choosable.length === 0
        ? `${meta.label} has no record types to choose from in this org; leave the record type empty.`
        : (known
            ? `The record type “${known.name}” is not available to the connected Salesforce user`
            : `${meta.label} has no record type ${mapping.recordTypeId}`) +
          `; choose ${choosable.map((rt) => `“${rt.name}”`).join(', ')}, or leave it empty for the default.`,
  });
  return problems;
}

function checkOwnerKept(mapping: Mapping): Problem[] {
  const index = mapping.fields.findIndex(
    (f) => f.field === 'OwnerId' && (f.entryType !== 'static' || f.value !== null),
  );
  if (index === -1 || !mapping.autoAssign || !hasAssignmentRules(mapping.objectName)) return [];
  return [
    {
      path: 'autoAssign',
      field: 'OwnerId',
      code: 'owner_replaced_by_assignment_rules',
      severity: 'warning',
      message:
        'Salesforce assignment rules are on, so they will choose the owner and replace the one this mapping sets. Turn them off to keep it.',
    },
  ];
}

function unknownField(meta: ObjectMetadata, name: string, path: string): Problem {
  const sameName = findFieldIgnoringCase(meta, name);
  return {
    path,
    field: name,
    code: 'unknown_field',
    severity: 'error',
    message:
      `${meta.label} has no field ${name}` +
      (sameName
        ? `. Did you mean ${sameName.name}?`
        : '; it may have been deleted or renamed in Salesforce.'),
  };
}

function checkFieldMapping(
  entry: FieldMapping,
  path: string,
  meta: ObjectMetadata,
  options: ValidateMappingOptions,
): Problem[] {
  const field = findField(meta, entry.field);
  if (!field) return [unknownField(meta, entry.field, `${path}.field`)];
  const at = (suffix: string, problem: Omit<Problem, 'path' | 'field'>): Problem => ({
    path: `${path}${suffix}`,
    field: field.name,
    ...problem,
  });
  if (!field.createable) {
    return [
      at('.field', {
        code: 'field_not_createable',
        severity: 'error',
        message: `"${field.label}" cannot be set on a new ${meta.label} (it is read-only or filled in by Salesforce).`,
      }),
    ];
  }
  if (!isSupportedFieldType(field.type)) {
    return [
      at('.field', {
        code: 'unsupported_field_type',
        severity: 'error',
        message: `"${field.label}" is a field of type ${fieldTypeLabel(field.type)}, which this app cannot fill in.`,
      }),
    ];
  }

  switch (entry.entryType) {
    case 'static': {
      const { value, issues } = convertFieldValue(field, entry.value);
      const isEmpty = value === undefined && issues.length === 0;
      if (isEmpty && isRequiredOnCreate(field)) {
        return [
          at('.value', {
            code: 'value_required',
            severity: 'error',
            message: `"${field.label}" is required; give it a value.`,
          }),
        ];
      }
      return issues.map((issue) => at('.value', issue));
    }
    case 'dynamic':
      return checkChatValueFits(field, entry.source, options).map((issue) => at('.source', issue));
    case 'autoMatch':
      return checkAutoMatch(entry, field, options).map(({ suffix, ...issue }) => at(suffix, issue));
    case 'chatRecord':
      return checkChatRecord(entry, field).map(({ suffix, ...issue }) => at(suffix, issue));
  }
}

/** The catalogue's entry of a source (its kind and sample), or what its id says. */
function sourceField(source: ChatSourceId, options: ValidateMappingOptions): ChatField | DiscoveredChatField {
  return options.chatFields?.find((candidate) => candidate.id === source) ?? chatFieldFor(source);
}

type Issue = Omit<Problem, 'path' | 'field'>;

/** Catches chat values that cannot fit a field (a name in a number field); the rest is checked per chat. */
function checkChatValueFits(
  field: FieldMetadata,
  source: ChatSourceId,
  options: ValidateMappingOptions,
): Issue[] {
  const fit = chatValueFit(field, sourceField(source, options));
  if (fit.verdict === 'yes' || !fit.message) return [];
  const code = field.type === 'reference' ? 'reference_from_chat_value' : 'chat_value_does_not_fit';
  return [{ code, severity: fit.verdict === 'no' ? 'error' : 'warning', message: fit.message }];
}

function checkAutoMatch(
  entry: Extract<FieldMapping, { entryType: 'autoMatch' }>,
  field: FieldMetadata,
  options: ValidateMappingOptions,
): (Issue & { suffix: string })[] {
  if (field.type !== 'reference') {
    return [
      {
        suffix: '.entryType',
        code: 'auto_match_not_reference',
        severity: 'error',
        message: `Auto-Match only works for lookup fields, which point to another record; "${field.label}" is a field of type ${fieldTypeLabel(field.type)}.`,
      },
    ];
  }
  const { object, field: matchField } = entry.match;
  if (!field.referenceTo.includes(object)) {
    return [
      {
        suffix: '.match.object',
        code: 'auto_match_object_not_allowed',
        severity: 'error',
        message: `"${field.label}" can point to ${field.referenceTo.join(' or ') || 'no object'}, not to ${object}.`,
      },
    ];
  }
  const related = options.relatedObjects?.[object];
  if (!related) return [];
  const target = findField(related, matchField);
  if (!target) {
    const sameName = findFieldIgnoringCase(related, matchField);
    return [
      {
        suffix: '.match.field',
        code: 'auto_match_field_unknown',
        severity: 'error',
        message:
          `${related.label} has no field ${matchField}.` +
          (sameName ? ` Did you mean ${sameName.name}?` : ''),
      },
    ];
  }
  if (!target.filterable) {
    return [
      {
        suffix: '.match.field',
        code: 'auto_match_field_not_filterable',
        severity: 'error',
        message: `Salesforce cannot search ${related.label} records by "${target.label}"; pick another field.`,
      },
    ];
  }
  return [];
}

function checkChatRecord(
  entry: ChatRecordFieldMapping,
  field: FieldMetadata,
): (Issue & { suffix: string })[] {
  if (field.type !== 'reference') {
    return [
      {
        suffix: '.entryType',
        code: 'chat_record_not_reference',
        severity: 'error',
        message: `Only a lookup field, which points to another record, can take this chat's ${entry.object}; "${field.label}" is a field of type ${fieldTypeLabel(field.type)}.`,
      },
    ];
  }
  if (!field.referenceTo.includes(entry.object)) {
    return [
      {
        suffix: '.object',
        code: 'chat_record_object_not_allowed',
        severity: 'error',
        message: `"${field.label}" can point to ${field.referenceTo.join(' or ') || 'no object'}, not to ${entry.object}.`,
      },
    ];
  }
  return [];
}

function checkSearchableFields(mapping: Mapping, meta: ObjectMetadata): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  mapping.searchableFields.forEach((name, index) => {
    const path = `searchableFields.${index}`;
    if (seen.has(name)) {
      problems.push({
        path,
        field: name,
        code: 'searchable_field_duplicate',
        severity: 'error',
        message: `${name} is marked searchable twice.`,
      });
      return;
    }
    seen.add(name);
    const field = findField(meta, name);
    if (!field) {
      problems.push({ ...unknownField(meta, name, path), code: 'searchable_field_unknown' });
      return;
    }
    if (!field.filterable || field.type === 'textarea') {
      problems.push({
        path,
        field: name,
        code: 'searchable_field_not_filterable',
        severity: 'error',
        message: `Salesforce cannot search ${meta.label} records by "${field.label}"; pick a field such as Email or Phone.`,
      });
      return;
    }
    const entry = mapping.fields.find((candidate) => candidate.field === name);
    if (!entry) {
      problems.push({
        path,
        field: name,
        code: 'searchable_field_not_mapped',
        severity: 'error',
        message: `"${field.label}" is searchable but not mapped; map it to a chat value so the visitor's value can be searched.`,
      });
    } else if (entry.entryType === 'static') {
      problems.push({
        path,
        field: name,
        code: 'searchable_field_static',
        severity: 'warning',
        message: `"${field.label}" has a fixed value, so searching by it finds the same records for every visitor.`,
      });
    }
  });
  if (mapping.duplicatePolicy !== 'create' && mapping.searchableFields.length === 0) {
    problems.push({
      path: 'duplicatePolicy',
      code: 'no_searchable_fields',
      severity: 'error',
      message: `${mapping.duplicatePolicy === 'update' ? 'Updating' : 'Linking to'} an existing record needs at least one searchable field to find it by.`,
    });
  }
  return problems;
}
