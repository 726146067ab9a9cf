import {
  mappingSchema,
  type AutoMatchFieldMapping,
  type FieldMapping,
  type Mapping,
} from '../../../src/mapping/mapping';

/** The entries a Lead needs (LastName and Company are required in the demo org and `buildLeadMetadata`). */
export const requiredLeadEntries: FieldMapping[] = [
  { entryType: 'dynamic', field: 'LastName', source: 'visitor.lastName' },
  { entryType: 'static', field: 'Company', value: 'ACME' },
];

/** Auto-Match of a reference field (OwnerId unless given) to the User whose Email is the agent's. */
export function autoMatchAgentUser(field = 'OwnerId'): AutoMatchFieldMapping {
  return { entryType: 'autoMatch', field, match: { object: 'User', field: 'Email', source: 'agent.email' } };
}

/**
 * A Lead mapping with only the required entries, valid by `mappingSchema`; the rest as a new mapping
 * starts (no searchable fields, automation off, always create, assignment rules on). Overrides replace.
 */
export function buildMapping(overrides: Partial<Mapping> = {}): Mapping {
  return mappingSchema.parse({
    objectName: 'Lead',
    fields: requiredLeadEntries,
    searchableFields: [],
    automation: false,
    duplicatePolicy: 'create',
    autoAssign: true,
    ...overrides,
  });
}

/**
 * The visitor's Lead of a linked set: named from the chat, found again by Email (`link`), no owner rule.
 * Overrides replace (automation on or off, `skipIfExistsAs`).
 */
export function visitorLeadMapping(overrides: Partial<Mapping> = {}): Mapping {
  return {
    objectName: 'Lead',
    fields: [
      { entryType: 'dynamic', field: 'LastName', source: 'visitor.lastName' },
      { entryType: 'static', field: 'Company', value: 'Unknown (LiveChat)' },
      { entryType: 'dynamic', field: 'Email', source: 'visitor.email' },
    ],
    searchableFields: ['Email'],
    automation: true,
    duplicatePolicy: 'link',
    autoAssign: false,
    ...overrides,
  };
}
