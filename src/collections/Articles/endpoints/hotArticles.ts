import type { Endpoint, GraphQLExtension, PayloadRequest } from 'payload'

import { hotArticles } from '../../../db/articleViews'
import { languageOf, problemsBody, problemsRefusal, refusalBody } from '../../../i18n/requestMessages'
import { SAME_FOR_EVERY_CALLER } from '../../../lib/http/caching'
import { parseHotParams } from '../../../lib/views/hotParams'
import { HOT_FRESH_SECONDS } from '../../../lib/views/hotRankings'

/**
 * `GET /api/articles/hot?window=24h|7d|30d&channel=<slug>&limit=10`: the most read published
 * articles of the window (a channel's with its sub-channels), by the hourly view counts. A ranking
 * is read again only after a minute or new views (src/db/articleViews.ts), and says so in its Cache-Control,
 * so the response cache leaves it to that.
 */
export const hotArticlesEndpoint: Endpoint = {
  path: '/hot',
  method: 'get',
  custom: { [SAME_FOR_EVERY_CALLER]: true },
  handler: async (req) => {
    const parsed = parseHotParams((req.query ?? {}) as Record<string, unknown>)
    if ('problems' in parsed) return Response.json(problemsBody(languageOf(req), parsed.problems), { status: 400 })
    const docs = await hotArticles(req.payload, parsed.params)
    if (!docs) return Response.json(refusalBody(req, { code: 'CHANNEL_NOT_FOUND' }), { status: 404 })
    const { window, channel } = parsed.params
    return Response.json({ window, channel, docs }, { headers: { 'cache-control': `public, max-age=${HOT_FRESH_SECONDS}` } })
  },
}

/** `HotArticles(window, channel, limit)`: the same in GraphQL. */
export const hotArticlesQuery: GraphQLExtension = (GraphQL) => {
  const Hot = new GraphQL.GraphQLObjectType({
    name: 'HotArticle',
    fields: {
      id: { type: GraphQL.GraphQLInt },
      title: { type: GraphQL.GraphQLString },
      slug: { type: GraphQL.GraphQLString },
      publishedAt: { type: GraphQL.GraphQLString },
      views: { type: GraphQL.GraphQLFloat },
    },
  })
  return {
    HotArticles: {
      type: new GraphQL.GraphQLList(Hot),
      args: { window: { type: GraphQL.GraphQLString }, channel: { type: GraphQL.GraphQLString }, limit: { type: GraphQL.GraphQLInt } },
      resolve: async (_: unknown, args: { window?: string; channel?: string; limit?: number }, context: { req: PayloadRequest }) => {
        const parsed = parseHotParams({ ...args, limit: args.limit === undefined ? undefined : String(args.limit) })
        if ('problems' in parsed) throw problemsRefusal(context.req, parsed.problems)
        const docs = await hotArticles(context.req.payload, parsed.params)
        if (!docs) throw problemsRefusal(context.req, [{ path: 'channel', message: { code: 'CHANNEL_NOT_FOUND' } }])
        return docs
      },
    },
  }
}
