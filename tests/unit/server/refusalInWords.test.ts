import { describe, expect, it } from 'vitest';
import { refusalForAgent, refusalForOwner } from '../../../server/salesforce/refusalInWords';
import { SalesforceError } from '../../../server/salesforce/salesforceError';

const refusal = (code: string, message: string, fields: string[] = []) =>
  new SalesforceError('rejected', message, code, fields);

describe('a Salesforce refusal in plain words', () => {
  it('tells the owner what to change in the mapping, and the agent what to change or whom to ask', () => {
    const missing = refusal('REQUIRED_FIELD_MISSING', 'Required fields are missing: [Company]', ['Company']);
    expect(refusalForOwner(missing, 'Lead', ['Company'])).toBe(
      'Salesforce needs Company to create the Lead, and this chat did not provide it.',
    );
    expect(refusalForAgent(missing, 'Company', 'Lead')).toBe(
      'Salesforce needs “Company” to create the Lead.',
    );

    const readOnly = refusal('INSUFFICIENT_ACCESS_OR_READONLY', 'insufficient access rights', ['OwnerId']);
    expect(refusalForOwner(readOnly, 'Lead', ['OwnerId'])).toContain('user who connected the account');
    expect(refusalForAgent(readOnly, 'Owner', 'Lead')).toContain('Ask your license owner');
  });

  it('reads the length limit out of Salesforce’s message for the agent', () => {
    const long = refusal('STRING_TOO_LONG', 'Title: data value too large: … (max length=128)', ['Title']);
    expect(refusalForAgent(long, 'Title', 'Contact')).toBe(
      '“Title” holds at most 128 characters in Salesforce. Shorten it.',
    );
  });

  it('passes Salesforce’s own words on for a code it does not know', () => {
    const odd = refusal('SOMETHING_ELSE', 'odd refusal');
    expect(refusalForOwner(odd, 'Case', [])).toBe('Salesforce refused the Case: odd refusal');
    expect(refusalForAgent(odd, 'Case', 'Case')).toBe('Salesforce refused the Case: odd refusal');
  });
});
