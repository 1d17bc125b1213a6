import { type FieldShape, findShapeErrors as problemsOf, relationId, relationIds } from '../../../../src/lib/api/fieldShapes'
import { translate } from '../../../../src/lib/i18n/translate'

/** The problems as an English reader gets them. */
const findShapeErrors = (...args: Parameters<typeof problemsOf>) => problemsOf(...args).map(({ path, message }) => ({ path, message: translate(message, 'en') }))

const SYSTEM = new Set(['id', 'createdAt', 'updatedAt', '_status'])

const fields: FieldShape[] = [
  { name: 'title', type: 'text' },
  { name: 'summary', type: 'textarea' },
  { name: 'email', type: 'email' },
  { name: 'views', type: 'number' },
  { name: 'featured', type: 'checkbox' },
  { name: 'publishedAt', type: 'date' },
  { name: 'status', type: 'select', options: ['draft', 'review', 'published'] },
  { name: 'labels', type: 'select', hasMany: true, options: ['a', 'b'] },
  { name: 'keywords', type: 'text', hasMany: true },
  { name: 'scores', type: 'number', hasMany: true },
  { name: 'category', type: 'relationship' },
  { name: 'tags', type: 'relationship', hasMany: true },
  { name: 'cover', type: 'upload' },
  { name: 'related', type: 'relationship', polymorphic: true },
  { name: 'body', type: 'richText' },
  { name: 'seo', type: 'group' },
  { name: 'sources', type: 'array' },
  { name: 'layout', type: 'blocks' },
  { name: 'position', type: 'point' },
]

const errorsOf = (data: Record<string, unknown>) => findShapeErrors(data, fields, SYSTEM)
const pathsOf = (data: Record<string, unknown>) => errorsOf(data).map((e) => e.path)

describe('findShapeErrors', () => {
  it('accepts a well-formed write', () => {
    expect(
      errorsOf({
        title: '央行宣布降准',
        summary: '……',
        email: 'a@b.cn',
        views: 3,
        featured: false,
        publishedAt: '2025-03-20T10:19:18.000Z',
        status: 'review',
        labels: ['a', 'b'],
        keywords: ['降准', '央行'],
        scores: [1, 2.5],
        category: 3,
        tags: [1, '2', { id: 3 }],
        cover: { id: 9 },
        related: { relationTo: 'articles', value: 4 },
        body: { root: {} },
        seo: { title: 'x' },
        sources: [],
        layout: [{ blockType: 'quote' }],
        position: [1, 2],
      }),
    ).toEqual([])
  })

  it('accepts null and undefined for any field (clearing it)', () => {
    expect(errorsOf(Object.fromEntries(fields.map((f) => [f.name, null])))).toEqual([])
    expect(errorsOf({ title: undefined, category: undefined })).toEqual([])
  })

  it('names unknown keys', () => {
    expect(errorsOf({ title: 'x', titel: 'y' })).toEqual([{ path: 'titel', message: 'Unknown field "titel"' }])
  })

  it('allows the system keys it is given, and only those', () => {
    expect(errorsOf({ id: 1, createdAt: 'x', updatedAt: 'y', _status: 'draft' })).toEqual([])
    expect(findShapeErrors({ _status: 'draft' }, fields, new Set())).toEqual([{ path: '_status', message: 'Unknown field "_status"' }])
  })

  it.each([
    ['title', 42],
    ['title', { zh: '标题' }],
    ['summary', ['a']],
    ['email', true],
  ])('wants text in %s, not %j', (path, value) => {
    expect(errorsOf({ [path]: value })).toEqual([{ path, message: 'Expected text' }])
  })

  it.each([['12'], [Number.NaN], [Number.POSITIVE_INFINITY], [true]])('wants a finite number, not %p', (value) => {
    expect(errorsOf({ views: value })).toEqual([{ path: 'views', message: 'Expected a number' }])
  })

  it.each([['true'], [1], [0]])('wants a boolean checkbox, not %p', (value) => {
    expect(errorsOf({ featured: value })).toEqual([{ path: 'featured', message: 'Expected true or false' }])
  })

  it.each([['yesterday'], [1742465958000], ['']])('wants an ISO date, not %p', (value) => {
    expect(pathsOf({ publishedAt: value })).toEqual(['publishedAt'])
  })

  it('checks select values against the options', () => {
    expect(errorsOf({ status: 'published' })).toEqual([])
    expect(errorsOf({ status: 'archived' })).toEqual([{ path: 'status', message: 'Expected one of: draft, review, published' }])
    expect(errorsOf({ status: 1 })).toEqual([{ path: 'status', message: 'Expected text' }])
  })

  it('checks every item of a hasMany select, and wants a list', () => {
    expect(errorsOf({ labels: [] })).toEqual([])
    expect(errorsOf({ labels: ['a', 'c'] })).toEqual([{ path: 'labels', message: 'Expected one of: a, b' }])
    expect(errorsOf({ labels: 'a' })).toEqual([{ path: 'labels', message: 'Expected a list' }])
  })

  it('checks every item of hasMany text and number fields', () => {
    expect(errorsOf({ keywords: ['a', 2] })).toEqual([{ path: 'keywords', message: 'Expected text' }])
    expect(errorsOf({ keywords: 'a' })).toEqual([{ path: 'keywords', message: 'Expected a list' }])
    expect(errorsOf({ scores: [1, '2'] })).toEqual([{ path: 'scores', message: 'Expected a number' }])
  })

  it.each([['abc'], [0], [-1], [1.5], ['1.5'], [{ id: 'x' }], [{}], [[1]], [true], ['9'.repeat(16)]])(
    'wants the id of a document in a relationship, not %j',
    (value) => {
      expect(errorsOf({ category: value })).toEqual([{ path: 'category', message: 'Expected the id of an existing document' }])
    },
  )

  it('accepts numeric ids in every shape for relationships and uploads', () => {
    expect(errorsOf({ category: '12', cover: 7 })).toEqual([])
    expect(errorsOf({ cover: 'x' })).toEqual([{ path: 'cover', message: 'Expected the id of an existing document' }])
  })

  it('checks each id of a hasMany relationship, and accepts a single id there too', () => {
    expect(errorsOf({ tags: [1, 'x'] })).toEqual([{ path: 'tags', message: 'Expected the id of an existing document' }])
    expect(errorsOf({ tags: 5 })).toEqual([])
    expect(errorsOf({ tags: [] })).toEqual([])
  })

  it('reads a polymorphic relationship from its value', () => {
    expect(errorsOf({ related: { relationTo: 'articles', value: 'x' } })).toEqual([
      { path: 'related', message: 'Expected the id of an existing document' },
    ])
    expect(errorsOf({ related: 4 })).toEqual([{ path: 'related', message: 'Expected the id of an existing document' }])
  })

  it('wants objects for rich text and groups, lists for arrays and blocks', () => {
    expect(errorsOf({ body: 'plain' })).toEqual([{ path: 'body', message: 'Expected an object' }])
    expect(errorsOf({ body: [] })).toEqual([{ path: 'body', message: 'Expected an object' }])
    expect(errorsOf({ seo: 'x' })).toEqual([{ path: 'seo', message: 'Expected an object' }])
    expect(errorsOf({ sources: {} })).toEqual([{ path: 'sources', message: 'Expected a list' }])
    expect(errorsOf({ layout: 'x' })).toEqual([{ path: 'layout', message: 'Expected a list' }])
    expect(errorsOf({ sources: 1 })).toEqual([{ path: 'sources', message: 'Expected a list' }])
  })

  it('takes the admin form\'s 0 (no rows) for an empty array or blocks field', () => {
    expect(errorsOf({ sources: 0, layout: 0 })).toEqual([])
  })

  it('does not check types it does not know', () => {
    expect(errorsOf({ position: 'anything' })).toEqual([])
  })

  it('reports every bad field, in the order given', () => {
    expect(pathsOf({ title: 1, nope: 2, views: 'x', status: 'x' })).toEqual(['title', 'nope', 'views', 'status'])
  })
})

describe('relationId', () => {
  it.each([
    [3, 3],
    ['3', 3],
    [{ id: 3 }, 3],
    [{ id: '3' }, 3],
    ['123456789012345', 123456789012345],
  ])('reads %j as %p', (value, id) => {
    expect(relationId(value)).toBe(id)
  })

  it.each([[null], [undefined], [0], [-3], [2.5], ['3a'], [' 3'], [''], ['1234567890123456'], [Number.MAX_SAFE_INTEGER + 1], [{}], [{ id: null }], [true]])(
    'names no document with %p',
    (value) => {
      expect(relationId(value)).toBeNull()
    },
  )

  it('reads a polymorphic value from `value`', () => {
    expect(relationId({ relationTo: 'articles', value: 4 }, true)).toBe(4)
    expect(relationId({ relationTo: 'articles', value: '4' }, true)).toBe(4)
    expect(relationId({ relationTo: 'articles', value: { id: 4 } }, true)).toBeNull()
    expect(relationId(4, true)).toBeNull()
    expect(relationId(null, true)).toBeNull()
  })
})

describe('relationIds', () => {
  it('lists the ids a value names, skipping what names none', () => {
    expect(relationIds([1, '2', { id: 3 }, 'x', null])).toEqual([1, 2, 3])
    expect(relationIds(5)).toEqual([5])
    expect(relationIds(null)).toEqual([])
    expect(relationIds([{ relationTo: 'a', value: 1 }, { relationTo: 'b', value: '2' }], true)).toEqual([1, 2])
  })
})
