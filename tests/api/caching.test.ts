import { createStaff, type Staff } from '../helpers/api'
import { startServer, type TestServer } from '../helpers/server'

let server: TestServer
let staff: Staff
let articleId: number
let slug: string
/** A front end allowed by CORS_ORIGINS. */
const FRONT_END = 'https://front.example'

beforeAll(async () => {
  server = await startServer({ CORS_ORIGINS: FRONT_END })
  staff = await createStaff(server)
  const article = await staff['editor-in-chief'].post('/api/articles', { title: '缓存测试', _status: 'published' })
  articleId = article.body.doc.id
  slug = article.body.doc.slug
})
afterAll(() => server.stop())

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${server.url}${path}`, { headers })

it('gives public reads an ETag and answers a matching If-None-Match with an empty 304', async () => {
  const first = await get(`/api/articles/${articleId}`)
  expect(first.status).toBe(200)
  const etag = first.headers.get('etag')!
  expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/)
  expect(first.headers.get('cache-control')).toBe('public, max-age=0, stale-while-revalidate=30')
  expect(first.headers.get('vary')).toMatch(/Authorization/)
  const again = await get(`/api/articles/${articleId}`, { 'if-none-match': etag })
  expect(again.status).toBe(304)
  expect(await again.text()).toBe('')
  expect((await get(`/api/articles/${articleId}`, { 'if-none-match': '"something-else"' })).status).toBe(200)
})

it('never serves a stale page: an edit changes the ETag', async () => {
  const before = (await get(`/api/articles/${articleId}`)).headers.get('etag')!
  await staff['editor-in-chief'].patch(`/api/articles/${articleId}`, { title: '缓存测试（已更新）', _status: 'published' })
  const after = await get(`/api/articles/${articleId}`, { 'if-none-match': before })
  expect(after.status).toBe(200)
  expect((await after.json()).title).toBe('缓存测试（已更新）')
})

it('never lets a shared cache keep a response made for a logged-in user', async () => {
  const res = await fetch(`${server.url}/api/articles/${articleId}`, { headers: { authorization: `JWT ${staff.editor.token}` } })
  expect(res.headers.get('cache-control')).toBe('private, no-store')
  expect(res.headers.get('etag')).toBeNull()
  const me = await fetch(`${server.url}/api/users/me`, { headers: { authorization: `JWT ${staff.editor.token}` } })
  expect(me.headers.get('cache-control')).toBe('private, no-store')
  const write = await fetch(`${server.url}/api/tags`, {
    method: 'POST',
    headers: { authorization: `JWT ${staff.editor.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: '缓存标签' }),
  })
  expect(write.headers.get('cache-control')).toBe('private, no-store')
})

// Search is served without Payload's REST handler, so it must add the same headers itself.
it.each([
  ['Payload', () => `/api/articles/${articleId}?cors=1`],
  ['search', () => `/api/search?q=${encodeURIComponent('缓存测试')}&cors=1`],
])('lets an allowed front end read public answers across origins, whether from %s or the cache', async (_, pathOf) => {
  const path = pathOf()
  const first = await get(path, { origin: FRONT_END })
  const second = await get(path, { origin: FRONT_END })
  expect([first.headers.get('x-newsroom-cache'), second.headers.get('x-newsroom-cache')]).toEqual(['miss', 'hit'])
  for (const res of [first, second]) {
    expect(res.status).toBe(200)
    expect(res.headers.get('access-control-allow-origin')).toBe(FRONT_END)
    expect(res.headers.get('access-control-allow-credentials')).toBe('true')
    // A shared cache keeps one copy per origin, so no front end gets another's CORS answer.
    expect(res.headers.get('vary')).toMatch(/\bOrigin\b/)
  }
  const foreign = await get(path, { origin: 'https://evil.example' })
  expect(foreign.headers.get('x-newsroom-cache')).toBe('hit')
  expect(foreign.headers.get('access-control-allow-origin')).toBeNull()
  expect((await get(path)).headers.get('access-control-allow-origin')).toBeNull()
})

it('gives search the same ETag, 304 and cache headers, and keeps a signed-in search private', async () => {
  const path = `/api/search?q=${encodeURIComponent('缓存测试')}`
  const first = await get(path)
  expect(first.status).toBe(200)
  expect((await first.json()).docs.map((doc: { id: number }) => doc.id)).toEqual([articleId])
  expect(first.headers.get('cache-control')).toBe('public, max-age=0, stale-while-revalidate=30')
  const etag = first.headers.get('etag')!
  expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/)
  expect((await get(path, { 'if-none-match': etag })).status).toBe(304)
  const signedIn = await get(path, { authorization: `JWT ${staff.editor.token}` })
  expect(signedIn.status).toBe(200)
  expect(signedIn.headers.get('cache-control')).toBe('private, no-store')
  expect(signedIn.headers.get('etag')).toBeNull()
  expect(signedIn.headers.get('x-newsroom-cache')).toBeNull()
})

it.each([
  ['search', () => `/api/search?q=${encodeURIComponent('缓存测试')}&head=1`],
  ['the article page', () => `/api/articles/page/${slug}?head=1`],
  ['the corrections log', () => '/api/corrections?head=1'],
  ["an article by id, through Payload's REST handler", () => `/api/articles/${articleId}?head=1`],
])('answers HEAD on %s as its GET: the same status, ETag and Cache-Control, and no body', async (_, pathOf) => {
  const path = pathOf()
  const head = await fetch(`${server.url}${path}`, { method: 'HEAD' })
  const got = await get(path)
  expect(got.status).toBe(200)
  expect([head.status, head.headers.get('etag'), head.headers.get('cache-control')]).toEqual([200, got.headers.get('etag'), got.headers.get('cache-control')])
  expect(await head.text()).toBe('')
})
