import { buildSchema, parse, validate } from 'graphql'

import { maxDepthRule } from '../../../../src/lib/graphql/depth'

const schema = buildSchema(`
  type Author { name: String, articles: [Article] }
  type Article { title: String, authors: [Author] }
  type Query { article: Article }
`)
const errorsFor = (query: string, max: number) => validate(schema, parse(query), [maxDepthRule(max, 'en')]).map((error) => error.message)

describe('maxDepthRule', () => {
  it('lets a query through at the limit and refuses one level deeper', () => {
    expect(errorsFor('{ article { authors { name } } }', 3)).toEqual([])
    expect(errorsFor('{ article { authors { articles { title } } } }', 3)).toEqual(['Query is nested 4 levels deep; at most 3 are allowed'])
  })

  it('counts through fragments and inline fragments, and survives a fragment that spreads itself', () => {
    const viaFragment = 'query { article { ...A } } fragment A on Article { authors { articles { authors { name } } } }'
    expect(errorsFor(viaFragment, 4)).toEqual(['Query is nested 5 levels deep; at most 4 are allowed'])
    expect(errorsFor('{ article { ... on Article { authors { name } } } }', 3)).toEqual([])
    expect(() => errorsFor('query { article { ...A } } fragment A on Article { authors { articles { ...A } } }', 10)).not.toThrow()
  })
})
