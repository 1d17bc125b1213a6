import { randomBytes } from 'node:crypto'

import { freshDatabaseUrl, spawnServer, startServer, type TestServer, withDatabase } from '../helpers/server'

describe('liveness and readiness', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startServer()
  })
  afterAll(() => server.stop())

  it('reports the process alive and the database ready with migrations applied', async () => {
    const live = await fetch(`${server.url}/healthz`)
    expect(live.status).toBe(200)
    expect(await live.json()).toEqual({ status: 'ok' })

    const ready = await fetch(`${server.url}/readyz`)
    expect(ready.status).toBe(200)
    expect(await ready.json()).toMatchObject({ status: 'ready' })
  })

  it('is not ready while a migration the code ships is missing from the database', async () => {
    const [migration] = await withDatabase(server.databaseUrl, async (client) => {
      const { rows } = await client.query(
        'delete from payload_migrations where name = (select max(name) from payload_migrations) returning name, batch',
      )
      return rows
    })
    try {
      const res = await fetch(`${server.url}/readyz`)
      expect(res.status).toBe(503)
      expect(await res.json()).toMatchObject({ reason: 'migrations pending', pending: [migration.name] })
    } finally {
      await withDatabase(server.databaseUrl, (client) =>
        client.query('insert into payload_migrations (name, batch) values ($1, $2)', [migration.name, migration.batch]),
      )
    }
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200)
  })

  it('sends a request id and honours a sane incoming one', async () => {
    const generated = await fetch(`${server.url}/api/articles`)
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
    const echoed = await fetch(`${server.url}/api/articles`, { headers: { 'x-request-id': 'trace-42' } })
    expect(echoed.headers.get('x-request-id')).toBe('trace-42')
  })
})

describe('start-up configuration', () => {
  async function exitOf(env: Record<string, string | undefined>): Promise<{ code: number | null; output: string }> {
    const { child, output } = spawnServer({ NODE_ENV: 'production', SERVE_ADMIN: 'false', DATABASE_URL: freshDatabaseUrl(), PORT: '0', ...env })
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
    return { code, output: output() }
  }

  it('refuses to start in production on a database server without PAYLOAD_SECRET', async () => {
    const { code, output } = await exitOf({ PAYLOAD_SECRET: '' })
    expect(code).toBe(1)
    expect(output).toContain('PAYLOAD_SECRET is not set')
  })

  it('refuses a weak PAYLOAD_SECRET in production', async () => {
    const short = await exitOf({ PAYLOAD_SECRET: 'secret' })
    expect(short.code).toBe(1)
    expect(short.output).toContain('PAYLOAD_SECRET is too short')
    const repetitive = await exitOf({ PAYLOAD_SECRET: 'a'.repeat(40) })
    expect(repetitive.code).toBe(1)
    expect(repetitive.output).toContain('too easy to guess')
  })

  it.each(['2', '0', 'ten'])('refuses DATABASE_POOL_SIZE=%s, naming the setting, instead of hanging at start-up', async (size) => {
    const { code, output } = await exitOf({ PAYLOAD_SECRET: randomBytes(32).toString('hex'), DATABASE_POOL_SIZE: size })
    expect(code).toBe(1)
    expect(output).toContain(`DATABASE_POOL_SIZE=${size} will not do: set a whole number of at least 3`)
  })

  it('starts with a strong secret', async () => {
    const server = await startServer({ PAYLOAD_SECRET: randomBytes(32).toString('hex') })
    await server.stop()
  })
})
