import { describe, expect, it } from 'vitest';
import {
  fieldMetadataSchema,
  nameField,
  objectMetadataSchema,
  requiredFields,
  sObjectSummarySchema,
} from '../../../src/salesforce/objectMetadata';
import {
  buildFieldMetadata,
  buildLeadMetadata,
  buildObjectMetadata,
} from '../../support/factories/salesforceMetadata';

describe('Salesforce object metadata', () => {
  it('reads the documented describe field entries, ignoring keys it does not use', () => {
    const ownerId = fieldMetadataSchema.parse({
      name: 'OwnerId',
      type: 'reference',
      label: 'Owner ID',
      length: 18,
      nillable: false,
      createable: true,
      defaultedOnCreate: true,
      referenceTo: ['Group', 'User'],
      relationshipName: 'Owner',
      polymorphicForeignKey: true,
      soapType: 'tns:ID',
    });

    expect(ownerId).toMatchObject({
      referenceTo: ['Group', 'User'],
      relationshipName: 'Owner',
      picklistValues: [],
    });
    expect(ownerId).not.toHaveProperty('soapType');
  });

  it('keeps a field type it does not know', () => {
    expect(
      fieldMetadataSchema.parse({ name: 'X', label: 'X', type: 'json', nillable: true, createable: false })
        .type,
    ).toBe('json');
  });

  it('reads a global describe entry, keyPrefix null included', () => {
    const summary = sObjectSummarySchema.parse({
      name: 'Lead',
      label: 'Lead',
      labelPlural: 'Leads',
      custom: false,
      createable: true,
      queryable: true,
      searchable: true,
      keyPrefix: null,
      urls: {},
    });

    expect(summary).toEqual({
      name: 'Lead',
      label: 'Lead',
      custom: false,
      createable: true,
      queryable: true,
      searchable: true,
      keyPrefix: null,
    });
  });

  it('says which key is wrong in a bad describe', () => {
    const result = objectMetadataSchema.safeParse({
      name: 'Lead',
      label: 'Lead',
      fields: [{ name: 'Email' }],
    });

    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual([
      'fields.0.label',
      'fields.0.type',
      'fields.0.nillable',
      'fields.0.createable',
    ]);
  });

  describe('requiredFields', () => {
    it('gives the createable fields that are neither nillable nor defaulted (Lead: LastName, Company)', () => {
      expect(requiredFields(buildLeadMetadata()).map((field) => field.name)).toEqual(['LastName', 'Company']);
    });

    it('never counts a checkbox as required, even when the describe omits its default', () => {
      const meta = buildObjectMetadata({
        fields: [
          buildFieldMetadata({
            name: 'Active__c',
            type: 'boolean',
            nillable: false,
            defaultedOnCreate: false,
          }),
        ],
      });

      expect(requiredFields(meta)).toEqual([]);
    });
  });

  it('finds the name field', () => {
    expect(nameField(buildLeadMetadata())?.name).toBe('Name');
    expect(nameField(buildObjectMetadata())).toBeUndefined();
  });
});
