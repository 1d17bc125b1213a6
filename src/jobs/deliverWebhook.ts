import http from 'node:http'
import https from 'node:https'

import type { PayloadRequest, TaskConfig } from 'payload'

import { WEBHOOK_ALLOW_PRIVATE_URLS } from '../collections/Webhooks'
import { relationId } from '../lib/fieldShapes'
import { assertPublicLiteral, publicOnlyLookup } from '../lib/net/publicAddresses'
import { type AttemptResult, attemptOutcome, type DeliverySettings, describeRequestError } from '../lib/webhooks/delivery'
import { DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, signWebhook, TIMESTAMP_HEADER } from '../lib/webhooks/signature'
import type { WebhookDelivery } from '../payload-types'

export const DELIVER_WEBHOOK_TASK = 'deliverWebhook'
/** Deliveries have their own queue and runner, so they do not wait for the scheduled-publishing tick. */
export const WEBHOOKS_QUEUE = 'webhooks'

/**
 * Sends one logged delivery: a signed POST of its body to the webhook's URL. Every attempt is
 * written to the log; a failed one throws, so Payload retries it with exponential backoff until the
 * last attempt, which marks the delivery failed.
 */
export function deliverWebhookTask(settings: DeliverySettings): TaskConfig<typeof DELIVER_WEBHOOK_TASK> {
  return {
    slug: DELIVER_WEBHOOK_TASK,
    label: 'Deliver a webhook',
    inputSchema: [{ name: 'delivery', type: 'number', required: true }],
    // Payload counts retries after the first attempt, and waits delay × 2^(failures so far) before each.
    retries: { attempts: settings.maxAttempts - 1, backoff: { type: 'exponential', delay: settings.retryDelayMs } },
    handler: async ({ input, job, req }) => {
      const delivery = await req.payload.findByID({
        collection: 'webhook-deliveries',
        id: input.delivery,
        depth: 0,
        disableErrors: true,
        overrideAccess: true,
        req,
      })
      // Settled already (a job run twice) or gone: nothing left to send.
      if (delivery?.status !== 'pending') return { output: {} }
      const webhookId = relationId(delivery.webhook)
      const webhook = webhookId
        ? await req.payload.findByID({ collection: 'webhooks', id: webhookId, depth: 0, disableErrors: true, overrideAccess: true, req })
        : null
      // Switched off or deleted since the change: the admin no longer wants it to hear anything.
      if (!webhook?.active || !webhook.secret) {
        await logAttempt(req, delivery, { status: 'failed', error: webhook ? 'The webhook was switched off before delivery' : 'The webhook was deleted before delivery' })
        return { output: {} }
      }
      const attempt = (job.totalTried ?? 0) + 1
      const result = await post(webhook.url, webhook.secret, delivery, settings.timeoutMs)
      const outcome = attemptOutcome(result, attempt, settings.maxAttempts)
      const now = new Date().toISOString()
      await logAttempt(req, delivery, {
        url: webhook.url,
        status: outcome.status,
        attempts: attempt,
        responseCode: result.responseCode,
        error: outcome.error,
        lastAttemptAt: now,
        deliveredAt: outcome.status === 'delivered' ? now : null,
      })
      if (outcome.error) throw new Error(outcome.error)
      return { output: {} }
    },
  }
}

function logAttempt(req: PayloadRequest, delivery: WebhookDelivery, data: Partial<WebhookDelivery>) {
  return req.payload.update({ collection: 'webhook-deliveries', id: delivery.id, data, depth: 0, overrideAccess: true, req })
}

async function post(url: string, secret: string, delivery: WebhookDelivery, timeoutMs: number): Promise<AttemptResult> {
  // Serialised once: the signature covers exactly the bytes sent.
  const body = JSON.stringify(delivery.requestBody)
  const timestamp = String(Math.floor(Date.now() / 1000))
  const headers = {
    'content-type': 'application/json',
    [EVENT_HEADER]: delivery.event,
    [DELIVERY_HEADER]: delivery.deliveryId,
    [TIMESTAMP_HEADER]: timestamp,
    [SIGNATURE_HEADER]: signWebhook(secret, timestamp, body),
  }
  try {
    return { responseCode: await send(new URL(url), headers, body, AbortSignal.timeout(timeoutMs)), error: null }
  } catch (error) {
    return { responseCode: null, error: describeRequestError(error, timeoutMs) }
  }
}

/**
 * One POST, answered with the receiver's status code. A redirect is not followed (it counts as a
 * failure): deliveries go only where an admin pointed them. Unless private receivers are allowed,
 * the address connected to is checked at this moment, not only when the URL was saved, so a name
 * that later resolves inside (DNS rebinding) gets nowhere.
 */
async function send(url: URL, headers: Record<string, string>, body: string, signal: AbortSignal): Promise<number> {
  if (!WEBHOOK_ALLOW_PRIVATE_URLS) assertPublicLiteral(url)
  const client = url.protocol === 'https:' ? https : http
  return new Promise((resolve, reject) => {
    const request = client.request(
      url,
      { method: 'POST', headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) }, signal, lookup: WEBHOOK_ALLOW_PRIVATE_URLS ? undefined : publicOnlyLookup },
      (response) => {
        // Only the status matters; dropping the body frees the connection.
        response.resume()
        resolve(response.statusCode ?? 0)
      },
    )
    request.on('error', (error) => reject(signal.aborted ? signal.reason : error))
    request.end(body)
  })
}
