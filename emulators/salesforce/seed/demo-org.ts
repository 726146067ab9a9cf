import { demoAgents, demoLicense, demoVisitors } from '../../demo/people';
import { buildOrgSeed, splitName } from './build-seed';
import { picklist } from '../metadata/fields';
import type { OrgSeed, RecordSeed, RecordTypeSeed, UserSeed } from './types';

const titles: Record<string, string> = {
  owner: 'Head of Customer Success',
  viceowner: 'Support Team Lead',
  administrator: 'Salesforce Administrator',
  normal: 'Support Agent',
};

/** Users of the demo org: every demo agent (same email and name), a sales manager and a support lead. */
function demoUsers(): Array<Omit<UserSeed, 'Id'>> {
  const agents = demoAgents.map((agent) => ({
    Username: agent.email,
    Email: agent.email,
    ...splitName(agent.name),
    Title: titles[agent.role] ?? 'Support Agent',
    Department: 'Customer Support',
  }));
  return [
    ...agents,
    {
      Username: 'sally.sales@demo-shop.example',
      Email: 'sally.sales@demo-shop.example',
      FirstName: 'Sally',
      LastName: 'Sales',
      Title: 'Sales Manager',
      Department: 'Sales',
    },
    {
      Username: 'sam.support@demo-shop.example',
      Email: 'sam.support@demo-shop.example',
      FirstName: 'Sam',
      LastName: 'Support',
      Title: 'Support Queue Manager',
      Department: 'Customer Support',
    },
  ];
}

function demoRecords(ids: (prefix: string) => string, users: UserSeed[]): RecordSeed[] {
  const user = (email: string) => users.find((u) => u.Email === email)?.Id ?? (users[0] as UserSeed).Id;
  const olivia = user('olivia.owner@demo-shop.example');
  const nora = user('nora.agent@demo-shop.example');
  const nate = user('nate.agent@demo-shop.example');
  const sally = user('sally.sales@demo-shop.example');
  const records: RecordSeed[] = [];
  const add = (object: string, prefix: string, fields: Record<string, string | number | boolean | null>) => {
    const Id = ids(prefix);
    records.push({ object, fields: { Id, ...fields } });
    return Id;
  };

  const acme = add('Account', '001', {
    Name: 'Acme Corporation',
    Type: 'Customer - Direct',
    Industry: 'Technology',
    Phone: '(415) 555-0100',
    Website: 'https://acme.example',
    BillingCity: 'San Francisco',
    BillingState: 'CA',
    BillingCountry: 'United States',
    NumberOfEmployees: 1200,
    AnnualRevenue: 48_000_000,
    OwnerId: olivia,
  });
  const stark = add('Account', '001', {
    Name: 'Stark Logistics',
    Type: 'Customer - Channel',
    Industry: 'Manufacturing',
    Phone: '+44 20 7946 0958',
    BillingCity: 'London',
    BillingCountry: 'United Kingdom',
    OwnerId: nora,
  });
  const wayne = add('Account', '001', {
    Name: 'Wayne Retail',
    Type: 'Prospect',
    Industry: 'Retail',
    Phone: '+1 (312) 555-0147',
    BillingCity: 'Chicago',
    BillingCountry: 'United States',
    OwnerId: sally,
  });
  const soylent = add('Account', '001', {
    Name: 'Soylent Foods',
    Type: 'Customer - Direct',
    Industry: 'Hospitality',
    BillingCity: 'Lyon',
    BillingCountry: 'France',
    OwnerId: nate,
  });
  const hooli = add('Account', '001', {
    Name: 'Hooli',
    Type: 'Prospect',
    Industry: 'Technology',
    Website: 'https://hooli.example',
    BillingCity: 'Palo Alto',
    BillingCountry: 'United States',
    OwnerId: sally,
  });
  add('Account', '001', {
    Name: 'Vandelay Industries',
    Type: 'Other',
    Industry: 'Manufacturing',
    BillingCity: 'New York',
    BillingCountry: 'United States',
    OwnerId: olivia,
  });

  const john = demoVisitors.existingContact;
  const johnId = add('Contact', '003', {
    ...splitName(john.name),
    Salutation: 'Mr.',
    Email: john.email,
    Phone: john.phone,
    MobilePhone: '(415) 555-0199',
    Title: 'IT Director',
    Department: 'IT',
    AccountId: acme,
    LeadSource: 'Web',
    MailingCity: 'San Francisco',
    MailingCountry: 'United States',
    OwnerId: nora,
  });
  add('Contact', '003', {
    FirstName: 'Jane',
    LastName: 'Cooper',
    Email: 'jane.cooper@acme.example',
    Phone: '(415) 555-0142',
    Title: 'Procurement Manager',
    AccountId: acme,
    OwnerId: nora,
  });
  const emily = add('Contact', '003', {
    FirstName: 'Emily',
    LastName: 'Chen',
    Email: 'emily.chen@stark-logistics.example',
    Phone: '+44 20 7946 0321',
    Title: 'Operations Lead',
    AccountId: stark,
    OwnerId: nora,
  });
  add('Contact', '003', {
    FirstName: 'Carlos',
    LastName: 'Ruiz',
    Email: 'carlos.ruiz@wayne-retail.example',
    MobilePhone: '+1 312 555 0178',
    Title: 'Store Manager',
    AccountId: wayne,
    OwnerId: sally,
  });
  add('Contact', '003', {
    FirstName: 'Aïsha',
    LastName: 'Khan',
    Email: 'aisha.khan@soylent.example',
    Phone: '+33 4 72 55 01 23',
    AccountId: soylent,
    OwnerId: nate,
  });
  add('Contact', '003', {
    FirstName: 'Tom',
    LastName: 'Becker',
    Email: 'tom.becker@hooli.example',
    Phone: '650-555-0111',
    AccountId: hooli,
    OwnerId: sally,
  });
  add('Contact', '003', {
    FirstName: 'Lucy',
    LastName: 'Martin',
    Email: 'lucy.martin@example.org',
    Title: 'Freelance Consultant',
    OwnerId: olivia,
  });

  const maria = demoVisitors.existingLead;
  const mariaId = add('Lead', '00Q', {
    ...splitName(maria.name),
    Email: maria.email,
    Phone: maria.phone,
    Company: 'Globex',
    Title: 'Head of Purchasing',
    Status: 'Working - Contacted',
    LeadSource: 'Web',
    Industry: 'Finance',
    Rating: 'Warm',
    City: 'Madrid',
    Country: 'Spain',
    OwnerId: sally,
  });
  add('Lead', '00Q', {
    FirstName: 'Priya',
    LastName: 'Patel',
    Email: 'priya.patel@cyberdyne.example',
    Phone: '+91 22 5555 0134',
    Company: 'Cyberdyne Systems',
    Status: 'Open - Not Contacted',
    LeadSource: 'Partner Referral',
    OwnerId: sally,
  });
  add('Lead', '00Q', {
    FirstName: 'Liam',
    LastName: "O'Connor",
    Email: 'liam.oconnor@tyrell.example',
    Company: 'Tyrell Corp',
    Status: 'Open - Not Contacted',
    LeadSource: 'Web',
    Rating: 'Hot',
    OwnerId: sally,
  });
  add('Lead', '00Q', {
    FirstName: 'Sofia',
    LastName: 'Rossi',
    Email: 'sofia.rossi@massive-dynamic.example',
    Phone: '+39 06 5555 0199',
    Company: 'Massive Dynamic',
    Status: 'Closed - Not Converted',
    LeadSource: 'Purchased List',
    OwnerId: nate,
  });
  add('Lead', '00Q', {
    LastName: 'Nakamura',
    Company: 'Oscorp',
    Phone: '(212) 555-0163',
    Status: 'Working - Contacted',
    LeadSource: 'Phone Inquiry',
    OwnerId: nora,
  });
  const robertLead = add('Lead', '00Q', {
    FirstName: 'Robert',
    LastName: 'Brown',
    Email: 'robert.brown@acme.example',
    Company: 'Acme Corporation',
    Status: 'Closed - Converted',
    IsConverted: true,
    ConvertedDate: '2026-01-10',
    OwnerId: nora,
  });

  const caseLogin = add('Case', '500', {
    Subject: 'Cannot log in to the customer portal',
    Description: 'John reports that password reset emails never arrive.',
    Status: 'Working',
    Origin: 'Web',
    Priority: 'High',
    Type: 'Problem',
    ContactId: johnId,
    AccountId: acme,
    OwnerId: nora,
  });
  add('Case', '500', {
    Subject: 'Invoice shows the wrong VAT number',
    Status: 'New',
    Origin: 'Email',
    Priority: 'Medium',
    Type: 'Question',
    ContactId: emily,
    AccountId: stark,
    OwnerId: nate,
  });
  add('Case', '500', {
    Subject: 'Feature request: export orders to CSV',
    Status: 'Closed',
    Origin: 'Chat',
    Priority: 'Low',
    Type: 'Feature Request',
    ContactId: johnId,
    AccountId: acme,
    OwnerId: nora,
  });
  add('Case', '500', {
    Subject: 'Delivery delayed',
    Status: 'Escalated',
    Origin: 'Phone',
    Priority: 'High',
    SuppliedEmail: 'anonymous.buyer@example.net',
    SuppliedName: 'Anonymous Buyer',
    OwnerId: nate,
  });

  const campaignWebinar = add('Campaign', '701', {
    Name: 'Spring Product Webinar 2026',
    Type: 'Webinar',
    Status: 'In Progress',
    StartDate: '2026-03-01',
    EndDate: '2026-03-31',
    IsActive: true,
    BudgetedCost: 5000,
    OwnerId: sally,
  });
  add('Campaign', '701', {
    Name: 'Retail Expo Berlin',
    Type: 'Trade Show',
    Status: 'Planned',
    StartDate: '2026-06-10',
    EndDate: '2026-06-12',
    IsActive: false,
    OwnerId: sally,
  });

  const oppAcme = add('Opportunity', '006', {
    Name: 'Acme Corporation - 50 seats',
    AccountId: acme,
    StageName: 'Negotiation/Review',
    CloseDate: '2026-03-31',
    Amount: 60_000,
    Probability: 90,
    Type: 'Existing Business',
    CampaignId: campaignWebinar,
    OwnerId: sally,
  });
  add('Opportunity', '006', {
    Name: 'Stark Logistics - renewal',
    AccountId: stark,
    StageName: 'Closed Won',
    CloseDate: '2026-01-20',
    Amount: 24_000,
    Probability: 100,
    Type: 'Existing Business',
    OwnerId: nora,
  });
  add('Opportunity', '006', {
    Name: 'Hooli - pilot',
    AccountId: hooli,
    StageName: 'Prospecting',
    CloseDate: '2026-05-15',
    Amount: 8_000,
    Probability: 10,
    Type: 'New Business',
    OwnerId: sally,
  });

  add('Task', '00T', {
    Subject: 'Call John about the portal login',
    WhoId: johnId,
    WhatId: caseLogin,
    ActivityDate: '2026-01-20',
    Status: 'Completed',
    Priority: 'High',
    Type: 'Call',
    OwnerId: nora,
  });
  add('Task', '00T', {
    Subject: 'Send the 50-seat quote',
    WhoId: johnId,
    WhatId: oppAcme,
    ActivityDate: '2026-02-02',
    Status: 'In Progress',
    OwnerId: sally,
  });
  add('Task', '00T', {
    Subject: 'Follow up on chat',
    WhoId: mariaId,
    ActivityDate: '2026-01-25',
    Status: 'Not Started',
    Description: 'Maria asked about volume pricing in chat.',
    OwnerId: sally,
  });
  add('Task', '00T', {
    Subject: 'Email Emily the corrected invoice',
    WhoId: emily,
    WhatId: stark,
    Status: 'Not Started',
    Priority: 'Normal',
    Type: 'Email',
    OwnerId: nate,
  });

  add('Chat_Transcript__c', 'a0X', {
    Chat_Id__c: 'SDEMO00001',
    Contact__c: johnId,
    Status__c: 'Closed',
    Topics__c: 'Technical;Other',
    Channel__c: 'Website',
    Chat_Date__c: '2026-01-18',
    Started_At__c: '2026-01-18T14:02:08.000+0000',
    Is_Resolved__c: true,
    Duration_Minutes__c: 12.5,
    Rating__c: 5,
    Visitor_Email__c: john.email,
    Transcript__c: 'John Smith: I cannot log in.\nNora Agent: Let me reset that for you.',
    OwnerId: nora,
  });
  add('Chat_Transcript__c', 'a0X', {
    Chat_Id__c: 'SDEMO00002',
    Lead__c: mariaId,
    Status__c: 'Open',
    Topics__c: 'Billing',
    Channel__c: 'Website',
    Chat_Date__c: '2026-01-24',
    Started_At__c: '2026-01-24T10:15:00.000+0000',
    Is_Resolved__c: false,
    Visitor_Email__c: maria.email,
    OwnerId: nate,
  });

  // Robert Brown's Lead was converted at Acme, into this Contact; he has since left Acme, so his
  // Contact has no Account and a new email: a visitor writing from robert.brown@acme.example finds
  // no Contact, only the converted Lead, which leads here. Added last so no earlier seeded id changes.
  const robertContact = add('Contact', '003', {
    FirstName: 'Robert',
    LastName: 'Brown',
    Email: 'rob.brown@brown-consulting.example',
    Title: 'Independent Consultant',
    LeadSource: 'Web',
    OwnerId: nora,
  });
  const converted = records.find((r) => r.fields.Id === robertLead);
  if (converted)
    Object.assign(converted.fields, { ConvertedContactId: robertContact, ConvertedAccountId: acme });

  // A note on John's record, shared with him (and with its owner, as every new note is).
  const note = add('ContentNote', '069', {
    Title: 'Portal login: what we tried',
    Content: Buffer.from(
      '<p>Reset the password twice; the reset email never arrived.</p><p>Next: check the spam filter &amp; the SSO settings.</p>',
    ).toString('base64'),
    OwnerId: nora,
  });
  for (const [entity, shareType] of [
    [johnId, 'V'],
    [nora, 'I'],
  ] as const) {
    add('ContentDocumentLink', '06A', {
      ContentDocumentId: note,
      LinkedEntityId: entity,
      ShareType: shareType,
      Visibility: 'AllUsers',
    });
  }
  return records;
}

/**
 * Record types of the demo org: Cases are General (the default, every value) or Support (fewer
 * origins, types and product areas); Leads are Sales or Partner leads.
 */
function demoRecordTypes(ids: (prefix: string) => string): RecordTypeSeed[] {
  return [
    {
      Id: ids('012'),
      object: 'Case',
      name: 'General',
      developerName: 'General',
      description: 'Any customer request',
      isDefault: true,
    },
    {
      Id: ids('012'),
      object: 'Case',
      name: 'Support',
      developerName: 'Support',
      description: 'A technical problem reported by a customer',
      picklists: {
        Origin: { values: ['Phone', 'Email', 'Chat'], defaultValue: 'Chat' },
        Type: { values: ['Problem', 'Question'], defaultValue: 'Problem' },
        Priority: { values: ['High', 'Medium', 'Low'], defaultValue: 'High' },
        Product_Area__c: { values: ['Technical', 'Account Access'] },
      },
    },
    {
      Id: ids('012'),
      object: 'Lead',
      name: 'Sales Lead',
      developerName: 'Sales_Lead',
      isDefault: true,
    },
    {
      Id: ids('012'),
      object: 'Lead',
      name: 'Partner Lead',
      developerName: 'Partner_Lead',
      description: 'A lead brought by a partner',
      picklists: { LeadSource: { values: ['Partner Referral', 'Other'], defaultValue: 'Partner Referral' } },
    },
  ];
}

/** The demo org: Demo Shop's production org with the demo agents as users and a few dozen records. */
export function demoOrgSeed(): OrgSeed {
  return buildOrgSeed({
    name: demoLicense.name,
    myDomain: 'demo-shop-dev-ed',
    pod: '5g',
    users: demoUsers(),
    records: demoRecords,
    recordTypes: demoRecordTypes,
    // A custom restricted picklist, which record types narrow (Support offers two of its values).
    extraFields: {
      Case: [
        picklist(
          'Product_Area__c',
          'Product Area',
          ['Billing', 'Shipping', 'Returns', 'Technical', 'Account Access'],
          {
            restricted: true,
          },
        ),
      ],
    },
    settings: (users) => ({
      leadAssignmentOwnerId: users.find((u) => u.Email === 'sally.sales@demo-shop.example')?.Id ?? null,
      caseAssignmentOwnerId: users.find((u) => u.Email === 'sam.support@demo-shop.example')?.Id ?? null,
    }),
  });
}
