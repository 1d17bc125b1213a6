import sharp from 'sharp'

import { createStaff, type Staff } from '../helpers/api'
import { startServer, type TestServer } from '../helpers/server'

/** The article page in one request, as the README documents it. */
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
