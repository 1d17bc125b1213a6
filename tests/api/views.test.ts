import pg from 'pg'

import { createStaff, type Staff } from '../helpers/api'
import { startServer, type TestServer } from '../helpers/server'
import { eventually } from '../helpers/wait'

let server: TestServer
let staff: Staff
let db: pg.Pool
const articles: Record<string, { id: number; slug: string }> = {}

beforeAll(async () => {
  server = await startServer({ VIEW_WRITE_SECONDS: '1', API_RATE_LIMIT_PER_MINUTE: '100000' })
  staff = await createStaff(server)
  db = new pg.Pool({ connectionString: server.databaseUrl, max: 1 })
  const root = (await staff.editor.post('/api/categories', { name: '财经' })).body.doc.id
  const macro = (await staff.editor.post('/api/categories', { name: '宏观', parent: root })).body.doc.id
  const banks = (await staff.editor.post('/api/categories', { name: '银行', parent: root })).body.doc.id
  const publish = async (key: string, category: number) => {
    const res = await staff['editor-in-chief'].post('/api/articles', { title: `阅读量测试${key}`, category, _status: 'published' })
    articles[key] = { id: res.body.doc.id, slug: res.body.doc.slug }
  }
  await publish('读', macro)
  await publish('今', macro)
  await publish('周', banks)
  await publish('月', macro)
  articles['稿'] = (await staff.editor.post('/api/articles', { title: '未发布的稿件', category: macro })).body.doc
})
afterAll(async () => {
  await db?.end()
  await server?.stop()
})

const view = (id: number | string, userAgent = 'Mozilla/5.0 (test)') =>
  fetch(`${server.url}/api/articles/${id}/view`, { method: 'POST', headers: { 'user-agent': userAgent } })
const viewsOn = async (slug: string) => (await staff.anonymous.get(`/api/articles/page/${slug}`)).body.views as number
const totalOf = async (id: number) => (await db.query('select views from article_view_totals where article_id = $1', [id])).rows[0]?.views ?? null

it('counts every reader once a window, exactly under concurrent views, written in batches', async () => {
  const { id, slug } = articles['读']
  const answers = await Promise.all(Array.from({ length: 300 }, (_, i) => view(id, `reader-browser ${i}`)))
  expect(new Set(answers.map((res) => res.status))).toEqual(new Set([202]))
  await eventually(async () => (await totalOf(id)) === '300', 'the 300 views written')
  // Refreshes by readers already counted, and by one new reader five times: one more.
  await Promise.all([...Array.from({ length: 20 }, (_, i) => view(id, `reader-browser ${i}`)), ...Array.from({ length: 5 }, () => view(id, 'new-reader'))])
  await eventually(async () => (await totalOf(id)) === '301', 'the new reader counted once')
  await new Promise((resolve) => setTimeout(resolve, 1500))
  expect(await totalOf(id)).toBe('301')
  // Written row by hour, never one row per view.
  expect((await db.query('select count(*)::int as rows, sum(views)::int as views from article_view_hours where article_id = $1', [id])).rows[0]).toEqual({ rows: 1, views: 301 })
  // The page shows what is written (the response cache follows the article, not its views: a fresh page here).
  expect(await viewsOn(slug)).toBe(301)
})

it('counts nothing for a draft or an article that does not exist, and answers them alike', async () => {
  const answers = await Promise.all([view(articles['稿'].id), view(2_000_000)])
  expect(answers.map((res) => res.status)).toEqual([202, 202])
  await new Promise((resolve) => setTimeout(resolve, 2500))
  expect([await totalOf(articles['稿'].id), await totalOf(2_000_000)]).toEqual([null, null])
})

it.each(['abc', '0', '01', '-1', '1.5', '2147483648', '99999999999', '1e3'])('refuses the article id %s with a 400 naming it, in the reader\'s language', async (id) => {
  const res = await view(id)
  expect(res.status).toBe(400)
  expect(await res.json()).toEqual({ errors: [{ message: '文章 ID 应为正整数', data: { code: 'ARTICLE_ID_INVALID', field: 'id' } }] })
  const english = await fetch(`${server.url}/api/articles/${id}/view`, { method: 'POST', headers: { 'accept-language': 'en' } })
  expect((await english.json()).errors[0].message).toBe('An article id is a positive whole number')
})

it('never fails on another spelling of the path', async () => {
  // The draft's: counted nowhere, so the rankings below are the views above alone.
  const { id } = articles['稿']
  for (const path of [`/api/articles/${id}/view/`, `/api/articles/%3${String(id)[0]}${String(id).slice(1)}/view`, `//api/articles/${id}/view`, `/api/articles/${id}/VIEW`, `/api/articles/${id}/view?x=%ZZ`]) {
    const res = await fetch(`${server.url}${path}`, { method: 'POST' })
    expect([path, res.status < 500]).toEqual([path, true])
  }
})

describe('热门: GET /api/articles/hot', () => {
  beforeAll(async () => {
    // Views of past hours, as earlier writes left them.
    const ago = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString()
    for (const [key, hours, views] of [['今', 1, 5], ['周', 72, 100], ['月', 240, 20]] as const) {
      await db.query('insert into article_view_hours (article_id, hour, views) values ($1, $2, $3)', [articles[key].id, ago(hours), views])
    }
  })
  const hot = async (query: string) => {
    const res = await staff.anonymous.get(`/api/articles/hot${query}`)
    expect(res.status).toBe(200)
    return res.body.docs.map((doc: { title: string; views: number }) => [doc.title.replace('阅读量测试', ''), doc.views])
  }

  it('ranks the published articles by their views in the window, a channel with its sub-channels', async () => {
    expect(await hot('')).toEqual([['读', 301], ['今', 5]])
    expect(await hot('?window=7d')).toEqual([['读', 301], ['周', 100], ['今', 5]])
    expect(await hot('?window=30d')).toEqual([['读', 301], ['周', 100], ['月', 20], ['今', 5]])
    expect(await hot('?window=30d&channel=yin-hang')).toEqual([['周', 100]])
    expect(await hot('?window=30d&channel=cai-jing&limit=2')).toEqual([['读', 301], ['周', 100]])
    const res = await staff.anonymous.get('/api/articles/hot?window=7d&channel=hong-guan')
    expect(res.body).toMatchObject({ window: '7d', channel: 'hong-guan' })
    expect(res.body.docs[0]).toEqual({ id: articles['读'].id, title: '阅读量测试读', slug: articles['读'].slug, publishedAt: expect.any(String), views: 301 })
    expect(res.headers.get('cache-control')).toBe('public, max-age=60')
  })

  it('answers the same through GraphQL, refusals naming the argument', async () => {
    const rest = (await staff.anonymous.get('/api/articles/hot?window=30d&channel=cai-jing')).body.docs
    const gql = await staff.anonymous.graphql('{ HotArticles(window: "30d", channel: "cai-jing") { id title slug publishedAt views } }')
    expect(gql.body.data.HotArticles).toEqual(rest)
    const refused = await staff.anonymous.graphql('{ HotArticles(window: "1y", limit: 99) { id } }')
    expect(refused.body.errors![0].extensions.data.code).toBe('HOT_WINDOW_INVALID')
    expect(refused.body.errors![0].extensions.data.errors.map((error: { path: string }) => error.path)).toEqual(['window', 'limit'])
    const unknown = await staff.anonymous.graphql('{ HotArticles(channel: "mei-you-zhe-ge") { id } }')
    expect(unknown.body.errors![0].extensions.data.errors[0].path).toBe('channel')
  })

  it.each([
    ['?window=1y', 'window', 'HOT_WINDOW_INVALID'],
    ['?limit=0', 'limit', 'HOT_LIMIT_INVALID'],
    ['?limit=51', 'limit', 'HOT_LIMIT_INVALID'],
    ['?channel=Not%20A%20Slug', 'channel', 'CHANNEL_SLUG_INVALID'],
    ['?window[]=24h', 'window', 'HOT_WINDOW_INVALID'],
  ])('refuses %s with a 400 naming %s', async (query, field, code) => {
    const res = await staff.anonymous.get(`/api/articles/hot${query}`)
    expect(res.status).toBe(400)
    expect(res.body.errors[0].data).toMatchObject({ code, errors: [expect.objectContaining({ path: field })] })
  })

  it('answers 404 for a channel that does not exist', async () => {
    const res = await staff.anonymous.get('/api/articles/hot?channel=mei-you-zhe-ge')
    expect([res.status, res.body.errors[0].data.code]).toEqual([404, 'CHANNEL_NOT_FOUND'])
  })
})
