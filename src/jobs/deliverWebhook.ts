import http from 'node:http'
import https from 'node:https'

import type { PayloadRequest, TaskConfig } from 'payload'

import { relationId } from '../lib/api/fieldShapes'
import { pushBodyText, pushTarget, type SearchEngine, type SearchEnginePushes, SEARCH_ENGINE_PUSH_QUEUE } from '../lib/discovery/searchEnginePush'
import { assertPublicLiteral, publicOnlyLookup } from '../lib/net/publicAddresses'
import {
  type AttemptResult,
  attemptOutcome,
  backoffMs,
  deliveryQueue,
  type DeliverySettings,
  describeRequestError,
  isTimeout,
  timedOutAtAfter,
} from '../lib/webhooks/delivery'
import { WEBHOOK_ALLOW_PRIVATE_URLS } from '../lib/webhooks/url'
import { portalUrl } from '../lib/portal/siteUrl'
import { DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, signWebhook, TIMESTAMP_HEADER } from '../lib/webhooks/signature'
import type { WebhookDelivery } from '../payload-types'
import { inTransaction } from '../db/inTransaction'
import { DELIVER_WEBHOOK_TASK, WEBHOOKS_SLUG, WEBHOOK_DELIVERIES_SLUG } from '../slugs'

/**
 * Sends one attempt at a logged delivery: a signed POST of its body to the webhook's URL, or a
 * search engine's push of new articles. Every attempt is written to the log; a failed one that is
 * not the last queues the next as a new job, after the backoff, in the queue the receiver now
 * belongs in (see `deliveryQueue`), so a receiver that hangs takes its retries to the slow queue
 * instead of holding up everyone else's.
 */
export function deliverWebhookTask(settings: DeliverySettings, pushes: SearchEnginePushes): TaskConfig<typeof DELIVER_WEBHOOK_TASK> {
  return {
    slug: DELIVER_WEBHOOK_TASK,
    label: 'Deliver a webhook',
    inputSchema: [{ name: 'delivery', type: 'number', required: true }],
    // Failed attempts are recorded, never thrown: a throw means the server failed (the database) and
    // the attempt's writes were rolled back, so Payload runs this same attempt again.
    retries: { attempts: settings.maxAttempts - 1, backoff: { type: 'exponential', delay: settings.retryDelayMs } },
    handler: async ({ input, job, req }) => {
      const delivery = await req.payload.findByID({
        collection: WEBHOOK_DELIVERIES_SLUG,
        id: input.delivery,
        depth: 0,
        disableErrors: true,
        overrideAccess: true,
        req,
      })
      // Settled already (a job run twice) or gone: nothing left to send.
      if (delivery?.status !== 'pending') return { output: {} }
      const receiver = delivery.searchEngine ? searchEngineReceiver(delivery.searchEngine, pushes) : await webhookReceiver(req, delivery)
      if ('refusal' in receiver) {
        await logAttempt(req, delivery, { status: 'failed', error: receiver.refusal })
        return { output: {} }
      }
      // Queued before its receiver was found to hang (or to answer again): the attempt moves to the
      // right queue rather than hold this batch up for the time-out.
      if (job.queue !== receiver.queue) {
        await req.payload.jobs.queue({ task: DELIVER_WEBHOOK_TASK, queue: receiver.queue, input: { delivery: delivery.id }, req })
        return { output: {} }
      }
      const attempt = (delivery.attempts ?? 0) + 1
      const result = await post(receiver.request(delivery), settings.timeoutMs, receiver.publicOnly)
      const outcome = attemptOutcome(result, attempt, settings.maxAttempts)
      const now = new Date()
      const timedOutAt = receiver.webhook && timedOutAtAfter(result, receiver.webhook.timedOutAt, now)
      // The log, the receiver's state and the next attempt's job stand or fall together: a delivery
      // left pending always has a job to finish it. (Opened after the POST: connections held through
      // hanging attempts would starve the pool.)
      await inTransaction(req, async () => {
        await logAttempt(req, delivery, {
          url: receiver.loggedUrl,
          status: outcome.status,
          attempts: attempt,
          responseCode: result.responseCode,
          error: outcome.error,
          lastAttemptAt: now.toISOString(),
          deliveredAt: outcome.status === 'delivered' ? now.toISOString() : null,
        })
        // A database write: the receiver's state is no admin's edit, to audit or to check the URL again for.
        if (receiver.webhook && timedOutAt !== receiver.webhook.timedOutAt) {
          await req.payload.db.updateOne({ collection: WEBHOOKS_SLUG, id: receiver.webhook.id, data: { timedOutAt }, req, returning: false })
        }
        if (outcome.status === 'pending') {
          await req.payload.jobs.queue({
            task: DELIVER_WEBHOOK_TASK,
            queue: receiver.webhook ? deliveryQueue(timedOutAt) : receiver.queue,
            input: { delivery: delivery.id },
            waitUntil: new Date(now.getTime() + backoffMs(settings, attempt)),
            req,
          })
        }
      })
      return { output: {} }
    },
  }
}

/** What one attempt sends. */
type OutgoingPost = { url: string; headers: Record<string, string>; body: string }

/** Where an attempt goes, or why none can be made. */
type Receiver =
  | { refusal: string }
  | {
      request: (delivery: WebhookDelivery) => OutgoingPost
      /** What the log shows of the URL (a search engine's token left out). */
      loggedUrl: string
      queue: string
      /** Whether the address connected to must be public (SSRF): see `send`. */
      publicOnly: boolean
      /** The webhook, whose time-outs move its deliveries to the slow queue and back. */
      webhook: { id: number; timedOutAt: string | null } | null
    }

async function webhookReceiver(req: PayloadRequest, delivery: WebhookDelivery): Promise<Receiver> {
  const webhookId = relationId(delivery.webhook)
  const webhook = webhookId ? await req.payload.findByID({ collection: WEBHOOKS_SLUG, id: webhookId, depth: 0, disableErrors: true, overrideAccess: true, req }) : null
  // Switched off or deleted since the change: the admin no longer wants it to hear anything.
  if (!webhook?.active || !webhook.secret) return { refusal: webhook ? 'The webhook was switched off before delivery' : 'The webhook was deleted before delivery' }
  const { secret } = webhook
  return {
    request: (sent) => signedRequest(webhook.url, secret, sent),
    loggedUrl: webhook.url,
    queue: deliveryQueue(webhook.timedOutAt),
    publicOnly: !WEBHOOK_ALLOW_PRIVATE_URLS,
    webhook: { id: webhook.id, timedOutAt: webhook.timedOutAt ?? null },
  }
}

/**
 * A search engine's endpoint is the operator's own setting, not an address someone typed into the
 * API, so it is not held to the public-address rules: an operator may send pushes through a relay
 * on the intranet, and whoever sets the environment can point the server anywhere anyway.
 */
function searchEngineReceiver(engine: SearchEngine, pushes: SearchEnginePushes): Receiver {
  const target = pushTarget(engine, pushes, portalUrl())
  if (!target) return { refusal: `Pushes to ${engine} were switched off before delivery` }
  return {
    request: (sent) => ({ url: target.url, headers: { 'content-type': target.contentType }, body: pushBodyText(engine, sent.requestBody) }),
    loggedUrl: target.loggedUrl,
    queue: SEARCH_ENGINE_PUSH_QUEUE,
    publicOnly: false,
    webhook: null,
  }
}

/**
 * A database write: the log is the server's own record, with no hooks to run nor input to check, and
 * the Local API's read-validate-write-read costs each attempt several queries the fast lane needs.
 */
async function logAttempt(req: PayloadRequest, delivery: WebhookDelivery, data: Partial<WebhookDelivery>): Promise<void> {
  await req.payload.db.updateOne({ collection: WEBHOOK_DELIVERIES_SLUG, id: delivery.id, data: { ...data, updatedAt: new Date().toISOString() }, req, returning: false })
}

function signedRequest(url: string, secret: string, delivery: WebhookDelivery): OutgoingPost {
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
  return { url, headers, body }
}

async function post({ url, headers, body }: OutgoingPost, timeoutMs: number, publicOnly: boolean): Promise<AttemptResult> {
  try {
    return { responseCode: await send(new URL(url), headers, body, AbortSignal.timeout(timeoutMs), publicOnly), error: null, timedOut: false }
  } catch (error) {
    return { responseCode: null, error: describeRequestError(error, timeoutMs), timedOut: isTimeout(error) }
  }
}

/**
 * One POST, answered with the receiver's status code. A redirect is not followed (it counts as a
 * failure): deliveries go only where an admin (or, for pushes, the operator) pointed them. When the receiver must be public, the
 * address connected to is checked at this moment, not only when the URL was saved, so a name that
 * later resolves inside (DNS rebinding) gets nowhere.
 */
async function send(url: URL, headers: Record<string, string>, body: string, signal: AbortSignal, publicOnly: boolean): Promise<number> {
  if (publicOnly) assertPublicLiteral(url)
  const client = url.protocol === 'https:' ? https : http
  return new Promise((resolve, reject) => {
    const request = client.request(
      url,
      { method: 'POST', headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) }, signal, lookup: publicOnly ? publicOnlyLookup : undefined },
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
