import { describe, expect, it } from 'vitest';
import { duplicatesConfigSchema, rulesThatDecide } from '../../../src/salesforce/duplicateRules';

const rule = (overrides: Record<string, unknown> = {}) => ({
  name: 'Standard_Lead_Duplicate_Rule',
  active: true,
  actionOnInsert: 'Allow',
  operationsOnInsert: ['Alert', 'Report'],
  duplicateRuleFilters: [],
  matchRules: [{ matchEngine: 'ExactMatchEngine', matchFields: ['Email'], name: 'm', objectApiName: 'Lead' }],
  ...overrides,
});
const config = (...rules: Record<string, unknown>[]) =>
  duplicatesConfigSchema.parse({ apiName: 'Lead', dedupeEnabled: rules.length > 0, duplicateRules: rules });

describe('whether the org’s duplicate rules decide a "link" on the create alone', () => {
  it('trusts an alerting or a blocking rule that matches on a searchable field (any case)', () => {
    expect(rulesThatDecide(config(rule()), ['Email'])).toEqual(['Standard_Lead_Duplicate_Rule']);
    expect(
      rulesThatDecide(config(rule({ actionOnInsert: 'Block', operationsOnInsert: [] })), ['email']),
    ).toEqual(['Standard_Lead_Duplicate_Rule']);
  });

  it('does not trust a rule that only reports, is inactive, has filters, or matches other fields', () => {
    expect(rulesThatDecide(config(rule({ operationsOnInsert: ['Report'] })), ['Email'])).toEqual([]);
    expect(rulesThatDecide(config(rule({ active: false })), ['Email'])).toEqual([]);
    expect(
      rulesThatDecide(config(rule({ duplicateRuleFilters: [{ field: 'LeadSource', value: 'Web' }] })), [
        'Email',
      ]),
    ).toEqual([]);
    expect(rulesThatDecide(config(rule()), ['Phone'])).toEqual([]);
    expect(rulesThatDecide(config(), ['Email'])).toEqual([]);
  });
});
