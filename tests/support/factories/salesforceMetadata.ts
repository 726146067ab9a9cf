import {
  fieldMetadataSchema,
  objectMetadataSchema,
  type FieldMetadata,
  type ObjectMetadata,
  type PicklistValue,
} from '../../../src/salesforce/objectMetadata';

export type FieldMetadataOverrides = Partial<FieldMetadata>;

/** An optional, createable text field of 255 characters unless overridden. */
export function buildFieldMetadata(overrides: FieldMetadataOverrides = {}): FieldMetadata {
  const name = overrides.name ?? 'Field__c';
  return fieldMetadataSchema.parse({
    name,
    label: overrides.label ?? name.replace(/__c$/, '').replace(/_/g, ' '),
    type: 'string',
    length: 255,
    nillable: true,
    createable: true,
    updateable: true,
    defaultedOnCreate: false,
    filterable: true,
    ...overrides,
  });
}

/** Active picklist entries; the first one is the default. */
export function buildPicklistValues(
  values: readonly string[],
  inactive: readonly string[] = [],
): PicklistValue[] {
  return [
    ...values.map((value, index) => ({ value, label: value, active: true, defaultValue: index === 0 })),
    ...inactive.map((value) => ({ value, label: value, active: false, defaultValue: false })),
  ];
}

export type ObjectMetadataOverrides = Partial<Omit<ObjectMetadata, 'fields'>> & {
  fields?: FieldMetadata[];
};

/** An object with only its Id unless fields are given. */
export function buildObjectMetadata(overrides: ObjectMetadataOverrides = {}): ObjectMetadata {
  const name = overrides.name ?? 'Ticket__c';
  return objectMetadataSchema.parse({
    name,
    label: overrides.label ?? name.replace(/__c$/, '').replace(/_/g, ' '),
    custom: name.endsWith('__c'),
    createable: true,
    keyPrefix: 'a00',
    ...overrides,
    fields: [idField(name), ...(overrides.fields ?? [])],
  });
}

function idField(objectName: string): FieldMetadata {
  return buildFieldMetadata({
    name: 'Id',
    label: `${objectName} ID`,
    type: 'id',
    length: 18,
    nillable: false,
    createable: false,
    updateable: false,
    defaultedOnCreate: true,
    idLookup: true,
  });
}

/** Lead as a Developer Edition org describes it (the fields the tests need), after the Salesforce reference. */
export function buildLeadMetadata(extraFields: FieldMetadata[] = []): ObjectMetadata {
  return buildObjectMetadata({
    name: 'Lead',
    label: 'Lead',
    custom: false,
    keyPrefix: '00Q',
    fields: [
      buildFieldMetadata({ name: 'FirstName', label: 'First Name', length: 40 }),
      buildFieldMetadata({ name: 'LastName', label: 'Last Name', length: 80, nillable: false }),
      buildFieldMetadata({ name: 'Company', label: 'Company', length: 255, nillable: false }),
      buildFieldMetadata({
        name: 'Name',
        label: 'Full Name',
        length: 121,
        nillable: false,
        createable: false,
        updateable: false,
        nameField: true,
      }),
      buildFieldMetadata({ name: 'Email', label: 'Email', type: 'email', length: 80, idLookup: true }),
      buildFieldMetadata({ name: 'Phone', label: 'Phone', type: 'phone', length: 40 }),
      buildFieldMetadata({ name: 'Website', label: 'Website', type: 'url', length: 255 }),
      buildFieldMetadata({
        name: 'Description',
        label: 'Description',
        type: 'textarea',
        length: 32000,
        filterable: false,
        extraTypeInfo: 'plaintextarea',
      }),
      buildFieldMetadata({
        name: 'Status',
        label: 'Status',
        type: 'picklist',
        nillable: false,
        defaultedOnCreate: true,
        restrictedPicklist: true,
        picklistValues: buildPicklistValues(
          ['Open - Not Contacted', 'Working - Contacted', 'Closed - Converted', 'Closed - Not Converted'],
          ['Archived'],
        ),
      }),
      buildFieldMetadata({
        name: 'LeadSource',
        label: 'Lead Source',
        type: 'picklist',
        picklistValues: buildPicklistValues(['Web', 'Phone Inquiry', 'Partner Referral', 'Other']),
      }),
      buildFieldMetadata({
        name: 'Interests__c',
        label: 'Interests',
        type: 'multipicklist',
        length: 4099,
        restrictedPicklist: true,
        picklistValues: buildPicklistValues(['automotive', 'it', 'retail'], ['legacy']),
      }),
      buildFieldMetadata({
        name: 'OwnerId',
        label: 'Owner ID',
        type: 'reference',
        length: 18,
        nillable: false,
        defaultedOnCreate: true,
        referenceTo: ['Group', 'User'],
        relationshipName: 'Owner',
      }),
      buildFieldMetadata({
        name: 'HasOptedOutOfEmail',
        label: 'Email Opt Out',
        type: 'boolean',
        length: 0,
        nillable: false,
        defaultedOnCreate: true,
      }),
      buildFieldMetadata({
        name: 'NumberOfEmployees',
        label: 'Employees',
        type: 'int',
        length: 0,
        digits: 8,
      }),
      buildFieldMetadata({
        name: 'AnnualRevenue',
        label: 'Annual Revenue',
        type: 'currency',
        length: 0,
        precision: 18,
        scale: 0,
      }),
      buildFieldMetadata({
        name: 'Score__c',
        label: 'Score',
        type: 'double',
        length: 0,
        precision: 5,
        scale: 2,
      }),
      buildFieldMetadata({
        name: 'Discount__c',
        label: 'Discount',
        type: 'percent',
        length: 0,
        precision: 5,
        scale: 2,
      }),
      buildFieldMetadata({ name: 'Chat_Started__c', label: 'Chat Started', type: 'datetime', length: 0 }),
      buildFieldMetadata({ name: 'Follow_Up__c', label: 'Follow-up Date', type: 'date', length: 0 }),
      buildFieldMetadata({ name: 'Best_Time__c', label: 'Best Time to Call', type: 'time', length: 0 }),
      buildFieldMetadata({
        name: 'Chat_Id__c',
        label: 'Chat ID',
        length: 40,
        unique: true,
        externalId: true,
      }),
      buildFieldMetadata({
        name: 'Address',
        label: 'Address',
        type: 'address',
        length: 0,
        createable: false,
        filterable: false,
      }),
      buildFieldMetadata({
        name: 'Geo__c',
        label: 'Geo',
        type: 'location',
        length: 0,
      }),
      ...extraFields,
    ],
  });
}

/** User, searched by Auto-Match (OwnerId = the User whose Email is the agent's). */
export function buildUserMetadata(): ObjectMetadata {
  return buildObjectMetadata({
    name: 'User',
    label: 'User',
    custom: false,
    keyPrefix: '005',
    fields: [
      buildFieldMetadata({ name: 'Email', label: 'Email', type: 'email', length: 128, nillable: false }),
      buildFieldMetadata({ name: 'Username', label: 'Username', length: 80, nillable: false, unique: true }),
      buildFieldMetadata({
        name: 'AboutMe',
        label: 'About Me',
        type: 'textarea',
        length: 1000,
        filterable: false,
      }),
    ],
  });
}
