import type { RecordCardField } from '../../src/api/widget';
import { cardFieldLabel, cardFieldsOf } from '../../src/mapping/cardFields';
import type { Mapping } from '../../src/mapping/mapping';
import { nameField, type FieldMetadata, type ObjectMetadata } from '../../src/salesforce/objectMetadata';

/**
 * The key fields of a mapped object's record cards, and how each is read from Salesforce in the same
 * query that finds the records (the widget's search, or the read-back of a record just created).
 */
export interface CardField {
  name: string;
  label: string;
  type: FieldMetadata['type'];
  /**
   * What the query selects: the field itself, or for a lookup the name of the record it points to,
   * through the relationship (`Account.Name` for Contact.AccountId): SOQL's child-to-parent dot notation
   * (https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_relationships_query_using.htm),
   * which SOSL's RETURNING field lists take too.
   */
  select: string;
  /** Picklist values by API value → label, so the card shows what Salesforce's own pages show. */
  labels?: ReadonlyMap<string, string>;
}

/**
 * The objects whose name field a card's lookups need: a lookup that may point to one object only. A
 * polymorphic one (Owner on Leads and Cases: User or Queue) reads the `Name` object, which always has
 * `Name` (https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_name.htm).
 */
export function lookupTargets(fields: readonly FieldMetadata[]): string[] {
  return [
    ...new Set(
      fields.flatMap((f) => (f.type === 'reference' && f.referenceTo.length === 1 ? f.referenceTo : [])),
    ),
  ];
}

function selectOf(field: FieldMetadata, targets: ReadonlyMap<string, ObjectMetadata>): string | undefined {
  if (field.type !== 'reference') return field.name;
  if (!field.relationshipName) return undefined;
  if (field.referenceTo.length !== 1) return `${field.relationshipName}.Name`;
  const target = targets.get(field.referenceTo[0]!);
  // An object we could not describe: its name field is unknown, and a wrong one would fail the search.
  const name = target && nameField(target)?.name;
  return name ? `${field.relationshipName}.${name}` : undefined;
}

/** The card fields of a mapping, given the describes of its lookups' targets (`lookupTargets`). */
export function planCardFields(
  mapping: Pick<Mapping, 'cardFields'>,
  meta: ObjectMetadata,
  targets: ReadonlyMap<string, ObjectMetadata>,
): CardField[] {
  return cardFieldsOf(mapping, meta).flatMap((field): CardField[] => {
    const select = selectOf(field, targets);
    if (!select) return [];
    const card: CardField = { name: field.name, label: cardFieldLabel(field), type: field.type, select };
    if (field.picklistValues.length > 0) {
      card.labels = new Map(field.picklistValues.map((v) => [v.value, v.label]));
    }
    return [card];
  });
}

/**
 * Describes the lookups' targets (cached describes, any age: a name field does not change), each on its
 * own so that one object the user may not see only leaves its lookup off the card.
 */
export async function describeTargets(
  names: readonly string[],
  describe: (names: string[]) => Promise<ReadonlyMap<string, ObjectMetadata>>,
): Promise<Map<string, ObjectMetadata>> {
  const found = new Map<string, ObjectMetadata>();
  for (const name of names) {
    try {
      const meta = (await describe([name])).get(name);
      if (meta) found.set(name, meta);
    } catch {
      // Left out: the card shows the other fields.
    }
  }
  return found;
}

/** A card's value that long text would make a wall of: the card shows the start. */
const LONG_TEXT = 200;

/** The value at a dotted path of a record as Salesforce answers it (`Account.Name` → record.Account.Name). */
function valueAt(record: Record<string, unknown>, path: string): unknown {
  let current: unknown = record;
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    const key = Object.keys(current).find((k) => k.toLowerCase() === part.toLowerCase());
    current = key === undefined ? undefined : (current as Record<string, unknown>)[key];
  }
  return current;
}

function shown(card: CardField, value: unknown): Omit<RecordCardField, 'field' | 'label'> | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  if (typeof value === 'boolean') return { value: value ? 'Yes' : 'No', kind: 'text' };
  if (typeof value === 'number') {
    return { value: card.type === 'percent' ? `${value}%` : String(value), kind: 'text' };
  }
  if (typeof value !== 'string') return undefined;
  if (card.type === 'date') return { value, kind: 'date' };
  if (card.type === 'datetime') return { value, kind: 'datetime' };
  if (card.type === 'multipicklist') {
    const labels = value.split(';').map((v) => card.labels?.get(v) ?? v);
    return { value: labels.join(', '), kind: 'text' };
  }
  const text = card.labels?.get(value) ?? value;
  return { value: text.length > LONG_TEXT ? `${text.slice(0, LONG_TEXT).trimEnd()}…` : text, kind: 'text' };
}

/** A record's card fields that have a value, in the chosen order. */
export function cardValues(cards: readonly CardField[], record: Record<string, unknown>): RecordCardField[] {
  return cards.flatMap((card) => {
    const value = shown(card, valueAt(record, card.select));
    return value ? [{ field: card.name, label: card.label, ...value }] : [];
  });
}

/** How a mapped object's cards are read: its name field and key fields (`toRelatedRecord` draws one). */
export interface CardPlan {
  objectName: string;
  /** `Id` when the object has no name field. */
  nameField: string;
  cards: CardField[];
}

/**
 * A mapping's card plan, its lookups' targets described (`describe`: the cached describes, any age; one
 * the user may not see is left out): for reading back records made from the widget.
 */
export async function cardPlanOf(
  mapping: Mapping,
  meta: ObjectMetadata,
  describe: (names: string[]) => Promise<ReadonlyMap<string, ObjectMetadata>>,
): Promise<CardPlan> {
  const targets = await describeTargets(lookupTargets(cardFieldsOf(mapping, meta)), describe);
  return {
    objectName: meta.name,
    nameField: nameField(meta)?.name ?? 'Id',
    cards: planCardFields(mapping, meta, targets),
  };
}
