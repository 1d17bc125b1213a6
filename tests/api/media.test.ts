import { randomBytes } from 'node:crypto'
import { readdir } from 'node:fs/promises'
import path from 'node:path'

import sharp from 'sharp'

import { MEDIA_MAX_BYTES } from '../../src/collections/Media'
import { type Api, createStaff, invalidPaths, type Staff } from '../helpers/api'
import { ROOT_DIR, startServer, type TestServer } from '../helpers/server'

const MEDIA_DIR = path.join(ROOT_DIR, 'media')

async function png(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 30, b: 40 } } })
    .png()
    .toBuffer()
}

/** A multipart upload as the admin sends it: the file in `file`, the other fields as JSON in `_payload`. */
function uploadForm(file: { bytes: Buffer; name: string; type: string }, fields: Record<string, unknown>): FormData {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name)
  form.append('_payload', JSON.stringify(fields))
  return form
}

const uniqueName = (stem: string, ext: string) => `${stem}-${randomBytes(4).toString('hex')}.${ext}`

/** Files in the media directory whose names start with the stem of `name` (the original and its sizes). */
async function storedFilesFor(name: string): Promise<string[]> {
  const stem = name.replace(/\.[^.]+$/, '')
  return (await readdir(MEDIA_DIR).catch(() => [] as string[])).filter((file) => file.startsWith(stem))
}

describe('media uploads', () => {
  let server: TestServer
  let staff: Staff
  const created: number[] = []

  beforeAll(async () => {
    server = await startServer()
    staff = await createStaff(server)
  })

  afterAll(async () => {
    // Deleting the documents removes their files from the shared media directory.
    for (const id of created) await staff?.editor.delete(`/api/media/${id}`).catch(() => {})
    await server?.stop()
  })

  async function upload(api: Api, file: { bytes: Buffer; name: string; type: string }, fields: Record<string, unknown>) {
    const res = await api.post('/api/media', uploadForm(file, fields))
    if (res.status === 201 && res.body?.doc?.id) created.push(res.body.doc.id)
    return res
  }

  it('stores a writer’s PNG with alt text and caption, and makes the three sizes', async () => {
    const name = uniqueName('kline', 'png')
    const res = await upload(staff.reporter, { bytes: await png(2400, 1350), name, type: 'image/png' }, { alt: '上证指数日K线图', caption: '3月20日上证指数走势' })
    expect(res.status).toBe(201)
    const doc = res.body.doc
    expect(doc).toMatchObject({ alt: '上证指数日K线图', caption: '3月20日上证指数走势', mimeType: 'image/png', filename: name, width: 2400, height: 1350 })
    // Payload makes URLs absolute with the server URL (PUBLIC_URL).
    expect(doc.url).toBe(`${server.url}/api/media/file/${name}`)

    const { thumbnail, card, hero } = doc.sizes
    expect(thumbnail).toMatchObject({ width: 300, height: 300, mimeType: 'image/png' })
    expect(card).toMatchObject({ width: 768, height: 432 })
    expect(hero).toMatchObject({ width: 1600, height: 900 })
    for (const size of [thumbnail, card, hero]) {
      expect(size.filename).toEqual(expect.stringMatching(/\.png$/))
      expect(size.url).toBe(`${server.url}/api/media/file/${size.filename}`)
    }

    const file = await fetch(hero.url)
    expect(file.status).toBe(200)
    const meta = await sharp(Buffer.from(await file.arrayBuffer())).metadata()
    expect([meta.width, meta.height]).toEqual([1600, 900])
  })

  it('does not enlarge a small image to the hero width', async () => {
    const res = await upload(staff.editor, { bytes: await png(1000, 600), name: uniqueName('small', 'png'), type: 'image/png' }, { alt: '小图' })
    expect(res.status).toBe(201)
    const { hero, card } = res.body.doc.sizes
    expect(card).toMatchObject({ width: 768, height: 432 })
    // Either no hero is made, or it keeps the original size; never a 1600-wide upscale.
    if (hero?.width != null) {
      expect(hero.width).toBeLessThanOrEqual(1000)
      expect(hero.height).toBeLessThanOrEqual(600)
    }
  })

  it('serves the file to anonymous readers as image/png', async () => {
    const bytes = await png(640, 360)
    const name = uniqueName('public', 'png')
    const res = await upload(staff.reporter, { bytes, name, type: 'image/png' }, { alt: '公开图片' })
    expect(res.status).toBe(201)

    const file = await fetch(`${server.url}/api/media/file/${name}`)
    expect(file.status).toBe(200)
    expect(file.headers.get('content-type')).toMatch(/^image\/png/)
    expect(Buffer.from(await file.arrayBuffer()).equals(bytes)).toBe(true)

    const doc = await staff.anonymous.get(`/api/media/${res.body.doc.id}`)
    expect(doc.status).toBe(200)
    expect(doc.body).toMatchObject({ alt: '公开图片', url: `${server.url}/api/media/file/${name}` })
  })

  // Payload's file endpoint answers a missing file with 500 when read access is `anyone` (it looks no
  // document up, stats the disk, logs an error and returns 500): anyone can cause 500s and error logs.
  it('answers a file that does not exist with 404', async () => {
    const res = await fetch(`${server.url}/api/media/file/${uniqueName('nothing', 'png')}`)
    expect(res.status).toBe(404)
  })

  it('refuses uploads from anonymous readers and moderators', async () => {
    const bytes = await png(50, 50)
    const anonymous = await upload(staff.anonymous, { bytes, name: uniqueName('anon', 'png'), type: 'image/png' }, { alt: 'x' })
    expect(anonymous.status).toBe(403)
    const moderator = await upload(staff.moderator, { bytes, name: uniqueName('mod', 'png'), type: 'image/png' }, { alt: 'x' })
    expect(moderator.status).toBe(403)
  })

  it('requires alt text, and stores nothing without it', async () => {
    const name = uniqueName('noalt', 'png')
    const res = await upload(staff.reporter, { bytes: await png(200, 200), name, type: 'image/png' }, { caption: '没有替代文字' })
    expect(res.status).toBe(400)
    expect(invalidPaths(res.body)).toContain('alt')
    expect(await storedFilesFor(name)).toEqual([])

    const blank = await upload(staff.reporter, { bytes: await png(200, 200), name: uniqueName('blankalt', 'png'), type: 'image/png' }, { alt: '' })
    expect(blank.status).toBe(400)
    expect(invalidPaths(blank.body)).toContain('alt')
  })

  it('refuses an SVG, even a harmless one, with a 4xx and stores nothing', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10" fill="red"/></svg>')
    const name = uniqueName('logo', 'svg')
    const res = await upload(staff.editor, { bytes: svg, name, type: 'image/svg+xml' }, { alt: '标志' })
    expect(res.status).toBeGreaterThanOrEqual(400)
    expect(res.status).toBeLessThan(500)
    expect(invalidPaths(res.body)).toEqual(['file'])
    expect(await storedFilesFor(name)).toEqual([])
  })

  it('refuses an SVG with script disguised as a PNG', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>')
    const name = uniqueName('chart', 'png')
    const res = await upload(staff.editor, { bytes: svg, name, type: 'image/png' }, { alt: '图表' })
    expect(res.status).toBeGreaterThanOrEqual(400)
    expect(res.status).toBeLessThan(500)
    expect(invalidPaths(res.body)).toEqual(['file'])
    expect(await storedFilesFor(name)).toEqual([])
  })

  it('refuses a text file renamed .png with a 4xx, not a 500', async () => {
    const name = uniqueName('notes', 'png')
    const res = await upload(staff.editor, { bytes: Buffer.from('这不是图片，只是一段文字。\n'.repeat(20)), name, type: 'image/png' }, { alt: '假图片' })
    expect(res.status).toBeGreaterThanOrEqual(400)
    expect(res.status).toBeLessThan(500)
    expect(invalidPaths(res.body)).toEqual(['file'])
    expect(await storedFilesFor(name)).toEqual([])
  })

  it('refuses a truncated PNG with a 4xx, not a 500', async () => {
    const bytes = (await png(400, 400)).subarray(0, 60)
    const name = uniqueName('broken', 'png')
    const res = await upload(staff.editor, { bytes, name, type: 'image/png' }, { alt: '损坏的图片' })
    expect(res.status).toBeGreaterThanOrEqual(400)
    expect(res.status).toBeLessThan(500)
  })

  it('refuses a file just over the media limit with 413 and a JSON error', async () => {
    expect(MEDIA_MAX_BYTES).toBe(10 * 1024 * 1024)
    // A valid PNG padded past the limit: the whole request stays under the multipart allowance, so the
    // file-size limit itself must catch it (a silently truncated file must not be stored).
    const image = await png(100, 100)
    const bytes = Buffer.concat([image, Buffer.alloc(MEDIA_MAX_BYTES + 64 * 1024 - image.length)])
    const name = uniqueName('big', 'png')
    const res = await upload(staff.editor, { bytes, name, type: 'image/png' }, { alt: '太大' })
    expect(res.status).toBe(413)
    expect(res.headers.get('content-type')).toMatch(/json/)
    expect(res.body.errors?.[0]?.message).toEqual(expect.any(String))
    expect(await storedFilesFor(name)).toEqual([])
  })

  it('refuses a body far over the limit with 413 and a JSON error', async () => {
    const bytes = Buffer.alloc(MEDIA_MAX_BYTES * 2, 1)
    const res = await upload(staff.editor, { bytes, name: uniqueName('huge', 'png'), type: 'image/png' }, { alt: '太大' })
    expect(res.status).toBe(413)
    expect(res.headers.get('content-type')).toMatch(/json/)
    expect(res.body.errors?.[0]?.message).toEqual(expect.any(String))
  })

  it('refuses a streamed (chunked, no Content-Length) body over the limit with 413', async () => {
    const boundary = `----newsroom${randomBytes(8).toString('hex')}`
    const head = Buffer.from(
      `--${boundary}\r\ncontent-disposition: form-data; name="_payload"\r\n\r\n{"alt":"流式"}\r\n` +
        `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="stream.png"\r\ncontent-type: image/png\r\n\r\n`,
    )
    const chunk = Buffer.alloc(1024 * 1024, 2)
    let sent = 0
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent === 0) controller.enqueue(new Uint8Array(head))
        if (sent >= 24) {
          controller.enqueue(new Uint8Array(Buffer.from(`\r\n--${boundary}--\r\n`)))
          controller.close()
          return
        }
        sent++
        controller.enqueue(new Uint8Array(chunk))
      },
    })
    const res = await fetch(`${server.url}/api/media`, {
      method: 'POST',
      headers: { authorization: `JWT ${staff.editor.token}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
      body,
      duplex: 'half',
    } as RequestInit)
    expect(res.status).toBe(413)
    expect(await res.json()).toMatchObject({ errors: [{ message: expect.any(String) }] })
  })

  it('still works after the refused uploads', async () => {
    const res = await upload(staff.reporter, { bytes: await png(320, 240), name: uniqueName('after', 'png'), type: 'image/png' }, { alt: '之后' })
    expect(res.status).toBe(201)
  })

  describe('images a published article shows', () => {
    const chief = () => staff['editor-in-chief']
    const image = async (alt: string) => {
      const res = await chief().post('/api/media', uploadForm({ bytes: await png(64, 48), name: uniqueName('live', 'png'), type: 'image/png' }, { alt }))
      expect(res.status).toBe(201)
      return res.body.doc as { id: number; filename: string; alt: string }
    }
    const paragraph = (text: string) => ({ type: 'paragraph', version: 1, direction: 'ltr', format: '', indent: 0, textFormat: 0, textStyle: '', children: [{ type: 'text', version: 1, text, format: 0, detail: 0, mode: 'normal', style: '' }] })
    const bodyWith = (mediaId: number) => ({
      root: {
        type: 'root', version: 1, direction: 'ltr', format: '', indent: 0,
        children: [paragraph('正文'), { type: 'upload', version: 3, format: '', id: '0123456789abcdef01234567', relationTo: 'media', value: mediaId, fields: null }],
      },
    })
    const publish = async (title: string, data: Record<string, unknown>) => {
      const res = await chief().post('/api/articles', { title, summary: '摘要', ...data, _status: 'published' })
      expect(res.status).toBe(201)
      return res.body.doc as { id: number; title: string }
    }
    const expectRefusedNaming = (res: { status: number; body: any }, article: { id: number; title: string }) => {
      expect(res.status).toBe(403)
      expect(res.body.errors[0].data).toMatchObject({ code: 'MEDIA_SHOWN_BY_LIVE_ARTICLE', articles: [{ id: article.id, title: article.title }] })
      expect(res.body.errors[0].message).toContain(`「${article.title}」`)
      expect(res.body.errors[0].message).toMatch(/只有总编或管理员可以修改或删除它$/)
    }

    it('refuses anyone but a publisher a change of a live cover (file, alt text, caption) or its deletion, naming the article', async () => {
      const cover = await image('封面原图')
      const article = await publish('封面保护测试', { coverImage: cover.id })
      for (const who of ['reporter', 'editor', 'moderator'] as const) {
        expectRefusedNaming(await staff[who].patch(`/api/media/${cover.id}`, { alt: `${who} 改的替代文字` }), article)
        expectRefusedNaming(await staff[who].patch(`/api/media/${cover.id}`, { caption: '改过的说明' }), article)
      }
      const replaced = await staff.reporter.request('PATCH', `/api/media/${cover.id}`, uploadForm({ bytes: await png(80, 60), name: uniqueName('swap', 'png'), type: 'image/png' }, { alt: '换图' }))
      expectRefusedNaming(replaced, article)
      expectRefusedNaming(await staff.editor.delete(`/api/media/${cover.id}`), article)
      // Many at once (where) and GraphQL ask the same.
      expectRefusedNaming(await staff.editor.request('PATCH', `/api/media?where[id][equals]=${cover.id}`, { alt: '批量' }), article)
      const gql = await staff.editor.graphql(`mutation { updateMedia(id: ${cover.id}, data: { alt: "图" }) { id } }`)
      expect(gql.body.errors?.[0]?.extensions).toMatchObject({ statusCode: 403 })
      expect(gql.body.errors?.[0]?.message).toContain(`「${article.title}」`)

      const unchanged = (await staff.anonymous.get(`/api/media/${cover.id}`)).body
      expect(unchanged).toMatchObject({ alt: '封面原图', filename: cover.filename })
      expect(unchanged.caption ?? null).toBeNull()
      expect((await fetch(unchanged.url)).status).toBe(200)

      expect((await chief().patch(`/api/media/${cover.id}`, { alt: '总编改的替代文字' })).status).toBe(200)
      expect((await staff.admin.patch(`/api/media/${cover.id}`, { caption: '管理员改的说明' })).status).toBe(200)
    })

    it('covers images in the body and bylines\' avatars too, and leaves drafts\' images to writers', async () => {
      const inBody = await image('正文配图')
      const avatar = await image('作者头像')
      const inDraft = await image('草稿配图')
      const bodyArticle = await publish('正文配图保护测试', { body: bodyWith(inBody.id) })
      const author = (await staff.editor.post('/api/authors', { name: '头像作者', avatar: avatar.id })).body.doc
      const bylineArticle = await publish('头像保护测试', { authors: [author.id] })
      expect((await staff.reporter.post('/api/articles', { title: '草稿', coverImage: inDraft.id, body: bodyWith(inDraft.id) })).status).toBe(201)

      expectRefusedNaming(await staff.reporter.patch(`/api/media/${inBody.id}`, { alt: '改' }), bodyArticle)
      expectRefusedNaming(await staff.editor.patch(`/api/media/${avatar.id}`, { alt: '改' }), bylineArticle)
      expect((await staff.reporter.patch(`/api/media/${inDraft.id}`, { alt: '草稿里的图可以改' })).status).toBe(200)

      // Once the article is taken down, its images are ordinary media again.
      expect((await chief().patch(`/api/articles/${bodyArticle.id}`, { _status: 'draft' })).status).toBe(200)
      expect((await staff.reporter.patch(`/api/media/${inBody.id}`, { alt: '下线后可以改' })).status).toBe(200)
    })

    it('lets a publisher delete a live cover: the article stays readable, without its cover', async () => {
      const cover = await image('将被删除的封面')
      const article = await publish('封面删除测试', { coverImage: cover.id })
      expect((await chief().delete(`/api/media/${cover.id}`)).status).toBe(200)
      const read = await staff.anonymous.get(`/api/articles/${article.id}`)
      expect(read.status).toBe(200)
      expect(read.body.coverImage ?? null).toBeNull()
      expect((await staff.anonymous.get(`/api/articles/page/${read.body.slug}`)).status).toBe(200)
    })
  })
})
