import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

export const EVENT_HEADER = 'x-newsroom-event'
export const DELIVERY_HEADER = 'x-newsroom-delivery'
export const TIMESTAMP_HEADER = 'x-newsroom-timestamp'
export const SIGNATURE_HEADER = 'x-newsroom-signature'

/** How far a receiver lets a delivery's timestamp drift from its own clock, so a captured delivery cannot be replayed later. */
export const DEFAULT_TOLERANCE_SECONDS = 300

/**
 * `sha256=<hex>`: HMAC-SHA256 with the webhook's secret over `<timestamp>.<body>`. The timestamp is
 * signed with the body so a receiver can refuse old deliveries without trusting an unsigned header.
 */
export function signWebhook(secret: string, timestamp: number | string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`
}

/** A secret for a webhook whose admin left the field empty. */
export function generateWebhookSecret(): string {
  return randomBytes(32).toString('hex')
}

/** Fetch's `Headers`, or Node's `req.headers` (lower-case names). */
export type HeaderSource = Headers | Record<string, string | string[] | undefined>

function header(headers: HeaderSource, name: string): string | undefined {
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined
  const value = (headers as Record<string, string | string[] | undefined>)[name]
  return Array.isArray(value) ? value[0] : value
}

export type Verification = { ok: true } | { ok: false; reason: string }

/** What a receiver does with a delivery: checks the signature over the raw body and the timestamp's age. */
export function verifyWebhook(
  secret: string,
  headers: HeaderSource,
  body: string,
  now: Date = new Date(),
  toleranceSeconds: number = DEFAULT_TOLERANCE_SECONDS,
): Verification {
  const timestamp = header(headers, TIMESTAMP_HEADER)
  const signature = header(headers, SIGNATURE_HEADER)
  if (!timestamp || !/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: `missing or malformed ${TIMESTAMP_HEADER}` }
  if (!signature || !/^sha256=[0-9a-f]{64}$/.test(signature)) return { ok: false, reason: `missing or malformed ${SIGNATURE_HEADER}` }
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > toleranceSeconds) return { ok: false, reason: 'timestamp outside the tolerance' }
  const expected = Buffer.from(signWebhook(secret, timestamp, body))
  // Both are `sha256=` and 64 hex digits here, so equal lengths, as timingSafeEqual needs.
  if (!timingSafeEqual(expected, Buffer.from(signature))) return { ok: false, reason: 'signature does not match' }
  return { ok: true }
}
