import { Api } from '../helpers/api'
import { ADMIN, startServer, type TestServer } from '../helpers/server'

/**
 * The admin panel (Next.js) served by the same Express server in production mode. The first run on
 * a fresh clone builds it, as `npm start` does, which takes a minute or two.
 */
let server: TestServer

beforeAll(async () => {
  server = await startServer({ SERVE_ADMIN: 'true' }, { readyWithinMs: 540_000 })
}, 600_000)
afterAll(() => server.stop())

const page = async (path: string, headers: Record<string, string> = {}) => {
  const res = await fetch(`${server.url}${path}`, { headers, redirect: 'manual' })
  return { status: res.status, html: await res.text(), location: res.headers.get('location') }
}

it('leaves the site root to the reader portal; the admin stays at /admin', async () => {
  const res = await page('/')
  expect(res.status).toBe(200)
  expect(res.html).toMatch(/<html[^>]*lang="zh-CN"/)
  expect(res.html).toContain('data-testid="site-footer"')
})

it('shows the login page in Chinese by default', async () => {
  const res = await page('/admin/login')
  expect(res.status).toBe(200)
  expect(res.html).toMatch(/<html[^>]*lang="zh"/)
  expect(res.html).toContain('登录')
})

it('offers English to a browser that asks for it', async () => {
  const res = await page('/admin/login', { 'accept-language': 'en-US,en;q=0.9' })
  expect(res.status).toBe(200)
  expect(res.html).toMatch(/<html[^>]*lang="en"/)
  expect(res.html).toContain('Login')
})

it('shows a logged-in admin the collections with their Chinese labels', async () => {
  const login = await new Api(server.url).post('/api/users/login', { email: ADMIN.email, password: ADMIN.password })
  const cookie = login.headers.get('set-cookie')!.split(';')[0]
  // What a browser sends on a same-origin navigation; without it Payload ignores the cookie (CSRF).
  const res = await page('/admin', { cookie, 'sec-fetch-site': 'same-origin' })
  expect(res.status).toBe(200)
  for (const label of ['文章', '频道', '标签', '作者', '媒体库', '员工账号', '站点设置', '评论', '读者', '敏感词库', '评论审核设置']) {
    expect(res.html).toContain(label)
  }
  // The comment list opens on the pending queue for those who moderate (tests/e2e/moderation.test.ts).
  const comments = await page('/admin/collections/comments', { cookie, 'sec-fetch-site': 'same-origin' })
  expect([comments.status, comments.location]).toEqual([307, '/admin/collections/comments?where[status][equals]=pending&sort=-createdAt'])
  for (const path of [comments.location!, '/admin/collections/readers', '/admin/globals/moderation-settings']) {
    expect((await page(path, { cookie, 'sec-fetch-site': 'same-origin' })).status).toBe(200)
  }
})

it('searches every collection\'s list from its search box', async () => {
  const login = await new Api(server.url).post('/api/users/login', { email: ADMIN.email, password: ADMIN.password })
  const cookie = login.headers.get('set-cookie')!.split(';')[0]
  const slugs = ['articles', 'categories', 'tags', 'authors', 'media', 'comments', 'correction-requests', 'readers', 'notifications', 'avatars', 'screening-words', 'users', 'webhooks', 'webhook-deliveries', 'api-clients', 'audit-log']
  for (const slug of slugs) {
    const res = await page(`/admin/collections/${slug}?search=${encodeURIComponent('降准')}`, { cookie, 'sec-fetch-site': 'same-origin' })
    // A query that fails still streams a 200, with Next's error page where the list would be.
    expect([slug, res.status, res.html.includes(`collection-list--${slug}`)]).toEqual([slug, 200, true])
  }
})

it('shows the review panel in an article\'s edit view: its state, and the action a draft allows', async () => {
  const admin = await new Api(server.url).login(ADMIN.email, ADMIN.password)
  const article = await admin.post('/api/articles', { title: '后台审核面板' })
  const login = await new Api(server.url).post('/api/users/login', { email: ADMIN.email, password: ADMIN.password })
  const cookie = login.headers.get('set-cookie')!.split(';')[0]
  const res = await page(`/admin/collections/articles/${article.body.doc.id}`, { cookie, 'sec-fetch-site': 'same-origin' })
  expect(res.status).toBe(200)
  // Which actions each role gets in each state is the browser test's (tests/e2e/editorial.test.ts).
  for (const part of ['审核操作', 'data-testid="review-state"', '审核状态', '提交审核']) expect(res.html).toContain(part)
})

it('shows the current-password field on a staff member\'s own account page, not on someone else\'s', async () => {
  const admin = await new Api(server.url).login(ADMIN.email, ADMIN.password)
  const other = await admin.post('/api/users', { name: '同事', email: 'colleague@test.newsroom', password: 'colleague-password-1', roles: ['editor'] })
  const login = await new Api(server.url).post('/api/users/login', { email: ADMIN.email, password: ADMIN.password })
  const cookie = login.headers.get('set-cookie')!.split(';')[0]
  const own = await page('/admin/account', { cookie, 'sec-fetch-site': 'same-origin' })
  expect(own.status).toBe(200)
  // The label is in every page's field schema; only a shown field has its input.
  expect(own.html).toContain('id="field-currentPassword"')
  const theirs = await page(`/admin/collections/users/${other.body.doc.id}`, { cookie, 'sec-fetch-site': 'same-origin' })
  expect(theirs.status).toBe(200)
  expect(theirs.html).not.toContain('id="field-currentPassword"')
})

it('keeps the API out of Next: /api is answered by Payload with JSON', async () => {
  const res = await fetch(`${server.url}/api/articles`)
  expect(res.headers.get('content-type')).toMatch(/application\/json/)
})

describe('cookie logins and cross-site requests', () => {
  let cookie: string
  beforeAll(async () => {
    const login = await new Api(server.url).post('/api/users/login', { email: ADMIN.email, password: ADMIN.password })
    cookie = login.headers.get('set-cookie')!.split(';')[0]
  })
  const create = (headers: Record<string, string>) =>
    fetch(`${server.url}/api/tags`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ name: `标签${Math.random()}` }),
    })

  it('accepts a cookie-authenticated write from the site itself', async () => {
    expect((await create({ origin: server.url })).status).toBe(201)
  })

  it('refuses a cookie-authenticated write from a foreign origin', async () => {
    expect((await create({ origin: 'https://evil.example' })).status).toBe(403)
    expect((await create({ 'sec-fetch-site': 'cross-site' })).status).toBe(403)
  })
})
