import { describe, expect, it } from 'vitest';
import { parseConfig, type Config } from '../../../server/config';
import { workerEnvironment } from '../../../server/lifecycle/workerProcess';
import { buildConfig } from '../../support/config';

const parsed = (env: Record<string, string>): Config => {
  const result = parseConfig(env);
  if (!result.ok) throw new Error(result.problems.join('; '));
  return result.config;
};

describe('the environment of the worker the app starts', () => {
  it('parses back to the app’s own configuration, with what the app resolved in memory', () => {
    // As the demo resolves it: emulators on local ports, a generated key, the author's token.
    const config: Config = {
      ...buildConfig({ port: 3000 }),
      publicUrl: 'http://localhost:3000',
      logLevel: 'debug',
      logFormat: 'pretty',
      shutdownGraceMs: 2_500,
      encryption: {
        keyId: 'k2',
        key: Buffer.alloc(32, 7).toString('base64'),
        oldKeys: [{ id: 'k1', key: Buffer.alloc(32, 3).toString('base64') }],
      },
      livechat: {
        ...buildConfig().livechat,
        clientId: 'client',
        clientSecret: 'secret',
        accountsUrl: 'http://127.0.0.1:3001',
        apiUrl: 'http://localhost:3001',
        authorToken: { accountId: 'a-1', token: 'dal:token' },
      },
      salesforce: {
        clientId: 'sf-client',
        clientSecret: 'sf-secret',
        apiVersion: '61.0',
        productionLoginUrl: 'http://127.0.0.1:3002',
        sandboxLoginUrl: 'http://127.0.0.1:3002',
        allowedLoginHosts: ['login.salesforce.com', 'localhost', '127.0.0.1'],
      },
      frameAncestors: ['http://localhost:3001'],
    };
    const env = workerEnvironment(config, 'postgresql://u:p@127.0.0.1:5433/app');
    // Credentials are written out, so the worker's configuration is "live" whatever the app's was.
    expect(parsed(env)).toEqual({
      ...config,
      mode: 'live',
      databaseUrl: 'postgresql://u:p@127.0.0.1:5433/app',
    });
  });
});
