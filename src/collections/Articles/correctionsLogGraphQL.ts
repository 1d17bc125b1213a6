import type { GraphQLExtension } from 'payload'

import { publishedCorrections } from './correctionsLog'
import { paginatedType } from './graphQLPage'

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
        const page = Math.min(Math.max(args.page ?? 1, 1), 1_000_000)
        const limit = Math.min(Math.max(args.limit ?? 20, 1), 100)
        return publishedCorrections(context.req.payload, page, limit)
      },
    },
  }
}
