import { describe, expect, it } from 'vitest';
import { truncateText } from '../../../src/mapping/convertValue';
import { hasErrors } from '../../../src/mapping/problems';
import { validateValues } from '../../../src/mapping/validateValues';
import {
  buildFieldMetadata,
  buildLeadMetadata,
  buildObjectMetadata,
} from '../../support/factories/salesforceMetadata';

const lead = buildLeadMetadata();
const required = { LastName: 'Anderson', Company: 'ACME' };

/** Validates one value next to Lead's required fields. */
function check(field: string, value: unknown) {
  const result = validateValues({ ...required, [field]: value }, lead);
  return { value: result.values[field], problems: result.problems };
}

function expectConverted(field: string, value: unknown, expected: unknown) {
  const result = check(field, value);
  expect(result.problems, `${field} = ${JSON.stringify(value)}`).toEqual([]);
  expect(result.value, `${field} = ${JSON.stringify(value)}`).toEqual(expected);
}

function expectError(field: string, value: unknown, code: string, message?: RegExp) {
  const result = check(field, value);
  expect(result.value, `${field} = ${JSON.stringify(value)}`).toBeUndefined();
  expect(result.problems, `${field} = ${JSON.stringify(value)}`).toEqual([
    expect.objectContaining({ path: `values.${field}`, field, code, severity: 'error' }),
  ]);
  if (message) expect(result.problems[0]?.message).toMatch(message);
}

describe('validateValues', () => {
  it('passes a complete, valid record through', () => {
    const result = validateValues(
      { ...required, Email: 't.anderson@example.com', LeadSource: 'Web', HasOptedOutOfEmail: false },
      lead,
    );

    expect(result).toEqual({
      values: { ...required, Email: 't.anderson@example.com', LeadSource: 'Web', HasOptedOutOfEmail: false },
      problems: [],
    });
  });

  describe('required fields', () => {
    it('reports each required field without a value', () => {
      const result = validateValues({ Email: 'a@example.com' }, lead);

      expect(result.problems).toEqual([
        {
          path: 'values.LastName',
          field: 'LastName',
          code: 'value_required',
          severity: 'error',
          message: '"Last Name" is required for a new Lead, but there is no value for it.',
        },
        expect.objectContaining({ field: 'Company', code: 'value_required', severity: 'error' }),
      ]);
    });

    it('counts null, blank text and empty lists as no value', () => {
      const result = validateValues({ LastName: '   ', Company: null, FirstName: [] }, lead);

      expect(result.values).toEqual({});
      expect(result.problems.map((problem) => problem.field)).toEqual(['LastName', 'Company']);
    });

    it('does not ask for defaulted fields (Status, OwnerId) or checkboxes', () => {
      expect(validateValues(required, lead).problems).toEqual([]);
    });

    it('reports a required field once when its value is also invalid', () => {
      const result = validateValues({ LastName: 'x'.repeat(81), Company: 'ACME' }, lead);

      expect(result.problems.map((problem) => problem.code)).toEqual(['value_too_long']);
    });
  });

  describe('unknown and read-only fields', () => {
    it('refuses a field the object does not have, suggesting the right spelling', () => {
      const result = validateValues({ ...required, lastname: 'x', Shoe_Size__c: 42 }, lead);

      expect(result.problems).toEqual([
        expect.objectContaining({
          field: 'lastname',
          code: 'unknown_field',
          message: 'Lead has no field lastname. Did you mean LastName?',
        }),
        expect.objectContaining({
          field: 'Shoe_Size__c',
          code: 'unknown_field',
          message: 'Lead has no field Shoe_Size__c.',
        }),
      ]);
      expect(result.values).toEqual(required);
    });

    it('refuses a field that cannot be set on create', () => {
      expectError('Name', 'Thomas Anderson', 'field_not_createable', /cannot be set on a new Lead/);
    });
  });

  describe('text fields (string, phone, url, encryptedstring, combobox)', () => {
    it('trims one-line text and keeps non-ASCII characters', () => {
      expectConverted('FirstName', '  Zoë  ', 'Zoë');
      expectConverted('Company', 'Łódź Ltd. 株式会社', 'Łódź Ltd. 株式会社');
      expectConverted('Phone', '+48 600 100 200', '+48 600 100 200');
      expectConverted('Website', 'https://shop.example/', 'https://shop.example/');
    });

    it('writes numbers and booleans as text, and joins lists with ", "', () => {
      expectConverted('Company', 42, '42');
      expectConverted('FirstName', true, 'true');
      expectConverted('Company', ['sales', 'vip'], 'sales, vip');
    });

    it('refuses text longer than the field, counting UTF-16 code units', () => {
      expectConverted('FirstName', 'x'.repeat(40), 'x'.repeat(40));
      expectError(
        'FirstName',
        'x'.repeat(41),
        'value_too_long',
        /"First Name" holds at most 40 characters; this value has 41/,
      );
      // 20 emoji are 40 code units: they fit; one more letter does not.
      expectConverted('FirstName', '👋'.repeat(20), '👋'.repeat(20));
      expectError('FirstName', `${'👋'.repeat(20)}x`, 'value_too_long');
    });

    it('checks string lengths for every text type', () => {
      const meta = buildObjectMetadata({
        fields: [
          buildFieldMetadata({ name: 'Secret__c', type: 'encryptedstring', length: 5 }),
          buildFieldMetadata({ name: 'Choice__c', type: 'combobox', length: 5 }),
          buildFieldMetadata({ name: 'Site__c', type: 'url', length: 5 }),
        ],
      });

      const result = validateValues({ Secret__c: 'abcdef', Choice__c: 'abc', Site__c: 'abcdef' }, meta);

      expect(result.values).toEqual({ Choice__c: 'abc' });
      expect(result.problems.map((problem) => [problem.field, problem.code])).toEqual([
        ['Secret__c', 'value_too_long'],
        ['Site__c', 'value_too_long'],
      ]);
    });
  });

  describe('long text (textarea)', () => {
    it('keeps line breaks and surrounding blanks', () => {
      expectConverted('Description', '  line one\nline two\n', '  line one\nline two\n');
    });

    it('cuts an over-long transcript to fit, with a warning', () => {
      const transcript = `[11:45] Thomas: ${'ą'.repeat(40_000)}`;

      const result = check('Description', transcript);

      expect(result.value).toHaveLength(32_000);
      expect(String(result.value).endsWith('…')).toBe(true);
      expect(String(result.value).startsWith('[11:45] Thomas: ąą')).toBe(true);
      expect(result.problems).toEqual([
        {
          path: 'values.Description',
          field: 'Description',
          code: 'value_truncated',
          severity: 'warning',
          message: `"Description" holds at most 32000 characters; the text (${transcript.length} characters) was cut to fit.`,
        },
      ]);
      expect(hasErrors(result.problems)).toBe(false);
    });

    it("cuts at Salesforce's long text area maximum of 131072 characters", () => {
      const meta = buildObjectMetadata({
        fields: [buildFieldMetadata({ name: 'Transcript__c', type: 'textarea', length: 131_072 })],
      });

      const result = validateValues({ Transcript__c: 'a'.repeat(131_073) }, meta);

      expect(result.values.Transcript__c).toHaveLength(131_072);
    });
  });

  describe('truncateText', () => {
    it('never splits an emoji in two', () => {
      const cut = truncateText('ab👋cd', 4);

      expect(cut).toBe('ab…');
      expect(cut.length).toBeLessThanOrEqual(4);
    });

    it('leaves text that fits alone', () => {
      expect(truncateText('abc', 3)).toBe('abc');
    });
  });

  describe('email', () => {
    it('accepts addresses loosely, non-ASCII included', () => {
      expectConverted('Email', ' t.anderson@example.com ', 't.anderson@example.com');
      expectConverted('Email', 'zoë@bücher.de', 'zoë@bücher.de');
    });

    it('refuses what is not an address', () => {
      for (const value of ['not an email', 'a@b', 'a b@example.com', ['a@example.com', 'b@example.com']]) {
        expectError('Email', value, 'invalid_email', /"Email" needs an email address/);
      }
    });

    it('refuses an address longer than the field', () => {
      expectError('Email', `${'a'.repeat(70)}@example.com`, 'value_too_long');
    });
  });

  describe('picklist', () => {
    it("accepts an active value, in the org's spelling whatever the case", () => {
      expectConverted('Status', 'Working - Contacted', 'Working - Contacted');
      expectConverted('Status', 'working - contacted', 'Working - Contacted');
      expectConverted('Status', ['Closed - Converted'], 'Closed - Converted');
    });

    it('refuses a value of a restricted picklist that is not active, listing the allowed ones', () => {
      expectError(
        'Status',
        'Archived',
        'invalid_picklist_value',
        /^"Status" does not accept "Archived"\. Allowed: "Open - Not Contacted", "Working - Contacted", "Closed - Converted", "Closed - Not Converted"\.$/,
      );
      expectError('Status', 'Qualified', 'invalid_picklist_value');
    });

    it('keeps an unknown value of an unrestricted picklist, with a warning', () => {
      const result = check('LeadSource', 'Chat');

      expect(result.value).toBe('Chat');
      expect(result.problems).toEqual([
        expect.objectContaining({ code: 'picklist_value_not_in_org', severity: 'warning' }),
      ]);
    });

    it('refuses several values', () => {
      expectError('LeadSource', ['Web', 'Other'], 'too_many_values', /takes one value, not 2/);
    });
  });

  describe('multi-picklist', () => {
    it('joins values with ";" in the org\'s spelling, without repeats', () => {
      expectConverted('Interests__c', ['automotive', 'IT', 'it'], 'automotive;it');
      expectConverted('Interests__c', 'retail; it', 'retail;it');
      expectConverted('Interests__c', 'retail', 'retail');
    });

    it('refuses any value that is not active in a restricted multi-picklist', () => {
      const result = check('Interests__c', ['it', 'legacy', 'space']);

      expect(result.value).toBeUndefined();
      expect(result.problems).toEqual([
        expect.objectContaining({
          code: 'invalid_picklist_value',
          message: expect.stringMatching(/"legacy"/),
        }),
        expect.objectContaining({
          code: 'invalid_picklist_value',
          message: expect.stringMatching(/"space"/),
        }),
      ]);
    });
  });

  describe('boolean', () => {
    it('understands true/false, yes/no, 1/0 and on/off', () => {
      for (const value of [true, 'true', 'TRUE', 'yes', 'Y', '1', 1, 'on', 'checked']) {
        expectConverted('HasOptedOutOfEmail', value, true);
      }
      for (const value of [false, 'false', 'No', 'n', '0', 0, 'off']) {
        expectConverted('HasOptedOutOfEmail', value, false);
      }
    });

    it('takes a ticked checkbox of a chat form (a list of labels) as true', () => {
      expectConverted('HasOptedOutOfEmail', ['I do not want emails'], true);
      expectConverted('HasOptedOutOfEmail', ['no'], false);
    });

    it("leaves an empty checkbox to Salesforce's default", () => {
      expect(check('HasOptedOutOfEmail', '')).toEqual({ value: undefined, problems: [] });
    });

    it('refuses other text and numbers', () => {
      expectError(
        'HasOptedOutOfEmail',
        'maybe',
        'invalid_boolean',
        /"Email Opt Out" is a checkbox; "maybe" is not true or false/,
      );
      expectError('HasOptedOutOfEmail', 2, 'invalid_boolean');
    });
  });

  describe('date', () => {
    it('gives YYYY-MM-DD, taking the UTC day of a date and time', () => {
      expectConverted('Follow_Up__c', '2024-05-22', '2024-05-22');
      expectConverted('Follow_Up__c', '2024-02-29', '2024-02-29');
      expectConverted('Follow_Up__c', '2020-05-28T11:44:58.829Z', '2020-05-28');
      expectConverted('Follow_Up__c', '2020-05-28T23:30:00-02:00', '2020-05-29');
    });

    it('refuses dates that do not exist or are not dates', () => {
      for (const value of [
        '2023-02-29',
        '2024-13-01',
        '2024-00-10',
        '22/05/2024',
        'tomorrow',
        '2024-5-22',
        20240522,
      ]) {
        expectError('Follow_Up__c', value, 'invalid_date', /needs a date like 2024-05-22/);
      }
    });

    it("refuses dates outside Salesforce's range", () => {
      expectError('Follow_Up__c', '1699-12-31', 'invalid_date', /from 1700-01-01 to 4000-12-31/);
      expectError('Follow_Up__c', '4001-01-01', 'invalid_date');
      expectConverted('Follow_Up__c', '1700-01-01', '1700-01-01');
    });
  });

  describe('datetime', () => {
    it('gives ISO 8601 in UTC with milliseconds and Z', () => {
      expectConverted('Chat_Started__c', '2020-05-28T11:44:58.829Z', '2020-05-28T11:44:58.829Z');
      expectConverted('Chat_Started__c', '2020-05-28T11:44:58.829001Z', '2020-05-28T11:44:58.829Z');
      expectConverted('Chat_Started__c', '2020-05-28T13:44:58+02:00', '2020-05-28T11:44:58.000Z');
      expectConverted('Chat_Started__c', '2015-10-19T14:02:08.000+0000', '2015-10-19T14:02:08.000Z');
      expectConverted('Chat_Started__c', '2020-05-28 11:44', '2020-05-28T11:44:00.000Z');
      expectConverted('Chat_Started__c', '2020-05-28', '2020-05-28T00:00:00.000Z');
    });

    it('refuses bad dates and times', () => {
      for (const value of [
        '2020-05-28T25:00:00Z',
        '2020-02-30T10:00:00Z',
        '2020-05-28T10:61Z',
        'May 28, 2020',
        'now',
        1590666298829,
      ]) {
        expectError(
          'Chat_Started__c',
          value,
          'invalid_datetime',
          /needs a date and time like 2024-05-22T14:30:00Z/,
        );
      }
    });
  });

  describe('time', () => {
    it('gives HH:MM:SS.sssZ', () => {
      expectConverted('Best_Time__c', '14:30', '14:30:00.000Z');
      expectConverted('Best_Time__c', '09:05:07', '09:05:07.000Z');
      expectConverted('Best_Time__c', '09:05:07.5Z', '09:05:07.500Z');
    });

    it('refuses what is not a time of day', () => {
      for (const value of ['24:00', '9:05', 'noon', 930]) expectError('Best_Time__c', value, 'invalid_time');
    });
  });

  describe('numbers', () => {
    it('accepts numbers and plain decimal text', () => {
      expectConverted('NumberOfEmployees', '250', 250);
      expectConverted('NumberOfEmployees', 250, 250);
      expectConverted('NumberOfEmployees', '-3', -3);
      expectConverted('AnnualRevenue', ' 1500000 ', 1_500_000);
      expectConverted('Score__c', '12.5', 12.5);
      expectConverted('Score__c', '.5', 0.5);
      expectConverted('Discount__c', '15%', 15);
      expectConverted('Discount__c', ['7.25'], 7.25);
    });

    it('refuses numbers written with commas, spaces, units or words', () => {
      for (const value of ['1,5', '1 000', '$10', '10k', 'twelve', '1e3', true, ['1', '2']]) {
        expectError('Score__c', value, 'invalid_number', /number written with digits and a dot for decimals/);
      }
    });

    it('wants whole numbers in int fields, within their digits', () => {
      expectError('NumberOfEmployees', '12.5', 'invalid_number', /needs a whole number/);
      expectConverted('NumberOfEmployees', '99999999', 99_999_999);
      expectError('NumberOfEmployees', '100000000', 'number_out_of_range', /at most 8 digits/);
    });

    it('keeps int fields within 32 bits', () => {
      const meta = buildObjectMetadata({
        fields: [buildFieldMetadata({ name: 'Count__c', type: 'int', length: 0 })],
      });

      expect(validateValues({ Count__c: 2_147_483_647 }, meta).problems).toEqual([]);
      expect(validateValues({ Count__c: 2_147_483_648 }, meta).problems).toEqual([
        expect.objectContaining({ code: 'number_out_of_range' }),
      ]);
    });

    it('respects precision: digits before the decimal point', () => {
      // Score__c is (5, 2): at most 3 digits before the point.
      expectConverted('Score__c', '999.99', 999.99);
      expectError('Score__c', '1000', 'number_out_of_range', /at most 3 digits before the decimal point/);
    });

    it('rounds to the scale, with a warning', () => {
      const result = check('Score__c', '12.345');

      expect(result.value).toBe(12.35);
      expect(result.problems).toEqual([
        expect.objectContaining({
          code: 'number_rounded',
          severity: 'warning',
          message: '"Score" keeps 2 decimal places, so 12.345 becomes 12.35.',
        }),
      ]);
      expect(check('AnnualRevenue', 10.4).value).toBe(10);
    });
  });

  describe('reference', () => {
    it('accepts 15 and 18 character record ids', () => {
      expectConverted('OwnerId', '005000000000001AAA', '005000000000001AAA');
      expectConverted('OwnerId', '005000000000001', '005000000000001');
    });

    it('refuses what is not a record id', () => {
      for (const value of ['smith@example.com', '005000000000001AA', 12345]) {
        expectError('OwnerId', value, 'invalid_id', /needs a Salesforce record id/);
      }
    });
  });

  describe('unsupported values', () => {
    it('refuses field types the app cannot fill in', () => {
      expectError(
        'Geo__c',
        '51.1,17.0',
        'unsupported_field_type',
        /"Geo" is a field of type Geolocation, which this app cannot fill in/,
      );
    });

    it('refuses objects', () => {
      expectError('Company', { name: 'ACME' }, 'invalid_value');
      expectError('Score__c', Number.NaN, 'invalid_value');
    });
  });
});
