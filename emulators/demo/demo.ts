/**
 * The demo: the real app against local LiveChat and Salesforce emulators, seeded so that a newcomer
 * sees everything work: the demo license is installed (webhook registered), its owner has one
 * connected Salesforce org, and Lead and Contact are mapped.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from 'pino';
import type { Agent } from '../../server/auth/agent';
import type { Config } from '../../server/config';
import { findFreePort } from '../../server/db/embeddedPostgres';
import { PortInUseError } from '../../server/lifecycle/listen';
import { createMapping, listMappings } from '../../server/mappings/mappings.repo';
import { projectRoot, startServer, type RunningServer, type StartOptions } from '../../server/server';
import type { Mapping } from '../../src/mapping/mapping';
import { createLiveChatEmulator, demoClient, type LiveChatEmulator } from '../livechat';
import {
  buildOrgSeed,
  createSalesforceEmulator,
  demoConnectedApp,
  type RecordSeed,
  type SalesforceEmulator,
} from '../salesforce';
import { demoAgents, demoLicense } from './people';

export interface Demo {
  app: RunningServer;
  livechat: LiveChatEmulator;
  salesforce: SalesforceEmulator;
  appUrl: string;
  livechatUrl: string;
  salesforceUrl: string;
  /** The page that plays LiveChat's Agent App around the widget and the settings app. */
  agentAppUrl: string;
  stop(): Promise<void>;
}

export interface DemoOptions extends StartOptions {
  /** 0 picks free ports (tests); the launcher uses PORT+1 and PORT+2 so stored URLs stay valid. */
  livechatPort?: number;
  salesforcePort?: number;
  /** Seed the installation, the connected org and the default mappings (default true). */
  seed?: boolean;
  /**
   * Seed the support desk's linked set (Contact → Case → conversation Task, `demoLinkedSet`) instead
   * of the Lead created after every chat (default false: the tests' world keeps the one Lead).
   */
  linkedSet?: boolean;
  /**
   * The host name of the app's address (default `localhost`, the Agent App page's own). Another one
   * (e.g. `127.0.0.2`, where the app then listens) puts the widget on a site of its own, as in production,
   * where the Agent App (my.livechatinc.com), LiveChat's accounts and the app are three sites, and
   * Chromium runs the widget's frame in a process of its own beside the Agent App's.
   */
  appHost?: string;
}

const owner = demoAgents.find((a) => a.role === 'owner')!;

/** The demo's own encryption key, generated once and kept beside its database. */
export async function demoEncryptionKey(dataDir: string): Promise<string> {
  const file = path.resolve(projectRoot, dataDir, 'demo-encryption-key');
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const { randomBytes } = await import('node:crypto');
  const key = randomBytes(32).toString('base64');
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${key}\n`, { mode: 0o600 });
  return key;
}

/** Lead, created after every chat (linked when the visitor is already a Lead), and Contact for the widget. */
export const demoMappings: Mapping[] = [
  {
    objectName: 'Lead',
    fields: [
      { entryType: 'dynamic', field: 'LastName', source: 'visitor.lastName' },
      { entryType: 'dynamic', field: 'FirstName', source: 'visitor.firstName' },
      { entryType: 'static', field: 'Company', value: 'Unknown (LiveChat)' },
      { entryType: 'dynamic', field: 'Email', source: 'visitor.email' },
      { entryType: 'static', field: 'LeadSource', value: 'Web' },
      { entryType: 'dynamic', field: 'Description', source: 'chat.transcript' },
      {
        entryType: 'autoMatch',
        field: 'OwnerId',
        match: { object: 'User', field: 'Email', source: 'agent.email' },
      },
    ],
    searchableFields: ['Email'],
    automation: true,
    duplicatePolicy: 'link',
    autoAssign: false,
  },
  {
    objectName: 'Contact',
    fields: [
      { entryType: 'dynamic', field: 'LastName', source: 'visitor.lastName' },
      { entryType: 'dynamic', field: 'FirstName', source: 'visitor.firstName' },
      { entryType: 'dynamic', field: 'Email', source: 'visitor.email' },
    ],
    searchableFields: ['Email'],
    automation: false,
    duplicatePolicy: 'link',
    autoAssign: false,
  },
];

/**
 * The support desk's linked set: every ended chat finds the visitor's Contact by Email (or creates
 * one), opens a Case for that Contact, and logs the conversation as a completed Task on both (a Note
 * when the transcript is longer than a Task's description). Ending a chat of a known Contact (John
 * Smith) creates the Case on his Contact and the Task on both.
 */
const widgetContact = demoMappings.find((m) => m.objectName === 'Contact')!;
export const demoLinkedSet: Mapping[] = [
  {
    ...widgetContact,
    fields: [...widgetContact.fields, { entryType: 'static', field: 'LeadSource', value: 'Web' }],
    automation: true,
  },
  {
    objectName: 'Case',
    fields: [
      { entryType: 'dynamic', field: 'Subject', source: 'chat.subject' },
      { entryType: 'static', field: 'Origin', value: 'Chat' },
      { entryType: 'static', field: 'Status', value: 'New' },
      { entryType: 'chatRecord', field: 'ContactId', object: 'Contact' },
      {
        entryType: 'autoMatch',
        field: 'OwnerId',
        match: { object: 'User', field: 'Email', source: 'agent.email' },
      },
    ],
    searchableFields: [],
    automation: true,
    duplicatePolicy: 'create',
    autoAssign: false,
  },
  {
    objectName: 'Task',
    kind: 'conversation',
    logAs: 'task',
    fields: [
      { entryType: 'dynamic', field: 'Subject', source: 'chat.subject' },
      { entryType: 'dynamic', field: 'Description', source: 'chat.conversation' },
      { entryType: 'static', field: 'Status', value: 'Completed' },
      { entryType: 'dynamic', field: 'ActivityDate', source: 'chat.endedAt' },
      { entryType: 'chatRecord', field: 'WhoId', object: 'Contact' },
      { entryType: 'chatRecord', field: 'WhatId', object: 'Case' },
    ],
    searchableFields: [],
    automation: true,
    duplicatePolicy: 'create',
    autoAssign: false,
  },
];

/** The demo's mappings: with the linked set, the Lead waits in the settings (automation off) for an owner to turn it on. */
function seededMappings(linkedSet: boolean): Mapping[] {
  if (!linkedSet) return demoMappings;
  const lead = demoMappings.find((m) => m.objectName === 'Lead')!;
  return [{ ...lead, automation: false, skipIfExistsAs: ['Contact'] }, ...demoLinkedSet];
}

const portInUse =
  (port: number | undefined, what: string) =>
  (error: unknown): never => {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE')
      throw new PortInUseError(port ?? 0, what, 'PORT');
    throw error;
  };

export async function startDemo(
  baseConfig: Config,
  logger: Logger,
  options: DemoOptions = {},
): Promise<Demo> {
  const appPort = baseConfig.port === 0 ? await findFreePort() : baseConfig.port;
  const appUrl = `http://${options.appHost ?? 'localhost'}:${appPort}`;
  const livechat = createLiveChatEmulator({ agentApp: { appUrl } });
  // The demo client's redirect URIs cover localhost and 127.0.0.1; the app's own address, when it
  // has another, is registered as its developer would.
  if (options.appHost) livechat.admin.allowRedirectUri(demoClient.clientId, `http://${options.appHost}:*`);
  const salesforce = createSalesforceEmulator();
  // A sandbox of the demo company, for trying "Add account" → Sandbox in the settings.
  salesforce.admin.addOrg(
    buildOrgSeed({
      name: 'Demo Shop (UAT sandbox)',
      myDomain: 'demo-shop--demo-uat',
      pod: '9d',
      isSandbox: true,
      users: [
        {
          Username: 'olivia.owner@uat.demo-shop.example',
          Email: owner.email,
          FirstName: 'Olivia',
          LastName: 'Owner',
        },
        {
          Username: 'victor.vice@uat.demo-shop.example',
          Email: 'victor.vice@demo-shop.example',
          FirstName: 'Victor',
          LastName: 'Vice',
        },
      ],
      records: (ids): RecordSeed[] => [
        { object: 'Account', fields: { Id: ids('001'), Name: 'UAT Test Account' } },
        {
          object: 'Lead',
          fields: {
            Id: ids('00Q'),
            LastName: 'Tester',
            FirstName: 'Uma',
            Company: 'UAT',
            Email: 'uma.tester@uat.example',
          },
        },
      ],
    }),
  );
  const host = baseConfig.host;
  const livechatUrl = await livechat
    .listen(options.livechatPort ?? 0, host)
    .catch(portInUse(options.livechatPort, "the demo's LiveChat emulator (PORT+1)"));
  const salesforceUrl = await salesforce
    .listen(options.salesforcePort ?? 0, host === '0.0.0.0' ? '127.0.0.1' : host)
    .catch(async (error: unknown) => {
      await livechat.close();
      return portInUse(options.salesforcePort, "the demo's Salesforce emulator (PORT+2)")(error);
    });

  const config: Config = {
    ...baseConfig,
    port: appPort,
    publicUrl: appUrl,
    ...(options.appHost && { host: options.appHost }),
    encryption: {
      ...baseConfig.encryption,
      key: baseConfig.encryption.key ?? (await demoEncryptionKey(baseConfig.dataDir)),
    },
    livechat: {
      clientId: demoClient.clientId,
      clientSecret: demoClient.clientSecret ?? '',
      // The accounts service on a site of its own, as on the real LiveChat (see the emulator's accountsUrl).
      accountsUrl: livechat.accountsUrl,
      apiUrl: livechatUrl,
      // Chat links open in the emulator's Agent App page, which answers LiveChat's archive addresses.
      agentAppUrl: livechatUrl,
      // The app's author is the demo company (as when a developer tries the app on their own
      // license): its owner's personal access token registers the app's webhook at start.
      authorToken: livechat.admin.issuePersonalAccessToken(owner.email, ['webhooks.configuration:rw']),
    },
    salesforce: {
      ...baseConfig.salesforce,
      clientId: demoConnectedApp.clientId,
      clientSecret: demoConnectedApp.clientSecret,
      productionLoginUrl: salesforceUrl,
      sandboxLoginUrl: salesforceUrl,
      allowedLoginHosts: [...baseConfig.salesforce.allowedLoginHosts, 'localhost', '127.0.0.1'],
    },
    frameAncestors: [...baseConfig.frameAncestors, new URL(livechatUrl).origin],
  };

  let app: RunningServer;
  try {
    app = await startServer(config, logger, options);
  } catch (error) {
    await Promise.all([livechat.close(), salesforce.close()]);
    throw error;
  }
  if (options.seed !== false)
    await seedDemo(
      app,
      livechat,
      salesforce,
      salesforceUrl,
      logger,
      seededMappings(options.linkedSet ?? false),
    );

  return {
    app,
    livechat,
    salesforce,
    appUrl,
    livechatUrl,
    salesforceUrl,
    agentAppUrl: `${livechatUrl}/agent-app`,
    stop: async () => {
      await app.stop();
      await Promise.all([livechat.close(), salesforce.close()]);
    },
  };
}

/**
 * Installs the app for the demo license and connects the demo org, as the owner would through the
 * settings app. The emulators start afresh each run, so tokens are issued anew every time; the rest
 * (accounts, mappings, runs) lives in the database and is kept.
 */
async function seedDemo(
  app: RunningServer,
  livechat: LiveChatEmulator,
  salesforce: SalesforceEmulator,
  salesforceUrl: string,
  logger: Logger,
  mappings: Mapping[],
) {
  const { db, services } = app;
  const agent: Agent = {
    licenseId: demoLicense.organizationId,
    accountId: owner.accountId,
    email: owner.email,
    name: owner.name,
    role: 'owner',
    groupIds: [],
  };
  await db.license.upsert({
    where: { id: agent.licenseId },
    create: { id: agent.licenseId, licenseNumber: demoLicense.licenseId },
    update: {},
  });
  await services.installation.installWithTokens(
    agent,
    livechat.admin.issueAgentTokens(owner.email, { clientId: demoClient.clientId }),
  );

  const session = salesforce.admin.issueSession({
    username: owner.email,
    clientId: demoConnectedApp.clientId,
    origin: salesforceUrl,
  });
  const tokens = {
    accessTokenEnc: services.secretBox.encrypt(session.accessToken),
    refreshTokenEnc: services.secretBox.encrypt(session.refreshToken),
    tokenKeyId: services.secretBox.keyId,
    instanceUrl: session.instanceUrl,
    loginUrl: salesforceUrl,
    status: 'connected' as const,
    statusReason: null,
  };
  const existing = await db.salesforceAccount.findFirst({
    where: { licenseId: agent.licenseId, orgId: session.orgId },
  });
  const account = existing
    ? await db.salesforceAccount.update({ where: { id: existing.id }, data: tokens })
    : await db.salesforceAccount.create({
        data: {
          ...tokens,
          licenseId: agent.licenseId,
          label: 'Demo Shop',
          environment: 'production',
          orgId: session.orgId,
          orgName: 'Demo Shop',
          connectedUserId: session.userId,
          connectedUserName: owner.name,
          connectedUserEmail: owner.email,
          connectedByEmail: owner.email,
          connectedAt: new Date(),
          accessRule: { create: { mode: 'everyone' } },
        },
      });
  await services.metadata.forget(account.id);
  if (!existing) {
    const mapped = await listMappings(db, agent.licenseId, account.id);
    for (const mapping of mappings.filter((m) => !mapped.some((r) => r.objectName === m.objectName))) {
      await createMapping(db, {
        licenseId: agent.licenseId,
        accountId: account.id,
        objectLabel: mapping.objectName,
        mapping,
      });
    }
  }
  logger.info({ account: account.id }, 'demo seeded: license installed, Salesforce org connected');
}
