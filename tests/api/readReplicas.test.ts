import { createStaff } from '../helpers/api'
import { dropDatabase, freshDatabaseUrl, startServer, type TestServer, withDatabase } from '../helpers/server'

/**
 * A read replica is stood in for by the primary itself under another application name: what the
 * test can see is which connection pool the server's reads use.
 */
const databaseUrl = freshDatabaseUrl()
let server: TestServer

beforeAll(async () => {
  const replica = new URL(databaseUrl)
  replica.searchParams.set('application_name', 'newsroom-read-replica')
  server = await startServer({ DATABASE_READ_REPLICA_URLS: replica.toString(), RESPONSE_CACHE: 'off' }, { databaseUrl })
})
afterAll(async () => {
  await server?.stop()
  await dropDatabase(databaseUrl)
})

it('sends reads to the replicas named in DATABASE_READ_REPLICA_URLS and writes to the primary', async () => {
  const staff = await createStaff(server)
  const created = await staff['editor-in-chief'].post('/api/articles', { title: '只读副本', _status: 'published' })
  expect(created.status).toBe(201)
  await new Promise((resolve) => setTimeout(resolve, 2500))
  for (let i = 0; i < 5; i++) expect((await staff.anonymous.get('/api/articles?limit=1')).body.docs[0].title).toBe('只读副本')
  const replicaConnections = await withDatabase(server.databaseUrl, async (client) => {
    const { rows } = await client.query(
      "select count(*)::int as n from pg_stat_activity where datname = current_database() and application_name = 'newsroom-read-replica'",
    )
    return rows[0].n as number
  })
  expect(replicaConnections).toBeGreaterThan(0)
})
