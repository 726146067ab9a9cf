/**
 * `npm run emulator:salesforce -- [--port N] [--host H]`: the Salesforce emulator alone, with the
 * demo world. Prints the base URL, the demo connected app's credentials and the users to log in as.
 */
import { parseArgs } from 'node:util';
import { createSalesforceEmulator } from './emulator';

const { values } = parseArgs({
  options: { port: { type: 'string', short: 'p' }, host: { type: 'string', default: '127.0.0.1' } },
});
const port = values.port === undefined ? 0 : Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a port number, got ${values.port}`);
  process.exit(2);
}

const emulator = createSalesforceEmulator();
const url = await emulator.listen(port, values.host);
const app = emulator.seed.connectedApps[0];

console.log(`Salesforce emulator listening on ${url}`);
console.log(`  login URL / instance URL: ${url}`);
console.log(`  authorize: ${url}/services/oauth2/authorize`);
console.log(`  admin API: ${url}/__admin/orgs`);
if (app) {
  console.log(`\nConnected app "${app.name}"`);
  console.log(`  client id:     ${app.clientId}`);
  console.log(`  client secret: ${app.clientSecret}`);
  console.log(
    `  redirect URIs: ${[...app.redirectUris, ...app.redirectUriPrefixes.map((p) => `${p}*`)].join(', ')}`,
  );
}
for (const org of emulator.admin.orgs()) {
  console.log(`\nOrg "${org.name}" (${org.id})${org.isSandbox ? ' sandbox' : ''}`);
  for (const user of org.users) console.log(`  ${user.username.padEnd(40)} ${user.name}`);
}

const stop = () => {
  void emulator.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
