/** The licenses and clients the emulator serves, with look-ups; `reset()` re-seeds. */
import { createIdGenerator, type IdGenerator } from './ids';
import type { Clock, License, LicenseAgent, OAuthClient, SeedData, StoredChat } from './model';

export type SeedFactory = (now: Date) => SeedData;

export interface World {
  readonly licenses: License[];
  readonly clients: OAuthClient[];
  /** Ids for what is created at run time (chats, threads, webhooks). */
  readonly ids: IdGenerator;
  license(licenseId: number): License | undefined;
  licenseByOrganization(organizationId: string): License | undefined;
  agent(email: string): { agent: LicenseAgent; license: License } | undefined;
  agentByAccountId(accountId: string): { agent: LicenseAgent; license: License } | undefined;
  client(clientId: string): OAuthClient | undefined;
  chat(license: License, chatId: string): StoredChat | undefined;
  reset(): void;
}

export function createWorld(seed: SeedFactory, clock: Clock): World {
  let data: SeedData = seed(clock.now());
  let ids = createIdGenerator(7_770_001);
  const findAgent = (pred: (a: LicenseAgent) => boolean) => {
    for (const license of data.licenses) {
      const agent = license.agents.find(pred);
      if (agent) return { agent, license };
    }
    return undefined;
  };
  return {
    get licenses() {
      return data.licenses;
    },
    get clients() {
      return data.clients;
    },
    get ids() {
      return ids;
    },
    license: (id) => data.licenses.find((l) => l.licenseId === id),
    licenseByOrganization: (org) => data.licenses.find((l) => l.organizationId === org),
    agent: (email) => findAgent((a) => a.email.toLowerCase() === email.toLowerCase()),
    agentByAccountId: (accountId) => findAgent((a) => a.accountId === accountId),
    client: (clientId) => data.clients.find((c) => c.clientId === clientId),
    chat: (license, chatId) => license.chats.find((c) => c.id === chatId),
    reset() {
      data = seed(clock.now());
      ids = createIdGenerator(7_770_001);
    },
  };
}
