import { randomUUID } from 'node:crypto'

import type { PayloadRequest } from 'payload'

import { enginesOn, newsToPush, pushBody, pushTarget, SEARCH_ENGINE_PUSH_QUEUE, searchEnginePushesIn } from '../../lib/discovery/searchEnginePush'
import { articleUrl, portalUrl } from '../../lib/portal/siteUrl'
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

/**
 * For every search engine the deployment pushes to, a pending delivery of the article's URL and a
 * job to send it, written in the save's transaction as webhooks' are: the save waits for two
 * inserts per engine, never for the engine itself. Only news is pushed (see `newsToPush`).
 */
export async function queueSearchEnginePushes(req: PayloadRequest, messages: WebhookMessage[], article: { publishedAt?: string | null }): Promise<void> {
  const pushes = searchEnginePushesIn(req.payload.config.custom)
  const engines = enginesOn(pushes)
  const slug = engines.length > 0 ? newsToPush(messages, article.publishedAt, new Date()) : null
  if (!slug) return
  const siteUrl = portalUrl()
  for (const engine of engines) {
    const delivery = await req.payload.create({
      collection: WEBHOOK_DELIVERIES_SLUG,
      data: {
        deliveryId: randomUUID(),
        searchEngine: engine,
        event: 'article.published',
        url: pushTarget(engine, pushes, siteUrl)!.loggedUrl,
        status: 'pending',
        attempts: 0,
        requestBody: pushBody(engine, pushes, [articleUrl(slug)], siteUrl),
      },
      depth: 0,
      overrideAccess: true,
      req,
    })
    await req.payload.jobs.queue({ task: DELIVER_WEBHOOK_TASK, queue: SEARCH_ENGINE_PUSH_QUEUE, input: { delivery: delivery.id }, req })
  }
}
