import { randomBytes } from 'node:crypto'

import { Redis } from 'ioredis'
import sharp from 'sharp'

import { type RoundRobinProxy, startRoundRobinProxy } from '../../src/scripts/soak/roundRobinProxy'
import { Api, createStaff, signUpReader, type Staff } from '../helpers/api'
import { REDIS_URL, redisReachable } from '../helpers/redis'
import { s3ServerStartable, startS3Server, type TestS3 } from '../helpers/s3'
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

const s3Starts = s3ServerStartable()
if (reachable && !s3Starts) console.warn('two instances behind a proxy skipped: the S3-protocol test server (the s3rver package) could not start on 127.0.0.1')
const describeAsOneSite = reachable && s3Starts ? describe : describe.skip

/**
 * The deployment docs/operations.md describes, whole: two production instances on one PostgreSQL,
 * one Redis and one bucket, behind a round-robin balancer on loopback whose address is their
 * PUBLIC_URL. What one instance does, a reader of the other sees; and one dying under load loses
 * nothing it acknowledged while the other keeps serving.
 */
describeAsOneSite('two instances behind a round-robin proxy, with uploads in one bucket', () => {
  let s3: TestS3
  let proxy: RoundRobinProxy
  let a: TestServer
  let b: TestServer
  let staff: Staff
  const prefix = `newsroom-test-${randomBytes(4).toString('hex')}:`
  /** Each request of the load from an address of its own, as many readers are: only the limit test shares one. */
  let addresses = 0
  const ownAddress = () => ({ 'x-forwarded-for': `198.18.${Math.floor(++addresses / 250) % 250}.${(addresses % 250) + 1}` })

  beforeAll(async () => {
    s3 = await startS3Server()
    proxy = await startRoundRobinProxy()
    const env = {
      ...s3.env,
      REDIS_URL,
      REDIS_PREFIX: prefix,
      PUBLIC_URL: proxy.url,
      API_RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT),
      PAYLOAD_SECRET: randomBytes(32).toString('hex'),
    }
    const databaseUrl = freshDatabaseUrl()
    await createDatabase(databaseUrl, { template: process.env.TEST_TEMPLATE_DATABASE })
    ;[a, b] = await Promise.all([startServer(env, { databaseUrl }), startServer(env, { databaseUrl })])
    proxy.balance([a.url, b.url])
    staff = await createStaff(a)
  })
  afterAll(async () => {
    await proxy?.close()
    await b?.stop()
    await a?.stop()
    if (a) await dropDatabase(a.databaseUrl)
    await s3?.stop()
    const redis = new Redis(REDIS_URL)
    const keys = await redis.keys(`${prefix}*`)
    if (keys.length > 0) await redis.del(...keys)
    redis.disconnect()
  })

  it('shows an article and its image, uploaded and published through A, on the first anonymous read through B', async () => {
    const bytes = await sharp({ create: { width: 1600, height: 900, channels: 3, background: '#8e44ad' } }).png().toBuffer()
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(bytes)], { type: 'image/png' }), 'two-instances.png')
    form.append('_payload', JSON.stringify({ alt: '双实例封面' }))
    const media = await staff.editor.post('/api/media', form)
    expect(media.status).toBe(201)
    const article = await staff['editor-in-chief'].post('/api/articles', { title: '双实例：带图发布', summary: '经 A 发布', coverImage: media.body.doc.id, _status: 'published' })
    expect(article.status).toBe(201)

    const page = await new Api(b.url).get(`/api/articles/page/${article.body.doc.slug}`)
    expect(page.status).toBe(200)
    expect(page.body).toMatchObject({ title: '双实例：带图发布', coverImage: { alt: '双实例封面' } })
    // Addresses are the site's (the balancer's); B serves the file itself, from the bucket.
    const { pathname } = new URL(page.body.coverImage.url)
    expect(page.body.coverImage.url.startsWith(proxy.url)).toBe(true)
    const image = await fetch(`${b.url}${pathname}`)
    expect(image.status).toBe(200)
    expect(Buffer.from(await image.arrayBuffer()).equals(bytes)).toBe(true)
    expect((await fetch(`${b.url}${new URL(page.body.coverImage.sizes.card.url).pathname}`)).status).toBe(200)
  })

  it('moderates through A a comment a reader posted through B, and B shows it once approved', async () => {
    const article = await staff['editor-in-chief'].post('/api/articles', { title: '双实例：评论', _status: 'published' })
    const reader = await signUpReader(a, { email: `commenter-${randomBytes(3).toString('hex')}@readers.test`, displayName: '经 B 评论' })
    const posted = await reader.at(b.url).post('/api/comments', { article: article.body.doc.id, body: '这条评论经 B 提交' })
    expect(posted.status).toBe(201)
    const onB = () => new Api(b.url).get(`/api/comments?where[article][equals]=${article.body.doc.id}&depth=0`)
    expect((await onB()).body.docs.map((comment: { body: string }) => comment.body)).toEqual([])
    expect((await staff.moderator.patch(`/api/comments/${posted.body.doc.id}`, { status: 'approved' })).status).toBe(200)
    expect((await onB()).body.docs.map((comment: { body: string }) => comment.body)).toEqual(['这条评论经 B 提交'])
  })

  it('counts one client’s requests through the proxy against one limit, whichever instance answers', async () => {
    const client = new Api(proxy.url)
    const before = proxy.answeredBy()
    let allowed = 0
    let refused = false
    for (let i = 0; i < 2 * RATE_LIMIT && !refused; i++) {
      const res = await client.request('GET', '/api/tags?limit=1', undefined, { 'x-forwarded-for': '203.0.113.99' })
      if (res.status === 429) refused = true
      else allowed++
    }
    const [byA, byB] = proxy.answeredBy().map((count, i) => count - before[i])
    expect(byA).toBeGreaterThan(RATE_LIMIT / 3)
    expect(byB).toBeGreaterThan(RATE_LIMIT / 3)
    expect(refused).toBe(true)
    expect(allowed).toBeLessThanOrEqual(RATE_LIMIT)
  })

  it('loses no acknowledged write when A is killed under load, and B keeps serving', async () => {
    const editor = staff.editor.at(proxy.url)
    const reader = new Api(proxy.url)
    const acknowledged: number[] = []
    let killedAt = Infinity
    const readsAfterKill: number[] = []
    const deadline = Date.now() + 8_000
    const write = async (worker: number) => {
      for (let n = 0; Date.now() < deadline; n++) {
        const res = await editor.post('/api/articles', { title: `负载写入 ${worker}-${n}` }, ownAddress()).catch(() => null)
        if (res?.status === 201) acknowledged.push(res.body.doc.id)
      }
    }
    const read = async () => {
      while (Date.now() < deadline) {
        const startedAt = Date.now()
        const res = await reader.request('GET', '/api/articles?limit=3&depth=0', undefined, ownAddress()).catch(() => null)
        if (startedAt > killedAt) readsAfterKill.push(res?.status ?? 0)
      }
    }
    const kill = async () => {
      await new Promise((resolve) => setTimeout(resolve, 2_500))
      await a.kill()
      killedAt = Date.now()
    }
    const before = proxy.answeredBy()
    await Promise.all([write(1), write(2), write(3), read(), read(), kill()])
    const [byA, byB] = proxy.answeredBy().map((count, i) => count - before[i])
    // Both took load before the kill; on this two-core machine that is a few dozen requests each.
    expect(byA).toBeGreaterThan(0)
    expect(byB).toBeGreaterThan(byA)
    expect(acknowledged.length).toBeGreaterThan(5)
    expect(readsAfterKill.length).toBeGreaterThan(5)
    expect(readsAfterKill.filter((status) => status !== 200)).toEqual([])

    const onB = staff.editor.at(b.url)
    const found = new Set<number>()
    for (let start = 0; start < acknowledged.length; start += 100) {
      const ids = acknowledged.slice(start, start + 100)
      const res = await onB.get(`/api/articles?where[id][in]=${ids.join(',')}&limit=100&depth=0&draft=true&select[title]=true`)
      for (const doc of res.body.docs as { id: number }[]) found.add(doc.id)
    }
    expect(acknowledged.filter((id) => !found.has(id))).toEqual([])
  })
})
