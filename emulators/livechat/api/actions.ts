/** `POST /v3.5/agent/action/<action>` and `POST /v3.5/configuration/action/<action>`: dispatch to handlers by name. */
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { EmulatorContext } from '../context';
import { apiErrors, sendApiError } from '../errors';
import { agentChatActions } from './agentChat';
import { authenticate, type ApiCaller } from './caller';
import { configurationActions } from './configuration';

export type ActionHandler = (ctx: EmulatorContext, caller: ApiCaller, body: unknown) => unknown;

export function apiRouter(ctx: EmulatorContext): Router {
  const router = express.Router();
  const apis: Record<string, Record<string, ActionHandler>> = {
    agent: agentChatActions,
    configuration: configurationActions,
  };

  router.post('/v3.5/:api/action/:action', express.json({ limit: '1mb' }), (req: Request, res: Response) => {
    try {
      const actions = apis[String(req.params.api)];
      const handler =
        actions && Object.hasOwn(actions, String(req.params.action))
          ? actions[String(req.params.action)]
          : undefined;
      if (!handler) throw apiErrors.notFound(`Action ${String(req.params.action)} not found`);
      const caller = authenticate(ctx, req);
      res.json(handler(ctx, caller, req.body));
    } catch (err) {
      sendApiError(res, err);
    }
  });

  // Malformed JSON bodies.
  router.use('/v3.5', (err: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (err && typeof err === 'object' && 'type' in err && err.type === 'entity.parse.failed') {
      sendApiError(res, apiErrors.validation('Wrong format of request'));
      return;
    }
    next(err);
  });

  return router;
}
