/**
 * The local Salesforce emulator: tests, benchmarks and the demo talk to it through the real
 * jsforce client, with only the login URL changed.
 */
export { createSalesforceEmulator } from './emulator';
export type { SalesforceEmulator, SalesforceEmulatorOptions } from './emulator';
export type {
  ApiUsage,
  CallFilter,
  IssuedSession,
  OrgSummary,
  RecordFilter,
  SalesforceEmulatorAdmin,
} from './admin/admin';
export type { Clock } from './clock';
export type { FailNextOptions, FailRateOptions, FaultKind, FaultScope } from './faults';
export { FAULT_KINDS } from './faults';
export type { CallKind, CallLogEntry, DuplicateRuleAction, OrgSettings } from './org';
export type { FieldValue, SfRecord } from './records/store';
export type { FieldDef, FieldType, ObjectDef, PicklistValue, RecordTypeDef } from './metadata/types';
export { MASTER_RECORD_TYPE_ID } from './metadata/record-types';
export { GRAPH_LIMITS } from './rest/graph';
export * as fields from './metadata/fields';
export { makeId, to18 } from './ids';
export { buildDemoSeed, buildOrgSeed, demoConnectedApp, demoOrgSeed, otherOrgSeed, splitName } from './seed';
export type {
  ConnectedAppSeed,
  EmulatorSeed,
  OrgSeed,
  OrgSeedOptions,
  RecordSeed,
  RecordTypeSeed,
  UserSeed,
} from './seed';
