import { JSDOM } from 'jsdom'
import sharp from 'sharp'

import { Api, createStaff, READER_PASSWORD, signUpReader, type Staff } from '../helpers/api'
import { startServer, type TestServer } from '../helpers/server'
import { eventually } from '../helpers/wait'

/**
 * The reference portal (src/app/(portal)) as a browser receives it: server-rendered HTML, read from
 * the public API. Browser behaviour (forms, font size) is for the e2e tests; this checks the markup.
 */
let server: TestServer
let staff: Staff
let slug: string
let draftId: number

const PUBLISHED_AT = '2026-11-18T09:30:00.000Z' // 17:30 in Shanghai
const SETTINGS = {
  siteName: '楚天财经网',
  copyrightHolder: '楚天财经网络有限公司',
  copyrightStartYear: 2000,
  icpNumber: '鄂ICP备14010628号-2',
  publicSecurityNumber: '鄂公网安备 42010602000123号',
  newsLicenceNumber: '10120190017',
  newsLicenceHolder: '楚天财经网络有限公司',
  newsLicenceCategory: '互联网新闻信息转载服务',
}

const paragraph = (...children: object[]) => ({ type: 'paragraph', version: 1, format: '', indent: 0, direction: 'ltr', children })
const text = (value: string) => ({ type: 'text', version: 1, text: value, format: 0, detail: 0, mode: 'normal', style: '' })
const link = (url: string, label: string) => ({
  type: 'link', version: 3, format: '', indent: 0, direction: 'ltr', id: Math.random().toString(16).slice(2), fields: { url, newTab: false, linkType: 'custom' }, children: [text(label)],
})

beforeAll(async () => {
  server = await startServer({ SERVE_ADMIN: 'true', VIEW_WRITE_SECONDS: '1' }, { readyWithinMs: 540_000 })
  staff = await createStaff(server)
  const chief = staff['editor-in-chief']
  expect((await chief.post('/api/globals/site-settings', SETTINGS)).status).toBe(200)

  const png = await sharp({ create: { width: 1200, height: 675, channels: 3, background: '#1f4e9c' } }).png().toBuffer()
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'chart.png')
  form.append('_payload', JSON.stringify({ alt: '降准示意图', caption: '图库里的说明' }))
  const image = (await staff.editor.post('/api/media', form)).body.doc.id
  const author = (await staff.editor.post('/api/authors', { name: '宋一禾', title: '本网记者', bio: '关注货币政策。' })).body.doc
  const root = (await staff.editor.post('/api/categories', { name: '财经' })).body.doc.id
  const channel = (await staff.editor.post('/api/categories', { name: '宏观', parent: root })).body.doc.id
  const article = await chief.post('/api/articles', {
    title: '央行宣布降准',
    summary: '降准的背景与影响。',
    source: '本网综合',
    authors: [author.id],
    responsibleEditor: staff.ids.editor,
    category: channel,
    coverImage: image,
    publishedAt: PUBLISHED_AT,
    body: {
      root: {
        type: 'root', version: 1, format: '', indent: 0, direction: 'ltr',
        children: [
          paragraph(text('存款准备金率下调0.5个百分点。'), link('https://www.pbc.gov.cn/', '央行网站'), link('mailto:tips@example.com', '报料邮箱')),
          { type: 'upload', version: 3, format: '', id: 'a1b2c3d4e5f6a1b2c3d4e5f6', relationTo: 'media', value: image, fields: { caption: '本文中的图片说明' } },
        ],
      },
    },
    _status: 'published',
  })
  expect(article.status).toBe(201)
  const articleId = article.body.doc.id
  slug = article.body.doc.slug

  // One reader comments and replies within seconds here; the 15 s interval is not what this tests.
  expect((await staff.admin.post('/api/globals/moderation-settings', { readerIntervalSeconds: 0 })).status).toBe(200)
  const lawyer = await signUpReader(server, { email: 'zhangsan@example.com', displayName: '张三', profession: 'legal-assistant' })
  const other = await signUpReader(server, { email: 'lisi@example.com', displayName: '李四' })
  expect((await staff.moderator.patch(`/api/readers/${lawyer.id}`, { professionVerified: true })).status).toBe(200)
  // Posted through a proxy the server trusts (loopback, by default), from an address in Hubei.
  const featured = (await lawyer.post('/api/comments', { article: articleId, body: '<b>降准</b>对房贷的影响有限。' }, { 'x-forwarded-for': '58.19.0.1' })).body.doc.id
  const plain = (await other.post('/api/comments', { article: articleId, body: '期待后续报道。' })).body.doc.id
  expect((await staff.moderator.patch(`/api/comments/${featured}`, { status: 'approved', featured: true })).status).toBe(200)
  expect((await staff.moderator.patch(`/api/comments/${plain}`, { status: 'approved' })).status).toBe(200)
  const reply = await other.post('/api/comments', { article: articleId, body: '同意楼上的看法。', parent: featured })
  expect(reply.status).toBe(201)
  expect((await staff.moderator.patch(`/api/comments/${reply.body.doc.id}`, { status: 'approved' })).status).toBe(200)
  expect((await other.post(`/api/comments/${featured}/like`)).status).toBe(200)

  await staff.editor.patch(`/api/articles/${articleId}?draft=true`, {
    corrections: [{ kind: 'correction', text: '原文将准备金率误写为1个百分点，现已更正。', date: '2026-11-19T02:00:00.000Z' }],
  })
  expect((await chief.patch(`/api/articles/${articleId}`, { _status: 'published' })).status).toBe(200)

  draftId = (await staff.editor.post('/api/articles', { title: '尚未发布的草稿稿件', source: '本网' })).body.doc.id
}, 600_000)
afterAll(() => server?.stop())

const page = async (path: string, headers: Record<string, string> = {}) => {
  const res = await fetch(`${server.url}${path}`, { headers, redirect: 'manual' })
  const html = await res.text()
  const document = new JSDOM(html).window.document
  const testId = (id: string) => document.querySelector(`[data-testid="${id}"]`)
  return { status: res.status, html, document, testId }
}

describe('the article page', () => {
  let article: Awaited<ReturnType<typeof page>>
  beforeAll(async () => {
    article = await page(`/articles/${slug}`)
  })

  it('is Chinese, server-rendered, with the channel path, Shanghai time, 来源 and 责任编辑', () => {
    expect(article.status).toBe(200)
    expect(article.document.documentElement.lang).toBe('zh-CN')
    expect(article.document.querySelector('meta[name="viewport"]')).not.toBeNull()
    const crumbs = article.document.querySelector('nav[aria-label="面包屑"]')!
    expect([...crumbs.querySelectorAll('a')].map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['首页', '/'],
      ['财经', '/channels/cai-jing'],
      ['宏观', '/channels/hong-guan'],
    ])
    expect(crumbs.textContent).toContain('正文')
    expect(article.testId('article-title')!.tagName).toBe('H1')
    expect(article.testId('article-title')!.textContent).toBe('央行宣布降准')
    const time = article.testId('article-time')!
    expect(time.getAttribute('datetime')).toBe(PUBLISHED_AT)
    expect(time.textContent).toBe('2026-11-18 17:30')
    expect(article.testId('article-source')!.textContent).toBe('来源：本网综合')
    expect(article.testId('responsible-editor')!.textContent).toBe('【责任编辑:李编辑】')
    expect(article.testId('bylines')!.querySelector('a')!.getAttribute('href')).toBe('/authors/song-yi-he')
    expect([...article.testId('font-size-control')!.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['大', '中', '小'])
  })

  it('points on to the channel\'s previous and next articles and to related ones', async () => {
    const [channel] = (await staff.anonymous.get('/api/categories?where[slug][equals]=hong-guan&depth=0')).body.docs
    // Published after it in its channel, and sharing a word of its title (央行).
    const later = await staff['editor-in-chief'].post('/api/articles', { title: '央行开展逆回购操作', category: channel.id, _status: 'published' })
    expect(later.status).toBe(201)
    const fresh = await page(`/articles/${slug}`)
    const neighbours = fresh.testId('article-neighbours')!
    expect(neighbours.textContent).toBe('下一篇：央行开展逆回购操作')
    expect(neighbours.querySelector('a')!.getAttribute('href')).toBe(`/articles/${later.body.doc.slug}`)
    const related = fresh.testId('related')!
    expect(related.querySelector('h2')!.textContent).toBe('相关阅读')
    expect([...related.querySelectorAll('li a')].map((a) => a.textContent)).toEqual(['央行开展逆回购操作'])
    const back = await page(`/articles/${later.body.doc.slug}`)
    expect(back.testId('article-neighbours')!.textContent).toBe('上一篇：央行宣布降准')
  })

  it('renders the body: images at their sizes with captions, and links', () => {
    const body = article.testId('article-body')!
    const figure = body.querySelector('figure')!
    const img = figure.querySelector('img')!
    expect(img.getAttribute('alt')).toBe('降准示意图')
    expect(img.getAttribute('src')).toMatch(/^\/api\/media\/file\/chart-768x432\.png$/)
    expect(img.getAttribute('srcset')).toMatch(/768w.*1200w/)
    expect([img.getAttribute('width'), img.getAttribute('height')]).toEqual(['768', '432'])
    expect(figure.querySelector('figcaption')!.textContent).toContain('本文中的图片说明')
    expect(body.querySelector('a[href="https://www.pbc.gov.cn/"]')!.textContent).toBe('央行网站')
    expect(body.querySelector('a[href="mailto:tips@example.com"]')!.textContent).toBe('报料邮箱')
  })

  it('shows 精彩评论 with avatar, name-职业, the verified badge, date, likes and text (escaped), and replies', () => {
    const section = article.testId('featured-comments')!
    expect(section.tagName).toBe('SECTION')
    expect(section.querySelector('h2')!.textContent).toBe('精彩评论')
    const comment = section.querySelector('[data-testid="comment"]')!
    expect(comment.querySelector('[data-testid="comment-avatar"]')!.tagName).toBe('IMG')
    expect(comment.querySelector('[data-testid="comment-author"]')!.textContent).toBe('张三-法务助理')
    expect(comment.querySelector('[data-testid="verified-badge"]')!.getAttribute('aria-label')).toBe('认证')
    expect(comment.querySelector('[data-testid="comment-date"]')!.textContent).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect(comment.querySelector('[data-testid="comment-ip-region"]')!.textContent).toBe('IP属地：湖北')
    expect(comment.querySelector('[data-testid="comment-likes"]')!.textContent).toBe('赞 1')
    expect(comment.querySelector('[data-testid="comment-text"]')!.textContent).toBe('<b>降准</b>对房贷的影响有限。')
    expect(article.html).not.toContain('<b>降准</b>')
    const reply = comment.querySelector(':scope [data-testid="comment"]')!
    expect(reply.querySelector('[data-testid="comment-author"]')!.textContent).toBe('李四')
    expect(reply.querySelector('[data-testid="comment-text"]')!.textContent).toBe('同意楼上的看法。')
  })

  it('lists every approved comment with its replies, unverified names without a badge', () => {
    const section = article.testId('comments')!
    expect(section.querySelector('h2')!.textContent).toBe('全部评论（3）')
    const authors = [...section.querySelectorAll('[data-testid="comment-author"]')].map((node) => node.textContent)
    expect(authors).toEqual(expect.arrayContaining(['张三-法务助理', '李四']))
    const metas = [...section.querySelectorAll('.comment-meta')]
    const byLisi = metas.filter((meta) => meta.querySelector('[data-testid="comment-author"]')!.textContent === '李四')
    expect(byLisi).toHaveLength(2)
    for (const meta of byLisi) expect(meta.querySelector('[data-testid="verified-badge"]')).toBeNull()
    // Posted straight from this machine: a loopback address has no region to name.
    for (const meta of byLisi) expect(meta.querySelector('[data-testid="comment-ip-region"]')!.textContent).toBe('IP属地：未知')
    expect(section.querySelector('nav[aria-label="评论分页"]')).toBeNull()
  })

  it('carries the correction notice, Open Graph tags and NewsArticle JSON-LD with the correction', () => {
    expect(article.testId('correction-notices')!.textContent).toContain('原文将准备金率误写为1个百分点')
    const og = (property: string) => article.document.querySelector(`meta[property="${property}"]`)?.getAttribute('content')
    expect(og('og:type')).toBe('article')
    expect(og('og:title')).toBe('央行宣布降准')
    expect(og('og:image')).toMatch(/chart-1200x675\.png$/)
    const jsonLd = JSON.parse(article.document.querySelector('script[type="application/ld+json"]')!.textContent!)
    expect(jsonLd).toMatchObject({
      '@type': 'NewsArticle',
      headline: '央行宣布降准',
      datePublished: PUBLISHED_AT,
      author: [{ '@type': 'Person', name: '宋一禾' }],
      correction: [{ '@type': 'CorrectionComment', text: expect.stringContaining('误写为1个百分点') }],
    })
  })

  it('is the same page for a logged-in reader: the server never reads as the reader', async () => {
    const login = await new Api(server.url).post('/api/readers/login', { email: 'zhangsan@example.com', password: READER_PASSWORD })
    const cookie = login.headers.get('set-cookie')!.split(';')[0]
    const [anonymous, asReader] = await Promise.all([page(`/articles/${slug}`), page(`/articles/${slug}`, { cookie })])
    expect(asReader.status).toBe(200)
    // What the server rendered of the page (React's streamed payload after it may be ordered differently).
    expect(asReader.document.querySelector('main')!.outerHTML).toBe(anonymous.document.querySelector('main')!.outerHTML)
    expect(asReader.testId('site-header')!.outerHTML).toBe(anonymous.testId('site-header')!.outerHTML)
  })
})

it('shows the footer: copyright years and the filings, each linking where it is checked', async () => {
  const { testId, document } = await page('/')
  const footer = testId('site-footer')!
  expect(footer.tagName).toBe('FOOTER')
  expect(footer.textContent).toContain(`Copyright © 2000 - ${new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date())}`)
  const icp = [...footer.querySelectorAll('a')].find((a) => a.textContent === SETTINGS.icpNumber)!
  expect(icp.getAttribute('href')).toBe('https://beian.miit.gov.cn/')
  const police = [...footer.querySelectorAll('a')].find((a) => a.textContent!.includes(SETTINGS.publicSecurityNumber))!
  expect(police.getAttribute('href')).toBe('https://beian.mps.gov.cn/#/query/webSearch?code=42010602000123')
  const badge = police.querySelector('img[alt="公安备案"]')!.getAttribute('src')!
  expect((await fetch(`${server.url}${badge}`)).status).toBe(200)
  expect(footer.textContent).toContain('10120190017')
  expect((await fetch(`${server.url}/favicon.ico`)).status).toBe(200)
  expect(document.querySelector('[data-testid="site-header"]')!.textContent).toContain('楚天财经网')
})

it('shows an article\'s 阅读量, and the most read on the home page as 热门排行', async () => {
  expect((await page(`/articles/${slug}`)).testId('article-views')!.textContent).toBe('阅读 0')
  const [{ id }] = (await staff.anonymous.get(`/api/articles?where[slug][equals]=${slug}&depth=0&select[title]=true`)).body.docs
  for (const browser of ['a', 'b', 'c']) expect((await fetch(`${server.url}/api/articles/${id}/view`, { method: 'POST', headers: { 'user-agent': browser } })).status).toBe(202)
  // Written within a second here (perhaps over two writes), and the ranking read again after each.
  const hot = await eventually(async () => {
    const list = (await page('/')).testId('hot-articles')
    return list?.querySelector('li')?.textContent === '央行宣布降准阅读 3' && list
  }, 'the home page listing the article as read three times')
  expect(hot.querySelector('h2')!.textContent).toBe('热门排行')
  expect([...hot.querySelectorAll('li')].map((item) => [item.querySelector('a')!.getAttribute('href'), item.textContent])).toEqual([[`/articles/${slug}`, '央行宣布降准阅读 3']])
})

it('lists the latest articles on the home page and a channel page with its breadcrumb', async () => {
  const home = await page('/')
  expect(home.status).toBe(200)
  expect(home.document.querySelector(`a[href="/articles/${slug}"]`)!.textContent).toBe('央行宣布降准')
  const channel = await page('/channels/cai-jing')
  expect(channel.status).toBe(200)
  expect(channel.document.querySelector('h1')!.textContent).toBe('财经')
  expect(channel.document.querySelector(`a[href="/articles/${slug}"]`)).not.toBeNull()
  expect(channel.document.querySelector('a[href="/channels/hong-guan"]')).not.toBeNull()
})

it('names its RSS feeds in the head: the site\'s on every page, a channel\'s own first on its page, each served', async () => {
  const feeds = (document: Document) =>
    [...document.querySelectorAll('link[rel="alternate"][type="application/rss+xml"]')].map((link) => [link.parentElement!.tagName, link.getAttribute('href'), link.getAttribute('title')])
  const site = ['HEAD', `${server.url}/rss.xml`, '楚天财经网']
  for (const path of ['/', `/articles/${slug}`, '/authors/song-yi-he', '/corrections']) expect([path, feeds((await page(path)).document)]).toEqual([path, [site]])
  const channelFeeds = feeds((await page('/channels/cai-jing')).document)
  expect(channelFeeds).toEqual([['HEAD', `${server.url}/channels/cai-jing/rss.xml`, '财经 - 楚天财经网'], site])
  for (const [, href] of channelFeeds) {
    const res = await fetch(href!)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8')
    expect(await res.text()).toContain(`/articles/${slug}</link>`)
  }
})

it('continues a channel past its numbered pages by keyset, after the last article shown', async () => {
  const [article] = (await staff.anonymous.get(`/api/articles?where[slug][equals]=${slug}&depth=0`)).body.docs
  const continued = await page(`/channels/cai-jing?before=${encodeURIComponent('2100-01-01T00:00:00.000Z~999999')}`)
  expect(continued.status).toBe(200)
  expect(continued.document.querySelector(`a[href="/articles/${slug}"]`)).not.toBeNull()
  const pager = continued.document.querySelector('nav.pager')!
  expect(pager.textContent).toContain('更早的文章')
  expect(pager.querySelector('a')!.getAttribute('href')).toBe('?page=1')
  const past = await page(`/channels/cai-jing?before=${encodeURIComponent(`${article.publishedAt}~${article.id}`)}`)
  expect(past.document.querySelector(`a[href="/articles/${slug}"]`)).toBeNull()
  // A cursor that is not one is the first page.
  const malformed = await page('/channels/cai-jing?before=2100-01-01~x')
  expect(malformed.document.querySelector(`a[href="/articles/${slug}"]`)).not.toBeNull()
  expect(malformed.document.querySelector('nav.pager')).toBeNull()
})

it('shows an author page with the bio and their articles', async () => {
  const author = await page('/authors/song-yi-he')
  expect(author.testId('author-name')!.textContent).toBe('宋一禾')
  expect(author.testId('author-bio')!.textContent).toBe('关注货币政策。')
  expect(author.document.querySelector(`a[href="/articles/${slug}"]`)).not.toBeNull()
})

it('searches, with the words marked and everything else as text', async () => {
  const found = await page(`/search?q=${encodeURIComponent('降准')}`)
  const hit = found.testId('search-result')!
  expect(hit.querySelector(`a[href="/articles/${slug}"]`)).not.toBeNull()
  expect([...hit.querySelectorAll('mark')].map((mark) => mark.textContent)).toContain('降准')
  expect(found.document.querySelector('main form[role="search"] input[name="q"]')!.getAttribute('value')).toBe('降准')
  const none = await page(`/search?q=${encodeURIComponent('完全不存在的词语')}`)
  expect(none.testId('search-empty')).not.toBeNull()
  expect(none.testId('search-result')).toBeNull()
})

describe('a search with more matches than the API counts', () => {
  const word = '国债期货'
  let capped: TestServer
  const cappedPage = async (path: string) => new JSDOM(await (await fetch(`${capped.url}${path}`)).text()).window.document
  beforeAll(async () => {
    // More than a page of 20, and the word in the body only: the count stops at 5, the pages do not.
    for (let i = 1; i <= 21; i++) {
      const res = await staff['editor-in-chief'].post('/api/articles', {
        title: `债市周报第${i}期`,
        source: '本网',
        body: { root: { type: 'root', version: 1, format: '', indent: 0, direction: 'ltr', children: [paragraph(text(`本周${word}成交活跃。`))] } },
        _status: 'published',
      })
      expect(res.status).toBe(201)
    }
    capped = await startServer({ SERVE_ADMIN: 'true', SEARCH_TOTAL_LIMIT: '5' }, { databaseUrl: server.databaseUrl, readyWithinMs: 540_000 })
  }, 600_000)
  afterAll(() => capped?.stop())

  it('says "more than" and links on to the pages past the count', async () => {
    const first = await cappedPage(`/search?q=${encodeURIComponent(word)}`)
    expect(first.querySelectorAll('[data-testid="search-result"]')).toHaveLength(20)
    expect(first.querySelector('.result-count')!.textContent).toBe('找到 5 多篇相关文章')
    const pager = first.querySelector('nav[aria-label="搜索结果分页"]')!
    expect(pager.textContent).toContain('第 1 页')
    expect(pager.querySelector('a[rel="next"]')!.getAttribute('href')).toBe(`?${new URLSearchParams({ q: word, page: '2' })}`)
    const second = await cappedPage(`/search?q=${encodeURIComponent(word)}&page=2`)
    expect(second.querySelectorAll('[data-testid="search-result"]')).toHaveLength(1)
    expect(second.querySelector('nav[aria-label="搜索结果分页"] a[rel="prev"]')).not.toBeNull()
    expect(second.querySelector('nav[aria-label="搜索结果分页"] a[rel="next"]')).toBeNull()
  })
})

it('keeps the public corrections log', async () => {
  const log = await page('/corrections')
  expect(log.testId('correction-entry')!.textContent).toContain('原文将准备金率误写为1个百分点')
  expect(log.testId('correction-entry')!.querySelector(`a[href="/articles/${slug}"]`)).not.toBeNull()
})

it('opens a draft from the admin\'s preview link, never indexed', async () => {
  const link = await staff.editor.post(`/api/articles/${draftId}/preview-link`)
  expect(link.body.url).toBe(`${server.url}/preview?token=${encodeURIComponent(link.body.token)}`)
  const preview = await page(link.body.url.slice(server.url.length))
  expect(preview.status).toBe(200)
  expect(preview.testId('article-title')!.textContent).toBe('尚未发布的草稿稿件')
  expect(preview.document.querySelector('meta[name="robots"]')!.getAttribute('content')).toContain('noindex')
  expect((await page('/preview?token=forged')).testId('preview-error')).not.toBeNull()
})

it('answers an unknown path and an unknown article with the Chinese 404 page', async () => {
  for (const path of ['/no-such-page', '/articles/no-such-article', '/channels/no-such-channel', '/authors/no-such-author']) {
    const missing = await page(path)
    expect(missing.status).toBe(404)
    // Next 16 sends a not-found page as its React payload, which the browser renders in the portal's layout.
    expect(missing.html).toContain('页面不存在')
    expect(missing.html).toContain('site-footer')
  }
})

it('serves the account pages at the paths the readers\' emails link to', async () => {
  for (const [path, button] of [
    ['/account/login', '登录'],
    ['/account/signup', '注册'],
    ['/account/forgot-password', '发送重置邮件'],
    ['/reset-password?token=abc', '重置密码'],
  ]) {
    const account = await page(path)
    expect(account.status).toBe(200)
    expect([...account.document.querySelectorAll('button[type="submit"]')].map((b) => b.textContent)).toContain(button)
  }
  for (const path of ['/verify-email?token=abc', '/confirm-email?token=abc', '/confirm-email?token=abc&account=staff']) {
    expect((await page(path)).testId('account-status')).not.toBeNull()
  }
})

describe('a portal under a low API rate limit', () => {
  const LIMIT = 3
  let limited: TestServer
  beforeAll(async () => {
    limited = await startServer({ SERVE_ADMIN: 'true', API_RATE_LIMIT_PER_MINUTE: String(LIMIT) }, { readyWithinMs: 540_000 })
  }, 600_000)
  afterAll(() => limited?.stop())

  it('renders every page view, its own API reads not counted, while the limit holds for other clients', async () => {
    // Each view of the home page reads the API several times (settings, channels, latest articles).
    for (let view = 0; view < 2 * LIMIT; view++) {
      const res = await fetch(`${limited.url}/`)
      expect(res.status).toBe(200)
      expect(await res.text()).toContain('site-footer')
    }
    const direct: number[] = []
    for (let i = 0; i <= LIMIT; i++) direct.push((await fetch(`${limited.url}/api/tags?limit=1`)).status)
    expect(direct).toEqual([...Array(LIMIT).fill(200), 429])
  })
})
