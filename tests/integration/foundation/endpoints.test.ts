import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endpoints, pathOf, type Endpoint } from '../../../src/api/endpoints';
import { startWorld, type World } from '../../support/world';

let world: World;
beforeAll(async () => {
  world = await startWorld({ seed: false, worker: false });
});
afterAll(async () => {
  await world?.close();
});

const uuid = '7b1f3c8e-0000-4000-8000-000000000001';
const OWNER = 'olivia.owner@demo-shop.example';
const NORA = 'nora.agent@demo-shop.example';

describe('every endpoint of the table', () => {
  it.each(Object.entries(endpoints) as [string, Endpoint][])(
    '%s is served at its method and path, behind its access check',
    async (_name, endpoint) => {
      const path = pathOf(endpoint, {
        id: uuid,
        mappingId: uuid,
        runId: uuid,
        objectName: 'Lead',
        recordTypeId: '012000000000000AAA',
      });
      const request = (token?: string) =>
        fetch(`${world.appUrl}${path}`, {
          method: endpoint.method,
          headers: {
            'content-type': 'application/json',
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
          ...(endpoint.method === 'GET' || endpoint.method === 'DELETE' ? {} : { body: '{}' }),
        });
      const anonymous = await request();
      expect(anonymous.status).toBe(endpoint.access === 'public' ? 200 : 401);
      // Whatever the owner's answer (bad input, an unknown id), it comes from the endpoint's
      // handler, not from "there is no such route".
      const answer = await request(world.tokenFor(OWNER));
      const text = await answer.text();
      expect(text).not.toContain('There is no');
      if (endpoint.access === 'owner') {
        const agent = await request(world.tokenFor(NORA));
        expect(agent.status).toBe(403);
      }
    },
  );
});
