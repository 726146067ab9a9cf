import {
  fieldTypeLabel,
  findField,
  findFieldIgnoringCase,
  nameField,
  type FieldMetadata,
  type ObjectMetadata,
} from '../salesforce/objectMetadata';
import { MAX_CARD_FIELDS, type Mapping } from './mapping';
import type { Problem } from './problems';

/**
 * The key fields a record card shows agents in the widget, beside the record's name: chosen per mapping
 * (`Mapping.cardFields`), or the object's defaults when the mapping has no choice (mappings saved before
 * the choice existed, and new ones until the owner changes it).
 */

/** The defaults of the objects agents meet most, as Salesforce's own compact layouts show them. */
const OBJECT_DEFAULTS: Readonly<Record<string, readonly string[]>> = {
  Contact: ['AccountId', 'Phone', 'Title'],
  Lead: ['Status', 'Company'],
  Case: ['Status', 'Priority', 'Subject'],
};

/**
 * Any other object (Opportunity, custom objects…): the first three of these that it has, besides its name
 * (the card's title already), a custom field counting as its standard namesake (`Status__c` for Status).
 * They are the fields that tell an agent whose record it is and where it stands.
 */
const OTHER_OBJECT_CANDIDATES = ['Name', 'Email', 'Phone', 'Status'];
const OTHER_OBJECT_DEFAULT_COUNT = 3;

/**
 * Types a card cannot show as one value: files (base64), compound fields (address, location: their
 * parts are fields of their own, which can be chosen), and the types that have no plain value.
 */
const NOT_SHOWN_TYPES = new Set([
  'base64',
  'address',
  'location',
  'complexvalue',
  'anyType',
  'datacategorygroupreference',
]);

/** Whether a card can show the field: a lookup shows the name of its record, read through its relationship. */
export function canShowOnCard(field: FieldMetadata): boolean {
  if (NOT_SHOWN_TYPES.has(field.type)) return false;
  if (field.type === 'reference') return field.relationshipName !== null;
  return true;
}

/** The label agents read: a lookup's "Account ID" is "Account" on a card, since it shows the account's name. */
export function cardFieldLabel(field: FieldMetadata): string {
  return field.type === 'reference' ? field.label.replace(/\s+ID$/, '') : field.label;
}

/** The object's default key fields, only those this org's object has and a card can show. */
export function defaultCardFields(meta: ObjectMetadata): string[] {
  const shown = (name: string) => {
    const field = findField(meta, name);
    return field !== undefined && canShowOnCard(field);
  };
  const known = OBJECT_DEFAULTS[meta.name];
  if (known) return known.filter(shown);
  const title = nameField(meta)?.name;
  return OTHER_OBJECT_CANDIDATES.flatMap((name) =>
    [name, `${name}__c`].filter((candidate) => candidate !== title && shown(candidate)).slice(0, 1),
  ).slice(0, OTHER_OBJECT_DEFAULT_COUNT);
}

/** The key fields chosen for the mapping (or its defaults), as `Mapping.cardFields` says them. */
export function chosenCardFields(mapping: Pick<Mapping, 'cardFields'>, meta: ObjectMetadata): string[] {
  return mapping.cardFields ?? defaultCardFields(meta);
}

/**
 * The key fields a card shows, in order: the choice (or the defaults), keeping only fields the org still
 * has and a card can show, so a field deleted in Salesforce since the mapping was saved is left out
 * rather than failing the whole search.
 */
export function cardFieldsOf(mapping: Pick<Mapping, 'cardFields'>, meta: ObjectMetadata): FieldMetadata[] {
  const fields: FieldMetadata[] = [];
  for (const name of chosenCardFields(mapping, meta)) {
    const field = findField(meta, name);
    if (field && canShowOnCard(field) && !fields.includes(field)) fields.push(field);
  }
  return fields.slice(0, MAX_CARD_FIELDS);
}

/** The fields an owner may choose from: every field a card can show, but the Id and the name (the card's title). */
export function cardFieldOptions(meta: ObjectMetadata): FieldMetadata[] {
  const title = nameField(meta)?.name;
  return meta.fields
    .filter((field) => field.type !== 'id' && field.name !== title && canShowOnCard(field))
    .toSorted((a, b) => cardFieldLabel(a).localeCompare(cardFieldLabel(b)));
}

/**
 * Checks the chosen key fields: at most `MAX_CARD_FIELDS`, each once, each a field of the object that a
 * card can show. No choice (the defaults) has nothing to check. Problems are at `cardFields` (the count)
 * or `cardFields.<index>`.
 */
export function checkCardFields(mapping: Pick<Mapping, 'cardFields'>, meta: ObjectMetadata): Problem[] {
  const chosen = mapping.cardFields;
  if (!chosen) return [];
  const problems: Problem[] = [];
  if (chosen.length > MAX_CARD_FIELDS) {
    const extra = chosen.length - MAX_CARD_FIELDS;
    problems.push({
      path: 'cardFields',
      code: 'too_many_card_fields',
      severity: 'error',
      message: `A record card shows at most ${MAX_CARD_FIELDS} fields; ${chosen.length} are chosen. Remove ${extra}.`,
    });
  }
  const seen = new Set<string>();
  chosen.forEach((name, index) => {
    const path = `cardFields.${index}`;
    const field = findField(meta, name);
    if (!field) {
      const sameName = findFieldIgnoringCase(meta, name);
      problems.push({
        path,
        field: name,
        code: 'card_field_unknown',
        severity: 'error',
        message:
          `${meta.label} has no field ${name} to show agents` +
          (sameName
            ? `. Did you mean ${sameName.name}?`
            : '; it may have been deleted or renamed in Salesforce.'),
      });
      return;
    }
    if (seen.has(field.name)) {
      problems.push({
        path,
        field: field.name,
        code: 'card_field_duplicate',
        severity: 'error',
        message: `"${cardFieldLabel(field)}" is chosen twice for the record card; keep one.`,
      });
      return;
    }
    seen.add(field.name);
    if (!canShowOnCard(field)) {
      problems.push({
        path,
        field: field.name,
        code: 'card_field_not_shown',
        severity: 'error',
        message:
          field.type === 'reference'
            ? `"${field.label}" cannot be shown to agents: Salesforce gives no way to read the record it points to.`
            : `"${field.label}" is a field of type ${fieldTypeLabel(field.type)}, which a record card cannot show; choose its parts or another field.`,
      });
    }
  });
  return problems;
}
