/**
 * The edges of the API hold however a request is spelled: a path in any spelling is either refused or
 * treated exactly as its canonical path (guards, the response cache and Payload alike), and an answer
 * is kept in or served from the shared cache only for a request that carries no credentials in any
 * spelling Payload accepts.
 */
import { request as httpRequest } from 'node:http'

import fc from 'fast-check'

import { createStaff, signUpReader, type Api, type Staff } from '../helpers/api'
import { startServer, withDatabase, type TestServer } from '../helpers/server'
import { eventually } from '../helpers/wait'

type Raw = { status: number; body: any; headers: Record<string, string | string[] | undefined> }

/** A request sent exactly as spelled (fetch would resolve `..` and `%2e` segments before sending). */
function raw(server: TestServer, method: string, target: string, options: { body?: string; headers?: Record<string, string | string[]> } = {}): Promise<Raw> {
  const { hostname, port } = new URL(server.url)
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: hostname, port, method, path: target, headers: options.headers }, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (chunk) => (text += chunk))
      res.on('end', () => {
        let body: unknown = text
        try {
          body = JSON.parse(text)
        } catch {
          // not JSON: kept as text
        }
        resolve({ status: res.statusCode ?? 0, body, headers: res.headers })
      })
    })
    req.on('error', reject)
    req.end(options.body)
  })
}

/**
 * Spellings of a canonical path: any character percent-encoded (either hex case), letters in either
 * case, doubled and trailing slashes, a `;` on a segment, `.` and `x/..` segments, encoded or not.
 */
function spellingsOf(canonicalPath: string): fc.Arbitrary<string> {
  const segments = canonicalPath.split('/').slice(1)
  const character = (c: string) =>
    fc.oneof(
      { weight: 4, arbitrary: fc.constant(c) },
      fc.constantFrom(...new Set([c.toUpperCase(), c.toLowerCase()])),
      fc.constantFrom(`%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`, `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`),
    )
  const segment = (text: string) =>
    fc
      .tuple(fc.tuple(...[...text].map(character)), fc.constantFrom('', '', '', ';', ';x'))
      .map(([characters, suffix]) => characters.join('') + suffix)
  const extra = fc.constantFrom('', '', '', '', '/', '/.', '/%2e', '/x/..', '/x/%2E%2e', '/.%2F')
  return fc
    .tuple(fc.tuple(...segments.map((text) => fc.tuple(extra, segment(text)))), fc.constantFrom('', '', '/', '//'))
    .map(([parts, trailing]) => parts.map(([before, text]) => `${before}/${text}`).join('') + trailing)
}

const REFUSED = 400

/** Refused at the door, or not taken for the API at all (the path means something else: a 404 outside it). */
const refused = (res: Raw) => (res.status === REFUSED && res.body?.errors?.[0]?.data?.code?.startsWith('PATH_')) || (res.status === 404 && typeof res.body === 'string')

describe('a path in any spelling', () => {
  describe('on a production database whose first admin is not configured', () => {
    let server: TestServer
    beforeAll(async () => {
      server = await startServer({ ADMIN_EMAIL: undefined, ADMIN_PASSWORD: undefined })
    })
    afterAll(() => server.stop())

    it('never registers a first user, however the path is spelled', async () => {
      const body = JSON.stringify({ email: 'intruder@evil.test', password: 'intruder-password-1', name: '入侵者', roles: ['admin'] })
      const headers = { 'content-type': 'application/json' }
      expect((await raw(server, 'POST', '/api/users/first-register', { body, headers })).status).toBe(403)
      expect((await raw(server, 'POST', '/api/users/first%2Dregister', { body, headers })).status).toBe(403)
      await fc.assert(
        fc.asyncProperty(spellingsOf('/api/users/first-register'), async (target) => {
          const res = await raw(server, 'POST', target, { body, headers })
          if (!refused(res)) expect({ target, status: res.status }).toEqual({ target, status: 403 })
        }),
        { numRuns: 300 },
      )
      const users = await withDatabase(server.databaseUrl, (client) => client.query('select count(*)::int as n from users'))
      expect(users.rows[0].n).toBe(0)
    })
  })

  describe('on a running newsroom', () => {
    let server: TestServer

    beforeAll(async () => {
      // Without auth limits, so a hundred login spellings answer as the first one does; with 后台实名 on.
      server = await startServer({ AUTH_RATE_LIMIT_PER_ADDRESS: '0', AUTH_RATE_LIMIT_PER_EMAIL: '0', COMMENT_REQUIRE_PHONE: 'on', VIEW_WRITE_SECONDS: '1' })
    })
    afterAll(() => server.stop())

    /** Each spelling answers 400, or exactly what the canonical path answers. */
    async function expectSameAsCanonical(method: string, canonicalPath: string, options: { body?: string; headers?: Record<string, string> }, runs = 150) {
      const expected = await raw(server, method, canonicalPath, options)
      await fc.assert(
        fc.asyncProperty(spellingsOf(canonicalPath), async (target) => {
          const res = await raw(server, method, target, options)
          if (refused(res)) return
          expect({ target, status: res.status, body: res.body }).toEqual({ target, status: expected.status, body: expected.body })
        }),
        { numRuns: runs },
      )
      return expected
    }

    it('a login answers as the login path does', async () => {
      const body = JSON.stringify({ email: 'nobody@readers.test', password: 'wrong-password-123' })
      const expected = await expectSameAsCanonical('POST', '/api/readers/login', { body, headers: { 'content-type': 'application/json' } })
      expect(expected.status).toBe(401)
    })

    it('a reader with no bound number is refused a comment, and a malformed number, as on the canonical paths', async () => {
      const reader = await signUpReader(server, { email: 'spelling-phone@readers.test', displayName: '拼写读者' })
      const admin = await reader.login('admin@test.newsroom', 'admin-password-123')
      const article = (await admin.post('/api/articles', { title: '拼写测试文章', _status: 'published' })).body.doc.id
      const headers = { 'content-type': 'application/json', authorization: `JWT ${reader.token}` }
      const comment = await expectSameAsCanonical('POST', '/api/comments', { body: JSON.stringify({ article, body: '未绑定手机号' }), headers }, 80)
      expect([comment.status, comment.body.errors[0].data.code]).toEqual([403, 'PHONE_REQUIRED'])
      const code = await expectSameAsCanonical('POST', '/api/readers/phone/code', { body: JSON.stringify({ phone: '12345' }), headers }, 80)
      expect([code.status, code.body.errors[0].data.code]).toEqual([400, 'PHONE_NUMBER_INVALID'])
      expect(await withDatabase(server.databaseUrl, async (db) => (await db.query('select count(*)::int as n from comments')).rows[0].n)).toBe(0)
    })

    it('a view is counted in every spelling, once a reader, and an API key in any spelling is still checked', async () => {
      const admin = await signUpReader(server, { email: 'spelling-views@readers.test', displayName: '拼写阅读' }).then((reader) => reader.login('admin@test.newsroom', 'admin-password-123'))
      const id = (await admin.post('/api/articles', { title: '拼写阅读量', _status: 'published' })).body.doc.id
      let readers = 0
      const counted = new Set<string>(['spelling-reader 0'])
      // The canonical spelling first: the property below may generate only spellings the door refuses.
      const canonical = await raw(server, 'POST', `/api/articles/${id}/view`, { headers: { 'user-agent': 'spelling-reader 0' } })
      expect([canonical.status, canonical.body]).toEqual([202, ''])
      await fc.assert(
        fc.asyncProperty(spellingsOf(`/api/articles/${id}/view`), fc.boolean(), async (target, newReader) => {
          const userAgent = `spelling-reader ${newReader ? ++readers : readers}`
          const res = await raw(server, 'POST', target, { headers: { 'user-agent': userAgent } })
          if (refused(res)) return
          expect({ target, status: res.status, cache: res.headers['cache-control'], nosniff: res.headers['x-content-type-options'] }).toEqual({ target, status: 202, cache: 'no-store', nosniff: 'nosniff' })
          expect(res.headers['x-request-id']).toBeTruthy()
          counted.add(userAgent)
        }),
        { numRuns: 150 },
      )
      const total = async () => (await withDatabase(server.databaseUrl, (db) => db.query('select coalesce(sum(views), 0) as views from article_view_totals where article_id = $1', [id]))).rows[0].views
      await eventually(async () => Number(await total()) === counted.size, `${counted.size} readers' views written`)
      const key = await expectSameAsCanonical('POST', `/api/articles/${id}/view`, { headers: { authorization: 'api-clients API-Key not-issued' } }, 60)
      expect([key.status, key.body.errors[0].data.code]).toEqual([401, 'API_KEY_INVALID'])
    })

    it('the versions of a collection that keeps none are refused as on the canonical path', async () => {
      const expected = await expectSameAsCanonical('GET', '/api/tags/versions', {})
      expect(expected.status).toBe(404)
    })

    it('a GraphQL request is checked as on the canonical path', async () => {
      const body = '--b\r\ncontent-disposition: form-data; name="operations"\r\n\r\n{}\r\n--b--\r\n'
      const expected = await expectSameAsCanonical('POST', '/api/graphql', { body, headers: { 'content-type': 'multipart/form-data; boundary=b' } }, 80)
      expect(expected.status).toBe(415)
    })

    it('a cached read is the same cache entry in every spelling', async () => {
      const path = '/api/tags?limit=1&sort=id'
      await raw(server, 'GET', path)
      const cached = await raw(server, 'GET', path)
      expect(cached.headers['x-newsroom-cache']).toBe('hit')
      await fc.assert(
        fc.asyncProperty(spellingsOf('/api/tags'), async (target) => {
          const res = await raw(server, 'GET', `${target}?limit=1&sort=id`)
          if (refused(res)) return
          expect({ target, cache: res.headers['x-newsroom-cache'], body: res.body }).toEqual({ target, cache: 'hit', body: cached.body })
        }),
        { numRuns: 100 },
      )
    })

    it('refuses a request target that is not a path', async () => {
      const res = await raw(server, 'GET', `${server.url}/api/tags`)
      expect(res.status).toBe(REFUSED)
      expect(res.body.errors[0]).toEqual({ message: '请求路径须以 / 开头', data: { code: 'PATH_NOT_ORIGIN_FORM' } })
      expect(res.headers['x-content-type-options']).toBe('nosniff')
    })

    it('an admin login in a refused spelling changes nothing and logs nobody in', async () => {
      const res = await raw(server, 'POST', '/api/users/LOGIN', {
        body: JSON.stringify({ email: 'admin@test.newsroom', password: 'admin-password-123' }),
        headers: { 'content-type': 'application/json', 'accept-language': 'en' },
      })
      expect(res.status).toBe(REFUSED)
      expect(res.body).toEqual({ errors: [{ message: expect.stringContaining('lower-case'), data: { code: 'PATH_WRONG_CASE' } }] })
    })
  })
})

describe('the shared cache and credentials in any spelling', () => {
  let server: TestServer
  let staff: Staff
  let reader: Api
  let articleId: number
  let heldCommentId: number
  let draftTitle: string

  beforeAll(async () => {
    server = await startServer()
    staff = await createStaff(server)
    // Every comment waits for a moderator: the reader's own stays visible only to them.
    await staff.admin.post('/api/globals/moderation-settings', { mode: 'all' })
    const article = await staff['editor-in-chief'].post('/api/articles', { title: '缓存与凭据：已发布', _status: 'published' })
    articleId = article.body.doc.id
    reader = await signUpReader(server, { email: 'spelling-reader@readers.test', displayName: '拼写读者' })
    heldCommentId = (await reader.post('/api/comments', { article: articleId, body: '这条评论还在等待审核' })).body.doc.id
    draftTitle = '缓存与凭据：未发布的修改'
    expect((await staff.editor.patch(`/api/articles/${articleId}`, { title: draftTitle })).status).toBe(200)
  })
  afterAll(() => server.stop())

  /** How a token can travel: each spelling Payload's cookie parser or its header extraction accepts, and near misses. */
  const spellings: [string, (token: string) => Record<string, string | string[]>][] = [
    ['a plain cookie', (t) => ({ cookie: `payload-token=${t}` })],
    ['a space before =', (t) => ({ cookie: `payload-token =${t}` })],
    ['a tab before the name', (t) => ({ cookie: `\tpayload-token=${t}` })],
    ['a no-break space after the name', (t) => ({ cookie: `payload-token\u00a0=${t}` })],
    ['another cookie first, no space', (t) => ({ cookie: `theme=dark;payload-token=${t}` })],
    ['another cookie first, space before ;', (t) => ({ cookie: `theme=dark ;payload-token=${t}` })],
    ['another cookie after', (t) => ({ cookie: `payload-token=${t}; theme=dark` })],
    ['two Cookie headers', (t) => ({ cookie: ['theme=dark', `payload-token=${t}`] })],
    ['an empty token cookie, then the real one', (t) => ({ cookie: `payload-token=; payload-token=${t}` })],
    ['a percent-encoded value', (t) => ({ cookie: `payload-token=${t.replace(/e/g, '%65')}` })],
    ['Authorization: JWT', (t) => ({ authorization: `JWT ${t}` })],
    ['Authorization: Bearer', (t) => ({ authorization: `Bearer ${t}` })],
  ]

  let round = 0
  /** A URL nobody has read yet (each case its own cache entry), the same for the logged-in and the anonymous read. */
  const fresh = (path: string) => `${path}${path.includes('?') ? '&' : '?'}spelling=${++round}`

  it.each(spellings)('%s: a reader’s held comment never reaches the next anonymous reader', async (_name, spell) => {
    const url = fresh(`/api/comments?where[article][equals]=${articleId}&depth=0`)
    const asReader = await raw(server, 'GET', url, { headers: { ...spell(reader.token!), 'sec-fetch-site': 'same-origin' } })
    expect(asReader.status).toBe(200)
    const anonymous = await raw(server, 'GET', url)
    expect(anonymous.body.docs.map((doc: { id: number }) => doc.id)).not.toContain(heldCommentId)
    const again = await raw(server, 'GET', url)
    expect(again.body.docs.map((doc: { id: number }) => doc.id)).not.toContain(heldCommentId)
  })

  it.each(spellings)('%s: staff’s draft never reaches the next anonymous reader', async (_name, spell) => {
    const url = fresh(`/api/articles/${articleId}?draft=true&depth=0`)
    const asEditor = await raw(server, 'GET', url, { headers: { ...spell(staff.editor.token!), 'sec-fetch-site': 'same-origin' } })
    expect(asEditor.status).toBe(200)
    for (let i = 0; i < 2; i++) {
      const anonymous = await raw(server, 'GET', url)
      expect(anonymous.body.title).not.toBe(draftTitle)
    }
  })

  it.each(spellings)('%s: a GraphQL query sent with it is not kept for others', async (_name, spell) => {
    const query = JSON.stringify({ query: `{ Comments(where: { article: { equals: ${articleId} } }, limit: ${10 + ++round}) { docs { id } } }` })
    const headers = { 'content-type': 'application/json' }
    await raw(server, 'POST', '/api/graphql', { body: query, headers: { ...headers, ...spell(reader.token!), 'sec-fetch-site': 'same-origin' } })
    for (let i = 0; i < 2; i++) {
      const anonymous = await raw(server, 'POST', '/api/graphql', { body: query, headers })
      expect(anonymous.body.data.Comments.docs.map((doc: { id: number }) => doc.id)).not.toContain(heldCommentId)
    }
  })

  it('the spellings that log a reader in are the ones the test relies on', async () => {
    // Guards the table above against passing vacuously: Payload accepts at least these spellings.
    for (const name of ['a plain cookie', 'a space before =', 'another cookie first, no space', 'a percent-encoded value', 'Authorization: JWT']) {
      const spell = spellings.find(([candidate]) => candidate === name)![1]
      const res = await raw(server, 'GET', `/api/comments/${heldCommentId}?depth=0&probe=${++round}`, { headers: { ...spell(reader.token!), 'sec-fetch-site': 'same-origin' } })
      expect({ name, status: res.status }).toEqual({ name, status: 200 })
    }
  })
})
