import { randomBytes } from 'node:crypto'

import { Redis } from 'ioredis'

import { createStaff, signUpReader, type Api, type Staff } from '../helpers/api'
import { REDIS_URL, redisReachable } from '../helpers/redis'
import { createDatabase, dropDatabase, freshDatabaseUrl, startServer, type TestServer } from '../helpers/server'

/**
 * Two instances behind one load balancer: one PostgreSQL, one Redis. CI has the machine's Redis;
 * elsewhere the suite is skipped, saying why, unless REDIS_URL names one.
 */
const RATE_LIMIT = 100
/** Likes and unlikes per reader (LIKE_RATE_LIMIT_PER_READER). */
const LIKES_PER_READER = 6

const reachable = redisReachable()
if (!reachable) console.warn(`scale-out tests skipped: no Redis reachable at ${REDIS_URL} (set REDIS_URL to run them)`)
const describeWithRedis = reachable ? describe : describe.skip

describeWithRedis('two instances sharing PostgreSQL and Redis', () => {
  let first: TestServer
  let second: TestServer
  let staff: Staff
  let readerOfSecond: Api

  // A prefix of its own, so that parallel runs and other tests never share counters.
  const prefix = `newsroom-test-${randomBytes(4).toString('hex')}:`

  beforeAll(async () => {
    // One secret, so a reader's login works on both, as behind a load balancer.
    const env = {
      REDIS_URL,
      REDIS_PREFIX: prefix,
      API_RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT),
      LIKE_RATE_LIMIT_PER_READER: String(LIKES_PER_READER),
      PAYLOAD_SECRET: randomBytes(32).toString('hex'),
    }
    // Started together on an empty database: they take turns at the migrations.
    const databaseUrl = freshDatabaseUrl()
    await createDatabase(databaseUrl)
    ;[first, second] = await Promise.all([startServer(env, { databaseUrl }), startServer(env, { databaseUrl })])
    staff = await createStaff(first)
    readerOfSecond = staff.anonymous.at(second.url)
  })
  afterAll(async () => {
    await second?.stop()
    await first?.stop()
    await dropDatabase(first.databaseUrl)
    const redis = new Redis(REDIS_URL)
    const keys = await redis.keys(`${prefix}*`)
    if (keys.length > 0) await redis.del(...keys)
    redis.disconnect()
  })

  it('serves a publish made through one instance fresh from the other at once', async () => {
    const created = await staff['editor-in-chief'].post('/api/articles', { title: '双实例：第一版', _status: 'published' })
    const path = `/api/articles?where[slug][equals]=${created.body.doc.slug}&select[title]=true`
    await readerOfSecond.get(path)
    const cached = await readerOfSecond.get(path)
    expect(cached.headers.get('x-newsroom-cache')).toBe('hit')
    expect(cached.body.docs[0].title).toBe('双实例：第一版')

    await staff['editor-in-chief'].patch(`/api/articles/${created.body.doc.id}`, { title: '双实例：第二版', _status: 'published' })
    expect((await readerOfSecond.get(path)).body.docs[0].title).toBe('双实例：第二版')
    await staff['editor-in-chief'].patch(`/api/articles/${created.body.doc.id}`, { _status: 'draft' })
    expect((await readerOfSecond.get(path)).body.docs).toEqual([])
  })

  it('shares cached answers: what one instance computed, the other serves', async () => {
    const path = `/api/tags?limit=3&shared=${randomBytes(3).toString('hex')}`
    expect((await staff.anonymous.get(path)).headers.get('x-newsroom-cache')).toBe('miss')
    expect((await readerOfSecond.get(path)).headers.get('x-newsroom-cache')).toBe('hit')
  })

  it('counts login attempts naming one email across both instances, over REST and GraphQL alike', async () => {
    // The default AUTH_RATE_LIMIT_PER_EMAIL; an address per instance, apart from the API rate limit's.
    const perEmail = 10
    const email = `target-${randomBytes(3).toString('hex')}@x.test`
    for (let i = 0; i < perEmail / 2; i++) {
      const res = await staff.anonymous.post('/api/readers/login', { email, password: 'wrong-password-1' }, { 'x-forwarded-for': '198.51.100.21' })
      expect(res.status).toBe(401)
    }
    const logins = Array.from({ length: perEmail }, (_, i) => `a${i}: loginReader(email: "${email}", password: "wrong-password-1") { token }`)
    const answer = await readerOfSecond.post('/api/graphql', { query: `mutation { ${logins.join(' ')} }` }, { 'x-forwarded-for': '198.51.100.22' })
    const refused = (answer.body.errors as { path: string[]; extensions: { statusCode: number } }[]).filter((error) => error.extensions.statusCode === 429)
    expect(refused.map((error) => error.path[0])).toEqual(Array.from({ length: perEmail / 2 }, (_, i) => `a${perEmail / 2 + i}`))
  })

  it("counts one reader's likes across both instances, and keeps one count", async () => {
    const article = await staff['editor-in-chief'].post('/api/articles', { title: '双实例：点赞', _status: 'published' })
    const reader = await signUpReader(first, { email: `liker-${randomBytes(3).toString('hex')}@readers.test`, displayName: '双实例读者' })
    const posted = await reader.post('/api/comments', { article: article.body.doc.id, body: '两台实例都能点赞' })
    expect((await staff.moderator.patch(`/api/comments/${posted.body.doc.id}`, { status: 'approved' })).status).toBe(200)
    const path = `/api/comments/${posted.body.doc.id}/like`
    const instances = [reader, reader.at(second.url)]
    // Each from an address of its own: only the reader's own allowance is shared.
    const send = (i: number) => instances[i % 2].request(i % 4 < 2 ? 'POST' : 'DELETE', path, undefined, { 'x-forwarded-for': `198.51.100.${40 + i}` })
    for (let i = 0; i < LIKES_PER_READER; i++) expect((await send(i)).status).toBe(200)
    const refused = [await send(LIKES_PER_READER), await send(LIKES_PER_READER + 1)]
    expect(refused.map((res) => [res.status, res.body.errors[0].data.code])).toEqual([[429, 'COMMENT_LIKE_RATE_LIMITED'], [429, 'COMMENT_LIKE_RATE_LIMITED']])
    const counts = await Promise.all(instances.map(async (api) => (await api.get(`/api/comments/${posted.body.doc.id}?depth=0`)).body.likeCount))
    // Like, like, take back, take back, like, like: one like, whichever instance is asked.
    expect(counts).toEqual([1, 1])
  })

  it('counts one rate limit across both instances', async () => {
    const instances = [staff.anonymous, readerOfSecond]
    let allowed = 0
    let refused: Awaited<ReturnType<Api['get']>> | undefined
    for (let i = 0; i < 2 * RATE_LIMIT && !refused; i++) {
      const res = await instances[i % 2].get('/api/tags?limit=1')
      if (res.status === 429) refused = res
      else allowed++
    }
    // Each instance alone would allow RATE_LIMIT; together they allow what is left of one budget.
    expect(refused).toBeDefined()
    expect(allowed).toBeLessThan(RATE_LIMIT)
    expect(Number(refused!.headers.get('retry-after'))).toBeGreaterThan(0)
    expect((await staff.anonymous.get('/api/tags?limit=1')).status).toBe(429)
    expect((await readerOfSecond.get('/api/tags?limit=1')).status).toBe(429)
  })
})
