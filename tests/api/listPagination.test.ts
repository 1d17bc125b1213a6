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
  // Three to a minute: ties in publishedAt, broken by id. Not in id order, so neither order is the other.
  for (let n = 0; n < ALL; n++) {
    const publishedAt = new Date(Date.UTC(2026, 10, 1, 8, (n * 7) % 11)).toISOString()
    const category = n < IN_SUB_CHANNEL ? child.body.doc.id : parent.body.doc.id
    const res = await chief.post('/api/articles', { title: `行情速递第${n}期`, category, publishedAt, _status: 'published' })
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
