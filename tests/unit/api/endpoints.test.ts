import express from 'express';
import { describe, expect, it } from 'vitest';
import { endpoints, pathOf, type Endpoint } from '../../../src/api/endpoints';
import { routesOn } from '../../../server/http/route';
import { createCall, type Http } from '../../../ui/api/http';

describe('the endpoint table', () => {
  it('has one entry per method and path, each path under /api and its access', () => {
    const keys = Object.values(endpoints).map((e: Endpoint) => `${e.method} ${e.path}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const e of Object.values(endpoints) as Endpoint[]) {
      expect(e.path).toMatch(/^\/api\//);
      if (e.access === 'owner') expect(e.path).toMatch(/^\/api\/settings\//);
      if (e.path.startsWith('/api/widget/')) expect(e.access).toBe('agent');
      // Every `:name` of the path is a parameter of its schema.
      const names = [...e.path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]);
      if (names.length > 0) expect(e.params).toBeDefined();
    }
  });

  it('fills in and encodes path parameters, and refuses a missing one', () => {
    expect(pathOf(endpoints.describeObject, { id: 'a b', objectName: 'Lead/x' })).toBe(
      '/api/settings/accounts/a%20b/objects/Lead%2Fx',
    );
    expect(() => pathOf(endpoints.getMapping, {})).toThrow(/:mappingId/);
  });

  it('refuses to register an endpoint on a router of another prefix or access', () => {
    const router = express.Router();
    expect(() =>
      routesOn(router, { prefix: '/api/widget', access: 'agent' })(endpoints.listAccounts, () => ({
        accounts: [],
      })),
    ).toThrow(/not under \/api\/widget/);
    expect(() =>
      routesOn(router, { prefix: '/api/settings', access: 'agent' })(endpoints.listAccounts, () => ({
        accounts: [],
      })),
    ).toThrow(/is for owner/);
  });

  it('types the client’s calls from the table (checked by tsc)', async () => {
    const seen: unknown[] = [];
    const http: Http = async (options) => {
      seen.push(options);
      return undefined as never;
    };
    const call = createCall(http);
    await call(endpoints.renameAccount, {
      params: { id: '7b1f3c8e-0000-4000-8000-000000000001' },
      body: { label: 'EU' },
    });
    expect(seen[0]).toMatchObject({
      method: 'PATCH',
      path: '/api/settings/accounts/7b1f3c8e-0000-4000-8000-000000000001',
      body: { label: 'EU' },
    });
    // Never run: tsc checks these lines, and fails if one of them stops being an error.
    const typeErrors = async () => {
      // @ts-expect-error a wrong body type fails the type check
      await call(endpoints.renameAccount, { params: { id: 'x' }, body: { label: 42 } });
      // @ts-expect-error a missing path parameter fails the type check
      await call(endpoints.getMapping, {});
      // @ts-expect-error an endpoint without a body takes none
      await call(endpoints.getMe, { body: { anything: true } });
    };
    expect(typeof typeErrors).toBe('function');
  });
});
