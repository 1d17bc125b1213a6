import type { Endpoint, GraphQLExtension, PayloadRequest } from 'payload'

import { readChannelList } from '../../../db/channelList'
import { languageOf, problemsBody, problemsRefusal, refusalBody } from '../../../i18n/requestMessages'
import { parseChannelListParams } from '../../../lib/channelList/params'
import { SAME_FOR_EVERY_CALLER } from '../../../lib/http/caching'

/**
 * `GET /api/articles/channel/:slug?limit=20&after=<nextAfter>`: a channel's list (its sub-channels'
 * articles included), newest first, a page at a time by position, as fast 2,000 pages deep as on the
 * first; the same for every reader, so the response cache keeps one copy of each page.
 */
export const channelListEndpoint: Endpoint = {
  path: '/channel/:slug',
  method: 'get',
  custom: { [SAME_FOR_EVERY_CALLER]: true },
  handler: async (req) => {
    const parsed = parseChannelListParams(req.routeParams?.slug, (req.query ?? {}) as Record<string, unknown>)
    if ('problems' in parsed) return Response.json(problemsBody(languageOf(req), parsed.problems), { status: 400 })
    const page = await readChannelList(req.payload, parsed.params)
    if (!page) return Response.json(refusalBody(req, { code: 'CHANNEL_NOT_FOUND' }), { status: 404 })
    return Response.json(page)
  },
}

/** `ChannelList(channel, limit, after)`: the same in GraphQL, the cover image typed as `Media` is everywhere. */
export const channelListQuery: GraphQLExtension = (GraphQL, context) => {
  const { GraphQLBoolean, GraphQLInt, GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLString } = GraphQL
  const Crumb = new GraphQLObjectType({ name: 'ChannelListCrumb', fields: { id: { type: GraphQLString }, name: { type: GraphQLString }, slug: { type: GraphQLString } } })
  const Channel = new GraphQLObjectType({
    name: 'ChannelListChannel',
    fields: { id: { type: GraphQLInt }, name: { type: GraphQLString }, slug: { type: GraphQLString }, breadcrumbs: { type: new GraphQLList(Crumb) } },
  })
  const Listed = new GraphQLObjectType({
    name: 'ChannelListArticle',
    fields: {
      id: { type: GraphQLInt },
      title: { type: GraphQLString },
      slug: { type: GraphQLString },
      summary: { type: GraphQLString },
      publishedAt: { type: GraphQLString },
      category: { type: Channel },
      coverImage: { type: context.collections.media.graphQL!.type },
    },
  })
  const Page = new GraphQLObjectType({
    name: 'ChannelListPage',
    fields: { channel: { type: Channel }, docs: { type: new GraphQLList(Listed) }, hasNextPage: { type: GraphQLBoolean }, nextAfter: { type: GraphQLString } },
  })
  return {
    ChannelList: {
      type: Page,
      args: { channel: { type: new GraphQLNonNull(GraphQLString) }, limit: { type: GraphQLInt }, after: { type: GraphQLString } },
      resolve: async (_: unknown, args: { channel: string; limit?: number; after?: string }, { req }: { req: PayloadRequest }) => {
        const parsed = parseChannelListParams(args.channel, { limit: args.limit === undefined || args.limit === null ? undefined : String(args.limit), after: args.after ?? undefined })
        if ('problems' in parsed) throw problemsRefusal(req, parsed.problems)
        const page = await readChannelList(req.payload, parsed.params)
        if (!page) throw problemsRefusal(req, [{ path: 'channel', message: { code: 'CHANNEL_NOT_FOUND' } }])
        return page
      },
    },
  }
}
