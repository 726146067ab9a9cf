import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectAs, olivia, startEmulator, type Started } from './support';

let started: Started;
beforeAll(async () => {
  started = await startEmulator();
});
afterAll(async () => {
  await started?.close();
});

describe('the Organization object', () => {
  it('answers the org name and id, as apps read it after connecting', async () => {
    const { conn } = await connectAs(started.url, olivia);
    const result = await conn.query<{ Id: string; Name: string }>(
      'SELECT Id, Name FROM Organization LIMIT 1',
    );
    expect(result.records).toHaveLength(1);
    expect(result.records[0]?.Name).toBe('Demo Shop');
    expect(result.records[0]?.Id).toBe(started.demoOrgId);
  });

  it('cannot be created through the API', async () => {
    const { conn } = await connectAs(started.url, olivia);
    await expect(conn.sobject('Organization').create({ Name: 'Mine' })).rejects.toMatchObject({
      errorCode: expect.stringMatching(/INVALID|CANNOT|NOT_CREATEABLE|ENTITY/),
    });
  });
});
