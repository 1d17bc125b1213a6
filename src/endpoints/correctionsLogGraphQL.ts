import type { GraphQLExtension, PayloadRequest } from 'payload'

import { problemsRefusal } from '../i18n/requestMessages'
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
      resolve: async (_: unknown, args: { page?: number; limit?: number }, context: { req: PayloadRequest }) => {
        const page = args.page ?? 1
        const limit = args.limit ?? 20
        if (page < 1 || page > 1_000_000) throw problemsRefusal(context.req, [{ path: 'page', message: { code: 'WHOLE_NUMBER_BETWEEN', values: { min: 1, max: 1_000_000 } } }])
        if (limit < 1 || limit > MAX_CORRECTIONS_LIMIT) {
          throw problemsRefusal(context.req, [{ path: 'limit', message: { code: 'WHOLE_NUMBER_BETWEEN', values: { min: 1, max: MAX_CORRECTIONS_LIMIT } } }])
        }
        return publishedCorrections(context.req.payload, page, limit)
      },
    },
  }
}
