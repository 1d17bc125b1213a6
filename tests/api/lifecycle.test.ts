import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'

import { Api } from '../helpers/api'
import { ADMIN, spawnServer, startServer } from '../helpers/server'
import { freePort } from '../../src/server/embeddedPostgres'

const waitForExit = (child: ReturnType<typeof spawnServer>['child']) =>
  new Promise<number | null>((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', resolve)))

async function waitUntilReady(url: string) {
  for (let tries = 0; tries < 300; tries++) {
    if (await fetch(`${url}/readyz`).then((res) => res.ok, () => false)) return
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error('not ready')
}

describe('graceful shutdown', () => {
  it('finishes a request still being received when SIGTERM arrives, then exits 0', async () => {
    const server = await startServer()
    const admin = await new Api(server.url).login(ADMIN.email, ADMIN.password)
    const body = JSON.stringify({ name: '停机前的标签' })
    const { hostname, port } = new URL(server.url)
    const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = http.request(
        {
          hostname,
          port,
          path: '/api/tags',
          method: 'POST',
          headers: { authorization: `JWT ${admin.token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          let text = ''
          res.on('data', (chunk) => (text += chunk))
          res.on('end', () => resolve({ status: res.statusCode!, text }))
        },
      )
      req.on('error', reject)
      req.write(body.slice(0, 5))
      setTimeout(() => req.end(body.slice(5)), 1_000)
    })
    await new Promise((resolve) => setTimeout(resolve, 300))
    const stopping = server.stop()
    const res = await response
    expect(res.status).toBe(201)
    expect(JSON.parse(res.text).doc.name).toBe('停机前的标签')
    await stopping
    expect(server.exitCode()).toBe(0)
  })
})

describe('a production server whose mail or text messages would go to files', () => {
  const mailWarning = 'SMTP_URL is not set: emails (reader verification, password resets, notifications) are written to files in MAIL_DIR, not sent'
  const smsWarning = 'SMS_PROVIDER is not set while comments need a bound phone'

  it('says so as it starts, and says nothing once both are set', async () => {
    const [unset, set] = await Promise.all([
      // A blank SMS_PROVIDER is no provider, as the sender reads it.
      startServer({ COMMENT_REQUIRE_PHONE: undefined, SMTP_URL: undefined, SMS_PROVIDER: ' ' }),
      startServer({
        COMMENT_REQUIRE_PHONE: undefined,
        // Nothing is sent at start: neither address is reached.
        SMTP_URL: 'smtp://127.0.0.1:9',
        SMS_PROVIDER: 'aliyun',
        SMS_ACCESS_KEY_ID: 'test-key',
        SMS_ACCESS_KEY_SECRET: 'test-secret',
        SMS_SIGN_NAME: '财经新闻',
        SMS_TEMPLATE_ID: 'SMS_0000001',
      }),
    ])
    try {
      expect(unset.output()).toContain(mailWarning)
      expect(unset.output()).toContain(smsWarning)
      expect(set.output()).toContain('newsroom is listening')
      expect(set.output()).not.toContain(mailWarning)
      expect(set.output()).not.toContain(smsWarning)
    } finally {
      await Promise.all([unset.stop(), set.stop()])
    }
  }, 120_000)

  it('does not warn of the phone codes where comments need no phone', async () => {
    const server = await startServer({ COMMENT_REQUIRE_PHONE: 'off', SMTP_URL: undefined })
    try {
      expect(server.output()).toContain(mailWarning)
      expect(server.output()).not.toContain(smsWarning)
    } finally {
      await server.stop()
    }
  }, 120_000)
})

describe('demo mode on the embedded PostgreSQL', () => {
  let dataDir: string
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'newsroom-demo-'))
  })
  afterAll(() => rm(dataDir, { recursive: true, force: true }))

  /** `npm start` without DATABASE_URL or PAYLOAD_SECRET, on this test's data folder. */
  const demoEnv = (port: number) => ({
    NODE_ENV: 'production',
    SERVE_ADMIN: 'false',
    DATABASE_URL: undefined,
    PAYLOAD_SECRET: undefined,
    DATA_DIR: dataDir,
    MEDIA_DIR: path.join(dataDir, 'media'),
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
  })

  async function runDemo(work: (api: Api) => Promise<void>) {
    const port = await freePort()
    const url = `http://127.0.0.1:${port}`
    const { child, output } = spawnServer(demoEnv(port))
    let failure: unknown = null
    try {
      await waitUntilReady(url)
      await work(new Api(url))
    } catch (error) {
      failure = error
    }
    child.kill('SIGTERM')
    const code = await waitForExit(child)
    if (failure) throw new Error(`${(failure as Error).message}\n--- server output ---\n${output()}`)
    expect(code).toBe(0)
    return output()
  }

  it('starts with demo content, keeps it across restarts, and stops its database on SIGTERM', async () => {
    // Two full starts, the first of which creates the cluster and seeds it.
    let firstTitles: string[] = []
    const firstRun = await runDemo(async (api) => {
      const articles = await api.get('/api/articles?limit=50&sort=publishedAt')
      expect(articles.body.totalDocs).toBeGreaterThanOrEqual(3)
      firstTitles = articles.body.docs.map((doc: { title: string }) => doc.title)
      const settings = await api.get('/api/globals/site-settings')
      expect(settings.body.icpNumber).toMatch(/ICP/)
      const chief = await api.login('chief@newsroom.demo', 'newsroom-demo')
      const tag = await chief.post('/api/tags', { name: '重启后仍在' })
      expect(tag.status).toBe(201)
      // Without PUBLIC_URL, a browser on localhost or on 127.0.0.1 may both use the login cookie.
      const login = await api.post('/api/users/login', { email: 'chief@newsroom.demo', password: 'newsroom-demo' })
      const cookie = login.headers.get('set-cookie')!.split(';')[0]
      const port = new URL(api.baseUrl).port
      for (const origin of [`http://localhost:${port}`, `http://127.0.0.1:${port}`, 'http://elsewhere.example']) {
        const res = await fetch(`${api.baseUrl}/api/tags`, {
          method: 'POST',
          headers: { cookie, origin, 'content-type': 'application/json' },
          body: JSON.stringify({ name: `来自${origin}` }),
        })
        expect([origin, res.status]).toEqual([origin, origin.includes('elsewhere') ? 403 : 201])
      }
    })
    expect(firstRun).toContain('using the embedded PostgreSQL')
    expect(existsSync(path.join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false)
    expect(existsSync(path.join(dataDir, 'payload-secret'))).toBe(true)

    const secondRun = await runDemo(async (api) => {
      const articles = await api.get('/api/articles?limit=50&sort=publishedAt')
      expect(articles.body.docs.map((doc: { title: string }) => doc.title)).toEqual(firstTitles)
      const tags = await api.get(`/api/tags?where[name][equals]=${encodeURIComponent('重启后仍在')}`)
      expect(tags.body.totalDocs).toBe(1)
    })
    expect(secondRun).toContain('nothing seeded')

    // A setting refused after the embedded database started (the config reads it): the server says
    // why, and the embedded database does not outlive it.
    const { child, output } = spawnServer({ ...demoEnv(await freePort()), DATABASE_POOL_SIZE: '2' })
    expect(await waitForExit(child)).toBe(1)
    expect(output()).toContain('using the embedded PostgreSQL')
    expect(output()).toContain('DATABASE_POOL_SIZE=2 will not do')
    expect(existsSync(path.join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false)
  }, 240_000)
})
