import { randomUUID } from 'node:crypto'

import { createStaff, type Staff } from '../helpers/api'
import { startServer, type TestServer, withDatabase } from '../helpers/server'
import { sleep } from '../helpers/wait'

let server: TestServer
let staff: Staff

beforeAll(async () => {
  server = await startServer()
  staff = await createStaff(server)
  await staff['editor-in-chief'].post('/api/articles', { title: 'API 客户端：已发布', _status: 'published' })
  await staff.editor.post('/api/articles', { title: 'API 客户端：草稿' })
})
afterAll(() => server.stop())

async function createClient(name: string, requestsPerMinute?: number, apiKey = randomUUID()) {
  const res = await staff.admin.post('/api/api-clients', { name, enableAPIKey: true, apiKey, ...(requestsPerMinute ? { requestsPerMinute } : {}) })
  expect(res.status).toBe(201)
  return { id: res.body.doc.id as number, header: `api-clients API-Key ${apiKey}` }
}

const withKey = (header: string, path: string, init: RequestInit = {}) =>
  fetch(`${server.url}${path}`, { ...init, headers: { authorization: header, 'content-type': 'application/json', ...init.headers } })

it('identifies a front end by its key and serves it exactly what the public sees, from the shared cache', async () => {
  const { header } = await createClient('门户 SSR')
  const path = '/api/articles?select[title]=true&sort=-createdAt'
  const anonymous = await staff.anonymous.get(path)
  // The first request with a new key is checked after the address's limit; later ones count as the client's.
  expect((await withKey(header, path)).status).toBe(200)
  const res = await withKey(header, path)
  expect(res.status).toBe(200)
  expect(await res.json()).toEqual(anonymous.body)
  expect(res.headers.get('x-newsroom-cache')).toBe('hit')
  expect(res.headers.get('ratelimit-limit')).toBe('6000')
})

it('grants nothing beyond public reads: no drafts, no writes', async () => {
  const { header } = await createClient('静态构建')
  const drafts = await (await withKey(header, '/api/articles?draft=true&where[_status][equals]=draft')).json()
  expect(drafts.docs).toEqual([])
  expect((await withKey(header, '/api/tags', { method: 'POST', body: JSON.stringify({ name: '不该建成' }) })).status).toBe(403)
  expect((await withKey(header, '/api/api-clients')).status).toBe(403)
})

it('refuses an unknown key, accepts it once issued, and refuses a revoked one at once', async () => {
  const unknown = await withKey(`api-clients API-Key ${randomUUID()}`, '/api/articles')
  expect(unknown.status).toBe(401)
  expect((await unknown.json()).errors).toEqual([{ message: 'API 密钥不存在或已吊销', data: { code: 'API_KEY_INVALID' } }])
  const early = randomUUID()
  expect((await withKey(`api-clients API-Key ${early}`, '/api/articles')).status).toBe(401)
  expect((await withKey((await createClient('先试后建', undefined, early)).header, '/api/articles')).status).toBe(200)
  const { id, header } = await createClient('将被停用')
  expect((await withKey(header, '/api/articles')).status).toBe(200)
  expect((await staff.admin.patch(`/api/api-clients/${id}`, { enableAPIKey: false })).status).toBe(200)
  expect((await withKey(header, '/api/articles')).status).toBe(401)
  const other = await createClient('将被删除')
  expect((await withKey(other.header, '/api/articles')).status).toBe(200)
  expect((await staff.admin.delete(`/api/api-clients/${other.id}`)).status).toBe(200)
  expect((await withKey(other.header, '/api/articles')).status).toBe(401)
})

it('gives each client its own rate limit, apart from its address', async () => {
  const { header } = await createClient('小流量客户端', 3)
  // Its first request is verified on the address's account (above); the next three are its own.
  expect((await withKey(header, '/api/tags')).status).toBe(200)
  for (let i = 0; i < 3; i++) expect((await withKey(header, '/api/tags')).status).toBe(200)
  const limited = await withKey(header, '/api/tags')
  expect(limited.status).toBe(429)
  expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
  expect((await staff.anonymous.get('/api/tags')).status).toBe(200)
})

it('looks up no key for an address over its limit: guessing keys there costs no database read', async () => {
  const address = { 'x-forwarded-for': '203.0.113.9' }
  const guess = () => `api-clients API-Key ${randomUUID()}`
  const keyLookups = () =>
    withDatabase(server.databaseUrl, async (db) => {
      const { rows } = await db.query(`select coalesce(seq_scan, 0) + coalesce(idx_scan, 0) as reads from pg_stat_user_tables where relname = 'api_clients'`)
      return Number(rows[0].reads)
    })
  const settledLookups = async () => {
    // PostgreSQL publishes a connection's table statistics a second or so after it goes idle, and
    // later on a busy machine: read until the count has held still twice.
    let last = await keyLookups()
    for (let unchanged = 0, reads = 0; unchanged < 2 && reads < 20; reads++) {
      await sleep(1_500)
      const now = await keyLookups()
      unchanged = now === last ? unchanged + 1 : 0
      last = now
    }
    return last
  }
  // Within the limit, an unknown key is looked up, and refused.
  const before = await settledLookups()
  expect((await withKey(guess(), '/api/tags', { headers: address })).status).toBe(401)
  expect(await settledLookups()).toBeGreaterThan(before)
  let status = 0
  for (let i = 0; i < 1200 && status !== 429; i++) status = (await fetch(`${server.url}/api/tags?limit=1`, { headers: address })).status
  expect(status).toBe(429)
  const overLimit = await settledLookups()
  for (let i = 0; i < 20; i++) expect((await withKey(guess(), '/api/tags', { headers: address })).status).toBe(429)
  expect(await settledLookups()).toBe(overLimit)
}, 120_000)

it('lets only admins see or manage clients, and never shows a key to anyone else', async () => {
  await createClient('仅管理员可见')
  expect((await staff.editor.get('/api/api-clients')).status).toBe(403)
  expect((await staff.anonymous.get('/api/api-clients')).status).toBe(403)
  expect((await staff.editor.post('/api/api-clients', { name: '越权', enableAPIKey: true, apiKey: randomUUID() })).status).toBe(403)
  const listed = await staff.admin.get('/api/api-clients')
  expect(listed.body.docs.length).toBeGreaterThan(0)
  const gql = await staff.anonymous.graphql('{ ApiClients { docs { name apiKey } } }')
  expect(gql.body.data?.ApiClients ?? null).toBeNull()
})

it('answers bad input with a 400 naming the field', async () => {
  const res = await staff.admin.post('/api/api-clients', { name: '坏输入', requestsPerMinute: -5 })
  expect(res.status).toBe(400)
  expect(JSON.stringify(res.body)).toMatch(/requestsPerMinute/)
})
