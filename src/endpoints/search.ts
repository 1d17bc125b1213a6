import type { Endpoint, GraphQLExtension, PayloadRequest } from 'payload'

import { SAME_FOR_EVERY_CALLER } from '../lib/http/caching'
import { parseSearchParams } from '../lib/search'
import { languageOf, problemsBody, problemsRefusal } from '../i18n/requestMessages'
import { searchArticles } from '../db/articleSearch'
import { paginatedType } from './paginatedGraphQLType'

/** `GET /api/search?q=…&category=&tag=&from=&to=&page=&limit=`: full-text search of published articles. */
export const searchEndpoint: Endpoint = {
  path: '/search',
  method: 'get',
  custom: { [SAME_FOR_EVERY_CALLER]: true },
  handler: async (req) => {
    const parsed = parseSearchParams((req.query ?? {}) as Record<string, unknown>)
    if (!parsed.ok) {
      return Response.json(problemsBody(languageOf(req), [parsed]), { status: 400 })
    }
    return Response.json(await searchArticles(req.payload, parsed.value))
  },
}

/** `Search(q, category, tag, from, to, page, limit)`: the same in GraphQL. */
export const searchQuery: GraphQLExtension = (GraphQL) => {
  const Hit = new GraphQL.GraphQLObjectType({
    name: 'SearchHit',
    fields: {
      id: { type: GraphQL.GraphQLInt },
      title: { type: GraphQL.GraphQLString },
      slug: { type: GraphQL.GraphQLString },
      summary: { type: GraphQL.GraphQLString },
      publishedAt: { type: GraphQL.GraphQLString },
      snippet: { type: GraphQL.GraphQLString },
      rank: { type: GraphQL.GraphQLFloat },
    },
  })
  const Page = paginatedType(GraphQL, 'SearchResults', Hit, { totalDocsExact: { type: GraphQL.GraphQLBoolean }, hasNextPage: { type: GraphQL.GraphQLBoolean } })
  return {
    Search: {
      type: Page,
      args: {
        q: { type: GraphQL.GraphQLString },
        category: { type: GraphQL.GraphQLInt },
        tag: { type: GraphQL.GraphQLInt },
        from: { type: GraphQL.GraphQLString },
        to: { type: GraphQL.GraphQLString },
        page: { type: GraphQL.GraphQLInt },
        limit: { type: GraphQL.GraphQLInt },
      },
      resolve: async (_: unknown, args: Record<string, unknown>, context: { req: PayloadRequest }) => {
        const parsed = parseSearchParams(args)
        if (!parsed.ok) throw problemsRefusal(context.req, [parsed])
        return searchArticles(context.req.payload, parsed.value)
      },
    },
  }
}
