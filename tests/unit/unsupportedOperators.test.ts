import { type QueriedField, whereOperatorProblems } from '../../src/lib/unsupportedOperators'

const GEOGRAPHIC = 'works only on geographic (point) fields, and there are none'

const FIELDS: Record<string, QueriedField> = {
  title: { type: 'text', hasMany: false },
  publishedAt: { type: 'date', hasMany: false },
  category: { type: 'relationship', hasMany: false },
  tags: { type: 'relationship', hasMany: true },
  'category.slug': { type: 'text', hasMany: false },
  status: { type: 'select', hasMany: false },
  body: { type: 'richText', hasMany: false },
}
const fieldAt = (path: string) => FIELDS[path] ?? null

describe('whereOperatorProblems (a where object, as GraphQL and the Local API give it)', () => {
  it('names each operator its field cannot take by its dotted path, through and/or nesting', () => {
    expect(whereOperatorProblems({
      title: { all: ['x'] },
      or: [{ slug: { equals: 'a' } }, { and: [{ 'category.slug': { near: [1, 2] } }, { publishedAt: { contains: 'x' } }] }],
    }, fieldAt)).toEqual([
      { path: 'where.title.all', message: 'The all operator is not supported by this database (PostgreSQL)' },
      { path: 'where.or.1.and.0.category.slug.near', message: `The near operator ${GEOGRAPHIC}` },
      { path: 'where.or.1.and.1.publishedAt.contains', message: 'The contains operator compares text, and publishedAt is a date field' },
    ])
    expect(whereOperatorProblems({ nope: { intersects: [1] } }, fieldAt)).toEqual([{ path: 'where.nope.intersects', message: `The intersects operator ${GEOGRAPHIC}` }])
  })

  it.each([
    ['like', 'category', 'relationship'],
    ['not_like', 'tags', 'relationship'],
    ['contains', 'category', 'relationship'],
    ['like', 'status', 'select'],
    ['contains', 'body', 'richText'],
    ['not_like', 'publishedAt', 'date'],
  ])('%s on %s, a %s field: refused', (operator, path, type) => {
    expect(whereOperatorProblems({ [path]: { [operator]: '1' } }, fieldAt)).toEqual([
      { path: `where.${path}.${operator}`, message: `The ${operator} operator compares text, and ${path} is a ${type} field` },
    ])
  })

  it('lets text operators through on text, and contains on a field of several values (Payload reads it as "has this one")', () => {
    expect(whereOperatorProblems({ title: { like: '降准', not_like: 'x', contains: 'y' }, 'category.slug': { like: 'macro' }, tags: { contains: 3 } }, fieldAt)).toEqual([])
  })

  it('leaves supported operators, unknown paths and malformed trees to Payload', () => {
    expect(whereOperatorProblems({ all: { equals: 'near' }, within: { in: ['intersects'] }, publishedAt: { greater_than: 'x' }, nope: { like: 'x' } }, fieldAt)).toEqual([])
    expect(whereOperatorProblems(null, fieldAt)).toEqual([])
    expect(whereOperatorProblems('all', fieldAt)).toEqual([])
    expect(whereOperatorProblems({ title: 'all', or: 'near' }, fieldAt)).toEqual([])
  })
})
