export type UrlCheck = { ok: true } | { ok: false; reason: string }

const MAX_URL_LENGTH = 2000

/**
 * Where a webhook may deliver: an http(s) URL without credentials (they would show in the delivery
 * log). Loopback and private addresses are allowed for now; an allow-list against SSRF belongs here.
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
