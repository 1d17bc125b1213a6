import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * Signed, short-lived links to one draft: `<payload>.<signature>`, both base64url, the payload
 * naming the article and the expiry. Nothing is stored; a token cannot be widened to another
 * article, and it stops working at its expiry whoever holds it.
 */
export type PreviewClaims = { articleId: number; expiresAt: number }
export type PreviewCheck = { ok: true; claims: PreviewClaims } | { ok: false; reason: 'malformed' | 'signature' | 'expired' }

const PURPOSE = 'newsroom-preview-v1'
/** Where the preview endpoint puts the verified article id for read access to honour. */
export const PREVIEW_ARTICLE_CONTEXT = 'newsroom.previewArticleId'

export function signPreviewToken(claims: PreviewClaims, secret: string): string {
  const payload = Buffer.from(JSON.stringify({ a: claims.articleId, e: claims.expiresAt })).toString('base64url')
  return `${payload}.${signature(payload, secret)}`
}

export function checkPreviewToken(token: unknown, secret: string, now: number): PreviewCheck {
  if (typeof token !== 'string' || token.length > 512) return { ok: false, reason: 'malformed' }
  const [payload, given, ...rest] = token.split('.')
  if (!payload || !given || rest.length > 0) return { ok: false, reason: 'malformed' }
  const expected = Buffer.from(signature(payload, secret))
  const actual = Buffer.from(given)
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return { ok: false, reason: 'signature' }
  let decoded: { a?: unknown; e?: unknown }
  try {
    decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { a?: unknown; e?: unknown }
  } catch {
    return { ok: false, reason: 'malformed' }
  }
  if (!Number.isSafeInteger(decoded.a) || typeof decoded.e !== 'number') return { ok: false, reason: 'malformed' }
  if (decoded.e <= now) return { ok: false, reason: 'expired' }
  return { ok: true, claims: { articleId: decoded.a as number, expiresAt: decoded.e } }
}

function signature(payload: string, secret: string): string {
  return createHmac('sha256', secret).update(`${PURPOSE}.${payload}`).digest('base64url')
}
