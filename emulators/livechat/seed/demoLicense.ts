/** The demo license "Demo Shop": the people of emulators/demo/people.ts, two groups, ~17 archived and 3 active chats. */
import { demoAgents, demoLicense, demoVisitors } from '../../demo/people';
import { demoClient, otherClient } from './clients';
import type { License, LicenseAgent, LicenseGroup } from '../model';
import { buildChat, type BuildContext, type ChatSpec } from './chatBuilder';
import { postchatForm, prechatForm } from './forms';
import { places } from './places';

const HOUR = 60;
const DAY = 24 * HOUR;

const groupsOf: Record<string, number[]> = {
  'olivia.owner@demo-shop.example': [0, 1],
  'victor.vice@demo-shop.example': [0, 1],
  'ada.admin@demo-shop.example': [0],
  'nora.agent@demo-shop.example': [0],
  'nate.agent@demo-shop.example': [0, 1],
};

const jobTitles: Record<string, string> = {
  owner: 'Founder',
  viceowner: 'Head of Support',
  administrator: 'Support Lead',
  normal: 'Support Agent',
};

export function demoAgentsOf(): LicenseAgent[] {
  return demoAgents.map((a, i) => ({
    email: a.email,
    accountId: a.accountId,
    name: a.name,
    role: a.role,
    jobTitle: jobTitles[a.role] ?? 'Agent',
    groupIds: groupsOf[a.email] ?? [0],
    loginStatus: i % 3 === 2 ? 'not accepting chats' : 'accepting chats',
    maxChatsCount: 6,
  }));
}

function demoGroups(agents: LicenseAgent[]): LicenseGroup[] {
  const priorities = (groupId: number): LicenseGroup['priorities'] =>
    Object.fromEntries(
      agents.filter((a) => a.groupIds.includes(groupId)).map((a) => [a.email, 'normal' as const]),
    );
  return [
    {
      id: 0,
      name: 'General',
      languageCode: 'en',
      routingStatus: 'accepting_chats',
      priorities: priorities(0),
    },
    { id: 1, name: 'Sales', languageCode: 'en', routingStatus: 'accepting_chats', priorities: priorities(1) },
  ];
}

const OLIVIA = 'olivia.owner@demo-shop.example';
const VICTOR = 'victor.vice@demo-shop.example';
const ADA = 'ada.admin@demo-shop.example';
const NORA = 'nora.agent@demo-shop.example';
const NATE = 'nate.agent@demo-shop.example';

const shop = (path: string, title: string) => ({ url: `https://shop.demo-shop.example${path}`, title });
const { existingContact, existingLead, newVisitor, newVisitor2, anonymous } = demoVisitors;

function demoChatSpecs(): ChatSpec[] {
  return [
    // John Smith: a returning customer: two archived threads and one active thread.
    {
      visitor: { name: existingContact.name, email: existingContact.email },
      visit: {
        ip: '203.0.113.10',
        geolocation: places.sanFrancisco,
        pages: [shop('/', 'Demo Shop'), shop('/account/invoices', 'Invoices · Demo Shop')],
        referrer: 'https://www.google.com/',
      },
      sessionFields: { plan: 'pro', customer_id: 'C-1001' },
      threads: [
        {
          agentEmail: NORA,
          groupId: 0,
          startedMinutesAgo: 9 * DAY,
          prechat: prechatForm({
            ...existingContact,
            topic: 'Billing',
            interests: ['Pricing', 'Integrations'],
          }),
          messages: [
            ['c', 'Hi, I was charged twice for invoice INV-2031.'],
            ['a', 'Sorry about that, John. Let me check the invoice.'],
            ['a', 'I can see the duplicate charge; a refund is on its way.'],
            ['c', 'Great, thank you!'],
          ],
          postchat: postchatForm('Good', 'Quick and helpful.'),
          rating: { score: 1, comment: 'Quick and helpful.' },
          tags: ['billing', 'refund'],
        },
        {
          agentEmail: OLIVIA,
          groupId: 0,
          startedMinutesAgo: 2 * DAY,
          messages: [
            ['c', 'Did the refund for INV-2031 go through?'],
            ['a', 'Yes, it was processed yesterday. It may take 3 days to show.'],
          ],
          tags: ['billing'],
        },
        {
          agentEmail: NORA,
          groupId: 0,
          startedMinutesAgo: 12,
          active: true,
          messages: [
            ['c', 'Hello again! Can I upgrade to the Enterprise plan mid-cycle?'],
            ['a', 'Hi John, yes you can. Let me look at your account.'],
          ],
        },
      ],
    },
    {
      visitor: { name: existingLead.name, email: existingLead.email },
      visit: {
        ip: '198.51.100.23',
        geolocation: places.madrid,
        pages: [shop('/pricing', 'Pricing · Demo Shop'), shop('/enterprise', 'Enterprise · Demo Shop')],
        referrer: 'https://www.linkedin.com/',
      },
      sessionFields: { plan: 'trial', utm_campaign: 'spring-launch' },
      threads: [
        {
          agentEmail: NATE,
          groupId: 1,
          startedMinutesAgo: 3 * DAY + 4 * HOUR,
          prechat: prechatForm({ ...existingLead, topic: 'Sales', interests: ['Enterprise plan'] }),
          messages: [
            ['c', 'Hola! We are 40 people, what would Enterprise cost us?'],
            ['a', 'Hi Maria! For 40 seats it is 1,200 € per month. Shall I send a quote?'],
            ['c', 'Yes please, to this e-mail.'],
          ],
          postchat: postchatForm('Good', ''),
          rating: { score: 1 },
          tags: ['sales', 'lead'],
        },
      ],
    },
    {
      visitor: { name: newVisitor.name, email: newVisitor.email },
      visit: {
        ip: '192.0.2.77',
        geolocation: places.berlin,
        pages: [shop('/products/kaffeemuehle', 'Kaffeemühle · Demo Shop')],
        referrer: 'https://www.bing.com/',
      },
      threads: [
        {
          agentEmail: NORA,
          groupId: 0,
          startedMinutesAgo: 26 * HOUR,
          prechat: prechatForm({ ...newVisitor, topic: 'Returns', interests: [] }),
          messages: [
            ['c', 'Grüß Gott! Die Kaffeemühle kam beschädigt an.'],
            ['a', 'Oh no, Zoë! I will send a return label right away.'],
            ['c', 'Danke schön — sehr nett.'],
          ],
          postchat: postchatForm('Good', 'Schnelle Hilfe, danke!'),
          rating: { score: 1, comment: 'Schnelle Hilfe, danke!' },
          tags: ['returns'],
        },
      ],
    },
    {
      visitor: { name: newVisitor2.name, email: newVisitor2.email },
      visit: {
        ip: '203.0.113.200',
        geolocation: places.tokyo,
        pages: [shop('/integrations', 'Integrations · Demo Shop'), shop('/docs/api', 'API · Demo Shop')],
      },
      sessionFields: { customer_id: 'C-2044', language: 'ja' },
      threads: [
        {
          agentEmail: ADA,
          groupId: 1,
          startedMinutesAgo: 5 * HOUR,
          prechat: prechatForm({
            ...newVisitor2,
            topic: 'Technical support',
            interests: ['Integrations', 'Pricing'],
          }),
          messages: [
            ['c', 'こんにちは! Does your API support webhooks?'],
            ['a', 'Hi Kenji, yes: see the Webhooks section of our API docs.'],
          ],
          tags: ['integrations'],
        },
      ],
    },
    {
      visitor: { name: anonymous.name },
      visit: {
        ip: '198.51.100.4',
        geolocation: places.london,
        pages: [shop('/shipping', 'Shipping · Demo Shop')],
      },
      threads: [
        {
          agentEmail: NATE,
          groupId: 0,
          startedMinutesAgo: 7 * HOUR,
          messages: [
            ['c', 'do you ship to the UK?'],
            ['a', 'We do! Delivery takes 3 to 5 working days.'],
          ],
        },
      ],
    },
    // A very long conversation (200 messages).
    {
      visitor: { name: 'Élodie Durand', email: 'elodie.durand@example.fr' },
      visit: {
        ip: '192.0.2.15',
        geolocation: places.paris,
        pages: [shop('/orders/98211', 'Order 98211 · Demo Shop')],
        referrer: 'https://mail.example.fr/',
      },
      sessionFields: { plan: 'basic', customer_id: 'C-3307', order_id: '98211' },
      threads: [
        {
          agentEmail: VICTOR,
          groupId: 0,
          startedMinutesAgo: 4 * DAY,
          pace: 15,
          prechat: prechatForm({
            name: 'Élodie Durand',
            email: 'elodie.durand@example.fr',
            phone: '+33 1 55 50 12 34',
            topic: 'Technical support',
            interests: ['Integrations'],
          }),
          messages: 200,
          postchat: postchatForm('Bad', 'Too long to solve.'),
          rating: { score: 0, comment: 'Too long to solve.' },
          tags: ['escalated', 'technical'],
        },
      ],
    },
    {
      visitor: { name: 'Søren Kierkegaard-Olsen', email: 'soren.olsen@example.dk' },
      visit: { ip: '203.0.113.51', geolocation: places.copenhagen, pages: [shop('/', 'Demo Shop')] },
      threads: [
        {
          agentEmail: NORA,
          groupId: 0,
          startedMinutesAgo: 6 * DAY,
          messages: [
            ['c', 'Hej! Is there a student discount?'],
            ['a', 'Hej Søren, yes: 20 % with a valid student card.'],
          ],
          postchat: postchatForm('Good', 'Tak!'),
          rating: { score: 1, comment: 'Tak!' },
        },
      ],
    },
    {
      visitor: { name: '李娜', email: 'li.na@example.cn' },
      visit: { ip: '198.51.100.88', geolocation: places.beijing, pages: [shop('/gift-cards', 'Gift cards')] },
      sessionFields: { plan: 'free' },
      threads: [
        {
          agentEmail: ADA,
          groupId: 0,
          startedMinutesAgo: 8 * DAY,
          prechat: prechatForm({
            name: '李娜',
            email: 'li.na@example.cn',
            topic: 'Billing',
            interests: ['Newsletter'],
          }),
          messages: [
            ['c', '你好, can I pay for a gift card with Alipay?'],
            ['a', 'Hello! Not yet, but cards and PayPal work.'],
          ],
          tags: ['payments'],
        },
      ],
    },
    {
      visitor: { name: 'Ana María Pérez', email: 'anamaria.perez@example.mx' },
      visit: {
        ip: '192.0.2.140',
        geolocation: places.mexicoCity,
        pages: [shop('/pricing', 'Pricing · Demo Shop')],
        referrer: 'https://www.facebook.com/',
      },
      threads: [
        {
          agentEmail: NATE,
          groupId: 1,
          startedMinutesAgo: 10 * DAY,
          prechat: prechatForm({
            name: 'Ana María Pérez',
            email: 'anamaria.perez@example.mx',
            phone: '+52 55 5550 1234',
            topic: 'Sales',
            interests: ['Pricing', 'Enterprise plan'],
          }),
          messages: [
            ['c', '¿Tienen precios para ONGs?'],
            ['a', 'Sí, 50 % de descuento para organizaciones sin ánimo de lucro.'],
          ],
          tags: ['sales'],
        },
      ],
    },
    {
      visitor: { name: 'Priya Sharma', email: 'priya.sharma@example.in' },
      visit: { ip: '203.0.113.99', geolocation: places.mumbai, pages: [shop('/account', 'Account')] },
      sessionFields: { plan: 'pro', customer_id: 'C-4410' },
      threads: [
        {
          agentEmail: OLIVIA,
          groupId: 0,
          startedMinutesAgo: 11 * DAY,
          messages: [
            ['c', 'I cannot reset my password, the e-mail never arrives.'],
            ['a', 'I have re-sent it; please check the spam folder too.'],
            ['c', 'Found it, thanks.'],
          ],
          postchat: postchatForm('Good', 'Solved.'),
          rating: { score: 1, comment: 'Solved.' },
          tags: ['account'],
        },
      ],
    },
    {
      visitor: { name: 'Tomasz Wójcik', email: 'tomasz.wojcik@example.pl' },
      visit: { ip: '198.51.100.150', geolocation: places.wroclaw, pages: [shop('/returns', 'Returns')] },
      threads: [
        {
          agentEmail: NORA,
          groupId: 0,
          startedMinutesAgo: 12 * DAY,
          prechat: prechatForm({
            name: 'Tomasz Wójcik',
            email: 'tomasz.wojcik@example.pl',
            topic: 'Returns',
          }),
          messages: [
            ['c', 'Dzień dobry, how long do returns take?'],
            ['a', 'Refunds arrive within 5 working days after we get the parcel.'],
          ],
          tags: ['returns'],
        },
      ],
    },
    {
      visitor: { name: 'Fatima Al-Sayed' },
      visit: { ip: '192.0.2.201', geolocation: places.cairo, pages: [shop('/contact', 'Contact')] },
      threads: [
        {
          agentEmail: ADA,
          groupId: 0,
          startedMinutesAgo: 13 * DAY,
          messages: [
            ['c', 'Are you open on Friday?'],
            ['a', 'Our chat is open every day from 8:00 to 20:00 CET.'],
          ],
        },
      ],
    },
    {
      visitor: { name: "Chris O'Brien", email: 'chris.obrien@example.ie' },
      visit: {
        ip: '203.0.113.33',
        geolocation: places.dublin,
        pages: [shop('/enterprise', 'Enterprise · Demo Shop')],
        referrer: 'https://news.ycombinator.com/',
      },
      sessionFields: { plan: 'enterprise', customer_id: 'C-5521', seats: '120' },
      threads: [
        {
          agentEmail: VICTOR,
          groupId: 1,
          startedMinutesAgo: 14 * DAY,
          prechat: prechatForm({
            name: "Chris O'Brien",
            email: 'chris.obrien@example.ie',
            phone: '+353 1 555 0142',
            topic: 'Sales',
            interests: ['Enterprise plan', 'Integrations'],
          }),
          messages: [
            ['c', 'We need SSO for 120 seats. Possible?'],
            ['a', 'Yes, SAML SSO is included in Enterprise.'],
          ],
          postchat: postchatForm('Good', 'Very knowledgeable.'),
          rating: { score: 1, comment: 'Very knowledgeable.' },
          tags: ['sales', 'enterprise'],
        },
      ],
    },
    {
      visitor: { name: 'Lucas Silva', email: 'lucas.silva@example.com.br' },
      visit: { ip: '198.51.100.61', geolocation: places.saoPaulo, pages: [shop('/products', 'Products')] },
      threads: [
        {
          agentEmail: NATE,
          groupId: 0,
          startedMinutesAgo: 15 * DAY,
          messages: [
            ['c', 'Olá! Is the blue kettle back in stock?'],
            ['a', 'Not yet; we expect it next week.'],
          ],
          tags: ['stock'],
        },
      ],
    },
    // Active chats (not archived yet).
    {
      visitor: { name: 'Emma Johnson', email: 'emma.johnson@example.com' },
      visit: {
        ip: '192.0.2.91',
        geolocation: places.london,
        pages: [shop('/', 'Demo Shop'), shop('/products/teapot', 'Teapot · Demo Shop')],
        referrer: 'https://www.instagram.com/',
      },
      sessionFields: { plan: 'free' },
      threads: [
        {
          agentEmail: NATE,
          groupId: 0,
          startedMinutesAgo: 6,
          active: true,
          prechat: prechatForm({
            name: 'Emma Johnson',
            email: 'emma.johnson@example.com',
            phone: '+44 20 7946 0958',
            topic: 'Sales',
            interests: ['Pricing'],
          }),
          messages: [
            ['c', 'Hi! Does the teapot come in green?'],
            ['a', 'Hi Emma, it does! Want me to reserve one?'],
          ],
        },
      ],
    },
    {
      visitor: { name: 'Visitor 7310' },
      visit: { ip: '203.0.113.7', geolocation: places.berlin, pages: [shop('/faq', 'FAQ')] },
      threads: [
        {
          agentEmail: ADA,
          groupId: 0,
          startedMinutesAgo: 2,
          active: true,
          messages: [['c', 'hello? anyone there?']],
        },
      ],
    },
  ];
}

export function buildDemoLicense(ctx: Omit<BuildContext, 'agents'>): License {
  const agents = demoAgentsOf();
  const build: BuildContext = { ...ctx, agents };
  return {
    licenseId: demoLicense.licenseId,
    organizationId: demoLicense.organizationId,
    name: demoLicense.name,
    installedApps: [demoClient.clientId, otherClient.clientId],
    agents,
    groups: demoGroups(agents),
    chats: demoChatSpecs().map((spec) => buildChat(spec, build)),
  };
}
