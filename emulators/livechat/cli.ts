/** `npm run emulator:livechat -- --port N [--app-url URL]`: the LiveChat emulator alone, printing what it serves. */
import { parseArgs } from 'node:util';
import { createLiveChatEmulator } from './index';

const { values } = parseArgs({
  options: { port: { type: 'string' }, 'app-url': { type: 'string' }, 'plugin-id': { type: 'string' } },
});
const port = values.port ? Number(values.port) : 0;
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`Invalid --port ${values.port}`);
  process.exit(2);
}
const appUrl = values['app-url'];
const emulator = createLiveChatEmulator(
  appUrl ? { agentApp: { appUrl, ...(values['plugin-id'] && { pluginId: values['plugin-id'] }) } } : {},
);
const url = await emulator.listen(port);

console.log(`LiveChat emulator listening on ${url}`);
console.log(`  accounts (LIVECHAT_ACCOUNTS_URL) and API (LIVECHAT_API_URL): ${url}`);
console.log(`  sign-in page: ${url}/signin`);
console.log(
  `  Agent App host page: ${url}/agent-app${appUrl ? ` (app ${appUrl})` : ' (pass --app-url to frame an app)'}`,
);
console.log('\nOAuth clients:');
for (const c of emulator.admin.clients()) {
  console.log(
    `  ${c.name}: client_id=${c.clientId}${c.clientSecret ? ` client_secret=${c.clientSecret}` : ' (no secret)'}`,
  );
  console.log(`    redirect URIs: ${c.redirectUris.join(', ')}`);
}
for (const l of emulator.admin.licenses()) {
  console.log(`\nLicense ${l.licenseId} "${l.name}" (organization ${l.organizationId})`);
  for (const a of l.agents) console.log(`  ${a.role.padEnd(13)} ${a.name} <${a.email}>`);
  const chats = emulator.admin.chats(l.licenseId);
  const active = chats.filter((c) => c.threads.at(-1)?.active).length;
  console.log(`  chats: ${chats.length} (${active} active)`);
}

const stop = () => {
  void emulator.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
