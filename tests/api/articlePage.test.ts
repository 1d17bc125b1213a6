import sharp from 'sharp'

import { createStaff, signUpReader, type Staff } from '../helpers/api'
import { startServer, type TestServer } from '../helpers/server'

/** The article page in one request, as docs/api.md documents it. */
const PAGE_QUERY = [
  'depth=2',
  ...['title', 'slug', 'summary', 'source', 'publishedAt', 'updatedAt', 'authors', 'responsibleEditorName', 'category', 'tags', 'coverImage', 'body', 'corrections', 'correctionsJsonLd', 'approvedCommentCount', 'allowComments', 'featuredComments'].map(
    (field) => `select[${field}]=true`,
  ),
].join('&')

let server: TestServer
let staff: Staff
let slug: string

beforeAll(async () => {
  server = await startServer()
  staff = await createStaff(server)
  const png = await sharp({ create: { width: 1200, height: 675, channels: 3, background: '#c0392b' } }).png().toBuffer()
  const upload = async (alt: string) => {
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), `${alt}.png`)
    form.append('_payload', JSON.stringify({ alt, caption: `${alt}的说明` }))
    return (await staff.editor.post('/api/media', form)).body.doc.id as number
  }
  const author = await staff.editor.post('/api/authors', { name: '宋一禾', title: '本网记者', avatar: await upload('作者头像') })
  const root = (await staff.editor.post('/api/categories', { name: '财经' })).body.doc.id
  const channel = (await staff.editor.post('/api/categories', { name: '宏观', parent: root })).body.doc.id
  const tag = (await staff.editor.post('/api/tags', { name: '降准' })).body.doc.id
  const article = await staff['editor-in-chief'].post('/api/articles', {
    title: '央行宣布降准',
    summary: '摘要',
    source: '本网综合',
    authors: [author.body.doc.id],
    responsibleEditor: staff.ids.editor,
    category: channel,
    tags: [tag],
    coverImage: await upload('封面'),
    _status: 'published',
  })
  slug = article.body.doc.slug
})
afterAll(() => server.stop())

it('serves everything an article page shows in one request, and nothing else', async () => {
  const res = await staff.anonymous.get(`/api/articles?where[slug][equals]=${slug}&limit=1&pagination=false&${PAGE_QUERY}`)
  expect(res.status).toBe(200)
  const [page] = res.body.docs
  expect(Object.keys(page).sort()).toEqual(
    ['id', 'title', 'slug', 'summary', 'source', 'publishedAt', 'updatedAt', 'authors', 'responsibleEditorName', 'category', 'tags', 'coverImage', 'body', 'corrections', 'correctionsJsonLd', 'approvedCommentCount', 'allowComments', 'featuredComments'].sort(),
  )
  expect(page.responsibleEditorName).toBe('李编辑')
  expect(page.category).toMatchObject({ name: '宏观', breadcrumbs: [expect.objectContaining({ name: '财经' }), expect.objectContaining({ name: '宏观' })] })
  expect(page.tags).toEqual([expect.objectContaining({ name: '降准', slug: expect.any(String) })])
  expect(Object.keys(page.coverImage).sort()).toEqual(['alt', 'caption', 'credit', 'filename', 'height', 'id', 'sizes', 'url', 'width'])
  expect(page.coverImage.url).toBe(`${server.url}/api/media/file/${encodeURIComponent(page.coverImage.filename)}`)
  expect(page.coverImage.sizes.card).toMatchObject({ width: 768, url: expect.stringContaining('768x432') })
  const [author] = page.authors
  expect(author).toMatchObject({ name: '宋一禾', title: '本网记者' })
  expect(author.avatar.sizes.thumbnail.url).toEqual(expect.any(String))
  expect(JSON.stringify(res.body)).not.toMatch(/@|"createdBy"|"mimeType"|"filesize"|"focalX"|"_status"|"responsibleEditor"/)
})

/** What a list of articles (home, channel, tag, author pages) shows per entry. */
const LIST_QUERY = ['depth=1', 'limit=10', 'sort=-publishedAt', ...['title', 'slug', 'summary', 'publishedAt', 'coverImage', 'category'].map((field) => `select[${field}]=true`)].join('&')

it.each([
  ['latest', ''],
  ['a channel with its sub-channels', 'where[category.breadcrumbs.slug][equals]=cai-jing&'],
  ['a tag', 'where[tags.slug][equals]=jiang-zhun&'],
  ['an author', 'where[authors.slug][equals]=song-yi-he&'],
])('lists %s, paginated, with only what a list shows', async (_name, filter) => {
  const res = await staff.anonymous.get(`/api/articles?${filter}${LIST_QUERY}`)
  expect(res.status).toBe(200)
  expect(res.body).toMatchObject({ totalDocs: 1, page: 1, limit: 10, hasNextPage: false })
  const [entry] = res.body.docs
  expect(Object.keys(entry).sort()).toEqual(['category', 'coverImage', 'id', 'publishedAt', 'slug', 'summary', 'title'])
  expect(entry.slug).toBe(slug)
  expect(entry.coverImage.url).toEqual(expect.stringContaining('/api/media/file/'))
  expect(entry.coverImage.sizes.card.url).toEqual(expect.any(String))
  expect(entry.category.breadcrumbs.map((crumb: { name: string }) => crumb.name)).toEqual(['财经', '宏观'])
})

/** The page less what only it has (阅读量, 相关阅读, 上一篇, 下一篇): the rest is Payload's own answer. */
const payloadPart = ({ views, related, previous, next, ...page }: Record<string, unknown>) => page

describe('GET /api/articles/page/:slug', () => {
  let rich: { id: number; slug: string }
  let linked: { id: number; title: string; slug: string }
  let unpublished: { id: number; slug: string }
  let pendingFeatured: number

  /** An internal link as the admin's editor saves it. */
  const internalLink = (id: number, label: string) => ({
    type: 'link',
    version: 3,
    direction: 'ltr',
    format: '',
    indent: 0,
    fields: { linkType: 'internal', newTab: false, doc: { relationTo: 'articles', value: id } },
    children: [{ type: 'text', version: 1, text: label, format: 0, detail: 0, mode: 'normal', style: '' }],
  })

  beforeAll(async () => {
    await staff.admin.post('/api/globals/moderation-settings', { mode: 'all', readerIntervalSeconds: 0 })
    const [withPortrait] = (await staff.anonymous.get('/api/authors?where[slug][equals]=song-yi-he&depth=0')).body.docs
    const withoutPortrait = (await staff.editor.post('/api/authors', { name: '欧阳澄', title: '特约撰稿人' })).body.doc
    const [channel] = (await staff.anonymous.get('/api/categories?where[slug][equals]=hong-guan&depth=0')).body.docs
    const tags = await Promise.all(['社融', '信贷'].map(async (name) => (await staff.editor.post('/api/tags', { name })).body.doc.id))
    const [cover] = (await staff.anonymous.get('/api/articles?depth=0&select[coverImage]=true')).body.docs.map((doc: { coverImage: number }) => doc.coverImage)
    const linkedDoc = (await staff['editor-in-chief'].post('/api/articles', { title: '前文：十月信贷数据', _status: 'published' })).body.doc
    linked = { id: linkedDoc.id, title: linkedDoc.title, slug: linkedDoc.slug }
    const draft = (await staff.editor.post('/api/articles', { title: '尚未发布的一篇' })).body.doc
    unpublished = { id: draft.id, slug: draft.slug }
    const paragraph = (...children: unknown[]) => ({ type: 'paragraph', version: 1, direction: 'ltr', format: '', indent: 0, textFormat: 0, textStyle: '', children })
    const words = (text: string) => ({ type: 'text', version: 1, text, format: 0, detail: 0, mode: 'normal', style: '' })
    const body = {
      root: {
        type: 'root', version: 1, direction: 'ltr', format: '', indent: 0,
        children: [
          paragraph(words('十一月社融增量超出预期，见'), internalLink(linked.id, '前文'), words('，另见'), internalLink(unpublished.id, '待发稿件'), words('。')),
          { type: 'upload', version: 3, format: '', id: '6b0f8c4e86d9b71458071d01', relationTo: 'media', value: cover, fields: { caption: '正文配图的说明' } },
          paragraph(words('信贷结构继续改善。')),
        ],
      },
    }
    const created = await staff['editor-in-chief'].post('/api/articles', {
      title: '十一月社融数据点评',
      summary: '社融增量超预期',
      source: '本网综合',
      authors: [withoutPortrait.id, withPortrait.id],
      responsibleEditor: staff.ids.editor,
      category: channel.id,
      tags,
      coverImage: cover,
      body,
      corrections: [{ kind: 'clarification', text: '补充说明：数据口径为存量。', date: '2026-11-20T08:00:00.000Z' }],
      _status: 'published',
    })
    expect(created.status).toBe(201)
    rich = { id: created.body.doc.id, slug: created.body.doc.slug }

    const reader = await signUpReader(server, { email: 'page-reader@readers.test', displayName: '页面读者' })
    const comment = async (text: string, review: Record<string, unknown>) => {
      const posted = await reader.post('/api/comments', { article: rich.id, body: text })
      expect(posted.status).toBe(201)
      if (Object.keys(review).length > 0) expect((await staff.moderator.patch(`/api/comments/${posted.body.doc.id}`, review)).status).toBe(200)
      return posted.body.doc.id as number
    }
    await comment('社融超预期，说明稳增长政策正在见效。', { status: 'approved', featured: true })
    await comment('信贷结构改善值得关注，企业中长期贷款回暖。', { status: 'approved', featured: true })
    await comment('只通过、不精选的一条评论。', { status: 'approved' })
    pendingFeatured = await comment('精选了却还没通过审核的评论。', { featured: true })
    // A draft on top of the published article: the page stays the published one.
    await staff.editor.patch(`/api/articles/${rich.id}?draft=true`, { title: '十一月社融数据点评（改稿中）' })
  })

  it("answers what Payload's find with the page's select answers, but for linked articles' other fields", async () => {
    const res = await staff.anonymous.get(`/api/articles/page/${rich.slug}`)
    expect(res.status).toBe(200)
    const payloadPage = (await staff.anonymous.get(`/api/articles?where[slug][equals]=${rich.slug}&limit=1&pagination=false&${PAGE_QUERY}`)).body.docs[0]
    const page = payloadPart(res.body) as typeof res.body
    const links = (doc: { body: { root: { children: { children?: { type: string; fields?: { doc: { value: unknown } } }[] }[] } } }) =>
      doc.body.root.children[0].children!.filter((node) => node.type === 'link').map((node) => node.fields!.doc)
    // A link to a published article carries what a link needs; one to an unpublished article, its id alone.
    expect(links(page).map((doc) => doc.value)).toEqual([linked, unpublished.id])
    expect(links(payloadPage).map((doc) => (typeof doc.value === 'object' ? (doc.value as { id: number }).id : doc.value))).toEqual([linked.id, unpublished.id])
    for (const doc of links(payloadPage)) if (typeof doc.value === 'object') doc.value = linked
    expect(page).toEqual(payloadPage)

    expect(page.title).toBe('十一月社融数据点评')
    expect(page.authors.map((author: { name: string; avatar: unknown }) => [author.name, author.avatar === null])).toEqual([['欧阳澄', true], ['宋一禾', false]])
    expect(page.body.root.children[1].value).toMatchObject({ id: page.coverImage.id, url: page.coverImage.url })
    expect(page.corrections).toEqual([expect.objectContaining({ kind: 'clarification', date: '2026-11-20T08:00:00.000Z', text: '补充说明：数据口径为存量。' })])
    expect(page.correctionsJsonLd).toHaveLength(1)
    expect(page.featuredComments.docs.map((c: { body: string }) => c.body)).toEqual(['信贷结构改善值得关注，企业中长期贷款回暖。', '社融超预期，说明稳增长政策正在见效。'])
    expect(page.featuredComments.docs.map((c: { id: number }) => c.id)).not.toContain(pendingFeatured)
    expect(page.featuredComments.docs[0].commenter).toEqual({ displayName: '页面读者', avatarUrl: null, profession: null, professionLabel: null })
    expect(page.approvedCommentCount).toBe(3)
    // No email, and no field kept from the public ("@type" is the JSON-LD's own).
    expect(JSON.stringify(page)).not.toMatch(/[\w.-]+@[\w-]+\.|"createdBy"|"mimeType"|"filesize"|"focalX"|"_status"|"responsibleEditor"|"reviewHistory"|"reader"|"ip"|"status"/)
  })

  it("answers what Payload's find answers for an article with nothing but a title, and for one with more 精彩评论 than a page shows", async () => {
    const payloadPage = async (slug: string) => (await staff.anonymous.get(`/api/articles?where[slug][equals]=${slug}&limit=1&pagination=false&${PAGE_QUERY}`)).body.docs[0]
    const bare = (await staff['editor-in-chief'].post('/api/articles', { title: '只有标题的快讯', _status: 'published' })).body.doc
    const busy = (await staff['editor-in-chief'].post('/api/articles', { title: '评论很多的一篇', _status: 'published' })).body.doc
    const reader = await signUpReader(server, { email: 'page-busy@readers.test', displayName: '常评读者' })
    expect((await staff.admin.post('/api/globals/moderation-settings', { ipLimit: 10_000 })).status).toBe(200)
    for (let i = 1; i <= 11; i++) {
      const posted = await reader.post('/api/comments', { article: busy.id, body: `第${i}条精彩评论：观点鲜明。` })
      expect((await staff.moderator.patch(`/api/comments/${posted.body.doc.id}`, { status: 'approved', featured: true })).status).toBe(200)
    }
    for (const { slug } of [bare, busy]) {
      const res = await staff.anonymous.get(`/api/articles/page/${slug}`)
      expect([slug, res.status, payloadPart(res.body)]).toEqual([slug, 200, await payloadPage(slug)])
    }
    const { featuredComments } = (await staff.anonymous.get(`/api/articles/page/${busy.slug}`)).body
    expect([featuredComments.docs.length, featuredComments.hasNextPage, featuredComments.docs[0].body]).toEqual([10, true, '第11条精彩评论：观点鲜明。'])
  })

  it('is the same for a logged-in reader or editor as for the public, and is cached once for all', async () => {
    const path = `/api/articles/page/${rich.slug}`
    const publicPage = await staff.anonymous.get(path)
    expect((await staff.anonymous.get(path)).headers.get('x-newsroom-cache')).toBe('hit')
    const asEditor = await staff.editor.get(path)
    expect(asEditor.headers.get('cache-control')).toBe('private, no-store')
    expect(asEditor.body).toEqual(publicPage.body)
  })

  it.each([
    ['an unpublished article', () => `/api/articles/page/${unpublished.slug}`],
    ['no article', () => '/api/articles/page/mei-you-zhe-pian'],
    ['a malformed slug', () => `/api/articles/page/${encodeURIComponent("x' or '1'='1")}`],
    ['an over-long slug', () => `/api/articles/page/${'a'.repeat(5000)}`],
  ])('answers 404 for %s, in the reader\'s language', async (_name, path) => {
    const res = await staff.anonymous.get(path())
    expect([res.status, res.body.errors]).toEqual([404, [{ message: '找不到这篇文章', data: { code: 'ARTICLE_NOT_FOUND' } }]])
    const inEnglish = await staff.anonymous.inLanguage('en-GB,en;q=0.9').get(path())
    expect([inEnglish.status, inEnglish.body.errors]).toEqual([404, [{ message: 'Article not found', data: { code: 'ARTICLE_NOT_FOUND' } }]])
  })
})

describe('where the article page points readers on: 相关阅读, 上一篇, 下一篇', () => {
  type Teaser = { id: number; title: string; slug: string; publishedAt: string }
  type ReadOn = { related: Teaser[]; previous: Teaser | null; next: Teaser | null; views: number }
  /** The page's links over REST, checked against GraphQL's `ArticleReadOn`, which must say the same. */
  const page = async (slug: string) => {
    const rest = (await staff.anonymous.get(`/api/articles/page/${slug}`)).body as ReadOn
    const gql = await staff.anonymous.graphql(`{ ArticleReadOn(slug: ${JSON.stringify(slug)}) { related { id title slug publishedAt } previous { id title slug publishedAt } next { id title slug publishedAt } views } }`)
    expect(gql.body.data.ArticleReadOn).toEqual({ related: rest.related, previous: rest.previous, next: rest.next, views: rest.views })
    return rest
  }
  const titles = (teasers: Teaser[]) => teasers.map((teaser) => teaser.title)
  const articles: Record<string, { id: number; slug: string; title: string }> = {}

  beforeAll(async () => {
    const root = (await staff.editor.post('/api/categories', { name: '债券' })).body.doc.id
    const bonds = (await staff.editor.post('/api/categories', { name: '债市观察', parent: root })).body.doc.id
    const funds = (await staff.editor.post('/api/categories', { name: '基金观察', parent: root })).body.doc.id
    const [treasuries, rates] = await Promise.all(['国债', '利率'].map(async (name) => (await staff.editor.post('/api/tags', { name })).body.doc.id))
    const publish = async (key: string, data: Record<string, unknown>) => {
      const res = await staff['editor-in-chief'].post('/api/articles', { ...data, _status: 'published' })
      expect(res.status).toBe(201)
      articles[key] = { id: res.body.doc.id, slug: res.body.doc.slug, title: res.body.doc.title }
    }
    // In publication order within 债市观察; 三 and 四 at the same minute, so their ids decide.
    await publish('一', { title: '一季度国债发行提速', category: bonds, tags: [treasuries], publishedAt: '2026-11-01T02:00:00.000Z' })
    await publish('二', { title: '地方债置换进入高峰', category: bonds, tags: [treasuries, rates], publishedAt: '2026-11-02T02:00:00.000Z' })
    await publish('三', { title: '信用债违约率回落', category: bonds, publishedAt: '2026-11-03T02:00:00.000Z' })
    await publish('四', { title: '同业存单利率上行', category: bonds, tags: [rates], publishedAt: '2026-11-03T02:00:00.000Z' })
    await publish('五', { title: '国债收益率曲线陡峭化', category: bonds, tags: [treasuries, rates], publishedAt: '2026-11-04T02:00:00.000Z' })
    // Both tags, another channel; and one sharing only words of the title, in no channel and with no tag.
    await publish('他', { title: '债基规模再创新高', category: funds, tags: [treasuries, rates], publishedAt: '2026-11-02T03:00:00.000Z' })
    await publish('题', { title: '收益率曲线倒挂回顾', publishedAt: '2026-10-01T02:00:00.000Z' })
    // Never published, though dated between 四 and 五 and tagged like 五: on no page.
    const draft = await staff.editor.post('/api/articles', { title: '尚未发布的国债快评', category: bonds, tags: [treasuries, rates], publishedAt: '2026-11-03T12:00:00.000Z' })
    expect(draft.status).toBe(201)
  })

  it('lists related articles by shared tags and channel, then by words of the title, never a draft or the article itself', async () => {
    const { related } = await page(articles['五'].slug)
    // 二: both tags and the channel; 他: both tags; 四 and 一: one tag and the channel (the newer first); 题: the title's words.
    expect(titles(related)).toEqual(['地方债置换进入高峰', '债基规模再创新高', '同业存单利率上行', '一季度国债发行提速', '收益率曲线倒挂回顾'])
    expect(related[0]).toEqual({ id: articles['二'].id, title: '地方债置换进入高峰', slug: articles['二'].slug, publishedAt: '2026-11-02T02:00:00.000Z' })
  })

  it('links each article of a channel to the one published just before and just after it, ties in time in id order', async () => {
    const chain = ['一', '二', '三', '四', '五']
    for (const [index, key] of chain.entries()) {
      const { previous, next } = await page(articles[key].slug)
      expect([key, previous?.title ?? null, next?.title ?? null]).toEqual([key, articles[chain[index - 1]]?.title ?? null, articles[chain[index + 1]]?.title ?? null])
    }
    expect(await page(articles['题'].slug)).toMatchObject({ previous: null, next: null })
  })

  it('follows a change: an unpublished article leaves its neighbours and the related lists', async () => {
    expect((await staff['editor-in-chief'].patch(`/api/articles/${articles['四'].id}`, { _status: 'draft' })).status).toBe(200)
    const third = await page(articles['三'].slug)
    expect(third.next?.title).toBe('国债收益率曲线陡峭化')
    expect(titles((await page(articles['五'].slug)).related)).not.toContain('同业存单利率上行')
  })

  it('refuses in GraphQL what the page cannot show: an unpublished article, a made-up or malformed slug', async () => {
    for (const slug of [articles['四'].slug, 'mei-you-zhe-pian', '../../admin', '']) {
      const res = await staff.anonymous.graphql(`{ ArticleReadOn(slug: ${JSON.stringify(slug)}) { related { id } } }`)
      const [error] = res.body.errors!
      expect([slug, res.body.data.ArticleReadOn, error.extensions.data.code, error.extensions.data.errors]).toEqual([slug, null, 'ARTICLE_NOT_FOUND', [expect.objectContaining({ path: 'slug', message: '找不到这篇文章' })]])
    }
  })
})
