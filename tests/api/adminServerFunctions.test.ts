/**
 * The admin's server functions (Next.js server actions behind every admin page), called over HTTP
 * as the admin's own pages call them: a POST to an admin page with the action's id in `Next-Action`
 * and the arguments as JSON, with the login cookie. The action's id comes from the build's manifest.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'

import { Api, createStaff, READER_PASSWORD, signUpReader, type Staff } from '../helpers/api'
import { ROOT_DIR, startServer, type TestServer } from '../helpers/server'

let server: TestServer
let staff: Staff
let actionId: string
let articleId: number

/** The id of the admin layout's one server action (the dispatcher of every server function). */
async function adminServerActionId(): Promise<string> {
  const manifest = JSON.parse(await readFile(path.join(ROOT_DIR, process.env.NEXT_DIST_DIR || '.next', 'server/server-reference-manifest.json'), 'utf8'))
  const ids = Object.entries(manifest.node as Record<string, { filename: string }>)
    .filter(([, action]) => action.filename.endsWith('src/app/(payload)/layout.tsx'))
    .map(([id]) => id)
  if (ids.length !== 1) throw new Error(`expected one server action in the admin layout, found ${ids.length}`)
  return ids[0]
}

async function cookieOf(url: string, email: string, password: string): Promise<string> {
  const login = await new Api(server.url).post(url, { email, password })
  if (login.status !== 200) throw new Error(`login of ${email} failed: ${login.status}`)
  return login.headers.get('set-cookie')!.split(';')[0]
}

/** Calls a server function as the admin page does; the answer is React's flight text. */
async function serverFunction(cookie: string, name: string, args: Record<string, unknown>): Promise<{ status: number; text: string }> {
  const res = await fetch(`${server.url}/admin`, {
    method: 'POST',
    headers: {
      cookie,
      origin: server.url,
      'sec-fetch-site': 'same-origin',
      accept: 'text/x-component',
      'content-type': 'text/plain;charset=UTF-8',
      'next-action': actionId,
    },
    body: JSON.stringify([{ name, args }]),
  })
  return { status: res.status, text: await res.text() }
}

const REFUSAL = '只有总编或管理员可以安排或取消定时发布'
const staffCookie = (role: 'editor-in-chief' | 'reporter' | 'editor') => cookieOf('/api/users/login', `${role}@test.newsroom`, 'staff-password-123')

async function scheduledJob(): Promise<number> {
  const at = new Date(Date.now() + 24 * 3600_000).toISOString()
  const res = await staff['editor-in-chief'].post(`/api/articles/${articleId}/schedule`, { action: 'publish', at })
  expect(res.status).toBe(202)
  return res.body.id
}
const jobExists = async (id: number) => (await staff.admin.get(`/api/payload-jobs/${id}`)).status === 200
const scheduledJobs = async () => (await staff.admin.get(`/api/articles/${articleId}/schedule`)).body.docs.length

beforeAll(async () => {
  server = await startServer({ SERVE_ADMIN: 'true', AUTH_RATE_LIMIT_PER_ADDRESS: '0', AUTH_RATE_LIMIT_PER_EMAIL: '0' }, { readyWithinMs: 540_000 })
  staff = await createStaff(server)
  actionId = await adminServerActionId()
  articleId = (await staff.reporter.post('/api/articles', { title: '定时发布测试' })).body.doc.id
}, 600_000)
afterAll(() => server?.stop())

describe('schedule-publish', () => {
  it("refuses a reporter the deletion of the editor-in-chief's scheduled publish; the editor-in-chief may", async () => {
    const job = await scheduledJob()
    for (const role of ['reporter', 'editor'] as const) {
      const answer = await serverFunction(await staffCookie(role), 'schedule-publish', { deleteID: job })
      expect([role, await jobExists(job)]).toEqual([role, true])
      expect(answer.text).toContain(REFUSAL)
    }
    await serverFunction(await staffCookie('editor-in-chief'), 'schedule-publish', { deleteID: job })
    expect(await jobExists(job)).toBe(false)
  })

  it('refuses a reporter a scheduled publish of their own article; the editor-in-chief may', async () => {
    const before = await scheduledJobs()
    // `$D` marks a Date in React's encoding of server-action arguments, as the drawer sends it.
    const args = { type: 'publish', date: `$D${new Date(Date.now() + 3600_000).toISOString()}`, doc: { relationTo: 'articles', value: String(articleId) } }
    const answer = await serverFunction(await staffCookie('reporter'), 'schedule-publish', args)
    expect(await scheduledJobs()).toBe(before)
    expect(answer.text).toContain(REFUSAL)
    expect((await serverFunction(await staffCookie('editor-in-chief'), 'schedule-publish', args)).text).not.toContain('"error"')
    expect(await scheduledJobs()).toBe(before + 1)
  })
})

it('refuses a signed-in reader every server function, even those that only ask for a login', async () => {
  await signUpReader(server, { email: 'admin-reader@test.newsroom', displayName: '后台读者' })
  const readerCookie = await cookieOf('/api/readers/login', 'admin-reader@test.newsroom', READER_PASSWORD)
  const slugify = { collectionSlug: 'articles', path: 'slug', valueToSlugify: 'Reader Probe Title' }
  expect((await serverFunction(await staffCookie('editor'), 'slugify', slugify)).text).toContain('reader-probe-title')
  expect((await serverFunction(readerCookie, 'slugify', slugify)).text).not.toContain('reader-probe-title')
})
