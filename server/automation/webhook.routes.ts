import express, { Router } from 'express';
import { chatDeactivatedWebhookSchema } from '../../src/api/automation';
import { parseInput } from '../http/validate';
import type { WebhookService } from './webhook.service';

/** POST /webhooks/livechat: acknowledged as soon as the event is stored. */
export function webhookRoutes(webhooks: WebhookService): Router {
  const router = Router();
  router.post('/webhooks/livechat', express.json({ limit: '256kb' }), async (req, res) => {
    const webhook = parseInput(chatDeactivatedWebhookSchema, req.body, 'body');
    const result = await webhooks.receive(webhook);
    res.json({ ok: true, stored: result.stored });
  });
  return router;
}
