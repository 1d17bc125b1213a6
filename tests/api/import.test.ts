import { randomBytes } from 'node:crypto'
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'

import { writeCorpusArchive } from '../../src/scripts/bench/corpusArchive'
import { createStaff, type Staff } from '../helpers/api'
import { importCounts, type Run, runImportCommand, runNode } from '../helpers/importCommand'
import { REDIS_URL, redisReachable } from '../helpers/redis'
import { ROOT_DIR, startServer, type TestServer } from '../helpers/server'

const SAMPLES = path.join(ROOT_DIR, 'samples/import')
const JSONL = path.join(SAMPLES, 'archive.jsonl')
const WXR = path.join(SAMPLES, 'wordpress.xml')
const WXR_EDGE_CASES = path.join(ROOT_DIR, 'tests/fixtures/wordpressEdgeCases.xml')
const WXR_COMMENTS = path.join(ROOT_DIR, 'tests/fixtures/wordpressComments.xml')

let server: TestServer
let staff: Staff
let scratch: string

/** `npm run import` as an operator runs it, beside a test server: its database and media folder. */
const runImport = (args: string[], env: Record<string, string> = {}, target: TestServer = server) => runImportCommand(target, args, env)
const counts = importCounts

type Node = { type: string; children?: Node[]; [key: string]: unknown }
const nodesOf = (body: { root: Node }, type: string): Node[] => {
  const found: Node[] = []
  const visit = (node: Node) => {
    if (node.type === type) found.push(node)
    node.children?.forEach(visit)
  }
  visit(body.root)
  return found
}
const textOf = (node: Node): string => (typeof node.text === 'string' ? node.text : (node.children ?? []).map(textOf).join(''))

const totalDocs = async (collection: string) => (await staff.editor.get(`/api/${collection}?limit=1&draft=true`)).body.totalDocs as number
const anonymousArticle = async (slug: string) => (await staff.anonymous.get(`/api/articles?where[slug][equals]=${slug}&depth=2`)).body.docs[0]
const staffArticle = async (where: string) => (await staff.editor.get(`/api/articles?${where}&draft=true&depth=0`)).body.docs[0]

beforeAll(async () => {
  // The importer writes from its own process: the test reads what is stored, not a cached page.
  server = await startServer({ RESPONSE_CACHE: 'off' })
  staff = await createStaff(server)
  scratch = await mkdtemp(path.join(os.tmpdir(), 'newsroom-import-'))
}, 120_000)
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true })
  await server?.stop()
})

describe('a JSON Lines archive', () => {
  it('in a dry run, reports what it would do and writes nothing', async () => {
    const run = await runImport([JSONL, '--dry-run'])
    expect(run.code).toBe(0)
    expect(counts(run)).toEqual({ created: 6, updated: 0, skipped: 0, failed: 1 })
    expect(run.stdout).toContain('nothing was written')
    expect(run.stdout).toContain('new: 4 authors, 7 categories, 10 tags, 2 images')
    for (const collection of ['articles', 'authors', 'categories', 'tags', 'media']) expect(await totalDocs(collection)).toBe(0)
  }, 60_000)

  it('imports every good line, reporting the malformed one by line number and the one without a title as a draft', async () => {
    const run = await runImport([JSONL])
    expect(run.code).toBe(0)
    expect(counts(run)).toEqual({ created: 6, updated: 0, skipped: 0, failed: 1 })
    expect(run.stdout).toMatch(/failed:\n {2}line 4: not valid JSON.*\nwarnings:\n {2}line 6: no title: imported as a draft titled "四月制造业采购经理指数回落至荣枯线下方，…"\n$/)
    expect(run.stderr).toMatch(/\] 100%  7 articles /)
    expect(await totalDocs('articles')).toBe(6)
    expect(await totalDocs('authors')).toBe(4)
    expect(await totalDocs('tags')).toBe(10)
    expect(await totalDocs('media')).toBe(2)
  }, 60_000)

  it('keeps authors, channel path, tags, the original publication time, headings, lists, links and images', async () => {
    const article = await anonymousArticle('yi-ji-du-ju-min-xiao-fei-jia-ge-wen-he-hui-sheng')
    expect(article).toMatchObject({
      title: '一季度居民消费价格温和回升',
      source: '财经观察网',
      publishedAt: '2024-04-12T01:30:00.000Z',
      authors: [{ name: '陈静' }],
      category: { name: '宏观', breadcrumbs: [{ name: '财经' }, { name: '宏观' }] },
      tags: [{ name: 'CPI' }, { name: '物价' }],
      coverImage: { alt: '一季度居民消费价格温和回升' },
    })
    expect(nodesOf(article.body, 'heading').map((node) => [node.tag, textOf(node)])).toEqual([['h2', '食品与服务价格走势分化']])
    expect(nodesOf(article.body, 'list')[0].children).toHaveLength(3)
    expect(nodesOf(article.body, 'link').map((node) => (node.fields as { url: string }).url)).toEqual(['https://data.example.com/cpi/2024q1'])
    const [image] = nodesOf(article.body, 'upload')
    expect(image.value).toMatchObject({ id: article.coverImage.id })
    expect(article.body.root.children.map((node: Node) => node.type)).toContain('upload')
    const file = await fetch((await staff.anonymous.get(`/api/media/${article.coverImage.id}`)).body.url)
    expect(file.status).toBe(200)
    expect(file.headers.get('content-type')).toBe('image/png')

    // A time written without an offset was Beijing time.
    expect((await anonymousArticle('cheng-shang-hang-jing-xi-cha-ji-xu-shou-zhai-zhong-jian-ye-wu-cheng-tu-po-kou')).publishedAt).toBe('2024-04-15T06:00:00.000Z')
  })

  it('keeps drafts from the public, and records where each article came from for staff', async () => {
    const published = (await staff.anonymous.get('/api/articles?limit=50&depth=0')).body
    expect(published.totalDocs).toBe(4)
    expect(published.docs.every((doc: { importedFrom?: unknown }) => doc.importedFrom === undefined)).toBe(true)
    const draft = await staffArticle('where[importedFrom.originalId][equals]=cj-2024-0428')
    expect(draft).toMatchObject({ title: '消费贷利率下限之争', _status: 'draft', importedFrom: { system: 'jsonl', originalId: 'cj-2024-0428' } })
    expect(draft.publishedAt ?? null).toBeNull()
    const approved = await staffArticle('where[importedFrom.originalId][equals]=cj-2024-0412')
    expect(approved).toMatchObject({ _status: 'published', reviewState: 'approved' })
  })

  it('skips everything on a second run, uploading no image again', async () => {
    const run = await runImport([JSONL])
    expect(counts(run)).toEqual({ created: 0, updated: 0, skipped: 6, failed: 1 })
    expect(run.stdout).toContain('new: 0 authors, 0 categories, 0 tags, 0 images')
    expect(await totalDocs('articles')).toBe(6)
    expect(await totalDocs('media')).toBe(2)
  }, 60_000)

  it('updates an article whose line changed, and only that one', async () => {
    const dir = path.join(scratch, 'changed')
    await cp(SAMPLES, dir, { recursive: true })
    const file = path.join(dir, 'archive.jsonl')
    const lines = (await readFile(file, 'utf8')).split('\n')
    const edited = JSON.parse(lines[1])
    edited.html += '<p>更正：文中数据口径为上市城商行。</p>'
    edited.tags.push('银行业')
    lines[1] = JSON.stringify(edited)
    await writeFile(file, lines.join('\n'))

    const run = await runImport([file])
    expect(counts(run)).toEqual({ created: 0, updated: 1, skipped: 5, failed: 1 })
    const article = await anonymousArticle('cheng-shang-hang-jing-xi-cha-ji-xu-shou-zhai-zhong-jian-ye-wu-cheng-tu-po-kou')
    expect(textOf(article.body.root)).toContain('更正：文中数据口径为上市城商行。')
    expect(article.tags.map((tag: { name: string }) => tag.name)).toEqual(['净息差', '城商行', '银行业'])
    // The same pictures from another folder are the same media.
    expect(await totalDocs('media')).toBe(2)
  }, 60_000)
})

describe('a WordPress export', () => {
  it('imports posts, reusing the channels, tags and pictures that already exist', async () => {
    const run = await runImport([WXR])
    expect(run.code).toBe(0)
    expect(counts(run)).toEqual({ created: 5, updated: 0, skipped: 0, failed: 0 })
    expect(run.stdout).toContain('system "wordpress"')
    expect(run.stdout).toContain('new: 2 authors, 0 categories, 5 tags, 0 images')
  }, 60_000)

  it('keeps the display name, nested category, tags, GMT publication time, featured image and body', async () => {
    const article = await anonymousArticle('mlf-april')
    expect(article).toMatchObject({
      title: '央行开展MLF操作 中期流动性保持合理充裕',
      summary: '中期借贷便利小幅超额续作，中标利率持平，资金面平稳度过缴税期。',
      publishedAt: '2024-04-15T01:30:00.000Z',
      authors: [{ name: '何晓雨' }],
      category: { breadcrumbs: [{ name: '财经' }, { name: '宏观' }] },
      tags: [{ name: 'MLF' }, { name: '流动性' }],
      // The attachment is the picture the JSON Lines archive brought already: the same media.
      coverImage: { alt: '十年期国债收益率走势' },
    })
    const blocks = article.body.root.children.map((node: Node) => node.type)
    expect(blocks).toEqual(['paragraph', 'paragraph', 'heading', 'paragraph', 'list', 'upload', 'paragraph', 'paragraph'])
    expect(textOf(article.body.root.children[3])).toBe('缴税高峰期间，银行间隔夜利率小幅上行后很快回落。影响资金面的因素主要有三项：')
    expect(nodesOf(article.body, 'link').map((node) => textOf(node))).toEqual(['公开市场业务栏目'])

    const gutenberg = await anonymousArticle('yin-hang-li-cai-jing-zhi-hua')
    expect(gutenberg.title).toBe('银行理财净值化三年：波动之下的投资者教育')
    expect(gutenberg.category.breadcrumbs.map((crumb: { name: string }) => crumb.name)).toEqual(['财经', '银行'])
    expect(gutenberg.body.root.children.map((node: Node) => node.type)).toEqual(['paragraph', 'heading', 'list', 'paragraph'])
    expect((await anonymousArticle('infrastructure-investment')).title).toBe('“稳增长”政策发力 基建投资增速回升')

    expect(await anonymousArticle('personal-pension')).toBeDefined()
    const draft = await staffArticle('where[importedFrom.originalId][equals]=106&where[importedFrom.system][equals]=wordpress')
    expect(draft).toMatchObject({ _status: 'draft', title: '县域保险服务调研（未完成）' })
    expect((await staff.anonymous.get(`/api/articles/${draft.id}`)).status).toBe(404)
  })

  it('skips every post on a second run', async () => {
    const run = await runImport([WXR])
    expect(counts(run)).toEqual({ created: 0, updated: 0, skipped: 5, failed: 0 })
  }, 60_000)

  it('refuses a file it cannot read at all with exit code 1', async () => {
    const broken = path.join(scratch, 'broken.xml')
    await writeFile(broken, '<rss><channel><item></channel>')
    const run = await runImport([broken])
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/not well-formed XML/)
    expect((await runImport([path.join(scratch, 'missing.jsonl')])).code).toBe(1)
  }, 60_000)
})

describe('comments imported with their articles', () => {
  let run: Run
  let article: { id: number; approvedCommentCount: number }
  const commentsAs = async (api: typeof staff.anonymous) =>
    (await api.get(`/api/comments?where[article][equals]=${article.id}&sort=createdAt&limit=50&depth=0`)).body as { totalDocs: number; docs: Record<string, any>[] }

  beforeAll(async () => {
    run = await runImport([WXR_COMMENTS, '--system', 'jiangnan'])
    article = await anonymousArticle('cheng-tou-zhai-fa-xing-fang-huan')
  }, 60_000)

  it('imports the approved and held comments, not spam, trash or the pingback', () => {
    expect(run.code).toBe(0)
    expect(counts(run)).toEqual({ created: 1, updated: 0, skipped: 0, failed: 0 })
    expect(run.stdout).toContain('comments: 4 created, 0 skipped, 0 failed')
  })

  it('shows anonymous readers the approved ones, threaded, by name, at their original time, with no email or address', async () => {
    const { docs } = await commentsAs(staff.anonymous)
    expect(docs.map((doc) => [doc.commenter.displayName, doc.body, doc.createdAt])).toEqual([
      ['王磊', '分析很到位。\n想请教一下：化债政策对利差的影响会持续多久？', '2024-06-03T02:10:00.000Z'],
      ['林晓', '同意，西部几个省份的利差已经超过两百个基点了。', '2024-06-03T03:05:00.000Z'],
      // A reply to the spam, which stayed behind: it stands on its own.
      ['陈默', '楼上是广告，大家别理。', '2024-06-03T08:30:00.000Z'],
    ])
    const [first, reply, orphan] = docs
    expect(reply.parent).toBe(first.id)
    expect(orphan.parent ?? null).toBeNull()
    expect(first.replyCount).toBe(1)
    expect(docs.every((doc) => doc.reader === undefined || doc.reader === null)).toBe(true)
    const visible = JSON.stringify(docs)
    for (const hidden of ['@reader.example.com', '203.0.113.7', '198.51.100.24', 'originalId']) expect(visible).not.toContain(hidden)
  })

  it('counts the approved comments on the article', () => {
    expect(article.approvedCommentCount).toBe(3)
  })

  it('holds the pending one for moderators, as written, with no reader anyone could log in as', async () => {
    const { docs } = await commentsAs(staff.moderator)
    expect(docs.map((doc) => [doc.commenter.displayName, doc.status])).toEqual([
      ['王磊', 'approved'],
      ['林晓', 'approved'],
      ['赵青', 'pending'],
      ['陈默', 'approved'],
    ])
    expect(docs[2]).toMatchObject({ body: '文中的净融资数据是否包含私募品种？', originalId: '13', screening: null })
    expect(docs.every((doc) => doc.reader === null || doc.reader === undefined)).toBe(true)
    expect((await staff.admin.get('/api/readers?limit=1')).body.totalDocs).toBe(0)
    // The address goes where the server keeps every commenter's: for admins only.
    expect((await staff.admin.get(`/api/comments/${docs[0].id}`)).body.ip).toBe('203.0.113.7')
    expect((await staff.moderator.get(`/api/comments/${docs[0].id}`)).body.ip).toBeUndefined()
  })

  it('adds no comment on a second run', async () => {
    const again = await runImport([WXR_COMMENTS, '--system', 'jiangnan'])
    expect(counts(again)).toEqual({ created: 0, updated: 0, skipped: 1, failed: 0 })
    expect(again.stdout).toContain('comments: 0 created, 4 skipped, 0 failed')
    expect((await commentsAs(staff.moderator)).totalDocs).toBe(4)
    expect((await anonymousArticle('cheng-tou-zhai-fa-xing-fang-huan')).approvedCommentCount).toBe(3)
  }, 60_000)
})

describe('what a WordPress site kept from the public, and titles as WordPress stores them', () => {
  let run: Run
  const imported = (postId: string) => staffArticle(`where[importedFrom.system][equals]=securities-blog&where[importedFrom.originalId][equals]=${postId}`)
  const hiddenFromThePublic = async (article: { id: number; slug: string }) => {
    expect((await staff.anonymous.get(`/api/articles/${article.id}`)).status).toBe(404)
    expect((await staff.anonymous.get(`/api/articles?where[slug][equals]=${article.slug}&draft=true`)).body.totalDocs).toBe(0)
  }

  beforeAll(async () => {
    run = await runImport([WXR_EDGE_CASES, '--system', 'securities-blog'])
  }, 60_000)

  it('imports every post, failing none', () => {
    expect(run.code).toBe(0)
    expect(counts(run)).toEqual({ created: 5, updated: 0, skipped: 0, failed: 0 })
  })

  it('keeps a password-protected post a draft, out of public sight, saying why and never the password', async () => {
    expect(run.stdout).toContain('item 1 (post 201): password-protected: imported as a draft, without the password')
    expect(run.stdout).not.toContain('neican2024')
    const article = await imported('201')
    expect(article).toMatchObject({ title: '内部参考：券商两融业务风险排查', _status: 'draft', slug: 'liang-rong-feng-xian-pai-cha' })
    await hiddenFromThePublic(article)
  })

  it('imports a post without a title as a draft titled from its first words, or （无标题） when it has none', async () => {
    expect(run.stdout).toContain('item 2 (post 202): no title: imported as a draft titled "今日午后，沪深两市成交额突破万亿元，北向…"')
    expect(run.stdout).toContain('item 3 (post 203): no title: imported as a draft titled "（无标题）"')
    const untitled = await imported('202')
    expect(untitled).toMatchObject({ title: '今日午后，沪深两市成交额突破万亿元，北向…', _status: 'draft' })
    expect(textOf(untitled.body.root)).toContain('银行、券商板块领涨。')
    await hiddenFromThePublic(untitled)
    expect(await imported('203')).toMatchObject({ title: '（无标题）', _status: 'draft' })
  })

  it('reads HTML in a title as text, in WordPress exports and JSON Lines alike', async () => {
    expect(await anonymousArticle('kai-men-hong')).toMatchObject({ title: '独家：银行“开门红”揽储 & 理财新规', _status: 'published' })

    const file = path.join(scratch, 'html-title.jsonl')
    await writeFile(file, `${JSON.stringify({ id: 'html-title-1', slug: 'jian-guan-tong-bao', title: '<b>监管</b>通报 &amp; 券商&#8220;罚单&#8221;', category: ['证券'], html: '<p>正文</p>' })}\n`)
    expect(counts(await runImport([file]))).toEqual({ created: 1, updated: 0, skipped: 0, failed: 0 })
    expect((await anonymousArticle('jian-guan-tong-bao')).title).toBe('监管通报 & 券商“罚单”')
  }, 60_000)

  it('keeps a private post a draft, as pending and draft ones are', async () => {
    const article = await imported('205')
    expect(article).toMatchObject({ title: '董事会会议纪要（仅限内部）', _status: 'draft' })
    await hiddenFromThePublic(article)
  })

  it('skips every post on a second run, still saying why each is a draft', async () => {
    const again = await runImport([WXR_EDGE_CASES, '--system', 'securities-blog'])
    expect(counts(again)).toEqual({ created: 0, updated: 0, skipped: 5, failed: 0 })
    expect(again.stdout).toContain('item 1 (post 201): password-protected: imported as a draft, without the password')
  }, 60_000)
})

describe('images on the web', () => {
  let imageServer: Server
  let imageUrl: string

  beforeAll(async () => {
    const png = await readFile(path.join(SAMPLES, 'images/cpi-chart.png'))
    // A different picture from the sample's, so it is a new upload.
    const picture = Buffer.concat([png, Buffer.from('web copy')])
    imageServer = createServer((req, res) => {
      if (req.url === '/chart.png') res.writeHead(200, { 'content-type': 'image/png' }).end(picture)
      else res.writeHead(404).end()
    })
    await new Promise<void>((resolve) => imageServer.listen(0, '127.0.0.1', resolve))
    imageUrl = `http://127.0.0.1:${(imageServer.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise((resolve) => imageServer.close(resolve)))

  it('refuses private addresses unless allowed, leaving a web image as a link and a missing file out, with warnings', async () => {
    const file = path.join(scratch, 'web.jsonl')
    const html = `<p>正文</p><img src="${imageUrl}/chart.png" alt="网络图片"><img src="${imageUrl}/missing.png" alt="丢失的图"><img src="nowhere.png" alt="不存在的文件">`
    await writeFile(file, `${JSON.stringify({ id: 'web-1', title: '网络图片测试', category: ['财经'], html })}\n`)

    const refused = await runImport([file])
    expect(counts(refused)).toEqual({ created: 1, updated: 0, skipped: 0, failed: 0 })
    expect(refused.stdout).toContain(`line 1: image ${imageUrl}/chart.png: 127.0.0.1 is not a public address; left as a link`)
    expect(refused.stdout).toContain('line 1: image nowhere.png: no such file; left out')
    let article = await anonymousArticle('wang-luo-tu-pian-ce-shi')
    expect(nodesOf(article.body, 'link').map((node) => (node.fields as { url: string }).url)).toEqual([`${imageUrl}/chart.png`, `${imageUrl}/missing.png`])

    const allowed = await runImport([file], { IMPORT_ALLOW_PRIVATE_URLS: 'true' })
    expect(counts(allowed)).toEqual({ created: 0, updated: 1, skipped: 0, failed: 0 })
    expect(allowed.stdout).toContain(`line 1: image ${imageUrl}/missing.png: HTTP 404; left as a link`)
    article = await anonymousArticle('wang-luo-tu-pian-ce-shi')
    expect(nodesOf(article.body, 'upload').map((node) => (node.value as { alt: string }).alt)).toEqual(['网络图片'])
    expect(nodesOf(article.body, 'link')).toHaveLength(1)
  }, 60_000)
})

describe('a DedeCMS site, converted to JSON Lines', () => {
  let file: string
  let converted: Run

  beforeAll(async () => {
    converted = await runNode(['samples/dedecms/to-jsonl.mjs', 'samples/dedecms'])
    file = path.join(scratch, 'dedecms.jsonl')
    await writeFile(file, converted.stdout)
  })

  const dedecmsArticle = async (id: number) => (await staff.editor.get(`/api/articles?where[importedFrom.originalId][equals]=${id}&where[importedFrom.system][equals]=dedecms&draft=true&depth=2`)).body.docs[0]

  it('imports every article but the one in the recycle bin, which the converter names', async () => {
    expect(converted.code).toBe(0)
    expect(converted.stderr).toBe('105: in the recycle bin (arcrank -2): left out\n')
    const run = await runImport([file, '--system', 'dedecms'])
    expect(run.code).toBe(0)
    expect(counts(run)).toEqual({ created: 4, updated: 0, skipped: 0, failed: 0 })
  }, 60_000)

  it('keeps the channel path, byline, 来源, tags and the publication time DedeCMS showed in Beijing time', async () => {
    const article = await dedecmsArticle(101)
    expect(article).toMatchObject({
      title: '五月社会融资规模增量同比回升',
      source: '财经观察网',
      summary: '五月新增人民币贷款和政府债券融资双双多增，社会融资规模增量同比回升，货币供应量增速保持平稳。',
      publishedAt: '2024-06-14T09:30:00.000Z',
      authors: [{ name: '刘思远' }],
      category: { name: '宏观', breadcrumbs: [{ name: '财经' }, { name: '宏观' }] },
      tags: [{ name: '社融' }, { name: '信贷' }, { name: '货币供应' }],
      _status: 'published',
    })
    expect(nodesOf(article.body, 'list')[0].children).toHaveLength(3)
    expect((await anonymousArticle(article.slug)).title).toBe('五月社会融资规模增量同比回升')

    const deep = await dedecmsArticle(103)
    expect(deep.category.breadcrumbs.map((level: { name: string }) => level.name)).toEqual(['理财', '基金', '指数基金'])
    expect(deep.authors).toEqual([])
  })

  it('reads an escaped title as text and a page break as a heading', async () => {
    const article = await dedecmsArticle(102)
    expect(article.title).toBe('两市成交额连续三日超万亿 券商称"量能是关键"')
    expect(nodesOf(article.body, 'heading').map((node) => textOf(node))).toEqual(['券商观点'])
  })

  it('keeps an article awaiting review (arcrank -1) a draft, out of public sight', async () => {
    const draft = await dedecmsArticle(104)
    expect(draft).toMatchObject({ title: '地方政府专项债发行提速', _status: 'draft', importedFrom: { system: 'dedecms', originalId: '104' } })
    expect(await anonymousArticle(draft.slug)).toBeUndefined()
  })
})

describe("the operator's language", () => {
  const chinese = { LANG: 'zh_CN.UTF-8' }

  it('says everything in Chinese in a Chinese locale: the usage, each failure and warning, the summary and the progress', async () => {
    const usage = await runImport([], chinese)
    expect(usage.code).toBe(1)
    expect(usage.stderr).toBe('请指定一个归档文件或文件夹\n用法：npm run import -- 文件|文件夹 [--bulk [--batch-size N]] [--dry-run] [--system 名称] [--format wxr|jsonl]\n')
    const run = await runImport([JSONL, '--dry-run'], chinese)
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^试运行 .*archive\.jsonl（jsonl，来源系统“jsonl”）：未写入任何内容/)
    // Whether the archive was imported above or not: the counts are the run's, the words the same.
    expect(run.stdout).toMatch(/\n文章：新建 \d，更新 \d，跳过 \d，失败 1\n评论：新建 0，跳过 0，失败 0\n新建：作者 \d 位，频道 \d 个，标签 \d+ 个，图片 \d 张\n/)
    expect(run.stdout).toMatch(/\n各篇文章：\n {2}(新建|更新|跳过) 第 1 行：一季度居民消费价格温和回升\n/)
    expect(run.stdout).toMatch(/\n失败：\n {2}第 4 行：不是有效的 JSON：.*\n警告：\n {2}第 6 行：没有标题：已导入为草稿，标题暂定为“四月制造业采购经理指数回落至荣枯线下方，…”\n$/)
    expect(run.stderr).toMatch(/\] 100%  7 篇  每秒 [\d.]+ 篇  剩余 0 秒/)
  }, 60_000)

  it('says why an image was not fetched in Chinese, the address a name resolved to included', async () => {
    const file = path.join(scratch, 'localhost-image.jsonl')
    const src = 'http://localhost:9/chart.png'
    await writeFile(file, `${JSON.stringify({ id: 'localhost-1', title: '本机图片测试', html: `<p>正文</p><img src="${src}" alt="图">` })}\n`)
    const run = await runImport([file, '--system', 'languages'], chinese)
    expect(run.stdout).toContain('\n文章：新建 1，更新 0，跳过 0，失败 0\n')
    expect(run.stdout).toMatch(new RegExp(`\\n警告：\\n {2}第 1 行：图片 ${src}：localhost 解析到 (127\\.0\\.0\\.1|::1)，不是公网地址；保留为链接\\n$`))
  }, 60_000)

  it("gives the newsroom's own refusals in the operator's language too, on either path", async () => {
    const phrase = '违规荐股群'
    const word = await staff.moderator.post('/api/screening-words', { phrase, action: 'reject' })
    expect(word.status).toBe(201)
    try {
      const file = path.join(scratch, 'refused.jsonl')
      await writeFile(file, `${JSON.stringify({ id: 'refused-1', title: `加入${phrase}稳赚不赔`, html: '<p>正文。</p>' })}\n`)
      const inChinese = await runImport([file, '--system', 'refusals'], chinese)
      expect(inChinese.stdout).toContain('\n文章：新建 0，更新 0，跳过 0，失败 1\n')
      expect(inChinese.stdout).toContain(`失败：\n  第 1 行：title: 「${phrase}」`)
      const inEnglish = await runImport([file, '--system', 'refusals', '--bulk'])
      expect(counts(inEnglish)).toEqual({ created: 0, updated: 0, skipped: 0, failed: 1 })
      expect(inEnglish.stdout).toContain(`failed:\n  line 1: title: "${phrase}"`)
    } finally {
      await staff.moderator.delete(`/api/screening-words/${word.body.doc.id}`)
    }
  }, 60_000)
})

const withRedis = redisReachable()
if (!withRedis) console.warn(`import cache test skipped: no Redis reachable at ${REDIS_URL} (set REDIS_URL to run it)`)

;(withRedis ? describe : describe.skip)('a running server sharing Redis', () => {
  const env = { REDIS_URL, REDIS_PREFIX: `newsroom-test-${randomBytes(4).toString('hex')}:` }
  let cached: TestServer

  beforeAll(async () => {
    cached = await startServer(env)
  }, 120_000)
  afterAll(() => cached?.stop())

  it('serves the imported articles at once instead of its cached list, after a bulk import batch by batch', async () => {
    const list = async () => {
      await fetch(`${cached.url}/api/articles?depth=0&limit=1`)
      const again = await fetch(`${cached.url}/api/articles?depth=0&limit=1`)
      return { cache: again.headers.get('x-newsroom-cache'), totalDocs: (await again.json()).totalDocs }
    }
    expect(await list()).toEqual({ cache: 'hit', totalDocs: 0 })
    expect(counts(await runImport([JSONL], env, cached))).toMatchObject({ created: 6 })
    expect(await list()).toEqual({ cache: 'hit', totalDocs: 4 })
    const archive = await writeCorpusArchive(path.join(scratch, 'cached'), 12)
    expect(counts(await runImport([archive, '--bulk', '--batch-size', '5'], env, cached))).toMatchObject({ created: 12 })
    expect(await list()).toEqual({ cache: 'hit', totalDocs: 16 })
  }, 60_000)
})
