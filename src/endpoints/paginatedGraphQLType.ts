import type { GraphQLExtension } from 'payload'

type GraphQLModule = Parameters<GraphQLExtension>[0]

type ScalarFields = Record<string, { type: InstanceType<GraphQLModule['GraphQLScalarType']> }>

/** A page of results in the shape of Payload's own list queries (docs, page, limit, totals), and any `more` fields. */
export function paginatedType(GraphQL: GraphQLModule, name: string, item: InstanceType<GraphQLModule['GraphQLObjectType']>, more: ScalarFields = {}) {
  return new GraphQL.GraphQLObjectType({
    name,
    fields: {
      ...more,
      docs: { type: new GraphQL.GraphQLList(item) },
      page: { type: GraphQL.GraphQLInt },
      limit: { type: GraphQL.GraphQLInt },
      totalDocs: { type: GraphQL.GraphQLInt },
      totalPages: { type: GraphQL.GraphQLInt },
    },
  })
}
