import type { Endpoint } from 'payload'

import { SAME_FOR_EVERY_CALLER } from '../../../lib/http/caching'
import { isValidSlug } from '../../../lib/slugify'
import { readArticlePage } from '../../../db/articlePage'
import { refusalBody } from '../../../i18n/requestMessages'

/**
 * `GET /api/articles/page/:slug`: the published article page, everything it shows, in one request
 * and one database statement. The same for every reader, so the response cache keeps one copy; a
 * draft is read through a preview link instead.
 */
export const articlePageEndpoint: Endpoint = {
  path: '/page/:slug',
  method: 'get',
  custom: { [SAME_FOR_EVERY_CALLER]: true },
  handler: async (req) => {
    const slug = String(req.routeParams?.slug ?? '')
    const page = isValidSlug(slug) ? await readArticlePage(req.payload, slug) : null
    if (!page) return Response.json(refusalBody(req, { code: 'ARTICLE_NOT_FOUND' }), { status: 404 })
    return Response.json(page)
  },
}
