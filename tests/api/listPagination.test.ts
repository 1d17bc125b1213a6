import sharp from 'sharp'

import { createStaff, invalidPaths, type Staff } from '../helpers/api'
import { startServer, type TestServer } from '../helpers/server'

/**
 * Channel lists page after page, by `page` and by keyset (docs/api.md, "Deep pages"), and the totals
 * of a find, counted exactly up to FIND_EXACT_COUNT_UP_TO (lowered here so that a few articles
 * cross it) and estimated beyond.
 */
const EXACT_UP_TO = 10
const IN_SECTION = 24
const IN_SUB_CHANNEL = 7
const ALL = IN_SECTION + IN_SUB_CHANNEL

type ListItem = { id: number; publishedAt: string }
type ListPage = { docs: ListItem[]; totalDocs: number; totalPages: number; hasNextPage: boolean; totalDocsExact?: boolean }

let server: TestServer
let staff: Staff
let section: string
let subChannel: string
let subChannelId: number

beforeAll(async () => {
  server = await startServer({ FIND_EXACT_COUNT_UP_TO: String(EXACT_UP_TO) })
  staff = await createStaff(server)
  const chief = staff['editor-in-chief']
  const parent = await chief.post('/api/categories', { name: '市场' })
  const child = await chief.post('/api/categories', { name: '股市', parent: parent.body.doc.id })
  section = parent.body.doc.slug
  subChannel = child.body.doc.slug
  subChannelId = child.body.doc.id
  const png = await sharp({ create: { width: 800, height: 450, channels: 3, background: '#2e86c1' } }).png().toBuffer()
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'cover.png')
  form.append('_payload', JSON.stringify({ alt: '行情封面' }))
  const cover = (await chief.post('/api/media', form)).body.doc.id
  // Three to a minute: ties in publishedAt, broken by id. Not in id order, so neither order is the other.
  for (let n = 0; n < ALL; n++) {
    const publishedAt = new Date(Date.UTC(2026, 10, 1, 8, (n * 7) % 11)).toISOString()
    const category = n < IN_SUB_CHANNEL ? child.body.doc.id : parent.body.doc.id
    const coverImage = n % 3 === 0 ? cover : undefined
    const res = await chief.post('/api/articles', { title: `行情速递第${n}期`, summary: n % 2 ? `第${n}期摘要` : undefined, category, coverImage, publishedAt, _status: 'published' })
    if (res.status !== 201) throw new Error(`publishing article ${n} failed: ${res.status} ${JSON.stringify(res.body)}`)
  }
}, 120_000)
afterAll(() => server?.stop())

const channel = (slug: string) => `where[category.breadcrumbs.slug][equals]=${slug}&sort=-publishedAt,-id&depth=0&select[publishedAt]=true`

async function list(path: string): Promise<ListPage> {
  const res = await staff.anonymous.get<ListPage>(path)
  expect(res.status).toBe(200)
  return res.body
}

/** The keyset after the last article a reader has: older, or as old with a smaller id. */
const after = ({ id, publishedAt }: ListItem) => {
  const at = encodeURIComponent(publishedAt)
  return `&where[publishedAt][less_than_equal]=${at}&where[or][0][publishedAt][less_than]=${at}&where[or][1][id][less_than]=${id}`
}

describe('channel lists page by page', () => {
  it('reads the same articles by keyset as by page number, ties in publishedAt included', async () => {
    const limit = 4
    const whole = (await list(`/api/articles?${channel(section)}&limit=100`)).docs
    expect(whole).toHaveLength(ALL)

    const byPage: ListItem[] = []
    for (let page = 1; page <= Math.ceil(ALL / limit); page++) byPage.push(...(await list(`/api/articles?${channel(section)}&limit=${limit}&page=${page}`)).docs)

    const byKeyset: ListItem[] = []
    for (let last: ListItem | undefined; ; ) {
      const { docs } = await list(`/api/articles?${channel(section)}&limit=${limit}${last ? after(last) : ''}`)
      if (docs.length === 0) break
      byKeyset.push(...docs)
      last = docs[docs.length - 1]
    }

    expect(byPage.map(({ id }) => id)).toEqual(whole.map(({ id }) => id))
    expect(byKeyset.map(({ id }) => id)).toEqual(whole.map(({ id }) => id))
    const tied = new Set(whole.map(({ publishedAt }) => publishedAt))
    expect(tied.size).toBeLessThan(ALL)
  })

  it('reads a channel query beside other conditions on the channel, and an unknown channel as empty', async () => {
    const outsideSubChannel = await list(`/api/articles?${channel(section)}&where[category][not_equals]=${subChannelId}&limit=100`)
    expect(outsideSubChannel.totalDocs).toBe(IN_SECTION)
    const either = await list(`/api/articles?where[or][0][category.breadcrumbs.slug][equals]=${subChannel}&where[or][1][title][equals]=${encodeURIComponent('行情速递第30期')}&limit=100&depth=0`)
    expect(either.totalDocs).toBe(IN_SUB_CHANNEL + 1)
    expect((await list(`/api/articles?${channel('no-such-channel')}`)).docs).toEqual([])
  })

  it('refuses a page deeper than 10,000 articles, naming `page` and pointing to the keyset, over REST and GraphQL', async () => {
    expect((await staff.anonymous.get('/api/articles?limit=10&page=1001&depth=0')).status).toBe(200)
    const deep = await staff.anonymous.inLanguage('en').get('/api/articles?limit=10&page=1002')
    expect(deep.status).toBe(400)
    expect(invalidPaths(deep.body)).toEqual(['page'])
    expect(deep.body.errors[0].data.code).toBe('PAGE_TOO_DEEP')
    expect(deep.body.errors[0].data.errors[0].message).toMatch(/page 1001 is the last one.*keyset/)
    const inChinese = await staff.anonymous.get('/api/articles?limit=100&page=102')
    expect(inChinese.body.errors[0].data.errors[0].message).toMatch(/^页码过深：每页 100 条时最多翻到第 101 页/)

    const graphql = await staff.anonymous.graphql('{ Articles(limit: 10, page: 1002) { docs { id } } }')
    expect(graphql.body.errors?.[0].extensions).toMatchObject({ statusCode: 400, data: { code: 'PAGE_TOO_DEEP', errors: [{ path: 'page' }] } })
  })
})

describe('totals', () => {
  it('counts a small result exactly', async () => {
    const small = await list(`/api/articles?${channel(subChannel)}&limit=4`)
    expect(small).toMatchObject({ totalDocs: IN_SUB_CHANNEL, totalPages: 2, hasNextPage: true })
    expect(small.totalDocsExact).toBeUndefined()
  })

  it('counts each article once however many times the joins of its `where` repeat it', async () => {
    const chief = staff['editor-in-chief']
    const tags = await Promise.all(['降准', '降息'].map(async (name) => (await chief.post('/api/tags', { name })).body.doc as { id: number; slug: string }))
    for (let n = 0; n < 8; n++) {
      const res = await chief.post('/api/articles', { title: `货币政策解读第${n}期`, tags: tags.map(({ id }) => id), _status: 'published' })
      expect(res.status).toBe(201)
    }
    // Each article matches through both of its tags: 16 rows, 8 articles.
    const tagged = await list(`/api/articles?where[or][0][tags.slug][equals]=${tags[0].slug}&where[or][1][tags.slug][equals]=${tags[1].slug}&limit=4&depth=0`)
    expect(tagged).toMatchObject({ totalDocs: 8, totalPages: 2, hasNextPage: true })
    expect(tagged.totalDocsExact).toBeUndefined()
  })

  it('estimates beyond the bound, says so, and keeps every page it promises', async () => {
    const first = await list(`/api/articles?${channel(section)}&limit=4`)
    expect(first.totalDocsExact).toBe(false)
    expect(first.totalDocs).toBeGreaterThan(EXACT_UP_TO)
    expect(first).toMatchObject({ totalPages: Math.ceil(first.totalDocs / 4), hasNextPage: true })
    // The count endpoint is still exact.
    expect((await staff.anonymous.get(`/api/articles/count?where[category.breadcrumbs.slug][equals]=${section}`)).body).toEqual({ totalDocs: ALL })

    // A page past the bound counts to its own end: a next page is known, the last one is exact.
    const beforeLast = await list(`/api/articles?${channel(section)}&limit=4&page=7`)
    expect(beforeLast).toMatchObject({ hasNextPage: true, totalDocsExact: false })
    expect(beforeLast.totalDocs).toBeGreaterThan(28)
    const last = await list(`/api/articles?${channel(section)}&limit=4&page=8`)
    expect(last).toMatchObject({ totalDocs: ALL, totalPages: 8, hasNextPage: false })
    expect(last.docs).toHaveLength(ALL - 28)
    expect(last.totalDocsExact).toBeUndefined()
  })

  it('bounds the count of GraphQL finds, of drafts (what the admin lists) and of versions alike', async () => {
    const graphql = await staff.anonymous.graphql<{ Articles: { totalDocs: number; hasNextPage: boolean } }>('{ Articles(limit: 4) { totalDocs hasNextPage } }')
    expect(graphql.body.data?.Articles.hasNextPage).toBe(true)
    expect(graphql.body.data?.Articles.totalDocs).toBeGreaterThan(EXACT_UP_TO)

    const drafts = await staff.editor.get<ListPage>('/api/articles?draft=true&limit=4&depth=0')
    expect(drafts.body).toMatchObject({ totalDocsExact: false, hasNextPage: true })
    expect(drafts.body.totalDocs).toBeGreaterThan(EXACT_UP_TO)
    const versions = await staff.editor.get<ListPage>('/api/articles/versions?limit=4&depth=0')
    expect(versions.body).toMatchObject({ totalDocsExact: false, hasNextPage: true })

    const fewDrafts = await staff.editor.get<ListPage>(`/api/articles?draft=true&limit=4&depth=0&where[category.breadcrumbs.slug][equals]=${subChannel}`)
    expect(fewDrafts.body).toMatchObject({ totalDocs: IN_SUB_CHANNEL, hasNextPage: true })
    expect(fewDrafts.body.totalDocsExact).toBeUndefined()
  })
})

describe('the channel list: GET /api/articles/channel/:slug', () => {
  type ChannelPage = { channel: { slug: string }; docs: (ListItem & Record<string, unknown>)[]; hasNextPage: boolean; nextAfter: string | null }
  const LIST_SELECT = ['title', 'slug', 'summary', 'publishedAt', 'coverImage', 'category'].map((field) => `select[${field}]=true`).join('&')
  const channelPage = async (slug: string, query = '') => {
    const res = await staff.anonymous.get<ChannelPage>(`/api/articles/channel/${slug}${query}`)
    expect(res.status).toBe(200)
    return res.body
  }
  /** Every page, following `nextAfter`. */
  const allPages = async (slug: string, limit: number) => {
    const pages: ChannelPage[] = []
    for (let after: string | null = ''; after !== null; ) {
      pages.push(await channelPage(slug, `?limit=${limit}${after ? `&after=${encodeURIComponent(after)}` : ''}`))
      after = pages.at(-1)!.nextAfter
    }
    return pages
  }

  it('pages through the same articles, in the same shape, as the REST find of the channel query at depth 1', async () => {
    for (const [slug, count] of [[section, ALL], [subChannel, IN_SUB_CHANNEL]] as const) {
      const find = (await list(`/api/articles?where[category.breadcrumbs.slug][equals]=${slug}&sort=-publishedAt,-id&depth=1&${LIST_SELECT}&limit=100`)).docs
      expect(find).toHaveLength(count)
      const pages = await allPages(slug, 4)
      expect(pages.flatMap((page) => page.docs)).toEqual(find)
      expect(pages.map((page) => page.hasNextPage)).toEqual(pages.map((_, i) => i < pages.length - 1))
      expect(pages.map((page) => page.docs.length)).toEqual(pages.map((_, i) => (i < pages.length - 1 ? 4 : count - 4 * (pages.length - 1))))
      expect(pages[0].channel.slug).toBe(slug)
      // The first page at the default size is the first 20.
      expect((await channelPage(slug)).docs).toEqual(find.slice(0, 20))
    }
    const covered = (await channelPage(section, '?limit=50')).docs.find((doc) => doc.coverImage)
    expect(covered?.coverImage).toMatchObject({ alt: '行情封面', url: expect.stringMatching(/\/api\/media\/file\/cover.*\.png$/) })
  })

  it('answers the same through GraphQL', async () => {
    const rest = await channelPage(section, '?limit=5')
    const query = `{ ChannelList(channel: "${section}", limit: 5, after: "${rest.nextAfter}") { hasNextPage nextAfter channel { slug } docs { id title slug publishedAt category { slug breadcrumbs { slug } } coverImage { alt url } } } }`
    const second = await channelPage(section, `?limit=5&after=${encodeURIComponent(rest.nextAfter!)}`)
    const gql = await staff.anonymous.graphql(query)
    expect(gql.body.errors).toBeUndefined()
    expect(gql.body.data.ChannelList).toEqual({
      hasNextPage: second.hasNextPage,
      nextAfter: second.nextAfter,
      channel: { slug: section },
      docs: second.docs.map(({ id, title, slug, publishedAt, category, coverImage }: any) => ({
        id, title, slug, publishedAt,
        category: { slug: category.slug, breadcrumbs: category.breadcrumbs.map((crumb: any) => ({ slug: crumb.slug })) },
        coverImage: coverImage && { alt: coverImage.alt, url: coverImage.url },
      })),
    })
    const refused = await staff.anonymous.graphql(`{ ChannelList(channel: "${section}", limit: 0, after: "yesterday") { hasNextPage } }`)
    expect(refused.body.errors![0].extensions.data.errors.map((error: { path: string }) => error.path)).toEqual(['limit', 'after'])
  })

  it('never lists a draft, and follows an unpublished article out of the list', async () => {
    const chief = staff['editor-in-chief']
    const before = (await channelPage(section, '?limit=50')).docs.map((doc) => doc.id)
    const draft = (await staff.editor.post('/api/articles', { title: '行情速递草稿', category: subChannelId, publishedAt: '2027-01-01T00:00:00.000Z' })).body.doc.id
    const published = (await chief.post('/api/articles', { title: '行情速递快讯', category: subChannelId, publishedAt: '2027-01-02T00:00:00.000Z', _status: 'published' })).body.doc.id
    expect((await channelPage(section, '?limit=50')).docs.map((doc) => doc.id)).toEqual([published, ...before])
    expect((await chief.patch(`/api/articles/${published}`, { _status: 'draft' })).status).toBe(200)
    const after = (await channelPage(section, '?limit=50')).docs.map((doc) => doc.id)
    expect(after).toEqual(before)
    expect(after).not.toContain(draft)
  })

  it.each([
    ['?limit=0', 'limit'],
    ['?limit=51', 'limit'],
    ['?limit=abc', 'limit'],
    ['?limit[]=5', 'limit'],
    ['?after=yesterday', 'after'],
    ['?after=2026-13-01T00:00:00.000Z~5', 'after'],
    ['?after=2026-11-01T08:00:00.000Z~0', 'after'],
    ['?after=2026-11-01T08:00:00.000Z~2147483648', 'after'],
    ['?after[]=x', 'after'],
  ])('refuses %s with a 400 naming %s', async (query, field) => {
    const res = await staff.anonymous.get(`/api/articles/channel/${section}${query}`)
    expect(res.status).toBe(400)
    expect(invalidPaths(res.body)).toEqual([field])
  })

  it('answers 404 for a channel that does not exist, and 400 for a slug no channel can have', async () => {
    const missing = await staff.anonymous.inLanguage('en').get('/api/articles/channel/no-such-channel')
    expect([missing.status, missing.body.errors[0].data.code, missing.body.errors[0].message]).toEqual([404, 'CHANNEL_NOT_FOUND', 'Channel not found'])
    const bad = await staff.anonymous.get(`/api/articles/channel/${encodeURIComponent('频道 名')}`)
    expect([bad.status, invalidPaths(bad.body)]).toEqual([400, ['channel']])
  })
})
