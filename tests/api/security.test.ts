/**
 * The server's defences, each tried the way an attacker would: response headers and the content
 * security policy, cross-site writes with a login cookie, request floods, weak passwords,
 * logout and token lifetime, uploads that lie about their type or name, script links in article
 * bodies, markup in comments, webhook URLs aimed inside, and the secret staying secret.
 */
import { createHash, randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { readdir } from 'node:fs/promises'
import path from 'node:path'

import sharp from 'sharp'

import { Api, createStaff, invalidPaths, READER_PASSWORD, sentMail, signUpReader, type Staff } from '../helpers/api'
import { startServer, type TestServer } from '../helpers/server'
import { eventually } from '../helpers/wait'

const SECRET = randomBytes(32).toString('hex')
/** API requests a minute per address (API_RATE_LIMIT_PER_MINUTE): the default, reached by one test. */
const API_PER_MINUTE = 1200

let server: TestServer
let staff: Staff
let counter = 0
const unique = (text: string) => `${text}${++counter}`
/** A client address of its own for each test that counts attempts (Express trusts X-Forwarded-For from loopback). */
const fromAddress = () => ({ 'x-forwarded-for': `198.51.100.${++counter % 250}` })

beforeAll(async () => {
  server = await startServer({
    PAYLOAD_SECRET: SECRET,
    API_RATE_LIMIT_PER_MINUTE: String(API_PER_MINUTE),
  })
  staff = await createStaff(server)
})
afterAll(() => server?.stop())

/** The policy as a map of directive to sources. */
function parsePolicy(header: string | null): Record<string, string[]> {
  return Object.fromEntries(
    (header ?? '')
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...values]) => [name, values]),
  )
}

describe('response headers', () => {
  it.each([
    ['/healthz', null],
    ['/api/articles?limit=2', 'hit'],
    ['/api/users/me', 'hit'],
  ])('sends helmet headers and a strict CSP on %s', async (path, cache) => {
    await fetch(`${server.url}${path}`)
    // Asked twice: the second answer to an anonymous read comes from the response cache, on its own path.
    const res = await fetch(`${server.url}${path}`)
    expect(res.headers.get('x-newsroom-cache')).toBe(cache)
    const policy = parsePolicy(res.headers.get('content-security-policy'))
    expect(policy['default-src']).toEqual(["'self'"])
    expect(policy['object-src']).toEqual(["'none'"])
    expect(policy['frame-ancestors']).toEqual(["'self'"])
    expect(policy['base-uri']).toEqual(["'self'"])
    expect(policy['form-action']).toEqual(["'self'"])
    // Next's hydration scripts are inline; eval is for development only.
    expect(policy['script-src']).toContain("'unsafe-inline'")
    expect(policy['script-src']).not.toContain("'unsafe-eval'")
    expect(policy['connect-src']).toEqual(["'self'"])
    expect(policy['img-src']).toEqual(["'self'", 'data:', 'blob:'])
    // Served over plain http here: no HSTS, no upgrade.
    expect(policy['upgrade-insecure-requests']).toBeUndefined()
    expect(res.headers.get('strict-transport-security')).toBeNull()
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN')
    expect(res.headers.get('referrer-policy')).toBe('no-referrer')
    // Front ends on other origins show the API's images.
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin')
    expect(res.headers.get('x-powered-by')).toBeNull()
  })

  it('refuses a JSON body over 1 MiB with 413', async () => {
    const res = await staff.editor.post('/api/tags', { name: 'x'.repeat(1024 * 1024 + 10) })
    expect(res.status).toBe(413)
  })
})

describe('cross-site requests carrying the login cookie (CSRF)', () => {
  let cookie: string
  beforeAll(async () => {
    const login = await new Api(server.url).post('/api/users/login', { email: 'editor@test.newsroom', password: 'staff-password-123' })
    cookie = login.headers.get('set-cookie')!.split(';')[0]
    expect(cookie).toMatch(/^payload-token=/)
  })
  const withCookie = (method: string, path: string, origin: string, body?: unknown) =>
    fetch(`${server.url}${path}`, {
      method,
      headers: { cookie, origin, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  const tagNamed = async (name: string) => (await staff.admin.get(`/api/tags?where[name][equals]=${encodeURIComponent(name)}&depth=0`)).body.docs[0]

  it('refuses POST, PATCH and DELETE from https://evil.example, changing nothing', async () => {
    const name = unique('跨站标签')
    const created = await withCookie('POST', '/api/tags', 'https://evil.example', { name })
    expect(created.status).toBe(403)
    expect(await tagNamed(name)).toBeUndefined()

    const tag = (await staff.editor.post('/api/tags', { name })).body.doc
    const patched = await withCookie('PATCH', `/api/tags/${tag.id}`, 'https://evil.example', { name: `${name}改` })
    expect(patched.status).toBe(403)
    expect((await tagNamed(name))?.id).toBe(tag.id)

    const deleted = await withCookie('DELETE', `/api/tags/${tag.id}`, 'https://evil.example')
    expect(deleted.status).toBe(403)
    expect((await staff.admin.get(`/api/tags/${tag.id}?depth=0`)).status).toBe(200)
  })

  it('applies the same requests from the site itself', async () => {
    const name = unique('同站标签')
    const created = await withCookie('POST', '/api/tags', server.url, { name })
    expect(created.status).toBe(201)
    const { doc } = await created.json()
    expect((await withCookie('PATCH', `/api/tags/${doc.id}`, server.url, { name: `${name}改` })).status).toBe(200)
    expect((await tagNamed(`${name}改`))?.id).toBe(doc.id)
    expect((await withCookie('DELETE', `/api/tags/${doc.id}`, server.url)).status).toBe(200)
    expect((await staff.admin.get(`/api/tags/${doc.id}?depth=0`)).status).toBe(404)
  })
})

describe('the API rate limit', () => {
  it('counts answers from the response cache too', async () => {
    const address = fromAddress()
    const path = `/api/tags?limit=1&rate=${unique('r')}`
    const statuses: number[] = []
    const caches = new Set<string | null>()
    for (let i = 0; i <= API_PER_MINUTE; i++) {
      const res = await fetch(`${server.url}${path}`, { headers: address })
      statuses.push(res.status)
      if (i > 0 && res.status === 200) caches.add(res.headers.get('x-newsroom-cache'))
      await res.arrayBuffer()
    }
    expect(caches).toEqual(new Set(['hit']))
    expect(statuses.filter((status) => status === 200)).toHaveLength(API_PER_MINUTE)
    expect(statuses.at(-1)).toBe(429)
    // View beacons, also answered ahead of Express, count against the same allowance.
    const beacon = await fetch(`${server.url}/api/articles/1/view`, { method: 'POST', headers: address })
    expect([beacon.status, (await beacon.json()).errors[0].data.code]).toEqual([429, 'API_RATE_LIMITED'])
    // Another address is not held back.
    expect((await fetch(`${server.url}${path}`, { headers: fromAddress() })).status).toBe(200)
    expect((await fetch(`${server.url}/api/articles/1/view`, { method: 'POST', headers: fromAddress() })).status).toBe(202)
  })

  it('says how long to wait, in the language asked for, with a code', async () => {
    const address = fromAddress()
    for (let i = 0; i < API_PER_MINUTE; i++) await (await fetch(`${server.url}/api/tags?limit=1`, { headers: address })).arrayBuffer()
    const refusal = async (language: string) => {
      const res = await fetch(`${server.url}/api/tags?limit=1`, { headers: { ...address, 'accept-language': language } })
      return { status: res.status, ...(await res.json()).errors[0] }
    }
    expect(await refusal('zh-CN,zh;q=0.9')).toEqual({ status: 429, message: expect.stringMatching(/^请求过于频繁，请 \d+ 秒后再试$/), data: expect.anything() })
    expect(await refusal('en-GB')).toEqual({
      status: 429,
      message: expect.stringMatching(/^Too many requests: try again in \d+ seconds$/),
      data: { code: 'API_RATE_LIMITED', retryAfterSeconds: expect.any(Number) },
    })
  })
})

describe('passwords', () => {
  it.each([
    ['too short', 'short-pw'],
    ['one character repeated', 'aaaaaaaaaaaaaa'],
    ['the email itself', 'weak-pw-check@readers.test'],
    ['the email’s name part', 'weak-pw-check'],
    ['too long', 'x1'.repeat(65)],
  ])('refuses a sign-up whose password is %s with a 400 naming password', async (_label, password) => {
    const res = await new Api(server.url).post('/api/readers', { email: 'weak-pw-check@readers.test', password, displayName: '弱密码' }, fromAddress())
    expect(res.status).toBe(400)
    expect(invalidPaths(res.body)).toEqual(['password'])
    expect((await staff.moderator.get('/api/readers?where[email][equals]=weak-pw-check@readers.test')).body.totalDocs).toBe(0)
  })

  it('refuses a weak password on a change, by staff and readers, and keeps the old one', async () => {
    const me = await staff.reporter.get('/api/users/me')
    const res = await staff.reporter.patch(`/api/users/${me.body.user.id}`, { password: 'short' })
    expect(res.status).toBe(400)
    expect(invalidPaths(res.body)).toEqual(['password'])
    expect((await new Api(server.url).post('/api/users/login', { email: 'reporter@test.newsroom', password: 'staff-password-123' }, fromAddress())).status).toBe(200)

    const reader = await signUpReader(server, { email: unique('change') + '@readers.test', displayName: '改密码' })
    const change = await reader.patch(`/api/readers/${reader.id}`, { password: '1234567' })
    expect(change.status).toBe(400)
    expect(invalidPaths(change.body)).toEqual(['password'])
    expect((await reader.patch(`/api/readers/${reader.id}`, { password: 'a-long-enough-new-password', currentPassword: READER_PASSWORD })).status).toBe(200)
  })

  it('refuses a weak password on a reset, and the token still works for a good one', async () => {
    const email = unique('forgot') + '@readers.test'
    await signUpReader(server, { email, displayName: '忘记密码' })
    expect((await new Api(server.url).post('/api/readers/forgot-password', { email }, fromAddress())).status).toBe(200)
    const mail = (await sentMail(server.mailDir)).filter((m) => m.to === email).at(-1)!
    const token = mail.html.match(/reset-password\?token=([A-Za-z0-9]+)/)![1]
    const weak = await new Api(server.url).post('/api/readers/reset-password', { token, password: 'abc' }, fromAddress())
    expect(weak.status).toBe(400)
    expect(invalidPaths(weak.body)).toEqual(['password'])
    expect((await new Api(server.url).post('/api/readers/reset-password', { token, password: 'a-much-better-password' }, fromAddress())).status).toBe(200)
  })
})

describe('sessions and tokens', () => {
  const claims = (token: string) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'))

  it('gives staff tokens 8 hours and reader tokens 7 days', async () => {
    const staffClaims = claims(staff.editor.token!)
    expect(staffClaims.exp - staffClaims.iat).toBe(8 * 60 * 60)
    const reader = await signUpReader(server, { email: unique('token') + '@readers.test', displayName: '令牌' })
    const readerClaims = claims(reader.token!)
    expect(readerClaims.exp - readerClaims.iat).toBe(7 * 24 * 60 * 60)
    // Each login is a session the server keeps, so logging out can end it.
    expect(typeof readerClaims.sid).toBe('string')
  })

  it('refuses a reader token after logout', async () => {
    const reader = await signUpReader(server, { email: unique('logout') + '@readers.test', displayName: '登出' })
    expect((await reader.get('/api/readers/me')).body.user?.id).toBe(reader.id)
    expect((await reader.post('/api/readers/logout')).status).toBe(200)
    expect((await reader.get('/api/readers/me')).body.user).toBeNull()
    expect((await reader.patch(`/api/readers/${reader.id}`, { displayName: '登出后' })).status).toBe(403)
  })
})

describe('uploads', () => {
  const png = () => sharp({ create: { width: 40, height: 30, channels: 3, background: { r: 10, g: 120, b: 200 } } }).png().toBuffer()
  const HTML = Buffer.from('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>')
  const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script><rect width="10" height="10"/></svg>')

  function form(bytes: Buffer, name: string, type: string, fields: Record<string, unknown> = { alt: '测试图片' }): FormData {
    const body = new FormData()
    body.append('file', new Blob([new Uint8Array(bytes)], { type }), name)
    body.append('_payload', JSON.stringify(fields))
    return body
  }
  /** Every file under the server's media folder. */
  const storedFiles = async () => (await readdir(server.mediaDir, { recursive: true })).map(String).sort()

  it('stores a PNG named .html and sent as text/html as the PNG it is', async () => {
    const res = await staff.editor.post('/api/media', form(await png(), `${unique('disguised')}.html`, 'text/html'))
    expect(res.status).toBe(201)
    expect(res.body.doc.mimeType).toBe('image/png')
    expect(res.body.doc.filename).toMatch(/^disguised\d+\.png$/)
    const file = await fetch(`${server.url}/api/media/file/${res.body.doc.filename}`)
    expect(file.headers.get('content-type')).toMatch(/^image\/png/)
    expect(file.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it.each([
    ['HTML named .png', HTML, 'page.png', 'image/png'],
    ['HTML', HTML, 'page.html', 'text/html'],
    ['SVG', SVG, 'logo.svg', 'image/svg+xml'],
    ['SVG named .png', SVG, 'logo.png', 'image/png'],
    ['plain text named .jpg', Buffer.from('just some text, not a picture'), 'photo.jpg', 'image/jpeg'],
  ])('refuses %s with a 400 naming file, storing nothing', async (_label, bytes, name, type) => {
    const before = await storedFiles()
    const res = await staff.editor.post('/api/media', form(bytes, name, type))
    expect(res.status).toBe(400)
    expect(invalidPaths(res.body)).toEqual(['file'])
    expect(await storedFiles()).toEqual(before)
  })

  it('refuses a reader’s HTML avatar too', async () => {
    const reader = await signUpReader(server, { email: unique('avatar') + '@readers.test', displayName: '头像' })
    const res = await reader.post('/api/avatars', form(HTML, 'me.png', 'image/png', {}))
    expect(res.status).toBe(400)
    expect(invalidPaths(res.body)).toEqual(['file'])
    expect((await reader.post('/api/avatars', form(await png(), 'me.png', 'image/png', {}))).status).toBe(201)
  })

  it.each([
    ['../../etc/passwd.png', /^passwd(-\d+)?\.png$/],
    ['..\\..\\windows\\evil.png', /^evil(-\d+)?\.png$/],
    ['a/b/../../../../c.png', /^c(-\d+)?\.png$/],
    // FormData percent-escapes CR, LF and quotes in a file name.
    ['bad\r\nname".png', /^bad[\w-]*name[\w-]*\.png$/],
    ['.hidden.png', /^hidden(-\d+)?\.png$/],
  ])('stores %j under a plain name inside the media folder', async (name, expected) => {
    const res = await staff.editor.post('/api/media', form(await png(), name, 'image/png'))
    expect(res.status).toBe(201)
    const stored: string = res.body.doc.filename
    expect(stored).toMatch(expected)
    expect(stored).toMatch(/^[\p{L}\p{N}_-]+\.png$/u)
    expect(await storedFiles()).toContain(stored)
    // Where the name would have put it, had it been taken as a path.
    const aimedAt = path.resolve(server.mediaDir, name.replace(/\\/g, '/'))
    if (!aimedAt.startsWith(server.mediaDir + path.sep)) expect(existsSync(aimedAt)).toBe(false)
  })

  it.each(['bad\u0000name.png', 'esc\u001b[31m.png', 'del\u007f.png'])('answers a file name with control characters (%j) as bad input, storing nothing', async (name) => {
    const before = await storedFiles()
    const res = await staff.editor.post('/api/media', form(await png(), name, 'image/png'))
    expect(res.status).toBe(400)
    expect(await storedFiles()).toEqual(before)
  })

  it('refuses a file over 10 MiB with 413', async () => {
    const big = Buffer.concat([await png(), randomBytes(12 * 1024 * 1024)])
    const res = await staff.editor.post('/api/media', form(big, 'big.png', 'image/png'))
    expect(res.status).toBe(413)
  })
})

describe('links in article bodies', () => {
  const paragraph = (children: unknown[]) => ({ type: 'paragraph', version: 1, direction: null, format: '', indent: 0, textFormat: 0, children })
  const text = (value: string) => ({ type: 'text', version: 1, text: value, format: 0, style: '', mode: 'normal', detail: 0 })
  const linked = (type: 'link' | 'autolink', url: string) => ({
    root: {
      type: 'root',
      version: 1,
      direction: null,
      format: '',
      indent: 0,
      children: [paragraph([text('详见'), { type, version: 2, direction: null, format: '', indent: 0, fields: { url, newTab: false, linkType: 'custom' }, children: [text('这里')] }])],
    },
  })

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    '  javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    '\u0001javascript:alert(1)',
    'javascript&#58;alert(1)',
    'javascript&#x3A;alert(1)',
    'javascript&colon;alert(1)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'DATA:image/svg+xml,<svg onload=alert(1)>',
    'vbscript:msgbox(1)',
  ])('refuses a link to %j with a 400 naming body, in a draft', async (url) => {
    for (const type of ['link', 'autolink'] as const) {
      const res = await staff.reporter.post('/api/articles', { title: unique('危险链接'), body: linked(type, url) })
      expect(res.status).toBe(400)
      expect(invalidPaths(res.body)).toEqual(['body'])
    }
  })

  it('refuses such a link in an edit of a published article, leaving it as it was', async () => {
    const created = await staff['editor-in-chief'].post('/api/articles', { title: unique('安全链接'), body: linked('link', 'https://www.example.com/a'), _status: 'published' })
    expect(created.status).toBe(201)
    const id = created.body.doc.id
    const res = await staff['editor-in-chief'].patch(`/api/articles/${id}`, { body: linked('link', 'javascript:alert(1)') })
    expect(res.status).toBe(400)
    expect(invalidPaths(res.body)).toEqual(['body'])
    const stored = await staff.editor.get(`/api/articles/${id}?draft=true&depth=0`)
    expect(JSON.stringify(stored.body.body)).toContain('https://www.example.com/a')
    expect(JSON.stringify(stored.body.body)).not.toContain('javascript')
  })

  it.each(['https://www.example.com/a?b=1', 'http://example.com', 'mailto:news@example.com', 'tel:+86-10-12345678', '/articles/other', '#section'])(
    'keeps a link to %j',
    async (url) => {
      const res = await staff.reporter.post('/api/articles', { title: unique('普通链接'), body: linked('link', url) })
      expect(res.status).toBe(201)
    },
  )
})

describe('comment bodies', () => {
  it('are stored and served as the exact text, in JSON, never as markup', async () => {
    const article = await staff['editor-in-chief'].post('/api/articles', { title: unique('评论文章'), _status: 'published' })
    const reader = await signUpReader(server, { email: unique('markup') + '@readers.test', displayName: '标记' })
    const body = '<script>alert(document.cookie)</script><img src=x onerror=alert(1)> 看看'
    const posted = await reader.post('/api/comments', { article: article.body.doc.id, body })
    expect(posted.status).toBe(201)
    expect(posted.body.doc.body).toBe(body)
    expect((await staff.moderator.patch(`/api/comments/${posted.body.doc.id}`, { status: 'approved' })).status).toBe(200)

    const res = await fetch(`${server.url}/api/comments/${posted.body.doc.id}`)
    expect(res.headers.get('content-type')).toMatch(/^application\/json/)
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect((await res.json()).body).toBe(body)
    const gql = await new Api(server.url).graphql(`{ Comment(id: ${posted.body.doc.id}) { body } }`)
    expect(gql.body.data?.Comment?.body).toBe(body)
  })
})

describe('webhook URLs aimed inside (SSRF)', () => {
  it.each([
    'http://127.0.0.1:8080/hook',
    'http://localhost/hook',
    'http://LOCALHOST./hook',
    'http://api.localhost/hook',
    'http://10.1.2.3/hook',
    'http://192.168.1.10/hook',
    'http://172.16.0.5/hook',
    'http://169.254.169.254/latest/meta-data/',
    'http://[::1]/hook',
    'http://[::ffff:127.0.0.1]/hook',
    'http://[fd00::1]/hook',
    'http://0.0.0.0/hook',
    'http://2130706433/hook',
    'http://0x7f.1/hook',
  ])('refuses %s with a 400 naming url', async (url) => {
    const res = await staff.admin.post('/api/webhooks', { name: unique('内网'), url, events: ['article.published'] })
    expect(res.status).toBe(400)
    expect(invalidPaths(res.body)).toEqual(['url'])
    expect(JSON.stringify(res.body)).toContain("不是公网地址")
  })

  it('refuses changing a webhook to an inside address', async () => {
    const created = await staff.admin.post('/api/webhooks', { name: unique('外网'), url: 'https://hooks.example.com/purge', events: ['article.published'] })
    expect(created.status).toBe(201)
    const res = await staff.admin.patch(`/api/webhooks/${created.body.doc.id}`, { url: 'http://169.254.169.254/' })
    expect(res.status).toBe(400)
    expect(invalidPaths(res.body)).toEqual(['url'])
  })
})

describe('webhook deliveries aimed inside after the URL was saved', () => {
  it('refuses at delivery time, for the address actually connected to', async () => {
    const received: string[] = []
    const receiver = createServer((req, res) => {
      received.push(req.url ?? '')
      res.writeHead(200).end()
    })
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`
    try {
      // Saved where inside receivers were allowed; this server, on the same database, does not allow them.
      // (Equally, a name that resolved to a public address when saved and resolves inside now.)
      const permissive = await startServer({ WEBHOOK_ALLOW_PRIVATE_URLS: 'true' }, { databaseUrl: server.databaseUrl })
      try {
        const admin = await new Api(permissive.url).login('admin@test.newsroom', 'admin-password-123')
        expect((await admin.post('/api/webhooks', { name: unique('改指向'), url, events: ['article.published'] })).status).toBe(201)
      } finally {
        await permissive.stop()
      }
      const published = await staff['editor-in-chief'].post('/api/articles', { title: unique('触发推送'), _status: 'published' })
      expect(published.status).toBe(201)
      const delivery = await eventually(async () => {
        const [latest] = (await staff.admin.get(`/api/webhook-deliveries?where[url][equals]=${encodeURIComponent(url)}&depth=0`)).body.docs
        return latest?.error ? latest : undefined
      }, 'the refused delivery to be logged', 20_000)
      expect(delivery).toMatchObject({ status: expect.stringMatching(/pending|failed/), responseCode: null, error: expect.stringMatching(/not a public address/) })
      expect(received).toEqual([])
    } finally {
      await new Promise<void>((resolve) => receiver.close(() => resolve()))
    }
  })
})

describe('the secret', () => {
  it('never appears in a response or a log line', async () => {
    const anonymous = new Api(server.url)
    const responses = await Promise.all([
      anonymous.post('/api/users/login', { email: 'admin@test.newsroom', password: 'admin-password-123' }, fromAddress()),
      staff.admin.get('/api/users/me'),
      staff.admin.get('/api/access'),
      staff.admin.get('/api/globals/site-settings'),
      staff.admin.post('/api/users/refresh-token'),
      anonymous.get('/api/users/me'),
      new Api(server.url, 'not.a.token').get('/api/users/me'),
      anonymous.get('/api/nothing-here'),
      anonymous.post('/api/graphql', '{"query":'),
      staff.admin.graphql('{ meUser { token user { email } } }'),
    ])
    // Payload signs tokens with a key derived from the secret: that key must not show either.
    const signingKey = createHash('sha256').update(SECRET).digest('hex').slice(0, 32)
    for (const res of responses) {
      for (const secret of [SECRET, signingKey]) {
        expect(JSON.stringify(res.body)).not.toContain(secret)
        expect([...res.headers.values()].join('\n')).not.toContain(secret)
      }
    }
    expect(server.output().length).toBeGreaterThan(0)
    expect(server.output()).not.toContain(SECRET)
    expect(server.output()).not.toContain(signingKey)
  })
})
