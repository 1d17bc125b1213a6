import { randomBytes } from 'node:crypto'

import { signPreviewToken } from '../../src/lib/publishing/previewTokens'
import { createStaff, signUpReader, type Staff } from '../helpers/api'
import { startServer, type TestServer } from '../helpers/server'

/** The server's own secret: a token signed with it directly (not as the server derives its key) is refused. */
const SECRET = randomBytes(32).toString('hex')
/** Short, so that a link can be seen to expire. */
const TTL_SECONDS = 4

let server: TestServer
let staff: Staff
let draftId: number
let otherDraftId: number
let publishedId: number

beforeAll(async () => {
  server = await startServer({ PAYLOAD_SECRET: SECRET, PREVIEW_TOKEN_TTL_SECONDS: String(TTL_SECONDS) })
  staff = await createStaff(server)
  draftId = (await staff.reporter.post('/api/articles', { title: '预览：尚未发布', summary: '草稿摘要' })).body.doc.id
  otherDraftId = (await staff.reporter.post('/api/articles', { title: '预览：另一篇草稿' })).body.doc.id
  publishedId = (await staff['editor-in-chief'].post('/api/articles', { title: '预览：已发布版本', _status: 'published' })).body.doc.id
  await staff.editor.patch(`/api/articles/${publishedId}?draft=true`, { title: '预览：待发布的修改' })
})
afterAll(() => server.stop())

const previewLink = async (articleId: number) => {
  const res = await staff.editor.post(`/api/articles/${articleId}/preview-link`)
  expect(res.status).toBe(201)
  return res.body as { token: string; url: string; expiresAt: string }
}
const openPreview = (token: string) => fetch(`${server.url}/api/articles/preview?token=${encodeURIComponent(token)}`)

it('gives staff a link that lets anyone holding it read that draft with the page fields, never cached', async () => {
  const link = await previewLink(draftId)
  expect(link.url).toBe(`${server.url}/api/articles/preview?token=${encodeURIComponent(link.token)}`)
  expect(Math.abs(new Date(link.expiresAt).getTime() - (Date.now() + TTL_SECONDS * 1000))).toBeLessThan(2000)
  const res = await fetch(link.url)
  expect(res.status).toBe(200)
  expect(res.headers.get('cache-control')).toBe('private, no-store')
  const doc = await res.json()
  expect(doc).toMatchObject({ id: draftId, title: '预览：尚未发布', summary: '草稿摘要', preview: { expiresAt: link.expiresAt } })
  expect(doc).not.toHaveProperty('responsibleEditor')
  expect(doc).not.toHaveProperty('createdBy')
  expect(doc).not.toHaveProperty('_status')

  await staff.reporter.patch(`/api/articles/${draftId}`, { title: '预览：改过的草稿' })
  expect((await (await openPreview(link.token)).json()).title).toBe('预览：改过的草稿')
})

it('shows the unpublished changes of a published article while the public still sees the live version', async () => {
  const link = await previewLink(publishedId)
  expect((await (await openPreview(link.token)).json()).title).toBe('预览：待发布的修改')
  expect((await staff.anonymous.get(`/api/articles/${publishedId}`)).body.title).toBe('预览：已发布版本')
})

it('opens that one draft and nothing else', async () => {
  const link = await previewLink(draftId)
  expect((await fetch(`${server.url}/api/articles/${otherDraftId}?token=${link.token}`)).status).toBe(404)
  const listed = await (await fetch(`${server.url}/api/articles?token=${link.token}&where[_status][equals]=draft`)).json()
  expect(listed.docs).toEqual([])
})

it('refuses expired, altered and missing tokens with a clear 4xx', async () => {
  const { token } = await previewLink(draftId)
  expect((await openPreview(token)).status).toBe(200)
  await new Promise((resolve) => setTimeout(resolve, TTL_SECONDS * 1000 + 200))
  const res = await openPreview(token)
  expect(res.status).toBe(410)
  expect((await res.json()).errors).toEqual([{ message: '预览链接已过期，请重新获取', data: { code: 'PREVIEW_LINK_EXPIRED', reason: 'expired' } }])
  const [payload, signature] = token.split('.')
  const otherPayload = Buffer.from(JSON.stringify({ a: otherDraftId, e: Date.now() + 60_000 })).toString('base64url')
  expect((await openPreview(`${otherPayload}.${signature}`)).status).toBe(401)
  expect((await openPreview(`${payload}.${signature}x`)).status).toBe(401)
  expect((await fetch(`${server.url}/api/articles/preview`)).status).toBe(401)
  expect((await openPreview(signPreviewToken({ articleId: draftId, expiresAt: Date.now() + 60_000 }, SECRET))).status).toBe(401)
})

it('lets only staff create preview links', async () => {
  expect((await staff.anonymous.post(`/api/articles/${draftId}/preview-link`)).status).toBe(403)
  const reader = await signUpReader(server, { email: 'preview-reader@readers.test', displayName: '预览读者' })
  expect((await reader.post(`/api/articles/${draftId}/preview-link`)).status).toBe(403)
  expect((await staff.editor.post('/api/articles/999999/preview-link')).status).toBe(404)
})
