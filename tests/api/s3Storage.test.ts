/**
 * Uploads in an S3-compatible bucket (S3_BUCKET): a real S3-protocol server (s3rver) on loopback,
 * the real bundled server in front of it. Everything the disk does, the bucket must do the same:
 * every size, the content and size checks, deletion of every object, the file route's read access,
 * backups, the importer; and S3_PUBLIC_URL moves readers' image addresses to a CDN.
 */
import { execFile } from 'node:child_process'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

import sharp from 'sharp'

import { MEDIA_MAX_BYTES } from '../../src/collections/Media'
import { Api, createStaff, invalidPaths, signUpReader, type Staff } from '../helpers/api'
import { importCounts, runImportCommand } from '../helpers/importCommand'
import { s3ServerStartable, startS3Server, type TestS3 } from '../helpers/s3'
import { ADMIN, createDatabase, dropDatabase, freshDatabaseUrl, ROOT_DIR, startServer, type TestServer } from '../helpers/server'

const run = promisify(execFile)

const s3Starts = s3ServerStartable()
if (!s3Starts) console.warn('s3Storage.test.ts skipped: the S3-protocol test server (the s3rver package) could not start on 127.0.0.1; run `npm ci` and check that loopback ports are free.')
const describeWithS3 = s3Starts ? describe : describe.skip

const png = (width: number, height: number, background = '#c0392b') => sharp({ create: { width, height, channels: 3, background } }).png().toBuffer()

function uploadForm(bytes: Buffer, name: string, type: string, fields: Record<string, unknown>): FormData {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), name)
  form.append('_payload', JSON.stringify(fields))
  return form
}

/** The files a server wrote to its own disk, its outgoing mail aside. */
async function filesOnDisk(server: TestServer): Promise<string[]> {
  const entries = await readdir(server.mediaDir, { recursive: true, withFileTypes: true }).catch(() => [])
  return entries.filter((entry) => entry.isFile() && !path.join(entry.parentPath, entry.name).startsWith(server.mailDir)).map((entry) => entry.name)
}

/** A bundled command (`npm run backup`, `restore`) as an operator runs it. */
async function command(script: string, args: string[], env: Record<string, string>) {
  return run(process.execPath, [path.join(ROOT_DIR, 'dist', script), ...args], { cwd: ROOT_DIR, env: { ...process.env, NODE_OPTIONS: '', ...env }, timeout: 90_000 }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  )
}

describeWithS3('uploads in an S3-compatible bucket', () => {
  let s3: TestS3
  let server: TestServer
  let staff: Staff
  /** Every answer the server gave in this file, searched at the end for the bucket's secret. */
  const answers: string[] = []
  const keep = <T extends { body: unknown }>(res: T) => (answers.push(JSON.stringify(res.body)), res)

  beforeAll(async () => {
    s3 = await startS3Server()
    // The importer writes from its own process: the test reads what is stored, not a cached answer.
    server = await startServer({ ...s3.env, RESPONSE_CACHE: 'off' })
    staff = await createStaff(server)
  }, 120_000)
  afterAll(async () => {
    await server?.stop()
    await s3?.stop()
  })

  const upload = async (api: Api, bytes: Buffer, name: string, fields: Record<string, unknown> = { alt: '图' }, type = 'image/png') => keep(await api.post('/api/media', uploadForm(bytes, name, type, fields)))

  it('stores the original and every size in the bucket under media/, none on the server’s disk, and serves each through the file route', async () => {
    const res = await upload(staff.reporter, await png(2400, 1350), '上证指数 日K.png', { alt: '上证指数日K线图' })
    expect(res.status).toBe(201)
    const doc = res.body.doc
    expect(doc).toMatchObject({ mimeType: 'image/png', width: 2400, height: 1350 })
    const { thumbnail, card, hero } = doc.sizes
    const names = [doc.filename, thumbnail.filename, card.filename, hero.filename]
    expect(await s3.keys()).toEqual(expect.arrayContaining(names.map((name) => `media/${name}`)))
    expect(await filesOnDisk(server)).toEqual([])

    for (const [entry, width, height] of [[doc, 2400, 1350], [thumbnail, 300, 300], [card, 768, 432], [hero, 1600, 900]] as const) {
      // Without S3_PUBLIC_URL readers fetch through this server, which asks the collection's read access.
      expect(entry.url.startsWith(`${server.url}/api/media/file/`)).toBe(true)
      const file = await fetch(entry.url)
      expect(file.status).toBe(200)
      expect(file.headers.get('content-type')).toBe('image/png')
      const meta = await sharp(Buffer.from(await file.arrayBuffer())).metadata()
      expect([meta.width, meta.height]).toEqual([width, height])
    }
    const object = await s3.client.headObject({ Bucket: s3.bucket, Key: `media/${doc.filename}` })
    expect(object.ContentType).toBe('image/png')
  })

  it('judges an upload by its content as on disk: a PNG called .html is stored as a PNG, an SVG or HTML is a 400 naming `file`, and the bucket gets nothing', async () => {
    const disguised = await upload(staff.editor, await png(64, 64), 'chart.html', { alt: '图' }, 'text/html')
    expect(disguised.status).toBe(201)
    expect(disguised.body.doc.filename).toMatch(/^chart(-\d+)?\.png$/)
    expect((await s3.client.headObject({ Bucket: s3.bucket, Key: `media/${disguised.body.doc.filename}` })).ContentType).toBe('image/png')

    const before = await s3.keys()
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')
    for (const [bytes, name, type] of [[svg, 'logo.svg', 'image/svg+xml'], [svg, 'logo.png', 'image/png'], [Buffer.from('<!doctype html><script>alert(1)</script>'), 'x.png', 'image/png']] as const) {
      const res = await upload(staff.editor, bytes, name, { alt: '图' }, type)
      expect(res.status).toBe(400)
      expect(invalidPaths(res.body)).toEqual(['file'])
      expect(res.body.errors[0].data.code).toBe('UPLOAD_NOT_AN_IMAGE')
    }
    expect(await s3.keys()).toEqual(before)
  })

  it('refuses a file over the size limit with 413 before anything reaches the bucket', async () => {
    const before = await s3.keys()
    const image = await png(100, 100)
    const res = await upload(staff.editor, Buffer.concat([image, Buffer.alloc(MEDIA_MAX_BYTES + 64 * 1024 - image.length)]), 'big.png')
    expect(res.status).toBe(413)
    expect(await s3.keys()).toEqual(before)
  })

  it('deletes every object of a media document with it, after which its files are a 404 with a stable code', async () => {
    const res = await upload(staff.editor, await png(1800, 1000), 'to-delete.png')
    const doc = res.body.doc
    const keys = [doc.filename, ...Object.values(doc.sizes as Record<string, { filename: string }>).map((size) => size.filename)].map((name) => `media/${name}`)
    expect(keys).toHaveLength(4)
    expect(await s3.keys()).toEqual(expect.arrayContaining(keys))

    expect(keep(await staff.editor.delete(`/api/media/${doc.id}`)).status).toBe(200)
    const left = await s3.keys()
    for (const key of keys) expect(left).not.toContain(key)
    const gone = await fetch(doc.url)
    expect(gone.status).toBe(404)
    expect((await gone.json()).errors[0].data.code).toBe('FILE_NOT_FOUND')
    expect((await fetch(`${server.url}/api/media/file/never-uploaded.png`)).status).toBe(404)
  })

  it('replaces every object of a document whose file is replaced, and keeps none of the old ones', async () => {
    const doc = (await upload(staff.editor, await png(1700, 950), 'first-version.png')).body.doc
    const keysOf = (d: { filename: string; sizes: Record<string, { filename: string }> }) => [d.filename, ...Object.values(d.sizes).map((size) => size.filename)].map((name) => `media/${name}`)
    const oldKeys = keysOf(doc)
    const replaced = keep(await staff.editor.patch(`/api/media/${doc.id}`, uploadForm(await png(1650, 930, '#16a085'), 'second-version.png', 'image/png', {})))
    expect(replaced.status).toBe(200)
    const newKeys = keysOf(replaced.body.doc)
    const stored = await s3.keys()
    expect(stored).toEqual(expect.arrayContaining(newKeys))
    for (const key of oldKeys) expect(stored).not.toContain(key)
    expect((await sharp(Buffer.from(await (await fetch(replaced.body.doc.url)).arrayBuffer())).metadata()).width).toBe(1650)
  })

  it('lets no API caller point a document at other objects (which a delete would then remove)', async () => {
    const doc = (await upload(staff.editor, await png(320, 200), 'pointed.png')).body.doc
    const before = await s3.keys()
    await staff.editor.patch(`/api/media/${doc.id}`, { prefix: 'avatars', _objectKey: '../avatars', alt: '改过' })
    const after = (await staff.editor.get(`/api/media/${doc.id}?depth=0`)).body
    expect(after).toMatchObject({ alt: '改过', prefix: 'media' })
    expect(after._objectKey ?? null).toBeNull()
    expect(await s3.keys()).toEqual(before)
    expect((await fetch(after.url)).status).toBe(200)
  })

  it('keeps readers’ avatars, with their small size, under avatars/ and removes them with the document', async () => {
    const reader = await signUpReader(server, { email: 's3-reader@example.cn', displayName: '桶读者' })
    const res = keep(await reader.post('/api/avatars', uploadForm(await png(400, 400, '#2980b9'), 'me.png', 'image/png', {})))
    expect(res.status).toBe(201)
    const { filename, sizes, url } = res.body.doc
    expect(await s3.keys()).toEqual(expect.arrayContaining([`avatars/${filename}`, `avatars/${sizes.small.filename}`]))
    const small = await fetch(sizes.small.url)
    expect(small.status).toBe(200)
    expect((await sharp(Buffer.from(await small.arrayBuffer())).metadata()).width).toBe(96)
    expect((await fetch(url)).status).toBe(200)

    expect((await reader.delete(`/api/avatars/${res.body.doc.id}`)).status).toBe(200)
    expect((await s3.keys()).filter((key) => key.startsWith('avatars/'))).toEqual([])
  })

  it('uploads what the importer brings in to the bucket', async () => {
    const run = await runImportCommand(server, [path.join(ROOT_DIR, 'samples/import/archive.jsonl')], s3.env)
    expect(run.stdout).toContain('2 images')
    expect(run.code).toBe(0)
    expect(importCounts(run).created).toBeGreaterThan(0)
    const imported = (await staff.editor.get('/api/media?depth=0&limit=100&where[filename][like]=import-')).body.docs
    expect(imported).toHaveLength(2)
    for (const image of imported) {
      expect(await s3.keys()).toContain(`media/${image.filename}`)
      expect((await fetch(image.url)).status).toBe(200)
    }
    expect(await filesOnDisk(server)).toEqual([])
  })

  it('never shows the bucket’s secret in an answer or a log line', () => {
    const secret = s3.env.S3_SECRET_ACCESS_KEY
    expect(answers.length).toBeGreaterThan(5)
    for (const answer of answers) expect(answer).not.toContain(secret)
    expect(server.output()).not.toContain(secret)
  })
})

describeWithS3('a bucket the server cannot write to', () => {
  let s3: TestS3
  let server: TestServer

  beforeAll(async () => {
    s3 = await startS3Server()
    // A key the service does not know (s3rver checks the key, not a SigV4 signature), with a secret to look for.
    server = await startServer({ ...s3.env, S3_ACCESS_KEY_ID: 'NOSUCHKEY', S3_SECRET_ACCESS_KEY: 'not-the-secret-Zq8vWm3L' })
  }, 120_000)
  afterAll(async () => {
    await server?.stop()
    await s3?.stop()
  })

  it('fails the upload without keeping a document whose file is missing, and says nothing of the credentials', async () => {
    const admin = await new Api(server.url).login(ADMIN.email, ADMIN.password)
    const res = await admin.post('/api/media', uploadForm(await png(200, 100), 'refused.png', 'image/png', { alt: '图' }))
    expect(res.status).toBeGreaterThanOrEqual(500)
    expect(JSON.stringify(res.body)).not.toMatch(/not-the-secret|NOSUCHKEY|S3_|InvalidAccessKeyId/)
    expect((await admin.get('/api/media?limit=1')).body.totalDocs).toBe(0)
    expect(await s3.keys()).toEqual([])
    expect(server.output()).not.toContain('not-the-secret-Zq8vWm3L')
  })
})

describeWithS3('S3_PUBLIC_URL', () => {
  let s3: TestS3
  let server: TestServer
  let staff: Staff
  let publicUrl: string

  beforeAll(async () => {
    s3 = await startS3Server()
    // s3rver serves objects to anonymous GETs at `endpoint/bucket/key`, as a public bucket or a CDN in front of one would.
    publicUrl = `${s3.endpoint}/${s3.bucket}`
    server = await startServer({ ...s3.env, S3_PUBLIC_URL: `${publicUrl}/` })
    staff = await createStaff(server)
  }, 120_000)
  afterAll(async () => {
    await server?.stop()
    await s3?.stop()
  })

  it('gives readers the CDN’s addresses for every size, on the article page too, and lets the portal load images from there', async () => {
    const form = uploadForm(await png(1600, 900), '封面 图.png', 'image/png', { alt: '封面' })
    const media = (await staff.editor.post('/api/media', form)).body.doc
    expect(media.url).toBe(`${publicUrl}/media/${encodeURIComponent(media.filename)}`)
    for (const size of Object.values(media.sizes as Record<string, { url: string; filename: string }>)) expect(size.url).toBe(`${publicUrl}/media/${encodeURIComponent(size.filename)}`)
    const direct = await fetch(media.sizes.card.url)
    expect(direct.status).toBe(200)
    expect((await sharp(Buffer.from(await direct.arrayBuffer())).metadata()).width).toBe(768)

    const article = (await staff['editor-in-chief'].post('/api/articles', { title: '桶中的封面', summary: '摘要', coverImage: media.id, _status: 'published' })).body.doc
    const page = await staff.anonymous.get(`/api/articles/page/${article.slug}`)
    expect(page.status).toBe(200)
    expect(page.body.coverImage.url).toBe(media.url)
    expect(page.body.coverImage.sizes.card.url).toBe(media.sizes.card.url)
    const listed = (await staff.anonymous.get(`/api/articles?where[slug][equals]=${article.slug}&depth=1`)).body.docs[0]
    expect(listed.coverImage.url).toBe(media.url)

    expect(page.headers.get('content-security-policy')).toMatch(new RegExp(`img-src [^;]*${new URL(publicUrl).origin.replace(/[.:/]/g, '\\$&')}`))
    // The file route still answers for links made before the CDN.
    expect((await fetch(`${server.url}/api/media/file/${encodeURIComponent(media.filename)}`)).status).toBe(200)
  })
})

describeWithS3('npm run backup and restore with a bucket', () => {
  let s3: TestS3
  let scratch: string
  const source = freshDatabaseUrl()
  const copy = freshDatabaseUrl()

  beforeAll(async () => {
    s3 = await startS3Server()
    scratch = await mkdtemp(path.join(os.tmpdir(), 'newsroom-s3-backup-'))
    await createDatabase(source)
  }, 120_000)
  afterAll(async () => {
    await s3?.stop()
    await rm(scratch, { recursive: true, force: true })
    await dropDatabase(source)
    await dropDatabase(copy)
  })

  it('archives the bucket’s objects and puts them back into an empty bucket, refusing a bucket in use without --force', async () => {
    const original = await startServer(s3.env, { databaseUrl: source })
    let media: { id: number; filename: string; sizes: Record<string, { filename: string }> }
    let avatar: { filename: string }
    try {
      const admin = await new Api(original.url).login(ADMIN.email, ADMIN.password)
      media = (await admin.post('/api/media', uploadForm(await png(900, 500, '#27ae60'), 'backed-up.png', 'image/png', { alt: '备份' }))).body.doc
      const reader = await signUpReader(original, { email: 'backup-reader@example.cn', displayName: '备份读者' })
      avatar = (await reader.post('/api/avatars', uploadForm(await png(200, 200), 'face.png', 'image/png', {}))).body.doc
    } finally {
      await original.stop()
    }
    const stored = await s3.keys()
    expect(stored).toEqual(expect.arrayContaining([`media/${media.filename}`, `avatars/${avatar.filename}`]))

    const archive = path.join(scratch, 'newsroom.tar.gz')
    const backup = await command('backup.mjs', ['--out', archive], { DATABASE_URL: source, MEDIA_DIR: path.join(scratch, 'unused-media'), ...s3.env })
    expect(backup.code).toBe(0)
    expect(backup.stdout + backup.stderr).not.toContain(s3.env.S3_SECRET_ACCESS_KEY)
    expect(backup.stdout).toContain(`${stored.length} media files from s3://${s3.bucket}`)
    const listed = (await run('tar', ['--list', '--gzip', '--file', archive])).stdout
    expect(listed).toContain(`media/${media.filename}`)
    expect(listed).toContain(`media/avatars/${avatar.filename}`)

    // Another bucket on the same service stands for the new deployment's.
    const target = { ...s3.env, S3_BUCKET: 'newsroom-restored' }
    await s3.client.createBucket({ Bucket: target.S3_BUCKET })
    await s3.client.putObject({ Bucket: target.S3_BUCKET, Key: 'media/left-over.png', Body: await png(10, 10) })
    const refused = await command('restore.mjs', [archive], { DATABASE_URL: copy, ...target })
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain(`s3://${target.S3_BUCKET}`)
    expect(refused.stderr).not.toContain(s3.env.S3_SECRET_ACCESS_KEY)

    const restored = await command('restore.mjs', [archive, '--force'], { DATABASE_URL: copy, ...target })
    expect(restored.code).toBe(0)
    const objects = ((await s3.client.listObjectsV2({ Bucket: target.S3_BUCKET })).Contents ?? []).map((object) => object.Key).sort()
    expect(objects).toEqual(stored)
    const restoredImage = await s3.client.getObject({ Bucket: target.S3_BUCKET, Key: `media/${media.sizes.card.filename}` })
    expect(restoredImage.ContentType).toBe('image/png')

    const again = await startServer(target, { databaseUrl: copy })
    try {
      const file = await fetch(`${again.url}/api/media/file/${encodeURIComponent(media.filename)}`)
      expect(file.status).toBe(200)
      const original = await s3.client.getObject({ Bucket: s3.bucket, Key: `media/${media.filename}` })
      expect(Buffer.from(await file.arrayBuffer()).equals(Buffer.from(await original.Body!.transformToByteArray()))).toBe(true)
    } finally {
      await again.stop()
    }
  })
})
