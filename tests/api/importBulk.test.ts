import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import type pg from 'pg'

import { writeCorpusArchive } from '../../src/scripts/bench/corpusArchive'
import { createStaff, type Staff } from '../helpers/api'
import { type ImportTarget, importCounts, type Run, runImportCommand } from '../helpers/importCommand'
import { createDatabase, dropDatabase, freshDatabaseUrl, ROOT_DIR, startServer, type TestServer, withDatabase } from '../helpers/server'
import { eventually } from '../helpers/wait'
import { startWebhookReceiver } from '../helpers/webhookReceiver'

const FIXTURES = [
  path.join(ROOT_DIR, 'samples/import/wordpress.xml'),
  path.join(ROOT_DIR, 'tests/fixtures/wordpressEdgeCases.xml'),
  path.join(ROOT_DIR, 'tests/fixtures/wordpressComments.xml'),
]

let scratch: string
const databases: string[] = []

/** A database migrated like a server's, and a media folder, with nothing imported yet. */
async function emptyTarget(name: string): Promise<ImportTarget> {
  const databaseUrl = freshDatabaseUrl()
  await createDatabase(databaseUrl, { template: process.env.TEST_TEMPLATE_DATABASE })
  databases.push(databaseUrl)
  return { databaseUrl, mediaDir: path.join(scratch, `media-${name}`) }
}

beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'newsroom-bulk-import-'))
})
afterAll(async () => {
  await Promise.all(databases.map(dropDatabase))
  await rm(scratch, { recursive: true, force: true })
})

type Row = Record<string, unknown>

/** Drops the keys (at any depth) whose values differ by nature between two imports: ids and times. */
function withoutIds(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value ?? null), (key, inner) => (key === 'id' ? undefined : inner))
}

/**
 * Everything an import stores that a reader, an editor or a later save depends on, with every
 * reference (ids of articles, channels, bylines, tags, media, comments) replaced by what it names,
 * and only the write times left out. Audit entries and webhook notices are compared apart: the bulk
 * path writes one per run, not one per article.
 */
async function storedImport(databaseUrl: string): Promise<Record<string, Row[]>> {
  return withDatabase(databaseUrl, async (client: pg.Client) => {
    const rows = async (text: string) => (await client.query(text)).rows as Row[]
    const media = new Map((await rows(`select id, filename from media`)).map((row) => [row.id, row.filename]))
    const uploadsByName = (body: unknown) =>
      JSON.parse(JSON.stringify(body ?? null), function (key, value) {
        return key === 'value' && this?.type === 'upload' ? media.get(value) : key === 'id' ? undefined : value
      })
    const articleKey = `coalesce(a.imported_from_system || ':' || a.imported_from_original_id, a.slug, a.title)`
    const articles = await rows(`
      select ${articleKey} as key,
        to_jsonb(a) - 'id' - 'created_at' - 'updated_at' - 'category_id' - 'cover_image_id' - 'body' as fields,
        a.body, a.created_at, c.title as category, m.filename as cover,
        (select coalesce(json_agg(json_build_object('path', r.path, 'order', r."order", 'author', au.name, 'tag', t.name) order by r.path, r."order"), '[]')
          from articles_rels r left join authors au on au.id = r.authors_id left join tags t on t.id = r.tags_id where r.parent_id = a.id) as relations,
        (select coalesce(json_agg(to_jsonb(h) - '_parent_id' - 'id' - 'at' order by h._order), '[]') from articles_review_history h where h._parent_id = a.id) as history,
        (select to_jsonb(s) - 'article_id' - 'updated_at' from article_search s where s.article_id = a.id) as search,
        (select coalesce(json_agg(json_build_object(
            'fields', to_jsonb(v) - 'id' - 'parent_id' - 'created_at' - 'updated_at' - 'version_created_at' - 'version_updated_at' - 'version_category_id' - 'version_cover_image_id' - 'version_body',
            'body', v.version_body,
            'relations', (select coalesce(json_agg(json_build_object('path', r.path, 'order', r."order", 'author', au.name, 'tag', t.name) order by r.path, r."order"), '[]')
              from _articles_v_rels r left join authors au on au.id = r.authors_id left join tags t on t.id = r.tags_id where r.parent_id = v.id),
            'history', (select coalesce(json_agg(to_jsonb(h) - '_parent_id' - 'id' - '_uuid' - 'at' order by h._order), '[]') from _articles_v_version_review_history h where h._parent_id = v.id)
          ) order by v.id), '[]') from _articles_v v where v.parent_id = a.id) as versions
      from articles a left join categories c on c.id = a.category_id left join media m on m.id = a.cover_image_id
      order by key`)
    // A published article without a date is dated when it is saved: by the clock, not by the archive.
    const dated = <T extends Row | null>(row: T, field: string, createdAt: Date): T => {
      if (!row || typeof row[field] !== 'string') return row
      return Math.abs(Date.parse(row[field] as string) - createdAt.getTime()) < 60_000 ? { ...row, [field]: 'when imported' } : row
    }
    return {
      articles: articles.map(({ created_at: createdAt, ...row }) => ({
        ...row,
        fields: dated(row.fields as Row, 'published_at', createdAt as Date),
        search: dated(row.search as Row | null, 'published_at', createdAt as Date),
        body: uploadsByName(row.body),
        versions: (row.versions as Row[]).map((version) => ({
          ...version,
          fields: dated(version.fields as Row, 'version_published_at', createdAt as Date),
          body: uploadsByName(version.body),
        })),
      })),
      comments: await rows(`
        select ${articleKey} as article, p.original_id as parent, to_jsonb(c) - 'id' - 'article_id' - 'parent_id' - 'updated_at' as fields
        from comments c join articles a on a.id = c.article_id left join comments p on p.id = c.parent_id order by 1, c.original_id`),
      authors: await rows(`select to_jsonb(x) - 'id' - 'created_at' - 'updated_at' - 'avatar_id' as fields from authors x order by name`),
      tags: await rows(`select to_jsonb(x) - 'id' - 'created_at' - 'updated_at' as fields from tags x order by name`),
      categories: await rows(`
        select to_jsonb(x) - 'id' - 'created_at' - 'updated_at' - 'parent_id' as fields, p.title as parent,
          (select json_agg(to_jsonb(b) - '_parent_id' - 'id' - 'doc_id' order by b._order) from categories_breadcrumbs b where b._parent_id = x.id) as breadcrumbs
        from categories x left join categories p on p.id = x.parent_id order by x.title`),
      media: await rows(`select to_jsonb(x) - 'id' - 'created_at' - 'updated_at' as fields from media x order by filename`),
    }
  })
}

/** Problems an archive from the field holds, beside the realistic corpus. */
function trickyLines(): string[] {
  const article = (fields: Record<string, unknown>) => JSON.stringify({ status: 'published', publishedAt: '2024-03-01T08:00:00+08:00', html: '<p>正文。</p>', ...fields })
  return [
    // The same title three times, from three originals: numbered slugs, as the admin numbers them.
    ...['t1', 't2', 't3'].map((id) => article({ id, title: '同题快讯：央行开展逆回购操作', authors: ['值班编辑'] })),
    // A title with nothing to make a slug of.
    article({ id: 't4', title: '？！……', category: ['快讯'] }),
    // No original id: the second line with its title is the same article, updated.
    article({ title: '无编号稿件', summary: '初版' }),
    article({ title: '无编号稿件', summary: '修订版' }),
    // The same original twice in one archive: the later line wins.
    article({ id: 't5', title: '重复导出的稿件', summary: '旧摘要' }),
    article({ id: 't5', title: '重复导出的稿件', summary: '新摘要' }),
    article({ id: 't6', title: '', html: '<p>没有标题的稿件，正文第一句话就成了它的标题，并且只能是草稿。</p>' }),
    article({ id: 't7', title: '尚未发布的草稿', status: 'draft', publishedAt: undefined }),
    article({ id: 't8', title: '没有发布时间的已发布稿件', publishedAt: undefined }),
    '{"id": "t9", "title": "这一行坏了',
    article({
      id: 't10',
      title: '评论很多的稿件',
      images: ['images/cover-1.png'],
      comments: [
        { id: 'c1', author: '读者甲', body: '第一条', date: '2024-03-01T09:00:00+08:00' },
        { id: 'c2', parent: 'c1', author: '读者乙', body: '回复第一条', date: '2024-03-01T09:05:00+08:00' },
        { id: 'c3', parent: 'c404', author: '读者丙', body: '回复一条不存在的评论', date: '2024-03-01T09:10:00+08:00' },
        { id: 'c4', author: '读者丁', body: '待审的评论', status: 'pending', date: '2024-03-01T09:20:00+08:00' },
        { id: 'c2', author: '读者乙', body: '重复编号的评论', date: '2024-03-01T09:30:00+08:00' },
        { id: 'c5', parent: 'c4', author: '读者戊', body: '回复待审评论', ip: '203.0.113.9', date: '2024-03-01T09:40:00+08:00' },
      ],
    }),
  ]
}

describe('the bulk path stores what the per-article path stores', () => {
  let perArticle: ImportTarget
  let bulk: ImportTarget
  let bulkWhole: ImportTarget
  const runs: { perArticle: Run[]; bulk: Run[]; bulkWhole: Run[] } = { perArticle: [], bulk: [], bulkWhole: [] }

  beforeAll(async () => {
    const dir = path.join(scratch, 'mixed')
    const corpus = await writeCorpusArchive(dir, 60)
    await writeFile(corpus, `${(await readFile(corpus, 'utf8')).trimEnd()}\n${trickyLines().join('\n')}\n`)
    ;[perArticle, bulk, bulkWhole] = await Promise.all([emptyTarget('per-article'), emptyTarget('bulk'), emptyTarget('bulk-whole')])
    for (const archive of [corpus, ...FIXTURES]) {
      runs.perArticle.push(await runImportCommand(perArticle, [archive]))
      // Small batches: the archive crosses many of them, and repeats meet across and within them.
      runs.bulk.push(await runImportCommand(bulk, [archive, '--bulk', '--batch-size', '7']))
      // One batch for each archive: its rows are written a few dozen to a statement, so several statements.
      runs.bulkWhole.push(await runImportCommand(bulkWhole, [archive, '--bulk']))
    }
  }, 240_000)

  it('reports the same outcomes', () => {
    expect(runs.bulk.map((run) => run.code)).toEqual(runs.perArticle.map((run) => run.code))
    expect(runs.bulk.map(importCounts)).toEqual(runs.perArticle.map(importCounts))
    expect(importCounts(runs.bulk[0])).toEqual({ created: 70, updated: 2, skipped: 0, failed: 1 })
    const commentLine = (run: Run) => /comments: .*/.exec(run.stdout)?.[0]
    expect(runs.bulk.map(commentLine)).toEqual(runs.perArticle.map(commentLine))
    expect(runs.bulkWhole.map(importCounts)).toEqual(runs.perArticle.map(importCounts))
    expect(runs.bulkWhole.map(commentLine)).toEqual(runs.perArticle.map(commentLine))
  })

  it('stores the same articles, versions, relations, review history, search rows, comments, channels, bylines, tags and media', async () => {
    const [expected, ...actuals] = await Promise.all([storedImport(perArticle.databaseUrl), storedImport(bulk.databaseUrl), storedImport(bulkWhole.databaseUrl)])
    expect(expected.articles).toHaveLength(81)
    expect(expected.articles.filter((article) => (article.fields as Row).published_at === 'when imported')).toHaveLength(1)
    expect(expected.comments.length).toBeGreaterThan(100)
    for (const actual of actuals) {
      for (const table of Object.keys(expected)) expect({ table, rows: actual[table] }).toEqual({ table, rows: expected[table] })
    }
  })

  it('numbers repeated slugs, leaves a slug out where the title gives none, and writes each article once', async () => {
    const slugs = await withDatabase(bulk.databaseUrl, async (client) =>
      (await client.query(`select slug from articles where title = '同题快讯：央行开展逆回购操作' or title = '？！……' order by id`)).rows.map((row) => row.slug),
    )
    const base = 'tong-ti-kuai-xun-yang-hang-kai-zhan-ni-hui-gou-cao-zuo'
    expect(slugs).toEqual([base, `${base}-2`, `${base}-3`, null])
  })

  it('records one audit entry per run, naming its counts, instead of one per new article', async () => {
    const entries = await withDatabase(bulk.databaseUrl, async (client) => (await client.query(`select action, summary from audit_log where target_collection = 'articles' order by id`)).rows)
    // The two articles met twice were updated the per-article way, each with its own entry.
    expect(entries.map((entry) => entry.action)).toEqual(['update', 'update', 'import', 'import', 'import', 'import'])
    expect(entries[2].summary).toMatch(/^导入 articles: .*archive\.jsonl \(jsonl, bulk\): 70 created, 2 updated, 0 skipped, 1 failed; comments \d+ created$/)
  })

  it('skips everything on a second run, and resumes nothing', async () => {
    const again = await runImportCommand(bulk, [FIXTURES[0], '--bulk'])
    expect(importCounts(again)).toEqual({ created: 0, updated: 0, skipped: 5, failed: 0 })
    expect(again.stderr).not.toContain('resuming')
  }, 60_000)
})

describe('a bulk import beside a running server', () => {
  let server: TestServer
  let staff: Staff
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>

  beforeAll(async () => {
    server = await startServer({ WEBHOOK_ALLOW_PRIVATE_URLS: 'true' })
    staff = await createStaff(server)
    receiver = await startWebhookReceiver()
  }, 120_000)
  afterAll(async () => {
    await receiver?.close()
    await server?.stop()
  })

  it('sends one webhook notice for the whole run, not one per article', async () => {
    const created = await staff.admin.post('/api/webhooks', { name: '批量导入', url: receiver.url('/hook'), events: ['articles.imported', 'article.published'], active: true })
    expect(created.status).toBe(201)
    // An archive exported as a folder of files, read in name order, its pictures beside them.
    const dir = path.join(scratch, 'beside-server')
    const archive = await writeCorpusArchive(dir, 30)
    const lines = (await readFile(archive, 'utf8')).trimEnd().split('\n')
    await writeFile(path.join(dir, 'part-1.jsonl'), `${lines.slice(0, 12).join('\n')}\n`)
    await writeFile(path.join(dir, 'part-2.jsonl'), `${lines.slice(12).join('\n')}\n`)
    await rm(archive)
    const run = await runImportCommand(server, [dir, '--format', 'jsonl', '--bulk', '--batch-size', '8'])
    expect(importCounts(run)).toEqual({ created: 30, updated: 0, skipped: 0, failed: 0 })
    expect(run.stdout).not.toContain('warnings:')
    expect((await staff.editor.get('/api/media?limit=1')).body.totalDocs).toBeGreaterThan(0)
    const [notice] = await eventually(() => receiver.at('/hook').length > 0 && receiver.at('/hook'), 'the import notice')
    expect(notice.json).toMatchObject({ event: 'articles.imported', data: { collection: 'articles', imported: { system: 'jsonl', created: 30, updated: 0 } } })
    const deliveries = (await staff.admin.get('/api/webhook-deliveries?limit=100&depth=0')).body.docs
    expect(deliveries.map((delivery: { event: string }) => delivery.event)).toEqual(['articles.imported'])
    // What the import wrote is what the API serves, search included.
    expect((await staff.anonymous.get('/api/articles?limit=1')).body.totalDocs).toBe(30)
    const [first] = (await staff.anonymous.get('/api/articles?limit=1&sort=-publishedAt&depth=0')).body.docs
    const hits = (await staff.anonymous.get(`/api/search?q=${encodeURIComponent(first.title.slice(0, 4))}`)).body
    expect(hits.docs.map((hit: { id: number }) => hit.id)).toContain(first.id)
  }, 120_000)
})

describe('a large archive', () => {
  const ARTICLES = 20_000

  // Its rate is the benchmark's to judge (docs/benchmarks.md); here, that it all arrives, comments included.
  it(`imports ${ARTICLES.toLocaleString('en')} articles with their comments`, async () => {
    const archive = await writeCorpusArchive(path.join(scratch, 'large'), ARTICLES)
    const target = await emptyTarget('large')
    const run = await runImportCommand(target, [archive, '--bulk'])
    expect(importCounts(run)).toEqual({ created: ARTICLES, updated: 0, skipped: 0, failed: 0 })
    const stored = await withDatabase(target.databaseUrl, async (client) => (await client.query(`select (select count(*) from article_search)::int as searchable, (select count(*) from comments)::int as comments`)).rows[0])
    expect(stored).toEqual({ searchable: ARTICLES, comments: Number(/comments: (\d+) created/.exec(run.stdout)![1]) })
    expect(stored.comments).toBeGreaterThan(ARTICLES * 2)
  }, 180_000)
})

describe('an interrupted run', () => {
  // Sixteen batches: enough to stop between and inside them, small enough to compare row by row.
  const ARTICLES = 4_000
  const BATCH = '250'

  let archive: string
  let whole: ImportTarget
  beforeAll(async () => {
    archive = await writeCorpusArchive(path.join(scratch, 'interrupted'), ARTICLES)
    whole = await emptyTarget('whole')
    const uninterrupted = await runImportCommand(whole, [archive, '--bulk'])
    expect(importCounts(uninterrupted)).toEqual({ created: ARTICLES, updated: 0, skipped: 0, failed: 0 })
  }, 240_000)

  /** Resumed, the killed import ends with the database an uninterrupted run leaves. */
  async function expectResumedAsWhole(killed: ImportTarget, before: number) {
    const resumed = await runImportCommand(killed, [archive, '--bulk', '--batch-size', BATCH])
    expect(resumed.stderr).toMatch(/resuming an interrupted import after \d+ lines/)
    const counts = importCounts(resumed)
    expect(counts.failed).toBe(0)
    expect(counts.created + counts.skipped + counts.updated).toBeLessThanOrEqual(ARTICLES - before + 2 * Number(BATCH))
    const [expected, actual] = await Promise.all([storedImport(whole.databaseUrl), storedImport(killed.databaseUrl)])
    for (const table of Object.keys(expected)) expect({ table, count: actual[table].length }).toEqual({ table, count: expected[table].length })
    expect(actual).toEqual(expected)
  }

  const importedInto = (target: ImportTarget) => withDatabase(target.databaseUrl, async (client) => Number((await client.query('select count(*) from articles')).rows[0].count))

  it('resumes a run killed a quarter of the way through and ends with the database an uninterrupted run leaves', async () => {
    const killed = await emptyTarget('killed')
    const run = runImportCommand(killed, [archive, '--bulk', '--batch-size', BATCH])
    // The command's own start (Payload, the database) comes first; on a loaded CI machine that and a quarter took over a minute.
    await eventually(async () => (await importedInto(killed)) >= ARTICLES / 4, 'a quarter of the archive', 150_000)
    run.kill()
    const stopped = await run
    expect(stopped.code).toBeNull()
    const before = await importedInto(killed)
    expect(before).toBeLessThan(ARTICLES)
    await expectResumedAsWhole(killed, before)
  }, 300_000)

  it('commits batches in the archive\'s order: killed while one is held up, the batches written after it are redone too', async () => {
    const killed = await emptyTarget('held')
    // The third batch's first article: its slug, held by another transaction, stops that batch's
    // insert until the lock goes, while the batch after it is written beside it.
    const held = await withDatabase(whole.databaseUrl, async (client) => (await client.query(`select slug from articles where imported_from_original_id = $1`, [`bench-${2 * Number(BATCH) + 1}`])).rows[0].slug)
    await withDatabase(killed.databaseUrl, async (lock) => {
      await lock.query('begin')
      await lock.query(`insert into articles (title, slug, updated_at, created_at) values ('占位', $1, now(), now())`, [held])
      const run = runImportCommand(killed, [archive, '--bulk', '--batch-size', BATCH])
      // Stalled: the first two batches committed, the third waits for the lock, and the fourth has been
      // written (idle in its transaction for a while, waiting for the third to commit: between its
      // statements it is idle only for moments), or, were batches to commit out of order, committed with its place.
      await eventually(
        () =>
          withDatabase(killed.databaseUrl, async (client) => {
            const { rows } = await client.query(
              `select count(*) filter (where wait_event_type = 'Lock') as waiting,
                 count(*) filter (where state = 'idle in transaction' and state_change < now() - interval '2 seconds') as written
               from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and pid <> $1`,
              [(await lock.query('select pg_backend_pid() as pid')).rows[0].pid],
            )
            const place = (await client.query(`select data from payload_kv where key like 'newsroom:import:%'`)).rows[0]?.data?.unitsDone ?? 0
            const twoCommitted = place >= 2 * Number(BATCH)
            return Number(rows[0].waiting) === 1 && twoCommitted && (Number(rows[0].written) >= 1 || place > 2 * Number(BATCH))
          }),
        'the third batch held up and the fourth written',
        150_000,
      )
      run.kill()
      expect((await run).code).toBeNull()
      await lock.query('rollback')
    })
    const before = await importedInto(killed)
    expect(before).toBe(2 * Number(BATCH))
    await expectResumedAsWhole(killed, before)
  }, 300_000)
})
