import {
  chatFieldFor,
  type ChatField,
  type ChatSourceId,
  type DiscoveredChatField,
} from '../chat/chatFields';
import {
  findField,
  fieldTypeLabel,
  hasAssignmentRules,
  findFieldIgnoringCase,
  isRequiredOnCreate,
  requiredFields,
  type FieldMetadata,
  type ObjectMetadata,
} from '../salesforce/objectMetadata';
import { convertFieldValue, isSupportedFieldType } from './convertValue';
import { chatValueFit } from './sourceFit';
import { checkCardFields } from './cardFields';
import type { FieldMapping, Mapping } from './mapping';
import type { Problem } from './problems';

export interface ValidateMappingOptions {
  /** Metadata of objects that Auto-Match fields search (by object name), to check the matched field. */
  relatedObjects?: Readonly<Record<string, ObjectMetadata>>;
  /** The discovered chat fields, so list-valued form fields (checkboxes) are known as lists. */
  chatFields?: readonly (ChatField | DiscoveredChatField)[];
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
    problems.push(...checkFieldMapping(entry, path, meta, options));
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
  if (mapping.duplicatePolicy === 'link' && mapping.searchableFields.length === 0) {
    problems.push({
      path: 'duplicatePolicy',
      code: 'no_searchable_fields',
      severity: 'error',
      message: 'Linking to an existing record needs at least one searchable field to find it by.',
    });
  }
  return problems;
}
