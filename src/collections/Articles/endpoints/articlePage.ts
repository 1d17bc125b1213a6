import type { Endpoint, GraphQLExtension, PayloadRequest } from 'payload'

import { SAME_FOR_EVERY_CALLER } from '../../../lib/http/caching'
import { isValidSlug } from '../../../lib/slugify'
import { readArticlePage } from '../../../db/articlePage'
import { problemsRefusal, refusalBody } from '../../../i18n/requestMessages'

const readPublishedPage = async (req: PayloadRequest, slug: string) => (isValidSlug(slug) ? readArticlePage(req.payload, slug) : null)

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
    const page = await readPublishedPage(req, String(req.routeParams?.slug ?? ''))
    if (!page) return Response.json(refusalBody(req, { code: 'ARTICLE_NOT_FOUND' }), { status: 404 })
    return Response.json(page)
  },
}

/**
 * `ArticleReadOn(slug)`: what the article page adds to the article for GraphQL front ends, which
 * read the article itself through `Articles`: 相关阅读, 上一篇, 下一篇 and 阅读量, from the same statement.
 */
export const articleReadOnQuery: GraphQLExtension = (GraphQL) => {
  const Teaser = new GraphQL.GraphQLObjectType({
    name: 'ArticleTeaser',
    fields: {
      id: { type: GraphQL.GraphQLInt },
      title: { type: GraphQL.GraphQLString },
      slug: { type: GraphQL.GraphQLString },
      publishedAt: { type: GraphQL.GraphQLString },
    },
  })
  const ReadOn = new GraphQL.GraphQLObjectType({
    name: 'ArticleReadOn',
    fields: {
      related: { type: new GraphQL.GraphQLList(Teaser) },
      previous: { type: Teaser },
      next: { type: Teaser },
      views: { type: GraphQL.GraphQLFloat },
    },
  })
  return {
    ArticleReadOn: {
      type: ReadOn,
      args: { slug: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLString) } },
      resolve: async (_: unknown, args: { slug: string }, context: { req: PayloadRequest }) => {
        const page = await readPublishedPage(context.req, args.slug)
        if (!page) throw problemsRefusal(context.req, [{ path: 'slug', message: { code: 'ARTICLE_NOT_FOUND' } }])
        return page
      },
    },
  }
}
