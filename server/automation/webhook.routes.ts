import express, { Router } from 'express';
import { webhookEnvelopeSchema, webhookSchemaFor, type LiveChatWebhook } from '../../src/api/automation';
import { parseInput } from '../http/validate';
import type { WebhookService } from './webhook.service';

/** POST /webhooks/livechat: LiveChat's license webhooks, acknowledged as soon as they are stored. */
export function webhookRoutes(webhooks: WebhookService): Router {
  const router = Router();
  router.post('/webhooks/livechat', express.json({ limit: '256kb' }), async (req, res) => {
    const { action } = parseInput(webhookEnvelopeSchema, req.body, 'body');
    const webhook: LiveChatWebhook = parseInput(webhookSchemaFor(action), req.body, 'body');
    const result = await webhooks.receive(webhook);
    res.json({ ok: true, stored: result.stored });
  });
  return router;
}
