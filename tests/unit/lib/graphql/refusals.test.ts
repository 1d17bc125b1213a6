import { graphQLRefusal } from '../../../../src/lib/graphql/refusals'

const body = (query: unknown) => JSON.stringify({ query })

describe('graphQLRefusal', () => {
  it('refuses a subscription, alone or beside a query', () => {
    expect(graphQLRefusal(body('subscription { x }'))).toEqual({ code: 'GRAPHQL_SUBSCRIPTION' })
    expect(graphQLRefusal(body('query A { a } subscription B { b }'))).toEqual({ code: 'GRAPHQL_SUBSCRIPTION' })
  })

  it('refuses a fragment that spreads itself, directly or through others', () => {
    expect(graphQLRefusal(body('query { ...F } fragment F on Query { ...F }'))).toEqual({ code: 'GRAPHQL_CYCLIC_FRAGMENT', values: { fragment: 'F' } })
    expect(graphQLRefusal(body('{ a { ...A } } fragment A on T { b { ...B } } fragment B on T { ... on T { ...A } }'))).toEqual({ code: 'GRAPHQL_CYCLIC_FRAGMENT', values: { fragment: expect.stringMatching(/^[AB]$/) } })
  })

  it('lets everything else through to the handler, including what it answers itself', () => {
    expect(graphQLRefusal(body('{ Articles { docs { ...F ...F } } } fragment F on Article { title }'))).toBeNull()
    expect(graphQLRefusal(body('mutation { x }'))).toBeNull()
    expect(graphQLRefusal(body('{'))).toBeNull()
    expect(graphQLRefusal(body(42))).toBeNull()
    expect(graphQLRefusal('not json')).toBeNull()
  })
})
