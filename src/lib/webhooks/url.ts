import { notPublicReason } from '../net/publicAddresses'

export type UrlCheck = { ok: true } | { ok: false; reason: string }

const MAX_URL_LENGTH = 2000

/**
 * The form of a URL a webhook may deliver to: http(s), without credentials (they would show in the
 * delivery log). Where it points is `checkWebhookDestination`'s question.
 */
export function checkWebhookUrl(value: unknown): UrlCheck {
  if (typeof value !== 'string' || value.trim() === '') return { ok: false, reason: '请填写网址 (a URL is required)' }
  if (value.length > MAX_URL_LENGTH) return { ok: false, reason: `网址不能超过 ${MAX_URL_LENGTH} 个字符 (at most ${MAX_URL_LENGTH} characters)` }
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return { ok: false, reason: '应为以 http:// 或 https:// 开头的完整网址 (expected an absolute http:// or https:// URL)' }
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, reason: '只支持 http:// 或 https:// 网址 (only http:// and https:// URLs)' }
  }
  if (url.username || url.password) return { ok: false, reason: '网址中不能包含用户名或密码 (no user name or password in the URL)' }
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
  const reason = await notPublicReason(new URL(value as string).hostname, options.resolve)
  if (reason === null) return form
  return { ok: false, reason: `不能指向本机、内网或保留地址 (not a public address: ${reason})` }
}
