import type { ProblemCode } from '../../src/mapping/problems';
import type { SalesforceError } from './salesforceError';

/**
 * Salesforce's refusals of a record, one meaning per error code with two phrasings: for the owner
 * (Activity: what to change in the mapping or the org) and for the agent (the widget's form: what to
 * change in the value, or whom to ask). `fields` are the labels of the fields Salesforce named.
 */
interface Meaning {
  /** The problem the widget marks at the field. */
  problem: ProblemCode;
  owner: (e: { fields: string; objectLabel: string; message: string }) => string;
  agent: (e: { field: string; objectLabel: string; message: string }) => string;
}

const other: Meaning = {
  problem: 'invalid_value',
  owner: ({ objectLabel, message }) => `Salesforce refused the ${objectLabel}: ${message}`,
  agent: ({ objectLabel, message }) => `Salesforce refused the ${objectLabel}: ${message}`,
};

const noAccess: Meaning = {
  problem: 'invalid_value',
  owner: ({ objectLabel, message }) =>
    `The Salesforce user who connected the account may not create this ${objectLabel}. (${message})`,
  agent: ({ field }) =>
    `The Salesforce user this account is connected with may not set “${field}”. Ask your license owner.`,
};

const badReference: Meaning = {
  problem: 'invalid_id',
  owner: ({ fields, message }) =>
    `${fields || 'A reference field'} points to a record Salesforce did not accept. Edit the mapping. (${message})`,
  agent: ({ field }) =>
    `“${field}” must point to a record of the right kind; Salesforce did not accept this one.`,
};

const MEANINGS: Record<string, Meaning> = {
  REQUIRED_FIELD_MISSING: {
    problem: 'value_required',
    owner: ({ fields, objectLabel }) =>
      `Salesforce needs ${fields || 'a required field'} to create the ${objectLabel}, and this chat did not provide it.`,
    agent: ({ field, objectLabel }) => `Salesforce needs “${field}” to create the ${objectLabel}.`,
  },
  INVALID_FIELD: {
    problem: 'invalid_value',
    owner: ({ fields, objectLabel, message }) =>
      `The mapping uses ${fields || 'a field'} that the ${objectLabel} object no longer has or that cannot be set. Edit the mapping. (${message})`,
    agent: ({ field }) =>
      `Salesforce no longer has “${field}”. Ask your license owner to update the mapping.`,
  },
  INVALID_FIELD_FOR_INSERT_UPDATE: noAccess,
  INSUFFICIENT_ACCESS_OR_READONLY: noAccess,
  INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY: noAccess,
  INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST: {
    problem: 'invalid_picklist_value',
    owner: ({ fields, message }) =>
      `${fields || 'A picklist'} does not accept that value in your org. Edit the mapping. (${message})`,
    agent: ({ field }) => `Salesforce does not accept this value for “${field}”. Pick another one.`,
  },
  STRING_TOO_LONG: {
    problem: 'value_too_long',
    owner: ({ fields, message }) =>
      `${fields || 'A text value'} is longer than the field allows. (${message})`,
    agent: ({ field, message }) => {
      const max = /max length=(\d+)/i.exec(message)?.[1];
      return max
        ? `“${field}” holds at most ${max} characters in Salesforce. Shorten it.`
        : `“${field}” is longer than Salesforce allows. Shorten it.`;
    },
  },
  INVALID_EMAIL_ADDRESS: {
    problem: 'invalid_email',
    owner: ({ fields, message }) =>
      `${fields || 'An email field'} got a value Salesforce does not take as an email address. (${message})`,
    agent: ({ field }) => `Salesforce does not accept this as an email address for “${field}”.`,
  },
  MALFORMED_ID: badReference,
  FIELD_INTEGRITY_EXCEPTION: badReference,
  FIELD_CUSTOM_VALIDATION_EXCEPTION: {
    problem: 'invalid_value',
    owner: ({ objectLabel, message }) =>
      `A validation rule in your org refused the ${objectLabel}: ${message}`,
    agent: ({ message }) => `A rule in your Salesforce org refused it: ${message}`,
  },
  DUPLICATES_DETECTED: {
    problem: 'invalid_value',
    owner: ({ objectLabel, message }) =>
      `A duplicate rule in your org blocked the ${objectLabel}: ${message}`,
    agent: ({ objectLabel, message }) => `Salesforce says this ${objectLabel} already exists: ${message}`,
  },
};

export function meaningOf(error: SalesforceError): Meaning {
  return MEANINGS[error.errorCode ?? ''] ?? other;
}

/** For the owner, in Activity. */
export function refusalForOwner(error: SalesforceError, objectLabel: string, fieldLabels: string[]): string {
  if (error.causes.length > 1) {
    // Each reason in its own words, with the fields Salesforce named for it.
    return [
      ...new Set(
        error.causes.map((cause) =>
          (MEANINGS[cause.errorCode] ?? other).owner({
            fields: cause.fields.join(', '),
            objectLabel,
            message: cause.message,
          }),
        ),
      ),
    ].join(' ');
  }
  return meaningOf(error).owner({ fields: fieldLabels.join(', '), objectLabel, message: error.message });
}

/** For the agent, at one field of the widget's form (or the whole record, labelled as the object). */
export function refusalForAgent(error: SalesforceError, fieldLabel: string, objectLabel: string): string {
  return meaningOf(error).agent({ field: fieldLabel, objectLabel, message: error.message });
}
