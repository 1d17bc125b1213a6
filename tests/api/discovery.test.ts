/**
 * What search engines and feed readers fetch, from the real server: robots.txt, the sitemap index
 * and every sitemap it lists, the Google News sitemap, the RSS feeds, their caching, and the pushes
 * of new articles to Baidu and IndexNow, received here by a local receiver standing in for both.
 * SITEMAP_URLS_PER_FILE is 2, so a month of three articles already needs two files.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser'

import { createStaff, type Staff } from '../helpers/api'
import { startServer, type TestServer } from '../helpers/server'
import { eventually } from '../helpers/wait'
import { startWebhookReceiver } from '../helpers/webhookReceiver'

const SITE = 'https://www.example.com'
const KEY = 'c0ffee00c0ffee00c0ffee00'
const TOKEN = 'baidu-token-123'
const DRAFT_MARK = '【未发布草稿】'
const HOSTILE_TITLE = '央行]]><script>alert(1)</script> & "降准"\u0001\u0008\u001f 完'
const HOSTILE_SHOWN = '央行]]><script>alert(1)</script> & "降准" 完'
const HOUR = 3_600_000

const W3C_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/
const RFC_822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} \+0800$/
/** Characters XML 1.0 cannot carry: a parser stops at the first. */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/u

let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>
let server: TestServer
let staff: Staff

type Created = { id: number; slug: string; title: string }
const articles: Record<string, Created> = {}
const channels: Record<string, { id: number; slug: string }> = {}

const baiduPath = `/baidu?site=${encodeURIComponent(SITE)}&token=${TOKEN}`

async function publish(name: string, data: Record<string, unknown>): Promise<Created> {
  const res = await staff['editor-in-chief'].post('/api/articles', { source: '本网', _status: 'published', ...data })
  expect([res.status, res.status === 201 ? null : res.body]).toEqual([201, null])
  const { id, slug, title } = res.body.doc
  return (articles[name] = { id, slug, title })
}

const hoursAgo = (hours: number) => new Date(Date.now() - hours * HOUR).toISOString()
const urlOf = (article: Created) => `${SITE}/articles/${article.slug}`

const parser = new XMLParser({
  ignoreAttributes: false,
  parseTagValue: false,
  trimValues: false,
  isArray: (name) => ['url', 'sitemap', 'item', 'dc:creator'].includes(name),
})

/** A document fetched anonymously: well-formed XML, nothing XML cannot carry, and parsed. */
async function xml(path: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${server.url}${path}`, { headers })
  const text = await res.text()
  if (res.status === 200) {
    expect(XMLValidator.validate(text)).toBe(true)
    expect(text).not.toMatch(NOT_XML)
  }
  return { status: res.status, headers: res.headers, text, doc: res.status === 200 ? parser.parse(text) : null }
}

/** Every sitemap the index lists, fetched: each well-formed, absolute and within the file limit. */
async function everySitemap() {
  const index = await xml('/sitemap.xml')
  expect(index.status).toBe(200)
  const listed: { loc: string; lastmod?: string }[] = index.doc.sitemapindex.sitemap
  const files = []
  for (const { loc, lastmod } of listed) {
    expect(loc.startsWith(`${SITE}/sitemap-`)).toBe(true)
    if (lastmod !== undefined) expectW3c(lastmod)
    const file = await xml(new URL(loc).pathname)
    expect(file.status).toBe(200)
    files.push({ loc, urls: (file.doc.urlset.url ?? []) as { loc: string; lastmod?: string; 'news:news'?: unknown }[] })
  }
  return files
}

function expectW3c(value: string) {
  expect(value).toMatch(W3C_DATETIME)
  expect(Number.isNaN(Date.parse(value))).toBe(false)
}

beforeAll(async () => {
  receiver = await startWebhookReceiver()
  // No WEBHOOK_ALLOW_PRIVATE_URLS: the engines' endpoints are the operator's own, not held to the
  // public-address rules, so a receiver on 127.0.0.1 gets the pushes as it is.
  server = await startServer({
    PORTAL_URL: SITE,
    SITEMAP_URLS_PER_FILE: '2',
    BAIDU_PUSH_TOKEN: TOKEN,
    BAIDU_PUSH_ENDPOINT: receiver.url('/baidu'),
    INDEXNOW_KEY: KEY,
    INDEXNOW_ENDPOINT: receiver.url('/indexnow'),
    WEBHOOK_RETRY_DELAY_MS: '200',
    WEBHOOK_MAX_ATTEMPTS: '2',
    WEBHOOK_TIMEOUT_MS: '1000',
  })
  staff = await createStaff(server)
  expect((await staff['editor-in-chief'].post('/api/globals/site-settings', { siteName: '楚天财经网' })).status).toBe(200)
  for (const [name, parent] of [['财经', null], ['宏观', '财经'], ['行业资讯', null]] as const) {
    const res = await staff.editor.post('/api/categories', { name, parent: parent && channels[parent].id })
    expect(res.status).toBe(201)
    channels[name] = { id: res.body.doc.id, slug: res.body.doc.slug }
  }
  const author = (await staff.editor.post('/api/authors', { name: '宋一禾' })).body.doc.id

  await publish('news', { title: '央行宣布降准', summary: '降准的背景与影响。', authors: [author], category: channels['宏观'].id, publishedAt: hoursAgo(1) })
  await publish('section', { title: '财经要闻', category: channels['财经'].id, publishedAt: hoursAgo(2) })
  await publish('elsewhere', { title: '保险业动态', category: channels['行业资讯'].id, publishedAt: hoursAgo(3) })
  await publish('hostile', { title: HOSTILE_TITLE, summary: `摘要]]>${'\u0002'}<b>`, publishedAt: hoursAgo(4) })
  await publish('stale', { title: '两天多以前的稿件', publishedAt: hoursAgo(49) })
  // Three in a month: two files of two and one.
  for (const day of [3, 4, 5]) await publish(`march${day}`, { title: `三月稿件${day}`, publishedAt: `2025-03-0${day}T02:00:00.000Z` })
  // A month whose first and last ids lie five apart, with none of its articles between them.
  await publish('aprilFirst', { title: '四月稿件一', publishedAt: '2025-04-10T02:00:00.000Z' })
  for (const n of [1, 2, 3, 4]) await publish(`january${n}`, { title: `一月稿件${n}`, publishedAt: `2024-01-1${n}T02:00:00.000Z` })
  await publish('aprilLast', { title: '四月稿件二', publishedAt: '2025-04-20T02:00:00.000Z' })
  // The last minutes of May in Beijing, and the first of June (still May 31 in UTC).
  await publish('mayEnd', { title: '五月最后一篇', publishedAt: '2025-05-31T15:59:00.000Z' })
  await publish('juneStart', { title: '六月第一篇', publishedAt: '2025-05-31T16:30:00.000Z' })

  const draft = await staff['editor-in-chief'].post('/api/articles', { title: `${DRAFT_MARK}从未发布`, summary: DRAFT_MARK })
  expect(draft.status).toBe(201)
  articles.draft = draft.body.doc
  const unpublished = await publish('unpublished', { title: '已撤回的稿件', publishedAt: hoursAgo(5) })
  expect((await staff['editor-in-chief'].patch(`/api/articles/${unpublished.id}`, { _status: 'draft' })).status).toBe(200)
  // A draft saved over a live article: readers keep the live version.
  const overwritten = await publish('overwritten', { title: '已发布的版本', publishedAt: hoursAgo(6) })
  const draftEdit = await staff.editor.patch(`/api/articles/${overwritten.id}?draft=true`, { title: `${DRAFT_MARK}改稿`, summary: DRAFT_MARK, _status: 'draft' })
  expect(draftEdit.status).toBe(200)
}, 120_000)
afterAll(async () => {
  await server?.stop()
  await receiver?.close()
})

describe('robots.txt and the IndexNow key', () => {
  it('names the sitemap index and the news sitemap at the portal address', async () => {
    const res = await fetch(`${server.url}/robots.txt`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/)
    const lines = (await res.text()).split('\n')
    expect(lines).toEqual(expect.arrayContaining(['User-agent: *', 'Disallow: /admin', `Sitemap: ${SITE}/sitemap.xml`, `Sitemap: ${SITE}/sitemap-news.xml`]))
  })

  it('serves the key file IndexNow checks, and no other', async () => {
    const res = await fetch(`${server.url}/${KEY}.txt`)
    expect(res.status).toBe(200)
    expect(await res.text()).toBe(KEY)
    expect((await fetch(`${server.url}/${KEY.slice(1)}.txt`)).status).toBe(404)
  })
})

describe('the sitemaps', () => {
  it('list every published article once, at its absolute portal URL, with a valid lastmod, and nothing else', async () => {
    const files = await everySitemap()
    const articleUrls = files.filter(({ loc }) => loc.includes('/sitemap-articles-')).flatMap(({ urls }) => urls)
    for (const { lastmod } of articleUrls) expectW3c(lastmod!)
    const listed = articleUrls.map(({ loc }) => loc).sort()
    expect(new Set(listed).size).toBe(listed.length)
    const published = await staff.anonymous.get('/api/articles?limit=100&depth=0&select[slug]=true')
    expect(listed).toEqual(published.body.docs.map((doc: { slug: string }) => `${SITE}/articles/${doc.slug}`).sort())
  })

  it('never list a draft, an unpublished article, or the draft saved over a live one', async () => {
    const files = await everySitemap()
    const text = JSON.stringify(files)
    for (const name of ['draft', 'unpublished']) expect(text).not.toContain(`/articles/${articles[name].slug}`)
    expect(text).toContain(urlOf(articles.overwritten))
    expect(text).not.toContain(DRAFT_MARK)
  })

  it('split a month into files of at most SITEMAP_URLS_PER_FILE, and list only the parts that hold an article', async () => {
    const files = await everySitemap()
    for (const { urls } of files.filter(({ loc }) => !loc.endsWith('/sitemap-news.xml'))) {
      expect(urls.length).toBeGreaterThan(0)
      expect(urls.length).toBeLessThanOrEqual(2)
    }
    const locs = (month: string) => files.filter(({ loc }) => loc.includes(`/sitemap-articles-${month}`)).map(({ loc, urls }) => [loc, urls.map((url) => url.loc)])
    expect(locs('2025-03')).toEqual([
      [`${SITE}/sitemap-articles-2025-03.xml`, [urlOf(articles.march3), urlOf(articles.march4)]],
      [`${SITE}/sitemap-articles-2025-03-2.xml`, [urlOf(articles.march5)]],
    ])
    expect(locs('2025-04')).toEqual([
      [`${SITE}/sitemap-articles-2025-04.xml`, [urlOf(articles.aprilFirst)]],
      [`${SITE}/sitemap-articles-2025-04-3.xml`, [urlOf(articles.aprilLast)]],
    ])
    expect((await xml('/sitemap-articles-2025-04-2.xml')).status).toBe(404)
    expect((await xml('/sitemap-articles-2025-04-4.xml')).status).toBe(404)
  })

  it('put an article in its month in Beijing time', async () => {
    const files = await everySitemap()
    const monthOf = (article: Created) => files.find(({ urls }) => urls.some((url) => url.loc === urlOf(article)))?.loc
    expect(monthOf(articles.mayEnd)).toBe(`${SITE}/sitemap-articles-2025-05.xml`)
    expect(monthOf(articles.juneStart)).toBe(`${SITE}/sitemap-articles-2025-06.xml`)
  })

  it('list every channel at its portal URL, two to a file', async () => {
    const files = await everySitemap()
    const channelFiles = files.filter(({ loc }) => loc.includes('/sitemap-channels'))
    expect(channelFiles.map(({ loc }) => loc)).toEqual([`${SITE}/sitemap-channels.xml`, `${SITE}/sitemap-channels-2.xml`])
    const urls = channelFiles.flatMap(({ urls }) => urls)
    expect(urls.map(({ loc }) => loc)).toEqual(Object.values(channels).map(({ slug }) => `${SITE}/channels/${slug}`))
    for (const { lastmod } of urls) expectW3c(lastmod!)
  })

  it('answer a month or part that cannot be with a 400 naming it, in the reader\'s language, and one that holds nothing with a 404', async () => {
    const month = await fetch(`${server.url}/sitemap-articles-2025-13.xml`, { headers: { 'accept-language': 'en' } })
    expect(month.status).toBe(400)
    const body = await month.json()
    expect(body.errors[0].data).toMatchObject({ code: 'SITEMAP_MONTH_INVALID', errors: [{ path: 'month' }] })
    expect(body.errors[0].message).toBe('Invalid value in the address: month')
    const part = await fetch(`${server.url}/sitemap-articles-2025-03-1.xml`)
    expect(part.status).toBe(400)
    expect((await part.json()).errors[0]).toMatchObject({ message: '地址中的参数无效：part', data: { code: 'SITEMAP_PART_INVALID' } })
    for (const path of ['/sitemap-articles-2019-01.xml', '/sitemap-articles-2025-03-3.xml', '/sitemap-articles-2025-03-99999999.xml', '/sitemap-channels-9.xml']) {
      const res = await fetch(`${server.url}${path}`)
      expect(res.status).toBe(404)
      expect((await res.json()).errors[0].data.code).toBe('SITEMAP_NOT_FOUND')
    }
  })

  it('have one spelling each: another (case, encoding, slashes) is not the sitemap', async () => {
    for (const path of ['/SITEMAP.xml', '/sitemap%2Exml', '/sitemap.xml/', '/sitemap-articles-2025-03.XML', '/channels/cai-jing/rss.xml/']) {
      const res = await fetch(`${server.url}${path}`)
      expect(res.status).toBe(404)
      expect(res.headers.get('x-newsroom-cache')).toBeNull()
    }
  })
})

describe('the Google News sitemap', () => {
  it('lists the articles of the last 48 hours with the site\'s name, the language and the publication date', async () => {
    const { doc } = await xml('/sitemap-news.xml')
    expect(doc.urlset['@_xmlns:news']).toBe('http://www.google.com/schemas/sitemap-news/0.9')
    const urls: { loc: string; 'news:news': any }[] = doc.urlset.url
    const byLoc = new Map(urls.map((url) => [url.loc, url['news:news']]))
    for (const name of ['news', 'section', 'elsewhere', 'hostile', 'overwritten']) expect(byLoc.has(urlOf(articles[name]))).toBe(true)
    for (const name of ['stale', 'march3', 'draft', 'unpublished']) expect(byLoc.has(`${SITE}/articles/${articles[name].slug}`)).toBe(false)
    const news = byLoc.get(urlOf(articles.news))
    expect(news['news:publication']).toEqual({ 'news:name': '楚天财经网', 'news:language': 'zh-cn' })
    expect(news['news:title']).toBe('央行宣布降准')
    expectW3c(news['news:publication_date'])
    expect(Math.abs(Date.parse(news['news:publication_date']) - (Date.now() - HOUR))).toBeLessThan(5 * 60_000)
    expect(byLoc.get(urlOf(articles.hostile))['news:title']).toBe(HOSTILE_SHOWN)
    expect(byLoc.get(urlOf(articles.overwritten))['news:title']).toBe('已发布的版本')
  })
})

describe('the RSS feeds', () => {
  it('are RSS 2.0 with the channel elements required, the site\'s name and a link to themselves', async () => {
    const { doc, headers } = await xml('/rss.xml')
    expect(headers.get('content-type')).toBe('application/rss+xml; charset=utf-8')
    expect(doc.rss['@_version']).toBe('2.0')
    const { title, link, description, language, lastBuildDate } = doc.rss.channel
    expect({ title, link, language }).toEqual({ title: '楚天财经网', link: `${SITE}/`, language: 'zh-cn' })
    expect(description).toBe('楚天财经网的最新文章')
    expect(lastBuildDate).toMatch(RFC_822)
    expect(doc.rss.channel['atom:link']['@_href']).toBe(`${SITE}/rss.xml`)
  })

  it('carry the newest published articles, newest first, each with title, link, summary, byline, channel, RFC 822 date and guid', async () => {
    const { doc, text } = await xml('/rss.xml')
    const items: any[] = doc.rss.channel.item
    expect(items.length).toBeLessThanOrEqual(50)
    const dates = items.map((item) => Date.parse(item.pubDate))
    expect(dates).toEqual([...dates].sort((a, b) => b - a))
    for (const item of items) {
      expect(item.pubDate).toMatch(RFC_822)
      expect(item.link.startsWith(`${SITE}/articles/`)).toBe(true)
      expect(item.guid['@_isPermaLink']).toBe('false')
    }
    const news = items.find((item) => item.link === urlOf(articles.news))
    expect(news).toEqual({
      title: '央行宣布降准',
      link: urlOf(articles.news),
      description: '降准的背景与影响。',
      'dc:creator': ['宋一禾'],
      category: '财经/宏观',
      pubDate: expect.stringMatching(RFC_822),
      guid: { '#text': `article-${articles.news.id}@www.example.com`, '@_isPermaLink': 'false' },
    })
    expect(items.map((item) => item.link)).not.toContain(`${SITE}/articles/${articles.unpublished.slug}`)
    expect(text).not.toContain(DRAFT_MARK)
    expect(items.find((item) => item.link === urlOf(articles.overwritten)).title).toBe('已发布的版本')
  })

  it('keep a hostile title and summary (`]]>`, `<`, `&`, control characters) as text', async () => {
    const { doc, text } = await xml('/rss.xml')
    expect(text).not.toContain('<script>')
    const hostile = doc.rss.channel.item.find((item: any) => item.link === urlOf(articles.hostile))
    expect(hostile.title).toBe(HOSTILE_SHOWN)
    expect(hostile.description).toBe('摘要]]><b>')
  })

  it('of a channel carry its sub-channels\' articles and no other channel\'s', async () => {
    const section = await xml(`/channels/${channels['财经'].slug}/rss.xml`)
    const links = section.doc.rss.channel.item.map((item: any) => item.link)
    expect(links).toEqual([urlOf(articles.news), urlOf(articles.section)])
    expect(section.doc.rss.channel.title).toBe('财经 - 楚天财经网')
    expect(section.doc.rss.channel.link).toBe(`${SITE}/channels/${channels['财经'].slug}`)
    expect(section.doc.rss.channel['atom:link']['@_href']).toBe(`${SITE}/channels/${channels['财经'].slug}/rss.xml`)
    const sub = await xml(`/channels/${channels['宏观'].slug}/rss.xml`)
    expect(sub.doc.rss.channel.item.map((item: any) => item.link)).toEqual([urlOf(articles.news)])
    expect(sub.doc.rss.channel.description).toBe('楚天财经网「财经/宏观」频道的最新文章')
  })

  it('of a channel that does not exist, or a slug no channel can have, are a 404 and a 400 naming the slug', async () => {
    const missing = await fetch(`${server.url}/channels/no-such-channel/rss.xml`)
    expect(missing.status).toBe(404)
    expect((await missing.json()).errors[0].data.code).toBe('CHANNEL_NOT_FOUND')
    const bad = await fetch(`${server.url}/channels/Cai-Jing/rss.xml`, { headers: { 'accept-language': 'en' } })
    expect(bad.status).toBe(400)
    expect((await bad.json()).errors[0].data).toMatchObject({ code: 'CHANNEL_SLUG_INVALID', errors: [{ path: 'slug' }] })
  })
})

describe('caching', () => {
  it('serves a repeated read from the response cache with an ETag, whatever the query string, and revalidates it with a 304', async () => {
    for (const path of ['/rss.xml', '/sitemap.xml', `/channels/${channels['财经'].slug}/rss.xml`, '/sitemap-articles-2025-03.xml']) {
      const first = await xml(path)
      const second = await xml(path)
      expect(second.headers.get('x-newsroom-cache')).toBe('hit')
      expect(second.text).toBe(first.text)
      expect(second.headers.get('cache-control')).toBe('public, max-age=0, stale-while-revalidate=30')
      const etag = second.headers.get('etag')!
      expect(etag).toMatch(/^"[\w-]+"$/)
      const busted = await xml(`${path}?utm_source=${Math.random()}`)
      expect(busted.headers.get('x-newsroom-cache')).toBe('hit')
      expect(busted.text).toBe(first.text)
      expect((await fetch(`${server.url}${path}`, { headers: { 'if-none-match': etag } })).status).toBe(304)
      const head = await fetch(`${server.url}${path}`, { method: 'HEAD' })
      expect([head.status, head.headers.get('content-type'), await head.text()]).toEqual([200, second.headers.get('content-type'), ''])
      // Counted against the address's API rate limit.
      expect(second.headers.get('ratelimit-limit')).not.toBeNull()
    }
  })

  it('keeps serving the cached copy after a draft save, and shows a publication in the very next read', async () => {
    await xml('/rss.xml')
    await xml('/sitemap.xml')
    expect((await staff.editor.patch(`/api/articles/${articles.news.id}?draft=true`, { title: `${DRAFT_MARK}又一稿`, _status: 'draft' })).status).toBe(200)
    for (const path of ['/rss.xml', '/sitemap.xml']) expect((await xml(path)).headers.get('x-newsroom-cache')).toBe('hit')

    const fresh = await publish('fresh', { title: '刚刚发布的快讯', category: channels['宏观'].id })
    const feed = await xml('/rss.xml')
    expect(feed.headers.get('x-newsroom-cache')).toBe('miss')
    expect(feed.doc.rss.channel.item[0].link).toBe(urlOf(fresh))
    const channelFeed = await xml(`/channels/${channels['财经'].slug}/rss.xml`)
    expect(channelFeed.doc.rss.channel.item[0].link).toBe(urlOf(fresh))
    const files = await everySitemap()
    expect(files.some(({ urls }) => urls.some((url) => url.loc === urlOf(fresh)))).toBe(true)
    expect((await xml('/rss.xml')).headers.get('x-newsroom-cache')).toBe('hit')
  })

  it('forgets an unpublished article and a renamed channel at once', async () => {
    await xml('/rss.xml')
    expect((await staff['editor-in-chief'].patch(`/api/articles/${articles.fresh.id}`, { _status: 'draft' })).status).toBe(200)
    const feed = await xml('/rss.xml')
    expect(feed.doc.rss.channel.item.map((item: any) => item.link)).not.toContain(urlOf(articles.fresh))
    expect((await staff.editor.patch(`/api/categories/${channels['宏观'].id}`, { name: '宏观经济' })).status).toBe(200)
    const renamed = await xml('/rss.xml')
    expect(renamed.doc.rss.channel.item.find((item: any) => item.link === urlOf(articles.news)).category).toBe('财经/宏观经济')
  })
})

describe('pushes to search engines', () => {
  const pushesFor = async (article: Created) => {
    const log = await staff.admin.get('/api/webhook-deliveries?where[searchEngine][exists]=true&limit=200&depth=0&sort=id')
    expect(log.status).toBe(200)
    return log.body.docs.filter((doc: any) => JSON.stringify(doc.requestBody).includes(urlOf(article)))
  }

  it('sends a newly published article to Baidu as text and to IndexNow as JSON, and logs both as delivered', async () => {
    const baidu = await eventually(() => receiver.at(baiduPath).find((request) => request.body === urlOf(articles.news)), 'the Baidu push')
    expect(baidu.headers['content-type']).toBe('text/plain')
    const indexNow = await eventually(() => receiver.at('/indexnow').find((request) => request.json?.urlList?.includes(urlOf(articles.news))), 'the IndexNow push')
    expect(indexNow.headers['content-type']).toBe('application/json; charset=utf-8')
    expect(indexNow.json).toEqual({ host: 'www.example.com', key: KEY, keyLocation: `${SITE}/${KEY}.txt`, urlList: [urlOf(articles.news)] })
    const logged = await eventually(async () => {
      const pushes = await pushesFor(articles.news)
      return pushes.length === 2 && pushes.every((push: any) => push.status === 'delivered') && pushes
    }, 'both pushes logged as delivered')
    expect(logged.map((push: any) => push.searchEngine).sort()).toEqual(['baidu', 'indexnow'])
    for (const push of logged) {
      expect(push).toMatchObject({ event: 'article.published', webhook: null, responseCode: 200, attempts: 1 })
      expect(push.url).not.toContain(TOKEN)
    }
  })

  it('sends nothing for a draft, a draft saved over a live article, or an article published more than 48 hours back', async () => {
    // Once the marker's pushes are settled and nothing else waits in the log, every push the saves
    // above queued has been sent (a batch's jobs run side by side, so arrival order proves nothing).
    const marker = await publish('marker', { title: '推送标记' })
    await eventually(async () => {
      const log = await staff.admin.get('/api/webhook-deliveries?where[searchEngine][exists]=true&where[status][equals]=pending&limit=1&depth=0')
      return log.body.totalDocs === 0 && (await pushesFor(marker)).length === 2
    }, 'every push settled, the marker\'s among them')
    const pushed = [...receiver.at(baiduPath).map((request) => request.body), ...receiver.at('/indexnow').flatMap((request) => request.json.urlList)]
    for (const name of ['draft', 'stale', 'march3', 'january1']) {
      expect(pushed).not.toContain(`${SITE}/articles/${articles[name].slug}`)
      expect(await pushesFor(articles[name])).toEqual([])
    }
    // Its log first: a failed attempt shows there with its error.
    const overwritten = await pushesFor(articles.overwritten)
    expect(overwritten.map(({ searchEngine, status, error }: any) => ({ searchEngine, status, error })).sort((a: any, b: any) => a.searchEngine.localeCompare(b.searchEngine))).toEqual([
      { searchEngine: 'baidu', status: 'delivered', error: null },
      { searchEngine: 'indexnow', status: 'delivered', error: null },
    ])
    expect(pushed.filter((url) => url === urlOf(articles.overwritten))).toHaveLength(2)
    expect(JSON.stringify(pushed)).not.toContain(DRAFT_MARK)
  })

  it('never holds up or fails a save when an engine does not answer: the push is retried, then logged as failed', async () => {
    receiver.delay(baiduPath, Infinity)
    try {
      const started = Date.now()
      const hung = await publish('whileBaiduHangs', { title: '百度无响应时发布' })
      expect(Date.now() - started).toBeLessThan(5_000)
      const failed = await eventually(async () => {
        const [push] = (await pushesFor(hung)).filter((doc: any) => doc.searchEngine === 'baidu')
        return push?.status === 'failed' && push
      }, 'the Baidu push to fail', 30_000)
      expect(failed).toMatchObject({ attempts: 2, error: 'No answer within 1000 ms' })
      const [indexNow] = (await pushesFor(hung)).filter((doc: any) => doc.searchEngine === 'indexnow')
      expect(indexNow.status).toBe('delivered')
      expect((await staff.anonymous.get(`/api/articles/page/${hung.slug}`)).status).toBe(200)
    } finally {
      receiver.delay(baiduPath, 0)
    }
  })
})
