/** The second license ("Other Company"): for isolation tests. */
import { otherLicense, otherOwner } from '../../demo/people';
import type { License, LicenseAgent } from '../model';
import { otherClient } from './clients';
import { buildChat, type BuildContext } from './chatBuilder';
import { prechatForm } from './forms';
import { places } from './places';

const agents: LicenseAgent[] = [
  { ...otherOwner, jobTitle: 'CEO', groupIds: [0, 2], loginStatus: 'accepting chats', maxChatsCount: 6 },
  {
    email: 'vera.vice@other-company.example',
    accountId: 'b0000000-0000-4000-8000-000000000002',
    name: 'Vera Vice',
    role: 'viceowner',
    jobTitle: 'COO',
    groupIds: [0, 2],
    loginStatus: 'accepting chats',
    maxChatsCount: 6,
  },
  {
    email: 'arno.admin@other-company.example',
    accountId: 'b0000000-0000-4000-8000-000000000003',
    name: 'Arno Admin',
    role: 'administrator',
    jobTitle: 'IT',
    groupIds: [0],
    loginStatus: 'offline',
    maxChatsCount: 4,
  },
  {
    email: 'nina.normal@other-company.example',
    accountId: 'b0000000-0000-4000-8000-000000000004',
    name: 'Nina Normal',
    role: 'normal',
    jobTitle: 'Support Agent',
    groupIds: [0, 2],
    loginStatus: 'accepting chats',
    maxChatsCount: 4,
  },
];

const site = (path: string, title: string) => ({ url: `https://other-company.example${path}`, title });

export function buildOtherLicense(ctx: Omit<BuildContext, 'agents'>): License {
  const build: BuildContext = { ...ctx, agents };
  const chats = [
    buildChat(
      {
        visitor: { name: 'Paula Other', email: 'paula@customer-of-other.example' },
        visit: { ip: '198.51.100.200', geolocation: places.london, pages: [site('/', 'Other Company')] },
        sessionFields: { plan: 'gold' },
        threads: [
          {
            agentEmail: 'nina.normal@other-company.example',
            groupId: 2,
            startedMinutesAgo: 3 * 24 * 60,
            prechat: prechatForm({
              name: 'Paula Other',
              email: 'paula@customer-of-other.example',
              topic: 'Billing',
            }),
            messages: [
              ['c', 'Where is my invoice?'],
              ['a', 'Sent it again just now.'],
            ],
            tags: ['billing'],
          },
        ],
      },
      build,
    ),
    buildChat(
      {
        visitor: { name: 'Quentin Q', email: 'quentin@customer-of-other.example' },
        visit: { ip: '203.0.113.150', geolocation: places.paris, pages: [site('/pricing', 'Pricing')] },
        threads: [
          {
            agentEmail: otherOwner.email,
            groupId: 0,
            startedMinutesAgo: 30 * 60,
            messages: [
              ['c', 'Bonjour, any discount?'],
              ['a', 'Not this month, sorry.'],
            ],
          },
        ],
      },
      build,
    ),
    buildChat(
      {
        visitor: { name: 'Rita Active', email: 'rita@customer-of-other.example' },
        visit: { ip: '192.0.2.250', geolocation: places.madrid, pages: [site('/help', 'Help')] },
        threads: [
          {
            agentEmail: otherOwner.email,
            groupId: 0,
            startedMinutesAgo: 4,
            active: true,
            messages: [['c', 'Hi, quick question about my order.']],
          },
        ],
      },
      build,
    ),
  ];
  return {
    licenseId: otherLicense.licenseId,
    organizationId: otherLicense.organizationId,
    // Our app is not installed here until a test installs it (admin.installApp).
    installedApps: [otherClient.clientId],
    name: otherLicense.name,
    // A European license: its tokens are `fra:…` and its Web API calls need `X-Region: fra`.
    region: 'fra',
    agents,
    groups: [
      { id: 0, name: 'General', languageCode: 'en', routingStatus: 'accepting_chats', priorities: {} },
      { id: 2, name: 'Support', languageCode: 'fr', routingStatus: 'offline', priorities: {} },
    ],
    chats,
  };
}
