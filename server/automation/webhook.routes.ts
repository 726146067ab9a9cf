import express, { Router } from 'express';
import { isKnownWebhookAction, knownWebhookSchema, webhookEnvelopeSchema } from '../../src/api/automation';
import { parseInput } from '../http/validate';
import type { WebhookService } from './webhook.service';

/** POST /webhooks/livechat: LiveChat's license webhooks, acknowledged as soon as they are stored. */
export function webhookRoutes(webhooks: WebhookService): Router {
  const router = Router();
  router.post('/webhooks/livechat', express.json({ limit: '256kb' }), async (req, res) => {
    const envelope = parseInput(webhookEnvelopeSchema, req.body, 'body');
    // An action we did not register (LiveChat adds some) needs only its secret checked.
    const result = isKnownWebhookAction(envelope.action)
      ? await webhooks.receive(parseInput(knownWebhookSchema, req.body, 'body'))
      : await webhooks.acknowledge(envelope);
    res.json({ ok: true, stored: result.stored });
  });
  return router;
}
