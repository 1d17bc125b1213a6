import { Api, createStaff, invalidPaths, type Staff } from '../helpers/api'
import { startServer, type TestServer } from '../helpers/server'

let server: TestServer
let staff: Staff
let editor: Api

beforeAll(async () => {
  server = await startServer()
  staff = await createStaff(server)
  editor = staff.editor
})
afterAll(() => server.stop())

describe('bad input over REST is a 4xx naming the field, never a 500', () => {
  it.each([
    ['a number as the title', { title: 123 }, 'title'],
    ['an unknown field', { title: '标题', colour: 'red' }, 'colour'],
    ['a misspelt field', { title: '标题', sumary: '摘要' }, 'sumary'],
    ['a category that does not exist', { title: '标题', category: 999999 }, 'category'],
    ['a category id that is not an id', { title: '标题', category: 'finance' }, 'category'],
    ['tags that are not a list of ids', { title: '标题', tags: [1, { name: 'x' }] }, 'tags'],
    ['a date that is not a date', { title: '标题', publishedAt: '下周一' }, 'publishedAt'],
    ['a yes/no that is text', { title: '标题', allowComments: 'yes' }, 'allowComments'],
    ['a body that is plain text', { title: '标题', body: '<p>正文</p>' }, 'body'],
    ['a slug with spaces and Chinese', { title: '标题', slug: '央行 降准' }, 'slug'],
  ])('%s', async (_label, data, field) => {
    const before = await staff.admin.get('/api/articles?limit=0&draft=true')
    const res = await editor.post('/api/articles', data)
    expect(res.status).toBe(400)
    expect(invalidPaths(res.body)).toEqual([field])
    const after = await staff.admin.get('/api/articles?limit=0&draft=true')
    expect(after.body.totalDocs).toBe(before.body.totalDocs)
  })

  it('a missing required field on publish', async () => {
    const res = await staff['editor-in-chief'].post('/api/articles', { _status: 'published', summary: '只有摘要' })
    expect(res.status).toBe(400)
    expect(invalidPaths(res.body)).toEqual(['title'])
  })

  it('a body that is not an object', async () => {
    for (const body of [[1, 2], '"text"', 'null', '42']) {
      const res = await editor.post('/api/articles', body)
      expect(res.status).toBe(400)
    }
  })

  it('malformed JSON', async () => {
    const res = await editor.post('/api/articles', '{"title": "未闭合', { 'content-type': 'application/json' })
    expect(res.status).toBe(400)
    expect(res.body.errors[0]).toEqual({ message: expect.stringMatching(/^请求内容不是有效的 JSON：/), data: { code: 'MALFORMED_JSON' } })
  })

  it('an oversized body is refused with 413 before it is read', async () => {
    const res = await editor.post('/api/articles', { title: '超长', summary: '字'.repeat(600_000) })
    expect(res.status).toBe(413)
    expect(res.body.errors[0]).toEqual({ message: expect.stringMatching(/^请求内容过大：最多 \d+ 字节$/), data: { code: 'BODY_TOO_LARGE' } })
  })

  it('an update with a wrong type leaves the stored article as it was', async () => {
    const created = await editor.post('/api/articles', { title: '原样保留' })
    const res = await editor.patch(`/api/articles/${created.body.doc.id}?draft=true`, { title: ['数组'] })
    expect(res.status).toBe(400)
    expect(invalidPaths(res.body)).toEqual(['title'])
    expect((await editor.get(`/api/articles/${created.body.doc.id}?draft=true`)).body.title).toBe('原样保留')
  })

  it('too long a title on publish', async () => {
    const res = await staff['editor-in-chief'].post('/api/articles', { title: '长'.repeat(201), _status: 'published' })
    expect(res.status).toBe(400)
    expect(invalidPaths(res.body)).toEqual(['title'])
  })

  it.each([
    ['page=-3', 'page'],
    ['page=abc', 'page'],
    ['limit=-1', 'limit'],
    ['depth=99', 'depth'],
    ['page=1&page=2', 'page'],
  ])('the query parameter %s', async (query, param) => {
    const res = await staff.anonymous.get(`/api/articles?${query}`)
    expect(res.status).toBe(400)
    expect(res.body.errors[0].data).toMatchObject({ code: 'WHOLE_NUMBER_BETWEEN', errors: [{ path: param, message: expect.stringMatching(/^应为 \d+ 到 \d+ 之间的整数$/) }] })
  })

  it('a query on a field that does not exist or may not be queried', async () => {
    expect((await staff.anonymous.get('/api/articles?where[nope][equals]=1')).status).toBe(400)
    expect((await staff.anonymous.get('/api/articles?where[title][regex_like]=x')).status).toBe(400)
    expect((await staff.anonymous.get('/api/articles?where[createdBy][equals]=1')).status).toBe(400)
  })

  it('an id that is not a number, and a collection that does not exist', async () => {
    expect((await staff.anonymous.get('/api/articles/abc')).status).toBeGreaterThanOrEqual(400)
    expect((await staff.anonymous.get('/api/articles/abc')).status).toBeLessThan(500)
    expect((await staff.anonymous.get('/api/no-such-collection')).status).toBe(404)
  })

  it('a login with missing or mistyped credentials', async () => {
    expect((await staff.anonymous.post('/api/users/login', {})).status).toBe(400)
    expect((await staff.anonymous.post('/api/users/login', { email: 42, password: [] })).status).toBeLessThan(500)
    expect((await staff.anonymous.post('/api/users/login', { email: 'nobody@x.cn', password: 'wrong' })).status).toBe(401)
  })
})

describe('bad input over GraphQL', () => {
  it('reports a wrongly typed argument as an error, storing nothing', async () => {
    const res = await editor.graphql('mutation { createArticle(data: { title: 123 }) { id } }')
    expect(res.status).toBeLessThan(500)
    expect(res.body.errors?.[0].message).toMatch(/invalid value \{title: 123\}/)
    expect(res.body.data).toBeUndefined()
  })

  it('names the field of a reference to a missing document', async () => {
    const res = await editor.graphql('mutation($data: mutationArticleInput!) { createArticle(data: $data) { id } }', {
      data: { title: '图谱', category: 999999 },
    })
    expect(res.status).toBeLessThan(500)
    expect(res.body.errors?.[0].extensions?.data?.errors?.[0]?.path ?? res.body.errors?.[0].message).toMatch(/category/)
  })

  it('refuses a query nested deeper than the limit before running it, and keeps introspection off in production', async () => {
    const deep = `{ Articles { docs { category { ${'parent { '.repeat(10)}name${' }'.repeat(10)} } } } }`
    const res = await staff.anonymous.graphql(deep)
    expect(res.status).toBeLessThan(500)
    expect(res.body.errors?.[0]).toMatchObject({ message: expect.stringMatching(/^查询嵌套 \d+ 层，最多允许 12 层$/), extensions: { code: 'GRAPHQL_TOO_DEEP' } })
    const inEnglish = await staff.anonymous.inLanguage('en').graphql(deep)
    expect(inEnglish.body.errors?.[0].message).toMatch(/^Query is nested \d+ levels deep; at most 12 are allowed$/)
    expect(res.body.data).toBeUndefined()
    const page = await staff.anonymous.graphql('{ Articles(limit: 1) { docs { title authors { name avatar { sizes { thumbnail { url } } } } } } }')
    expect(page.body.errors).toBeUndefined()
    const introspection = await staff.anonymous.graphql('{ __schema { types { name } } }')
    expect(introspection.body.errors?.[0].message).toMatch(/introspection/i)
  })

  it('answers malformed JSON with a 400 and an empty query with a GraphQL error', async () => {
    expect((await editor.post('/api/graphql', '{"query":', { 'content-type': 'application/json' })).status).toBe(400)
    const empty = await editor.post('/api/graphql', { query: '' })
    expect(empty.status).toBeLessThan(500)
    expect(empty.body.errors?.length).toBeGreaterThan(0)
  })
})
