import type { Message } from '../i18n/translate'
import { notPublicReason } from '../net/publicAddresses'

export type UrlCheck = { ok: true } | { ok: false; message: Message }

const MAX_URL_LENGTH = 2000

/**
 * The form of a URL a webhook may deliver to: http(s), without credentials (they would show in the
 * delivery log). Where it points is `checkWebhookDestination`'s question.
 */
export function checkWebhookUrl(value: unknown): UrlCheck {
  if (typeof value !== 'string' || value.trim() === '') return { ok: false, message: { code: 'URL_REQUIRED' } }
  if (value.length > MAX_URL_LENGTH) return { ok: false, message: { code: 'URL_TOO_LONG', values: { max: MAX_URL_LENGTH } } }
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return { ok: false, message: { code: 'URL_NOT_ABSOLUTE' } }
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, message: { code: 'URL_NOT_HTTP' } }
  }
  if (url.username || url.password) return { ok: false, message: { code: 'URL_HAS_CREDENTIALS' } }
  return { ok: true }
}

/** Receivers on loopback or private addresses only where the deployment says so (an intranet, or tests). */
export const WEBHOOK_ALLOW_PRIVATE_URLS = process.env.WEBHOOK_ALLOW_PRIVATE_URLS === 'true'

/**
 * A well-formed webhook URL whose host is public: the server POSTs to it, so it must not be aimed
 * at this machine, the private network or a cloud metadata service (SSRF), unless the deployment
 * allows it (WEBHOOK_ALLOW_PRIVATE_URLS=true, for receivers on the intranet). Delivery checks again
 * for the address it connects to.
 */
export async function checkWebhookDestination(
  value: unknown,
  options: { allowPrivate: boolean; resolve?: (hostname: string) => Promise<string[]> },
): Promise<UrlCheck> {
  const form = checkWebhookUrl(value)
  if (!form.ok || options.allowPrivate) return form
  const { hostname } = new URL(value as string)
  if ((await notPublicReason(hostname, options.resolve)) === null) return form
  return { ok: false, message: { code: 'URL_NOT_PUBLIC', values: { host: hostname } } }
}
