import { randomUUID } from 'node:crypto'

import type { PayloadRequest } from 'payload'

import { deliveryQueue, webhookBody } from '../../lib/webhooks/delivery'
import type { WebhookMessage } from '../../lib/webhooks/events'
import { DELIVER_WEBHOOK_TASK, WEBHOOKS_SLUG, WEBHOOK_DELIVERIES_SLUG } from '../../slugs'

/**
 * For every active webhook subscribed to one of these events, a pending delivery and a job to send
 * it (in the slow queue while the receiver's last time-out stands). Both are written with `req`,
 * inside the transaction of the change that fired them: a change that is rolled back sends nothing.
 */
export async function queueWebhookDeliveries(req: PayloadRequest, messages: WebhookMessage[]): Promise<void> {
  if (messages.length === 0) return
  const { docs: webhooks } = await req.payload.find({
    collection: WEBHOOKS_SLUG,
    where: { and: [{ active: { equals: true } }, { events: { in: messages.map((message) => message.event) } }] },
    select: { url: true, events: true, timedOutAt: true },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const occurredAt = new Date()
  for (const webhook of webhooks) {
    for (const message of messages.filter(({ event }) => webhook.events.includes(event))) {
      const deliveryId = randomUUID()
      const delivery = await req.payload.create({
        collection: WEBHOOK_DELIVERIES_SLUG,
        data: {
          deliveryId,
          webhook: webhook.id,
          event: message.event,
          url: webhook.url,
          status: 'pending',
          attempts: 0,
          requestBody: webhookBody(deliveryId, message, occurredAt),
        },
        depth: 0,
        overrideAccess: true,
        req,
      })
      await req.payload.jobs.queue({ task: DELIVER_WEBHOOK_TASK, queue: deliveryQueue(webhook.timedOutAt), input: { delivery: delivery.id }, req })
    }
  }
}
