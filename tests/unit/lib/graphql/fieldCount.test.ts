import { buildSchema, parse, validate } from 'graphql'

import { maxFieldsRule } from '../../../../src/lib/graphql/fieldCount'

const schema = buildSchema(`
  type Author { name: String, articles: [Article] }
  type Article { title: String, authors: [Author] }
  type Query { article: Article }
`)
const errorsFor = (query: string, max: number) => validate(schema, parse(query), [maxFieldsRule(max, 'en')]).map((error) => error.message)
const aliases = (count: number) => Array.from({ length: count }, (_, i) => `a${i}: __typename`).join(' ')

describe('maxFieldsRule', () => {
  it('lets a query through at the limit and refuses one field more, counting every alias and __typename', () => {
    expect(errorsFor(`{ ${aliases(5)} }`, 5)).toEqual([])
    expect(errorsFor(`{ ${aliases(6)} }`, 5)).toEqual(['Query selects 6 fields; at most 5 are allowed'])
    expect(errorsFor('{ article { title authors { name } } }', 4)).toEqual([])
    expect(errorsFor('{ article { title authors { name } } x: article { title } }', 4)).toEqual(['Query selects 6 fields; at most 4 are allowed'])
  })

  it('counts a fragment each time it is used, and inline fragments', () => {
    const twice = 'query { a: article { ...F } b: article { ...F } } fragment F on Article { title authors { name } }'
    expect(errorsFor(twice, 7)).toEqual(['Query selects 8 fields; at most 7 are allowed'])
    expect(errorsFor('{ article { ... on Article { title } } }', 2)).toEqual([])
  })

  it('counts fragments that fan out exponentially without expanding them, and survives a fragment that spreads itself', () => {
    const levels = Array.from({ length: 40 }, (_, i) => `fragment F${i} on Article { authors { articles { ...F${i + 1} } } x: authors { articles { ...F${i + 1} } } }`)
    const fanOut = `query { article { ...F0 } } ${levels.join(' ')} fragment F40 on Article { title }`
    expect(errorsFor(fanOut, 1000)[0]).toMatch(/^Query selects \d+ fields; at most 1000 are allowed$/)
    expect(() => errorsFor('query { article { ...A } } fragment A on Article { authors { articles { ...A } } }', 10)).not.toThrow()
  })
})
