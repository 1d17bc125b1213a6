import type { Endpoint, PayloadRequest } from 'payload'

import { isStaffUser } from '../../../access/roleChecks'
import { checkPreviewToken, PREVIEW_ARTICLE_CONTEXT, signPreviewToken } from '../../../lib/publishing/previewTokens'
import { ARTICLE_PAGE_FIELDS } from '../../../lib/articlePage/fields'
import { ARTICLES_SLUG } from '../../../slugs'
import { refusalBody } from '../../../i18n/requestMessages'

const json = (status: number, body: unknown) => Response.json(body, { status, headers: { 'cache-control': 'private, no-store' } })

/** How long a preview link works: long enough to share with a colleague, short enough to go stale. */
const PREVIEW_TTL_SECONDS = Number(process.env.PREVIEW_TOKEN_TTL_SECONDS || 3600)

/**
 * The front end's preview page; it receives `?token=…` and reads the draft with it. By default the
 * reference portal's `/preview` on this server, or the API's own endpoint when no portal is served.
 */
export function previewUrl(serverURL: string, token: string): string {
  const base = process.env.PREVIEW_URL || (process.env.SERVE_ADMIN === 'false' ? `${serverURL}/api/articles/preview` : `${serverURL}/preview`)
  return `${base}${base.includes('?') ? '&' : '?'}token=${encodeURIComponent(token)}`
}

export function issuePreviewToken(req: PayloadRequest, articleId: number): { token: string; expiresAt: Date } {
  const expiresAt = new Date(Date.now() + PREVIEW_TTL_SECONDS * 1000)
  return { token: signPreviewToken({ articleId, expiresAt: expiresAt.getTime() }, req.payload.secret), expiresAt }
}

const REFUSALS = {
  malformed: 'PREVIEW_TOKEN_INVALID',
  signature: 'PREVIEW_TOKEN_INVALID',
  expired: 'PREVIEW_LINK_EXPIRED',
} as const

/**
 * Draft preview for front ends: staff ask for a link to one article's latest draft; whoever holds
 * the link reads that draft, with the article page's fields, and nothing else, until it expires.
 */
export const previewEndpoints: Endpoint[] = [
  {
    path: '/:id/preview-link',
    method: 'post',
    handler: async (req) => {
      if (!isStaffUser(req.user)) return json(403, refusalBody(req, { code: 'STAFF_ONLY' }))
      const id = Number(req.routeParams?.id)
      const article = Number.isSafeInteger(id) && id > 0
        ? await req.payload.findByID({ collection: ARTICLES_SLUG, id, depth: 0, draft: true, disableErrors: true, overrideAccess: false, user: req.user, req, select: { title: true } })
        : null
      if (!article) return json(404, refusalBody(req, { code: 'ARTICLE_NOT_FOUND' }))
      const { token, expiresAt } = issuePreviewToken(req, id)
      return json(201, { token, expiresAt: expiresAt.toISOString(), url: previewUrl(req.payload.config.serverURL, token) })
    },
  },
  {
    path: '/preview',
    method: 'get',
    handler: async (req) => {
      const check = checkPreviewToken(req.searchParams.get('token'), req.payload.secret, Date.now())
      if (!check.ok) return json(check.reason === 'expired' ? 410 : 401, refusalBody(req, { code: REFUSALS[check.reason] }, { reason: check.reason }))
      // Read as the public would, with this one article let through: every other access rule holds.
      req.context[PREVIEW_ARTICLE_CONTEXT] = check.claims.articleId
      const doc = await req.payload.findByID({
        collection: ARTICLES_SLUG,
        id: check.claims.articleId,
        draft: true,
        depth: 2,
        select: Object.fromEntries(ARTICLE_PAGE_FIELDS.map((field) => [field, true])),
        overrideAccess: false,
        user: null,
        disableErrors: true,
        req,
      })
      if (!doc) return json(404, refusalBody(req, { code: 'ARTICLE_NOT_FOUND' }))
      return json(200, { ...doc, preview: { expiresAt: new Date(check.claims.expiresAt).toISOString() } })
    },
  },
]
