import { type ChildProcess, execFileSync, spawn } from 'node:child_process'

import { freePort } from '../../src/server/embeddedPostgres'
import { Api } from '../helpers/api'
import { startServer, type TestServer } from '../helpers/server'

/**
 * Redis going away under a server configured with REDIS_URL: a Redis of the test's own (so the
 * machine's stays up for everyone else), stopped and started again on the same port.
 */
function redisServerPath(): string | null {
  try {
    return execFileSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).trim() || null
  } catch {
    return null
  }
}

const REDIS_SERVER = redisServerPath()
if (!REDIS_SERVER) console.warn('Redis outage tests skipped: no redis-server on this machine')
const describeWithRedisServer = REDIS_SERVER ? describe : describe.skip

describeWithRedisServer('when Redis goes away and comes back', () => {
  let port: number
  let redis: ChildProcess | null = null
  let server: TestServer
  let api: Api

  const startRedis = async () => {
    redis = spawn(REDIS_SERVER!, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' })
    await new Promise((resolve) => setTimeout(resolve, 300))
  }
  const stopRedis = async () => {
    const exited = new Promise((resolve) => redis!.once('exit', resolve))
    redis!.kill('SIGKILL')
    await exited
    redis = null
  }
  const cacheStatus = async (path: string) => (await api.get(path)).headers.get('x-newsroom-cache')
  const eventually = async (check: () => Promise<boolean>) => {
    for (let i = 0; i < 40 && !(await check()); i++) await new Promise((resolve) => setTimeout(resolve, 250))
    return check()
  }

  beforeAll(async () => {
    port = await freePort()
    await startRedis()
    server = await startServer({ REDIS_URL: `redis://127.0.0.1:${port}` })
    api = new Api(server.url)
  })
  afterAll(async () => {
    await server?.stop()
    if (redis) await stopRedis()
  })

  it('keeps serving without the cache while Redis is down, says so in the log, and caches again once it is back', async () => {
    const path = '/api/tags?limit=1'
    await api.get(path)
    expect(await cacheStatus(path)).toBe('hit')

    await stopRedis()
    for (let i = 0; i < 5; i++) {
      const res = await api.get(path)
      expect(res.status).toBe(200)
      expect(res.headers.get('x-newsroom-cache')).toBe('bypass')
    }
    expect(server.output()).toMatch(/Redis is unreachable/)

    await startRedis()
    expect(await eventually(async () => (await cacheStatus(path)) === 'hit')).toBe(true)
    expect(server.output()).toMatch(/Redis is connected/)
  })

  it('still takes writes while Redis is down, and never serves what they changed stale afterwards', async () => {
    const staff = await api.login('admin@test.newsroom', 'admin-password-123')
    const path = '/api/tags?sort=-createdAt&limit=1&select[name]=true'
    await api.get(path)
    await stopRedis()
    const created = await staff.post('/api/tags', { name: 'Redis 停机期间的标签' })
    expect(created.status).toBe(201)
    expect((await api.get(path)).body.docs[0].name).toBe('Redis 停机期间的标签')
    await startRedis()
    expect(await eventually(async () => (await cacheStatus(path)) !== 'bypass')).toBe(true)
    expect((await api.get(path)).body.docs[0].name).toBe('Redis 停机期间的标签')
  })
})
