import { APIError, type GraphQLExtension } from 'payload'

import { publishedCorrections } from '../db/correctionsLog'
import { MAX_CORRECTIONS_LIMIT } from './correctionsLog'
import { paginatedType } from './paginatedGraphQLType'

/** `CorrectionsLog(page, limit)`: the public corrections log in GraphQL, the same as GET /api/corrections. */
export const correctionsLogQuery: GraphQLExtension = (GraphQL) => {
  const Article = new GraphQL.GraphQLObjectType({
    name: 'CorrectionsLogArticle',
    fields: { id: { type: GraphQL.GraphQLInt }, title: { type: GraphQL.GraphQLString }, slug: { type: GraphQL.GraphQLString } },
  })
  const Entry = new GraphQL.GraphQLObjectType({
    name: 'CorrectionsLogEntry',
    fields: {
      date: { type: GraphQL.GraphQLString },
      kind: { type: GraphQL.GraphQLString },
      text: { type: GraphQL.GraphQLString },
      article: { type: Article },
    },
  })
  const Page = paginatedType(GraphQL, 'CorrectionsLog', Entry)
  return {
    CorrectionsLog: {
      type: Page,
      args: { page: { type: GraphQL.GraphQLInt }, limit: { type: GraphQL.GraphQLInt } },
      resolve: async (_: unknown, args: { page?: number; limit?: number }, context: { req: { payload: Parameters<typeof publishedCorrections>[0] } }) => {
        const page = args.page ?? 1
        const limit = args.limit ?? 20
        if (page < 1 || page > 1_000_000) throw new APIError('page: expected a whole number from 1 to 1000000', 400, undefined, true)
        if (limit < 1 || limit > MAX_CORRECTIONS_LIMIT) throw new APIError(`limit: expected a whole number from 1 to ${MAX_CORRECTIONS_LIMIT}`, 400, undefined, true)
        return publishedCorrections(context.req.payload, page, limit)
      },
    },
  }
}
