import { spawn } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import { highlightSnippet, SEGMENTATION, searchWords } from '../../src/lib/search'
import { Api, createStaff, invalidPaths, type Staff } from '../helpers/api'
import { importCounts, runImportCommand } from '../helpers/importCommand'
import { ROOT_DIR, startServer, type TestServer, withDatabase } from '../helpers/server'
import { eventually } from '../helpers/wait'

let server: TestServer
let staff: Staff
const ids: Record<string, number> = {}
let channels: Record<string, number> = {}
let tagId: number

const paragraph = (text: string) => ({
  type: 'paragraph',
  format: '',
  indent: 0,
  version: 1,
  direction: 'ltr',
  textFormat: 0,
  children: [{ type: 'text', text, format: 0, style: '', mode: 'normal', detail: 0, version: 1 }],
})
const body = (...texts: string[]) => ({ root: { type: 'root', format: '', indent: 0, version: 1, direction: 'ltr', children: texts.map(paragraph) } })

async function publish(key: string, data: Record<string, unknown>) {
  const res = await staff['editor-in-chief'].post('/api/articles', { _status: 'published', ...data })
  expect(res.status).toBe(201)
  ids[key] = res.body.doc.id
}

const search = (query: string) => staff.anonymous.get(`/api/search?${query}`)

beforeAll(async () => {
  server = await startServer()
  staff = await createStaff(server)
  const root = (await staff.editor.post('/api/categories', { name: '财经' })).body.doc.id
  const banking = (await staff.editor.post('/api/categories', { name: '银行', parent: root })).body.doc.id
  const insurance = (await staff.editor.post('/api/categories', { name: '保险' })).body.doc.id
  channels = { root, banking, insurance }
  tagId = (await staff.editor.post('/api/tags', { name: '降准' })).body.doc.id
  await publish('titleHit', {
    title: '央行宣布降准0.5个百分点',
    summary: '释放长期资金约1万亿元',
    body: body('此次降准是今年第二次。'),
    category: banking,
    tags: [tagId],
    publishedAt: '2026-11-20T02:00:00.000Z',
  })
  await publish('bodyHit', {
    title: '银行理财收益率回落',
    summary: '现金管理类产品收益走低',
    body: body('分析人士认为，降准之后市场利率可能继续下行。'),
    category: banking,
    publishedAt: '2026-10-01T02:00:00.000Z',
  })
  await publish('insurance', {
    title: '惠民保参保人数增长放缓',
    summary: '年轻人参保意愿不高',
    body: body('PMI数据显示制造业景气回升。'),
    category: insurance,
    publishedAt: '2026-11-25T02:00:00.000Z',
  })
  // 缩表 in the title or summary of the two older articles, only in the body of the two newer ones.
  await publish('qtTitle', { title: '美联储放缓缩表步伐', summary: '资产负债表收缩速度减半', body: body('会议纪要显示分歧仍在。'), publishedAt: '2026-06-01T02:00:00.000Z' })
  await publish('qtSummary', { title: '美债收益率走低', summary: '市场预期缩表即将结束', body: body('长端利率回落明显。'), publishedAt: '2026-08-01T02:00:00.000Z' })
  await publish('qtBodyNew', { title: '美元指数震荡', summary: '非美货币普遍反弹', body: body('交易员关注缩表节奏的变化。'), publishedAt: '2026-11-27T02:00:00.000Z' })
  await publish('qtBodyOld', { title: '新兴市场资金流入', summary: '外资回流亚洲股市', body: body('此前缩表曾令资金外流。'), publishedAt: '2026-09-01T02:00:00.000Z' })
  ids.draft = (await staff.editor.post('/api/articles', { title: '降准草稿不应被搜到', body: body('降准') })).body.doc.id
})
afterAll(() => server.stop())

it('finds Chinese words inside text without spaces, title matches first, with highlighted snippets', async () => {
  const res = await search(`q=${encodeURIComponent('降准')}`)
  expect(res.status).toBe(200)
  expect(res.body.docs.map((doc: { id: number }) => doc.id)).toEqual([ids.titleHit, ids.bodyHit])
  expect(res.body.docs[0].snippet).toContain('<mark>降准</mark>')
  expect(res.body.docs[1].snippet).toContain('<mark>降准</mark>之后')
  expect(res.body.totalDocs).toBe(2)
})

it('gives a title or summary match the snippet its whole text gives, though only the start of the text is read', async () => {
  const title = '险企偿付能力报告出炉'
  const summary = '多数公司偿付能力充足率保持稳定'
  const text = '分析人士认为，监管将继续引导保险公司稳健经营。'.repeat(20)
  await publish('longBody', { title, summary, body: body(text) })
  const [hit] = (await search(`q=${encodeURIComponent('偿付能力')}`)).body.docs
  expect(hit).toMatchObject({ id: ids.longBody, rank: 1 })
  expect(hit.snippet).toBe(highlightSnippet([title, summary, text].join('\n'), searchWords('偿付能力')))
  expect(hit.snippet).toMatch(/^险企<mark>偿付能力<\/mark>.+…$/)
  expect((await staff['editor-in-chief'].delete(`/api/articles/${ids.longBody}`)).status).toBe(200)
})

it('lists matches in the title or summary first, then the body, each newest first, and pages across both', async () => {
  const qt = (extra = '') => search(`q=${encodeURIComponent('缩表')}${extra}`)
  const all = await qt()
  expect(all.body.docs.map((doc: { id: number }) => doc.id)).toEqual([ids.qtSummary, ids.qtTitle, ids.qtBodyNew, ids.qtBodyOld])
  expect(all.body.docs.map((doc: { rank: number }) => doc.rank)).toEqual([1, 1, 0, 0])
  expect(all.body).toMatchObject({ totalDocs: 4, totalDocsExact: true })
  const pages = await Promise.all([1, 2].map((page) => qt(`&limit=3&page=${page}`)))
  expect(pages.map((res) => res.body.docs.map((doc: { id: number }) => doc.id))).toEqual([[ids.qtSummary, ids.qtTitle, ids.qtBodyNew], [ids.qtBodyOld]])
  expect(pages[1].body).toMatchObject({ page: 2, totalDocs: 4, totalPages: 2 })
  // Pages the newest title and summary matches fill (a walk newest first), and pages they do not.
  for (const [extra, expected] of [['&limit=1', [ids.qtSummary]], ['&limit=1&from=2026-01-01', [ids.qtSummary]], ['&limit=1&page=2', [ids.qtTitle]]] as const) {
    const res = await qt(extra)
    expect([res.body.docs.map((doc: { id: number }) => doc.id), res.body.totalDocs, res.body.hasNextPage]).toEqual([expected, 4, true])
  }
  const onlyBody = await qt('&limit=1&page=4')
  expect(onlyBody.body.docs.map((doc: { id: number }) => doc.id)).toEqual([ids.qtBodyOld])
  const pastTheEnd = await qt('&limit=2&page=3')
  expect(pastTheEnd.body).toMatchObject({ docs: [], totalDocs: 4, totalPages: 2 })
})

describe('past SEARCH_TOTAL_LIMIT', () => {
  let capped: TestServer
  const cappedSearch = async (query: string) => (await fetch(`${capped.url}/api/search?${query}`)).json()
  const idsOf = (page: { docs: { id: number }[] }) => page.docs.map((doc) => doc.id)
  // A second instance on the same articles, counting at most 3 matches.
  beforeAll(async () => {
    capped = await startServer({ SEARCH_TOTAL_LIMIT: '3' }, { databaseUrl: server.databaseUrl })
  })
  afterAll(() => capped?.stop())

  it('gives the limit as a lower bound, and still finds and pages through every match', async () => {
    const q = `q=${encodeURIComponent('缩表')}`
    const all = await cappedSearch(q)
    expect(all).toMatchObject({ totalDocs: 3, totalDocsExact: false, totalPages: 1, hasNextPage: false })
    expect(idsOf(all)).toEqual([ids.qtSummary, ids.qtTitle, ids.qtBodyNew, ids.qtBodyOld])
    // Past the counted pages, whether another page follows is found by reading one more match.
    expect(await cappedSearch(`${q}&limit=1&page=3`)).toMatchObject({ totalPages: 3, hasNextPage: true })
    const fourth = await cappedSearch(`${q}&limit=1&page=4`)
    expect([idsOf(fourth), fourth.hasNextPage]).toEqual([[ids.qtBodyOld], false])
    expect(await cappedSearch(`${q}&limit=1&page=5`)).toMatchObject({ docs: [], totalDocsExact: false, hasNextPage: false })
    // Filtered, the count stops at the limit too; under it, the total is exact.
    expect(await cappedSearch(`${q}&from=2000-01-01`)).toMatchObject({ totalDocs: 3, totalDocsExact: false })
    expect(await cappedSearch(`q=${encodeURIComponent('降准')}`)).toMatchObject({ totalDocs: 2, totalDocsExact: true })
    expect(await cappedSearch(`q=${encodeURIComponent('降准')}&limit=1`)).toMatchObject({ totalPages: 2, hasNextPage: true })
    expect(await cappedSearch(`q=${encodeURIComponent('降准')}&limit=1&page=2`)).toMatchObject({ totalPages: 2, hasNextPage: false })
    const graphql = await fetch(`${capped.url}/api/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ Search(q: "缩表", limit: 3) { totalDocs totalDocsExact hasNextPage } }' }),
    })
    expect((await graphql.json()).data.Search).toEqual({ totalDocs: 3, totalDocsExact: false, hasNextPage: true })
  })

  it('past a limit of one, still pages from the title and summary matches into the body’s', async () => {
    const countingOne = await startServer({ SEARCH_TOTAL_LIMIT: '1' }, { databaseUrl: server.databaseUrl })
    try {
      // 缩表: two title or summary matches, two more in bodies.
      const first = await (await fetch(`${countingOne.url}/api/search?q=${encodeURIComponent('缩表')}&limit=3`)).json()
      expect(first).toMatchObject({ totalDocs: 1, totalDocsExact: false, hasNextPage: true })
      expect(idsOf(first)).toEqual([ids.qtSummary, ids.qtTitle, ids.qtBodyNew])
    } finally {
      await countingOne.stop()
    }
  })
})

it('never finds drafts', async () => {
  const res = await search(`q=${encodeURIComponent('草稿')}`)
  expect(res.body.docs).toEqual([])
})

it('handles mixed Chinese and English, a single character, and an empty query', async () => {
  expect((await search(`q=${encodeURIComponent('PMI 数据')}`)).body.docs.map((doc: { id: number }) => doc.id)).toEqual([ids.insurance])
  expect((await search(`q=${encodeURIComponent('pmi')}`)).body.docs.map((doc: { id: number }) => doc.id)).toEqual([ids.insurance])
  const single = await search(`q=${encodeURIComponent('银')}`)
  expect(single.status).toBe(200)
  expect(single.body.docs.map((doc: { id: number }) => doc.id)).toContain(ids.bodyHit)
  for (const query of ['q=', '', `q=${encodeURIComponent('，。！')}`]) {
    const empty = await search(query)
    expect(empty.status).toBe(200)
    expect(empty.body).toMatchObject({ docs: [], totalDocs: 0 })
  }
})

it('filters by channel (with its sub-channels), tag and date range, and pages', async () => {
  const ofRoot = await search(`q=${encodeURIComponent('降准')}&category=${channels.root}`)
  expect(ofRoot.body.totalDocs).toBe(2)
  expect((await search(`q=${encodeURIComponent('降准')}&category=${channels.insurance}`)).body.totalDocs).toBe(0)
  expect((await search(`q=${encodeURIComponent('降准')}&tag=${tagId}`)).body.docs.map((doc: { id: number }) => doc.id)).toEqual([ids.titleHit])
  expect((await search(`q=${encodeURIComponent('降准')}&from=2026-11-01&to=2026-11-30`)).body.docs.map((doc: { id: number }) => doc.id)).toEqual([ids.titleHit])
  const paged = await search(`q=${encodeURIComponent('降准')}&limit=1&page=2`)
  expect(paged.body).toMatchObject({ page: 2, limit: 1, totalDocs: 2, totalPages: 2 })
  expect(paged.body.docs.map((doc: { id: number }) => doc.id)).toEqual([ids.bodyHit])
})

it.each([
  ['q', `q=${'长'.repeat(201)}`],
  ['category', 'q=a&category=abc'],
  ['limit', 'q=a&limit=500'],
  ['from', 'q=a&from=yesterday'],
])('bad %s is a 400 naming it', async (field, query) => {
  const res = await search(query)
  expect(res.status).toBe(400)
  expect(invalidPaths(res.body)).toEqual([field])
})

it('follows publishing: an edit is found at once, an unpublished article is gone', async () => {
  await staff['editor-in-chief'].patch(`/api/articles/${ids.insurance}`, { summary: '城市定制型商业医疗保险', _status: 'published' })
  expect((await search(`q=${encodeURIComponent('商业医疗保险')}`)).body.docs.map((doc: { id: number }) => doc.id)).toEqual([ids.insurance])
  await staff.editor.patch(`/api/articles/${ids.insurance}?draft=true`, { summary: '草稿里的新摘要：再保险' })
  expect((await search(`q=${encodeURIComponent('再保险')}`)).body.docs).toEqual([])
  await staff['editor-in-chief'].patch(`/api/articles/${ids.insurance}`, { _status: 'draft' })
  expect((await search(`q=${encodeURIComponent('商业医疗保险')}`)).body.docs).toEqual([])
})

it('answers the same through GraphQL', async () => {
  const res = await staff.anonymous.graphql(`{ Search(q: "降准", limit: 5) { totalDocs docs { id title snippet } } }`)
  expect(res.body.errors).toBeUndefined()
  expect(res.body.data.Search.docs.map((doc: { id: number }) => doc.id)).toEqual([ids.titleHit, ids.bodyHit])
  const bad = await staff.anonymous.graphql(`{ Search(q: "降准", limit: 500) { totalDocs } }`)
  expect(bad.body.errors?.[0].message).toMatch(/limit/)
})

it('rebuilds the whole index from the command line', async () => {
  const output = await new Promise<{ code: number | null; text: string }>((resolve) => {
    let text = ''
    const child = spawn(process.execPath, [path.join(ROOT_DIR, 'dist/search-rebuild.mjs')], {
      cwd: ROOT_DIR,
      env: { ...process.env, NODE_OPTIONS: '', DATABASE_URL: server.databaseUrl, PAYLOAD_SECRET: 'rebuild-secret-0123456789abcdef0123456789' },
    })
    child.stdout.on('data', (chunk) => (text += chunk))
    child.stderr.on('data', (chunk) => (text += chunk))
    child.on('exit', (code) => resolve({ code, text }))
  })
  expect(output.code).toBe(0)
  expect(output.text).toMatch(/re-indexed 6 published articles/)
  expect(output.text).toContain('[##############################] 6/6')
  expect((await search(`q=${encodeURIComponent('降准')}`)).body.totalDocs).toBe(2)
})

// After the rebuild above, which counts the articles published so far.
describe('finance words jieba would cut wrongly', () => {
  const idsOf = async (api: Api, query: string) => (await api.get(`/api/search?q=${encodeURIComponent(query)}`)).body.docs.map((doc: { id: number }) => doc.id)

  it('finds 降准 in 降准将… and 城投 in 城投后…, where jieba alone cuts 降 / 准将 and 城 / 投后', async () => {
    await publish('rrrCut', { title: '央行降准将释放长期资金', summary: '市场流动性预期改善', publishedAt: '2026-12-01T02:00:00.000Z' })
    await publish('lgfv', { title: '城投债发行提速', summary: '此次城投后续融资受到关注', publishedAt: '2026-12-02T02:00:00.000Z' })
    expect(await idsOf(staff.anonymous, '降准')).toContain(ids.rrrCut)
    expect(await idsOf(staff.anonymous, '城投债')).toEqual([ids.lgfv])
    expect(await idsOf(staff.anonymous, '城投')).toEqual([ids.lgfv])
  })

  it('re-indexes what an earlier release stored, in the background once an upgraded server has started', async () => {
    await withDatabase(server.databaseUrl, async (client) => {
      // As the release before stored it: 城投债 cut as 城 / 投债.
      await client.query(
        `update article_search set vector = setweight(to_tsvector('simple', '城 投债 发行 提速'), 'A'), segmentation = 1 where article_id = $1`,
        [ids.lgfv],
      )
      // A row left for an article that is not published (now only a draft): re-indexing removes it.
      await client.query(
        `insert into article_search (article_id, plain_text, vector, segmentation) values ($1, '降准草稿', to_tsvector('simple', '降准 草稿'), 1)`,
        [ids.draft],
      )
    })
    expect(await idsOf(staff.anonymous, '城投债 提速')).toEqual([])
    expect(await idsOf(staff.anonymous, '降准草稿')).toEqual([ids.draft])
    const upgraded = await startServer({}, { databaseUrl: server.databaseUrl })
    const outdatedRows = () =>
      withDatabase(server.databaseUrl, async (client) => (await client.query('select article_id from article_search where segmentation < $1', [SEGMENTATION])).rows)
    try {
      await eventually(async () => (await outdatedRows()).length === 0, 'the background re-index', 20_000)
      const api = new Api(upgraded.url)
      expect(await idsOf(api, '城投债 提速')).toEqual([ids.lgfv])
      expect(await idsOf(api, '降准草稿')).toEqual([])
    } finally {
      await upgraded.stop()
    }
  })
})

describe('counting the matches of an archive larger than the newest articles a count samples', () => {
  const LIMIT = 150
  const ARTICLES = 800
  let archive: TestServer
  let scratch: string
  /** Article `i` is `i` hours after the first: the highest `i` is the newest. */
  const WORDS: [word: string, inArticle: (i: number) => boolean][] = [
    ['光伏', (i) => i % 2 === 0],
    ['白酒', (i) => i < 160],
    ['煤炭', (i) => i >= ARTICLES - 140],
    ['黄金', (i) => i % 20 === 0],
    ['芯片', (i) => i >= ARTICLES - (LIMIT + 1)],
    ['航运', (i) => i >= ARTICLES - LIMIT],
  ]
  const matchesOf = (word: string) => Array.from({ length: ARTICLES }, (_, i) => i).filter(WORDS.find(([name]) => name === word)![1]).length
  const totalOf = async (word: string) => {
    const page = await (await fetch(`${archive.url}/api/search?q=${encodeURIComponent(word)}`)).json()
    return { totalDocs: page.totalDocs, totalDocsExact: page.totalDocsExact }
  }

  beforeAll(async () => {
    archive = await startServer({ SEARCH_TOTAL_LIMIT: String(LIMIT) })
    scratch = await mkdtemp(path.join(os.tmpdir(), 'newsroom-search-counts-'))
    const lines = Array.from({ length: ARTICLES }, (_, i) => {
      const words = WORDS.filter(([, inArticle]) => inArticle(i)).map(([word]) => word)
      // 光伏 in titles, so its first page is found by the walk over titles and summaries; the rest in bodies.
      const title = `${words.includes('光伏') ? '光伏' : '市场'}观察第${i}期`
      const text = `<p>本期关注${words.filter((word) => word !== '光伏').join('、') || '宏观数据'}，市场整体平稳。</p>`
      return JSON.stringify({ id: `count-${i}`, title, status: 'published', publishedAt: new Date(Date.UTC(2020, 0, 1) + i * 3_600_000).toISOString(), html: text })
    })
    await writeFile(path.join(scratch, 'archive.jsonl'), `${lines.join('\n')}\n`)
    const run = await runImportCommand(archive, [path.join(scratch, 'archive.jsonl'), '--bulk'])
    expect(importCounts(run)).toMatchObject({ created: ARTICLES, failed: 0 })
  })
  afterAll(async () => {
    await archive?.stop()
    if (scratch) await rm(scratch, { recursive: true, force: true })
  })

  it.each([
    ['光伏', 'common and newest: counted along the newest articles to the limit'],
    ['白酒', 'only in the oldest articles: counted from the index'],
    ['煤炭', 'in the newest articles only, fewer than the limit: walked, then counted from the index'],
    ['黄金', 'spread thin: walked, then counted from the index'],
    ['芯片', 'one past the limit, all among the newest'],
    ['航运', 'exactly the limit, all among the newest'],
  ])('%s (%s) is counted exactly up to the limit', async (word) => {
    const matches = matchesOf(word)
    expect(await totalOf(word)).toEqual(matches > LIMIT ? { totalDocs: LIMIT, totalDocsExact: false } : { totalDocs: matches, totalDocsExact: true })
  })

  it('counts again once an article leaves search, though a count past the limit is remembered', async () => {
    expect(await totalOf('芯片')).toEqual({ totalDocs: LIMIT, totalDocsExact: false })
    const staffOfArchive = await createStaff(archive)
    const newest = (await staffOfArchive.anonymous.get(`/api/search?q=${encodeURIComponent('芯片')}&limit=1`)).body.docs[0].id
    expect((await staffOfArchive['editor-in-chief'].patch(`/api/articles/${newest}`, { _status: 'draft' })).status).toBe(200)
    expect(await totalOf('芯片')).toEqual({ totalDocs: LIMIT, totalDocsExact: true })
  })
})
