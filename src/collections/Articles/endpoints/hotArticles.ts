import type { Endpoint } from 'payload'

import { channelIdsBySlug } from '../../../db/channelIds'
import { type HotArticle, readHotArticles } from '../../../db/articleViews'
import { problemsBody, languageOf, refusalBody } from '../../../i18n/requestMessages'
import { SAME_FOR_EVERY_CALLER } from '../../../lib/http/caching'
import { HOUR_MS } from '../../../lib/views/pendingViews'
import { HOT_WINDOWS, parseHotParams } from '../../../lib/views/hotParams'
import { HOT_FRESH_SECONDS, hotRankings } from '../../../lib/views/hotRankings'

/**
 * `GET /api/articles/hot?window=24h|7d|30d&channel=<slug>&limit=10`: the most read published
 * articles of the window (a channel's with its sub-channels), by the hourly view counts. A ranking
 * is read again only after a minute or new views (`hotRankings`), and says so in its Cache-Control,
 * so the response cache leaves it to that.
 */
export const hotArticlesEndpoint: Endpoint = {
  path: '/hot',
  method: 'get',
  custom: { [SAME_FOR_EVERY_CALLER]: true },
  handler: async (req) => {
    const parsed = parseHotParams((req.query ?? {}) as Record<string, unknown>)
    if ('problems' in parsed) return Response.json(problemsBody(languageOf(req), parsed.problems), { status: 400 })
    const { window, channel, limit } = parsed.params
    const channelIds = channel === null ? null : ((await channelIdsBySlug(req.payload, [channel])).get(channel) ?? [])
    if (channelIds?.length === 0) return Response.json(refusalBody(req, { code: 'CHANNEL_NOT_FOUND' }), { status: 404 })
    const since = new Date(Date.now() - HOT_WINDOWS[window] * HOUR_MS)
    const docs = (await hotRankings.get(`${window}:${channel ?? ''}:${limit}`, () => readHotArticles(req.payload, { since, channelIds, limit }))) as HotArticle[]
    return Response.json(
      { window, channel, docs },
      { headers: { 'cache-control': `public, max-age=${HOT_FRESH_SECONDS}` } },
    )
  },
}
