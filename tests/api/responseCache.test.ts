import { createStaff, signUpReader, type Api, type Staff } from '../helpers/api'
import { startServer, type TestServer } from '../helpers/server'

let server: TestServer
let staff: Staff
let reader: Api
let articleId: number
let slug: string
let authorId: number

/** The article page as a front end asks for it (see docs/api.md). */
const pagePath = () => `/api/articles/page/${slug}`

beforeAll(async () => {
  server = await startServer()
  staff = await createStaff(server)
  await staff.admin.post('/api/globals/moderation-settings', { mode: 'all' })
  authorId = (await staff.editor.post('/api/authors', { name: '缓存作者' })).body.doc.id
  const article = await staff['editor-in-chief'].post('/api/articles', {
    title: '缓存矩阵：原标题',
    authors: [authorId],
    responsibleEditor: staff.ids.editor,
    _status: 'published',
  })
  articleId = article.body.doc.id
  slug = article.body.doc.slug
  reader = await signUpReader(server, { email: 'cache-reader@readers.test', displayName: '缓存读者' })
})
afterAll(() => server.stop())

/** Reads twice so the second answer comes from the cache, then returns that cached page. */
async function primedPage(path = pagePath()) {
  await staff.anonymous.get(path)
  const cached = await staff.anonymous.get(path)
  expect(cached.headers.get('x-newsroom-cache')).toBe('hit')
  return cached.body
}

const page = async (path = pagePath()) => {
  const res = await staff.anonymous.get(path)
  expect(res.status).toBe(200)
  return res
}
const firstDoc = async () => (await page()).body
const expectNoPage = async () => expect((await staff.anonymous.get(pagePath())).status).toBe(404)

describe('the response cache', () => {
  it('serves a repeated public read from memory, byte for byte, with the same ETag', async () => {
    const first = await page()
    const second = await page()
    expect(['miss', 'hit']).toContain(first.headers.get('x-newsroom-cache'))
    expect(second.headers.get('x-newsroom-cache')).toBe('hit')
    expect(second.body).toEqual(first.body)
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'))
    const revalidated = await fetch(`${server.url}${pagePath()}`, { headers: { 'if-none-match': second.headers.get('etag')! } })
    expect(revalidated.status).toBe(304)
  })

  it('never keeps or serves an answer for a logged-in user', async () => {
    await primedPage()
    const personal = await staff.editor.get(pagePath())
    expect(personal.headers.get('x-newsroom-cache')).toBeNull()
    expect(personal.headers.get('cache-control')).toBe('private, no-store')
  })
})

describe('no stale page after a change', () => {
  it('an edit of the published article', async () => {
    await primedPage()
    await staff['editor-in-chief'].patch(`/api/articles/${articleId}`, { title: '缓存矩阵：新标题', _status: 'published' })
    expect((await firstDoc()).title).toBe('缓存矩阵：新标题')
  })

  it('unpublishing, then publishing again', async () => {
    // A 404 is never kept, so the list without the article is what could go stale on publishing.
    const list = `/api/articles?where[id][equals]=${articleId}&select[title]=true`
    await primedPage()
    await staff['editor-in-chief'].patch(`/api/articles/${articleId}`, { _status: 'draft' })
    await expectNoPage()
    expect((await primedPage(list)).docs).toEqual([])
    await staff['editor-in-chief'].patch(`/api/articles/${articleId}`, { _status: 'published' })
    expect((await firstDoc()).id).toBe(articleId)
    expect((await page(list)).body.docs.map((doc: { id: number }) => doc.id)).toEqual([articleId])
  })

  it('unpublishing an article that has a newer draft', async () => {
    await staff.editor.patch(`/api/articles/${articleId}?draft=true`, { title: '缓存矩阵：编辑中的草稿' })
    await primedPage()
    await staff['editor-in-chief'].patch(`/api/articles/${articleId}`, { _status: 'draft' })
    await expectNoPage()
    expect((await staff.anonymous.get(`/api/articles/${articleId}`)).status).toBe(404)
    await staff['editor-in-chief'].patch(`/api/articles/${articleId}`, { title: '缓存矩阵：新标题', _status: 'published' })
    expect((await firstDoc()).title).toBe('缓存矩阵：新标题')
  })

  it('publishing a new article into the latest list and search', async () => {
    const latest = '/api/articles?sort=-publishedAt&limit=5&select[title]=true'
    const search = `/api/search?q=${encodeURIComponent('最新一篇')}`
    await primedPage(latest)
    expect((await primedPage(search)).docs).toEqual([])
    const fresh = await staff['editor-in-chief'].post('/api/articles', { title: '缓存矩阵：最新一篇', _status: 'published' })
    expect((await page(latest)).body.docs[0].id).toBe(fresh.body.doc.id)
    expect((await page(search)).body.docs.map((doc: { id: number }) => doc.id)).toEqual([fresh.body.doc.id])
  })

  it('a comment approved, then featured', async () => {
    const comment = await reader.post('/api/comments', { article: articleId, body: '缓存测试里的一条评论，说得很有道理。' })
    expect(comment.status).toBe(201)
    const before = await primedPage()
    expect(before.approvedCommentCount).toBe(0)
    await staff.moderator.patch(`/api/comments/${comment.body.doc.id}`, { status: 'approved' })
    expect((await firstDoc()).approvedCommentCount).toBe(1)
    await primedPage()
    await staff.moderator.patch(`/api/comments/${comment.body.doc.id}`, { featured: true })
    const featured = (await firstDoc()).featuredComments.docs
    expect(featured.map((c: { id: number }) => c.id)).toContain(comment.body.doc.id)
  })

  it('a correction notice added', async () => {
    await primedPage()
    const notice = { kind: 'correction', text: '更正：原文数据有误，已改正。', date: new Date().toISOString() }
    await staff['editor-in-chief'].patch(`/api/articles/${articleId}`, { corrections: [notice], _status: 'published' })
    expect((await firstDoc()).corrections).toEqual([expect.objectContaining({ text: notice.text })])
    expect((await page('/api/corrections?limit=5')).body.docs[0]).toMatchObject({ text: notice.text })
  })

  it('the site settings saved', async () => {
    const path = '/api/globals/site-settings'
    await primedPage(path)
    expect((await staff.admin.post(path, { siteName: '缓存测试网', copyrightHolder: '缓存测试传媒有限公司' })).status).toBe(200)
    expect((await page(path)).body.copyrightHolder).toBe('缓存测试传媒有限公司')
  })

  it('an author renamed, on the article page and through GraphQL', async () => {
    const query = `{ Articles(where: { slug: { equals: "${slug}" } }) { docs { authors { name } } } }`
    await staff.anonymous.graphql(query)
    const cached = await staff.anonymous.graphql(query)
    expect(cached.headers.get('x-newsroom-cache')).toBe('hit')
    await primedPage()
    await staff.editor.patch(`/api/authors/${authorId}`, { name: '缓存作者（改名）' })
    expect((await firstDoc()).authors[0].name).toBe('缓存作者（改名）')
    expect((await staff.anonymous.graphql(query)).body.data.Articles.docs[0].authors[0].name).toBe('缓存作者（改名）')
  })

  it('the responsible editor renamed', async () => {
    await primedPage()
    await staff.admin.patch(`/api/users/${staff.ids.editor}`, { name: '缓存编辑' })
    expect((await firstDoc()).responsibleEditorName).toBe('缓存编辑')
  })
})

describe('changes the public cannot see keep the cache', () => {
  it('a draft saved on the published article, a held comment and a new reader', async () => {
    await primedPage()
    const stillCached = async () => {
      const after = await page()
      expect(after.headers.get('x-newsroom-cache')).toBe('hit')
      expect(after.body.title).toBe('缓存矩阵：新标题')
    }
    expect((await staff.editor.patch(`/api/articles/${articleId}?draft=true`, { title: '尚未发布的草稿标题' })).status).toBe(200)
    await stillCached()
    const newReader = await signUpReader(server, { email: 'cache-reader-2@readers.test', displayName: '第二位缓存读者' })
    await stillCached()
    expect((await newReader.post('/api/comments', { article: articleId, body: '另一条还在等待审核的评论。' })).status).toBe(201)
    await stillCached()
  })
})
