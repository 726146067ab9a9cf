/** Local LiveChat emulator: accounts, Agent Chat and Configuration APIs v3.5, webhooks, and an Agent App host page. */
export { createLiveChatEmulator, type LiveChatEmulator, type LiveChatEmulatorOptions } from './server';
export type { LiveChatAdmin, IssueTokenOptions, LicenseSummary } from './admin';
export type { CreateChatInput, EndedChat } from './chats';
export type { AgentAppOptions } from './context';
export type { Clock, License, LicenseAgent, OAuthClient, SeedData, StoredChat } from './model';
export type { WebhookDelivery, WebhookOptions } from './webhooks';
export { buildDefaultSeed, allScopes, demoClient, otherClient } from './seed';
export type * from './wire';
