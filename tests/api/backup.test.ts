/**
 * `npm run backup` and `npm run restore` as commands: content written through the API is backed
 * up, restored into a fresh database and media folder, and must come back exactly: every row of
 * every table, every sequence, every file, and a server on the copy answering as the original did.
 */
import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

import sharp from 'sharp'

import { Api, signUpReader } from '../helpers/api'
import { ADMIN, createDatabase, dropDatabase, freshDatabaseUrl, ROOT_DIR, startServer, type TestServer, withDatabase } from '../helpers/server'

const run = promisify(execFile)

/** Runs a bundled command (built by globalSetup) with the given database and media folder. */
async function command(script: string, args: string[], env: { DATABASE_URL: string; MEDIA_DIR: string }) {
  // Bounded below the test's own time-out, so a hanging command is killed rather than left running.
  return run(process.execPath, [path.join(ROOT_DIR, 'dist', script), ...args], { cwd: ROOT_DIR, env: { ...process.env, NODE_OPTIONS: '', ...env }, timeout: 90_000 }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  )
}

/** Every table's rows (as PostgreSQL's JSON, sorted) and every sequence's position. */
async function databaseState(databaseUrl: string) {
  return withDatabase(databaseUrl, async (client) => {
    const tables = (await client.query<{ name: string }>(`select tablename as name from pg_tables where schemaname = 'public' order by 1`)).rows
    const state: Record<string, string[]> = {}
    for (const { name } of tables) {
      state[name] = (await client.query<{ row: string }>(`select row_to_json(t)::text as row from "${name}" t order by 1`)).rows.map((r) => r.row)
    }
    const sequences = (await client.query('select sequencename, last_value from pg_sequences where schemaname = $1 order by 1', ['public'])).rows
    return { tables: state, sequences }
  })
}

async function filesOf(dir: string): Promise<Record<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  const files: Record<string, string> = {}
  for (const entry of entries.filter((candidate) => candidate.isFile())) {
    const file = path.join(entry.parentPath, entry.name)
    files[path.relative(dir, file)] = (await readFile(file)).toString('base64')
  }
  return files
}

/** The database and uploads backed up, written by a server that is stopped before the backup: nothing changes under it. */
const source = { databaseUrl: freshDatabaseUrl(), mediaDir: '' }
let scratch: string
let archive: string
let slug: string
const page = () => `/api/articles?where[slug][equals]=${encodeURIComponent(slug)}&depth=1`
/** The article as the original server answered it, its own address taken out. */
let originalPage: string

beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'newsroom-backup-test-'))
  archive = path.join(scratch, 'newsroom.tar.gz')
  source.mediaDir = path.join(scratch, 'media')
  await createDatabase(source.databaseUrl)
  const original = await startServer({ MEDIA_DIR: source.mediaDir }, { databaseUrl: source.databaseUrl })
  try {
    const admin = await new Api(original.url).login(ADMIN.email, ADMIN.password)
    const png = await sharp({ create: { width: 640, height: 360, channels: 3, background: '#2d6a4f' } }).png().toBuffer()
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'cover.png')
    form.append('_payload', JSON.stringify({ alt: '封面', caption: '备份前的封面' }))
    const cover = await admin.post('/api/media', form)
    expect(cover.status).toBe(201)
    const channel = await admin.post('/api/categories', { name: '宏观' })
    const tag = await admin.post('/api/tags', { name: '降准' })
    const article = await admin.post('/api/articles', {
      title: '央行宣布降准释放长期资金',
      summary: '备份与恢复的测试稿',
      category: channel.body.doc.id,
      tags: [tag.body.doc.id],
      coverImage: cover.body.doc.id,
      _status: 'published',
    })
    expect(article.status).toBe(201)
    slug = article.body.doc.slug
    expect((await admin.post('/api/articles', { title: '尚未发表的草稿' })).status).toBe(201)
    // A liked comment: the restore loads the likes, whose trigger counts, beside the comments' own counts.
    const reader = await signUpReader(original, { email: 'backup-reader@readers.test', displayName: '备份读者' })
    const comment = await reader.post('/api/comments', { article: article.body.doc.id, body: '恢复之后点赞数不变' })
    expect((await admin.patch(`/api/comments/${comment.body.doc.id}`, { status: 'approved', featured: true })).status).toBe(200)
    expect((await reader.post(`/api/comments/${comment.body.doc.id}/like`)).body.likeCount).toBe(1)
    originalPage = JSON.stringify((await new Api(original.url).get(page())).body).replaceAll(original.url, '')
  } finally {
    await original.stop()
  }
}, 120_000)
afterAll(async () => {
  await dropDatabase(source.databaseUrl)
  await rm(scratch, { recursive: true, force: true })
})

describe('backup and restore', () => {
  it('round-trips the database and the uploads exactly, and a server on the copy answers as the original did', async () => {
    const backup = await command('backup.mjs', ['--out', archive], { DATABASE_URL: source.databaseUrl, MEDIA_DIR: source.mediaDir })
    expect([backup.code, backup.stderr]).toEqual([0, ''])
    expect(backup.stdout).toMatch(/backed up \d+ rows in \d+ tables .* and [1-9]\d* media files/)
    // A backup never overwrites another.
    const archiveBytes = await readFile(archive)
    const again = await command('backup.mjs', ['--out', archive], { DATABASE_URL: source.databaseUrl, MEDIA_DIR: source.mediaDir })
    expect(again.code).toBe(1)
    expect(again.stderr).toContain('exists already')
    expect((await readFile(archive)).equals(archiveBytes)).toBe(true)

    const copyUrl = freshDatabaseUrl()
    const copyMedia = path.join(scratch, 'restored-media')
    await createDatabase(copyUrl)
    let copy: TestServer | null = null
    try {
      const restore = await command('restore.mjs', [archive], { DATABASE_URL: copyUrl, MEDIA_DIR: copyMedia })
      expect([restore.code, restore.stderr]).toEqual([0, ''])
      expect(restore.stdout).toContain('restored')

      const [before, after] = await Promise.all([databaseState(source.databaseUrl), databaseState(copyUrl)])
      expect(Object.keys(after.tables)).toEqual(Object.keys(before.tables))
      for (const table of Object.keys(before.tables)) expect([table, after.tables[table]]).toEqual([table, before.tables[table]])
      expect(before.tables.article_search).toHaveLength(1)
      expect(after.sequences).toEqual(before.sequences)
      const [mediaBefore, mediaAfter] = await Promise.all([filesOf(source.mediaDir), filesOf(copyMedia)])
      expect(Object.keys(mediaBefore).filter((file) => file.endsWith('.png')).length).toBeGreaterThan(0)
      expect(mediaAfter).toEqual(mediaBefore)

      // Restoring over it is refused, unless --force.
      const refused = await command('restore.mjs', [archive], { DATABASE_URL: copyUrl, MEDIA_DIR: copyMedia })
      expect(refused.code).toBe(1)
      expect(refused.stderr).toContain('not empty')
      expect(refused.stderr).not.toMatch(/\n\s+at /)
      const forced = await command('restore.mjs', [archive, '--force'], { DATABASE_URL: copyUrl, MEDIA_DIR: copyMedia })
      expect([forced.code, forced.stderr]).toEqual([0, ''])
      expect(await databaseState(copyUrl)).toEqual(after)

      // A damaged archive (a table's rows cut short) is refused before --force deletes anything.
      const unpacked = path.join(scratch, 'damaged')
      await mkdir(unpacked)
      await run('tar', ['--extract', '--gzip', '--file', archive, '--directory', unpacked])
      await writeFile(path.join(unpacked, 'database', 'articles.jsonl'), '')
      const damaged = path.join(scratch, 'damaged.tar.gz')
      await run('tar', ['--create', '--gzip', '--file', damaged, '--directory', unpacked, '.'])
      const refusedDamaged = await command('restore.mjs', [damaged, '--force'], { DATABASE_URL: copyUrl, MEDIA_DIR: copyMedia })
      expect(refusedDamaged.code).toBe(1)
      expect(refusedDamaged.stderr).toMatch(/damaged: articles lists [1-9]\d* rows but holds 0/)
      expect(await databaseState(copyUrl)).toEqual(after)
      expect(await filesOf(copyMedia)).toEqual(mediaBefore)

      copy = await startServer({ MEDIA_DIR: copyMedia }, { databaseUrl: copyUrl })
      const copyPage = await new Api(copy.url).get(page())
      expect(copyPage.body.docs[0].title).toBe('央行宣布降准释放长期资金')
      expect(JSON.stringify(copyPage.body).replaceAll(copy.url, '')).toBe(originalPage)
      // The search index came back with the rows: no rebuild needed.
      const search = await new Api(copy.url).get(`/api/search?q=${encodeURIComponent('降准')}`)
      expect(search.body.docs.map((doc: { slug: string }) => doc.slug)).toEqual([slug])
      const coverUrl = copyPage.body.docs[0].coverImage.url as string
      const file = await fetch(new URL(coverUrl, copy.url))
      expect(file.status).toBe(200)
      // The sequences continue where they were: new rows do not collide with restored ones.
      const admin = await new Api(copy.url).login(ADMIN.email, ADMIN.password)
      expect((await admin.post('/api/tags', { name: '恢复后新建' })).status).toBe(201)
    } finally {
      await copy?.stop()
      await dropDatabase(copyUrl)
    }
  }, 120_000)

  it('refuses a file that is not a backup, with a sentence and no stack trace', async () => {
    const bogus = path.join(scratch, 'not-a-backup.tar.gz')
    await import('node:fs/promises').then(({ writeFile }) => writeFile(bogus, 'hello'))
    const copyUrl = freshDatabaseUrl()
    await createDatabase(copyUrl)
    try {
      const result = await command('restore.mjs', [bogus], { DATABASE_URL: copyUrl, MEDIA_DIR: path.join(scratch, 'unused') })
      expect(result.code).toBe(1)
      expect(result.stderr).toContain('Cannot read')
      expect(result.stderr).not.toMatch(/\n\s+at /)
    } finally {
      await dropDatabase(copyUrl)
    }
  })
})
