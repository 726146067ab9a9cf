import { recordTypeInfos } from './metadata/record-types';
import type { FieldDef, ObjectDef } from './metadata/types';
import type { Org } from './org';

const soapTypes: Record<string, string> = {
  id: 'tns:ID',
  reference: 'tns:ID',
  boolean: 'xsd:boolean',
  int: 'xsd:int',
  double: 'xsd:double',
  currency: 'xsd:double',
  percent: 'xsd:double',
  date: 'xsd:date',
  datetime: 'xsd:dateTime',
  base64: 'xsd:base64Binary',
};

function describeField(field: FieldDef) {
  const isText = [
    'string',
    'textarea',
    'email',
    'phone',
    'url',
    'picklist',
    'multipicklist',
    'combobox',
    'id',
    'reference',
  ].includes(field.type);
  return {
    aggregatable: field.type !== 'textarea' || field.length <= 255,
    aiPredictionField: false,
    autoNumber: field.autoNumber,
    byteLength: isText ? field.length * 3 : 0,
    calculated: field.calculated,
    calculatedFormula: null,
    cascadeDelete: false,
    caseSensitive: field.caseSensitive,
    compoundFieldName: null,
    controllerName: null,
    createable: field.createable,
    custom: field.custom,
    defaultValue: field.type === 'boolean' ? field.defaultValue : null,
    defaultValueFormula: null,
    defaultedOnCreate: field.defaultedOnCreate,
    dependentPicklist: false,
    deprecatedAndHidden: false,
    digits: field.digits,
    displayLocationInDecimal: false,
    encrypted: false,
    externalId: field.externalId,
    extraTypeInfo: field.extraTypeInfo,
    filterable: field.filterable,
    filteredLookupInfo: null,
    formulaTreatNullNumberAsZero: false,
    groupable: field.groupable,
    highScaleNumber: false,
    htmlFormatted: field.htmlFormatted,
    idLookup: field.idLookup,
    inlineHelpText: field.inlineHelpText,
    label: field.label,
    length: field.length,
    mask: null,
    maskType: null,
    name: field.name,
    nameField: field.nameField,
    namePointing: field.referenceTo.length > 1,
    nillable: field.nillable,
    permissionable: field.nillable && !field.system,
    picklistValues: field.picklistValues.map((p) => ({ ...p, validFor: null })),
    polymorphicForeignKey: field.referenceTo.length > 1,
    precision: field.precision,
    queryByDistance: false,
    referenceTargetField: null,
    referenceTo: field.referenceTo,
    relationshipName: field.relationshipName,
    relationshipOrder: null,
    restrictedDelete: false,
    restrictedPicklist: field.restrictedPicklist,
    scale: field.scale,
    searchPrefilterable: field.type === 'reference',
    soapType: soapTypes[field.type] ?? 'xsd:string',
    sortable: field.sortable,
    type: field.type,
    unique: field.unique,
    updateable: field.updateable,
    writeRequiresMasterRead: false,
  };
}

function objectUrls(version: string, name: string) {
  const base = `/services/data/v${version}/sobjects/${name}`;
  return { sobject: base, describe: `${base}/describe`, rowTemplate: `${base}/{ID}` };
}

/** An object's entry in the global describe (no fields). */
export function describeGlobalEntry(version: string, object: ObjectDef) {
  return {
    activateable: false,
    associateEntityType: null,
    associateParentEntity: null,
    createable: object.createable,
    custom: object.custom,
    customSetting: false,
    deepCloneable: false,
    deletable: object.deletable,
    deprecatedAndHidden: false,
    feedEnabled: true,
    hasSubtypes: false,
    isInterface: false,
    isSubtype: false,
    keyPrefix: object.keyPrefix,
    label: object.label,
    labelPlural: object.labelPlural,
    layoutable: true,
    mergeable: ['Lead', 'Contact', 'Account', 'Case'].includes(object.name),
    mruEnabled: true,
    name: object.name,
    queryable: object.queryable,
    replicateable: true,
    retrieveable: true,
    searchable: object.searchable,
    triggerable: true,
    undeletable: object.deletable,
    updateable: object.updateable,
    urls: objectUrls(version, object.name),
  };
}

/** `GET /sobjects`: every object of the org. */
export function describeGlobal(org: Org, version: string) {
  return {
    encoding: 'UTF-8',
    maxBatchSize: 200,
    sobjects: [...org.objects.values()].map((object) => describeGlobalEntry(version, object)),
  };
}

function childRelationships(org: Org, object: ObjectDef) {
  const children = [];
  for (const child of org.objects.values()) {
    for (const field of child.fields) {
      if (field.type !== 'reference' || !field.referenceTo.includes(object.name) || field.system) continue;
      const plural = child.custom
        ? `${child.labelPlural.replace(/\s+/g, '_')}__r`
        : child.labelPlural.replace(/\s+/g, '');
      children.push({
        cascadeDelete: false,
        childSObject: child.name,
        deprecatedAndHidden: false,
        field: field.name,
        junctionIdListNames: [],
        junctionReferenceTo: [],
        relationshipName: field.name === 'OwnerId' || field.name.startsWith('Converted') ? null : plural,
        restrictedDelete: false,
      });
    }
  }
  return children;
}

/** `GET /sobjects/{object}/describe`: the object with its fields and relationships. */
export function describeObject(org: Org, version: string, object: ObjectDef) {
  const base = `/services/data/v${version}/sobjects/${object.name}`;
  const global = describeGlobalEntry(version, object);
  return {
    actionOverrides: [],
    ...global,
    childRelationships: childRelationships(org, object),
    compactLayoutable: true,
    defaultImplementation: null,
    extendedBy: null,
    extendsInterfaces: null,
    fields: object.fields.map(describeField),
    implementedBy: null,
    implementsInterfaces: null,
    listviewable: null,
    lookupLayoutable: null,
    namedLayoutInfos: [],
    networkScopeFieldName: null,
    recordTypeInfos: recordTypeInfos(object, base),
    searchLayoutable: true,
    sobjectDescribeOption: 'FULL',
    supportedScopes: [
      { label: 'All records', name: 'everything' },
      { label: 'My records', name: 'mine' },
    ],
    urls: {
      ...global.urls,
      compactLayouts: `${base}/describe/compactLayouts`,
      approvalLayouts: `${base}/describe/approvalLayouts`,
      uiDetailTemplate: `https://${org.myDomain}.my.salesforce.com/{ID}`,
      quickActions: `${base}/quickActions`,
      layouts: `${base}/describe/layouts`,
      uiEditTemplate: `https://${org.myDomain}.my.salesforce.com/{ID}/e`,
      uiNewRecord: `https://${org.myDomain}.my.salesforce.com/${object.keyPrefix}/e`,
      listviews: `${base}/listviews`,
    },
  };
}
