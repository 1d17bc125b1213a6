import { MAX_WHERE_PATH_SEGMENTS, type QueriedField, whereOperatorProblems as problemsOf } from '../../../../src/lib/api/unsupportedOperators'
import { translate } from '../../../../src/lib/i18n/translate'

/** The problems as an English reader gets them. */
const whereOperatorProblems = (...args: Parameters<typeof problemsOf>) => problemsOf(...args).map(({ path, message }) => ({ path, message: translate(message, 'en') }))

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
    ['not_like', 'category', 'relationship'],
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

  it('lets like through on an id (a relationship, a number), which Payload reads as equals', () => {
    expect(whereOperatorProblems({ category: { like: '3' }, tags: { like: 5 }, id: { like: '7' } }, (path) => (path === 'id' ? { type: 'number', hasMany: false } : fieldAt(path)))).toEqual([])
  })

  it('judges a contains that holds a where of the related documents by those documents\' fields', () => {
    const related = (path: string) => (path === 'category.createdAt' ? { type: 'date', hasMany: false } : fieldAt(path))
    expect(whereOperatorProblems({ category: { contains: { slug: { like: 'macro' } } } }, related)).toEqual([])
    expect(whereOperatorProblems({ category: { contains: { createdAt: { like: '2026' } } } }, related)).toEqual([
      { path: 'where.category.contains.createdAt.like', message: 'The like operator compares text, and createdAt is a date field' },
    ])
    expect(whereOperatorProblems({ tags: { contains: { or: [{ slug: { near: [1, 2] } }] } } }, related)).toEqual([
      { path: 'where.tags.contains.or.0.slug.near', message: `The near operator ${GEOGRAPHIC}` },
    ])
    expect(whereOperatorProblems({ publishedAt: { contains: { slug: { equals: 'x' } } } }, related)).toEqual([
      { path: 'where.publishedAt.contains', message: 'The contains operator compares text, and publishedAt is a date field' },
    ])
  })

  it(`refuses a path of more than ${MAX_WHERE_PATH_SEGMENTS} parts without resolving it, named by its first ones`, () => {
    const resolved: string[] = []
    const path = (parts: number) => Array.from({ length: parts }, () => 'parent').join('.')
    const problems = whereOperatorProblems({ [path(MAX_WHERE_PATH_SEGMENTS)]: { equals: 1 }, [path(50_000)]: { equals: 1 } }, (p) => (resolved.push(p), null))
    expect(problems).toEqual([{ path: `where.${path(MAX_WHERE_PATH_SEGMENTS + 1)}…`, message: `A where path may have at most ${MAX_WHERE_PATH_SEGMENTS} parts` }])
    expect(resolved).toEqual([path(MAX_WHERE_PATH_SEGMENTS)])
  })

  it('leaves supported operators, unknown paths and malformed trees to Payload', () => {
    expect(whereOperatorProblems({ all: { equals: 'near' }, within: { in: ['intersects'] }, publishedAt: { greater_than: 'x' }, nope: { like: 'x' } }, fieldAt)).toEqual([])
    expect(whereOperatorProblems(null, fieldAt)).toEqual([])
    expect(whereOperatorProblems('all', fieldAt)).toEqual([])
    expect(whereOperatorProblems({ title: 'all', or: 'near' }, fieldAt)).toEqual([])
  })
})
