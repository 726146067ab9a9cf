import type { Response, Router } from 'express';
import type { Access, Endpoint, HandlerInput, ReplyOf } from '../../src/api/endpoints';
import { parseInput } from './validate';

export type Handler<E extends Endpoint> = (
  input: HandlerInput<E>,
  res: Response,
) => Promise<ReplyOf<E>> | ReplyOf<E>;

/**
 * Registers endpoints of the contract (src/api/endpoints.ts) on a router mounted at `prefix`
 * behind the access check `access`: each handler gets its input parsed with the entry's schemas
 * (a 400 naming every problem otherwise), and its answer, typed by the entry, is sent with the
 * entry's status. An endpoint registered on a router of the wrong prefix or access fails at start.
 */
export function routesOn(router: Router, mount: { prefix: string; access: Access }) {
  return function route<E extends Endpoint>(endpoint: E, handler: Handler<E>): void {
    if (!endpoint.path.startsWith(`${mount.prefix}/`)) {
      throw new Error(`${endpoint.path} is not under ${mount.prefix}`);
    }
    if (endpoint.access !== mount.access) {
      throw new Error(`${endpoint.path} is for ${endpoint.access}, registered behind ${mount.access}`);
    }
    const path = endpoint.path.slice(mount.prefix.length);
    const method = endpoint.method.toLowerCase() as Lowercase<Endpoint['method']>;
    router[method](path, async (req, res) => {
      const input = {
        params: endpoint.params ? parseInput(endpoint.params, req.params, 'params') : {},
        query: endpoint.query ? parseInput(endpoint.query, req.query, 'query') : {},
        body: endpoint.body ? parseInput(endpoint.body, req.body, 'body') : undefined,
      } as HandlerInput<E>;
      const reply = await handler(input, res);
      res.status(endpoint.status ?? 200);
      if (endpoint.success === null) res.end();
      else res.json(reply);
    });
  };
}
