import type { GraphQLExtension } from 'payload'

type GraphQLModule = Parameters<GraphQLExtension>[0]

/** A page of results in the shape of Payload's own list queries (docs, page, limit, totals). */
export function paginatedType(GraphQL: GraphQLModule, name: string, item: InstanceType<GraphQLModule['GraphQLObjectType']>) {
  return new GraphQL.GraphQLObjectType({
    name,
    fields: {
      docs: { type: new GraphQL.GraphQLList(item) },
      page: { type: GraphQL.GraphQLInt },
      limit: { type: GraphQL.GraphQLInt },
      totalDocs: { type: GraphQL.GraphQLInt },
      totalPages: { type: GraphQL.GraphQLInt },
    },
  })
}
