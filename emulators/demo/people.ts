/**
 * The people of the demo world, shared by both emulators' seeds so that a LiveChat agent is also a
 * Salesforce user (Auto-Match of OwnerId by the agent's email) and some chat visitors already exist
 * in the demo Salesforce org (the widget finds them).
 */
export const demoLicense = {
  licenseId: 10_000_001,
  organizationId: '7c1c6a6e-1f0e-4f7b-9d0a-5c3f0c9d0001',
  name: 'Demo Shop',
} as const;

export const otherLicense = {
  licenseId: 10_000_002,
  organizationId: '7c1c6a6e-1f0e-4f7b-9d0a-5c3f0c9d0002',
  name: 'Other Company',
} as const;

export type DemoAgentRole = 'owner' | 'viceowner' | 'administrator' | 'normal';

export interface DemoAgent {
  email: string;
  name: string;
  role: DemoAgentRole;
  accountId: string;
}

/** Agents of the demo license, one of each role plus a second normal agent. */
export const demoAgents: readonly DemoAgent[] = [
  {
    email: 'olivia.owner@demo-shop.example',
    name: 'Olivia Owner',
    role: 'owner',
    accountId: 'a0000000-0000-4000-8000-000000000001',
  },
  {
    email: 'victor.vice@demo-shop.example',
    name: 'Victor Vice',
    role: 'viceowner',
    accountId: 'a0000000-0000-4000-8000-000000000002',
  },
  {
    email: 'ada.admin@demo-shop.example',
    name: 'Ada Admin',
    role: 'administrator',
    accountId: 'a0000000-0000-4000-8000-000000000003',
  },
  {
    email: 'nora.agent@demo-shop.example',
    name: 'Nora Agent',
    role: 'normal',
    accountId: 'a0000000-0000-4000-8000-000000000004',
  },
  {
    email: 'nate.agent@demo-shop.example',
    name: 'Nate Agent',
    role: 'normal',
    accountId: 'a0000000-0000-4000-8000-000000000005',
  },
];

/** The owner of the other license (for isolation tests). */
export const otherOwner: DemoAgent = {
  email: 'oscar.owner@other-company.example',
  name: 'Oscar Owner',
  role: 'owner',
  accountId: 'b0000000-0000-4000-8000-000000000001',
};

/** Visitors of the demo license's chats, and what the demo Salesforce org already knows of them. */
export const demoVisitors = {
  /** Exists in Salesforce as a Contact (of Account "Acme Corporation"). */
  existingContact: { name: 'John Smith', email: 'john.smith@acme.example', phone: '+1 415 555 0101' },
  /** Exists in Salesforce as a Lead. */
  existingLead: { name: 'Maria Garcia', email: 'maria.garcia@globex.example', phone: '+34 600 555 010' },
  /** New to Salesforce, non-ASCII name. */
  newVisitor: { name: 'Zoë Müller', email: 'zoe.muller@initech.example', phone: '+49 30 5550 1234' },
  /** New to Salesforce. */
  newVisitor2: { name: 'Kenji Tanaka', email: 'kenji.tanaka@umbrella.example', phone: '+81 3 5550 0199' },
  /** No email given. */
  anonymous: { name: 'Visitor 4821', email: undefined, phone: undefined },
} as const;
