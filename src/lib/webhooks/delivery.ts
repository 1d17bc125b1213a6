import { positiveInteger } from '../runtime/envNumbers'
import type { WebhookMessage } from './events'

export type DeliverySettings = {
  /** Attempts in all, the first included. */
  maxAttempts: number
  /** The wait before the first retry; each later one waits twice as long as the one before. */
  retryDelayMs: number
  timeoutMs: number
}

export const DEFAULT_DELIVERY_SETTINGS: DeliverySettings = { maxAttempts: 5, retryDelayMs: 10_000, timeoutMs: 5_000 }

/** WEBHOOK_MAX_ATTEMPTS, WEBHOOK_RETRY_DELAY_MS and WEBHOOK_TIMEOUT_MS; anything but a positive integer means the default. */
export function deliverySettingsFrom(env: Record<string, string | undefined>): DeliverySettings {
  return {
    maxAttempts: positiveInteger(env.WEBHOOK_MAX_ATTEMPTS, DEFAULT_DELIVERY_SETTINGS.maxAttempts, 20),
    retryDelayMs: positiveInteger(env.WEBHOOK_RETRY_DELAY_MS, DEFAULT_DELIVERY_SETTINGS.retryDelayMs, 3_600_000),
    timeoutMs: positiveInteger(env.WEBHOOK_TIMEOUT_MS, DEFAULT_DELIVERY_SETTINGS.timeoutMs, 60_000),
  }
}

export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number]

export const DELIVERY_STATUS_LABELS: Record<DeliveryStatus, { zh: string; en: string }> = {
  pending: { zh: '待发送', en: 'Pending' },
  delivered: { zh: '已送达', en: 'Delivered' },
  failed: { zh: '失败', en: 'Failed' },
}

/** What a receiver gets, signed as sent; retries resend it unchanged (same `id`), so receivers can drop repeats. */
export type WebhookBody = WebhookMessage & { id: string; occurredAt: string }

export function webhookBody(deliveryId: string, message: WebhookMessage, occurredAt: Date): WebhookBody {
  return { id: deliveryId, event: message.event, occurredAt: occurredAt.toISOString(), data: message.data }
}

/** One attempt as seen from the sender: the receiver's status code, or why there was none. */
export type AttemptResult = { responseCode: number | null; error: string | null; timedOut: boolean }

export type AttemptOutcome = { status: DeliveryStatus; error: string | null }

/** A 2xx delivers; anything else is retried until the last attempt, which fails the delivery. */
export function attemptOutcome(result: AttemptResult, attempt: number, maxAttempts: number): AttemptOutcome {
  if (result.responseCode !== null && result.responseCode >= 200 && result.responseCode < 300) return { status: 'delivered', error: null }
  const error = result.error ?? `HTTP ${result.responseCode}`
  return { status: attempt >= maxAttempts ? 'failed' : 'pending', error }
}

/** The wait after failed attempt number `attempt` (from 1) before the next: the retry delay, doubled after each further failure. */
export function backoffMs(settings: DeliverySettings, attempt: number): number {
  return settings.retryDelayMs * 2 ** (attempt - 1)
}

/**
 * A webhook's `timedOutAt` after an attempt: the attempt's time when the receiver did not answer in
 * time, none once it answers in time (whatever the status), and unchanged after a network error,
 * which says nothing about how long the receiver takes.
 */
export function timedOutAtAfter(result: AttemptResult, before: string | null, at: Date): string | null {
  if (result.timedOut) return at.toISOString()
  return result.responseCode === null ? before : null
}

/** Deliveries have their own queues and runners, so they do not wait for the scheduled-publishing tick. */
export const WEBHOOKS_QUEUE = 'webhooks'
/**
 * A receiver that last failed to answer in time gets this queue: its runner waits out a batch of
 * hanging attempts while the other receivers' deliveries go on in `WEBHOOKS_QUEUE`.
 */
export const SLOW_WEBHOOKS_QUEUE = 'webhooks-slow'

/** The queue for a webhook's next attempt, by its `timedOutAt`. */
export function deliveryQueue(timedOutAt: string | null | undefined): string {
  return timedOutAt ? SLOW_WEBHOOKS_QUEUE : WEBHOOKS_QUEUE
}

/** `AbortSignal.timeout` ends a request it cut short with a TimeoutError. */
export function isTimeout(error: unknown): boolean {
  return (error as { name?: unknown } | null)?.name === 'TimeoutError'
}

/** A failed request in words for the delivery log: a time-out, or the network error's code (ECONNREFUSED, ENOTFOUND…). */
export function describeRequestError(error: unknown, timeoutMs: number): string {
  if (isTimeout(error)) return `No answer within ${timeoutMs} ms`
  const { message, cause } = (error ?? {}) as { message?: string; cause?: { code?: string; message?: string } }
  const detail = cause?.code ?? cause?.message
  return [message || String(error), detail && `(${detail})`].filter(Boolean).join(' ')
}
