import { Api, createStaff, signUpReader, type Staff } from '../helpers/api'
import { startServer, type TestServer, withDatabase } from '../helpers/server'

/** 点赞: POST / DELETE /api/comments/:id/like, the public count, its order and its limits. */

/** Likes and unlikes per reader and per address in the window (LIKE_RATE_LIMIT_*). */
const PER_READER = 30
const PER_ADDRESS = 60

let server: TestServer
let staff: Staff
let articleId: number
let articleSlug: string
let author: Api & { id: number }
let readers: (Api & { id: number })[]
let counter = 0

/** Each request from an address of its own (the server trusts loopback's X-Forwarded-For), unless a test shares one. */
const fresh = () => `198.51.100.${++counter % 250}`
const like = (reader: Api, id: number | string, address = fresh()) => reader.post(`/api/comments/${id}/like`, undefined, { 'x-forwarded-for': address })
const unlike = (reader: Api, id: number | string, address = fresh()) => reader.request('DELETE', `/api/comments/${id}/like`, undefined, { 'x-forwarded-for': address })

async function comment(body: string, review: Record<string, unknown> = { status: 'approved' }): Promise<number> {
  const posted = await author.post('/api/comments', { article: articleId, body: `${body}（${++counter}）` })
  expect(posted.status).toBe(201)
  if (Object.keys(review).length > 0) expect((await staff.moderator.patch(`/api/comments/${posted.body.doc.id}`, review)).status).toBe(200)
  return posted.body.doc.id as number
}

const publicCount = async (id: number) => (await staff.anonymous.get(`/api/comments/${id}?depth=0`)).body.likeCount
const storedLikes = (id: number) =>
  withDatabase(server.databaseUrl, async (db) => {
    const { rows } = await db.query('select (select count(*)::int from comment_likes where comment_id = $1) as rows, (select like_count::int from comments where id = $1) as count', [id])
    return rows[0] as { rows: number; count: number }
  })

beforeAll(async () => {
  server = await startServer({
    LIKE_RATE_LIMIT_PER_READER: String(PER_READER),
    LIKE_RATE_LIMIT_PER_ADDRESS: String(PER_ADDRESS),
  })
  staff = await createStaff(server)
  const article = await staff['editor-in-chief'].post('/api/articles', { title: '点赞测试文章', _status: 'published' })
  expect(article.status).toBe(201)
  articleId = article.body.doc.id
  articleSlug = article.body.doc.slug
  expect((await staff.admin.post('/api/globals/moderation-settings', { mode: 'all', readerIntervalSeconds: 0, ipLimit: 10_000 })).status).toBe(200)
  author = await signUpReader(server, { email: 'like-author@readers.test', displayName: '评论作者' })
  readers = []
  for (let i = 0; i < 12; i++) readers.push(await signUpReader(server, { email: `liker${i}@readers.test`, displayName: `点赞读者${i}` }))
}, 180_000)
afterAll(() => server.stop())

describe('a reader likes a comment once', () => {
  it('counts a like once, takes it back with DELETE, and never goes below zero', async () => {
    const id = await comment('值得一赞')
    const [a, b, c] = readers
    expect(await like(a, id)).toMatchObject({ status: 200, body: { id, likeCount: 1, liked: true } })
    expect((await like(a, id)).body).toEqual({ id, likeCount: 1, liked: true })
    expect((await like(b, id)).body).toEqual({ id, likeCount: 2, liked: true })
    expect((await unlike(a, id)).body).toEqual({ id, likeCount: 1, liked: false })
    expect((await unlike(a, id)).body).toEqual({ id, likeCount: 1, liked: false })
    expect((await unlike(c, id)).body).toEqual({ id, likeCount: 1, liked: false })
    expect((await unlike(b, id)).body).toEqual({ id, likeCount: 0, liked: false })
    expect((await unlike(b, id)).body).toEqual({ id, likeCount: 0, liked: false })
    expect(await publicCount(id)).toBe(0)
    expect(await storedLikes(id)).toEqual({ rows: 0, count: 0 })
  })

  it('answers every spelling of the route as the canonical one', async () => {
    const id = await comment('各种拼写')
    const [a] = readers
    const encoded = `%${String(id).charCodeAt(0).toString(16)}${String(id).slice(1)}`
    expect((await like(a, id)).body).toMatchObject({ likeCount: 1, liked: true })
    for (const path of [`/api/comments/${encoded}/like`, `/api/comments/${id}/like/`, `//api/comments//${id}/like`, `/api/comments/${id}/%6Cike`, `/api/comments/0${id}/like`]) {
      const res = await a.post(path, undefined, { 'x-forwarded-for': fresh() })
      expect([path, res.status, res.body]).toEqual([path, 200, { id, likeCount: 1, liked: true }])
    }
    expect(await storedLikes(id)).toEqual({ rows: 1, count: 1 })
  })

  it('keeps the exact count under concurrent likes and unlikes from many readers', async () => {
    const id = await comment('热门评论')
    // Each reader likes three times at once: twelve likes, whatever the order.
    const liked = await Promise.all(readers.flatMap((reader) => [like(reader, id), like(reader, id), like(reader, id)]))
    expect(liked.every((res) => res.status === 200 && res.body.liked === true)).toBe(true)
    expect(Math.max(...liked.map((res) => res.body.likeCount))).toBe(readers.length)
    expect(await storedLikes(id)).toEqual({ rows: readers.length, count: readers.length })
    // Half take theirs back (twice each) while the other half like again.
    const half = readers.length / 2
    await Promise.all(readers.flatMap((reader, i) => (i < half ? [unlike(reader, id), unlike(reader, id)] : [like(reader, id)])))
    expect(await storedLikes(id)).toEqual({ rows: half, count: half })
    expect(await publicCount(id)).toBe(half)
  })

  it("keeps the count through a moderator's save, and a deleted reader's likes until the account is purged", async () => {
    const id = await comment('审核员改动后仍准确')
    const gone = await signUpReader(server, { email: 'like-leaver@readers.test', displayName: '将注销的读者' })
    await like(readers[0], id)
    await like(gone, id)
    // Payload writes back every column it read, the count included: a like in between must not be lost.
    expect((await staff.moderator.patch(`/api/comments/${id}`, { featured: true })).status).toBe(200)
    expect(await storedLikes(id)).toEqual({ rows: 2, count: 2 })
    // Whatever a save writes over the count (the value it read before a like came in), the count stays.
    await withDatabase(server.databaseUrl, (db) => db.query('update comments set like_count = 999, featured = false where id = $1', [id]))
    expect(await storedLikes(id)).toEqual({ rows: 2, count: 2 })
    // Deleting moves the account, then the comment, to the trash: their records (likes included) are
    // kept for the retention period; the purge takes them (tests/api/ipRegion.test.ts).
    expect((await staff.admin.patch(`/api/readers/${gone.id}`, { deletedAt: new Date().toISOString() })).status).toBe(200)
    expect((await staff.admin.patch(`/api/comments/${id}`, { deletedAt: new Date().toISOString() })).status).toBe(200)
    expect(await storedLikes(id)).toEqual({ rows: 2, count: 2 })
    for (const res of [await like(readers[1], id), await unlike(readers[0], id)]) expect(res.status).toBe(404)
    expect(await storedLikes(id)).toEqual({ rows: 2, count: 2 })
  })
})

describe('who may like what', () => {
  it('answers a held, rejected, spam or absent comment with 404, as if it were not there', async () => {
    const held = await comment('待审核', {})
    const rejected = await comment('被拒绝', { status: 'rejected' })
    const spam = await comment('垃圾评论', { status: 'spam' })
    for (const id of [held, rejected, spam, 99_999_999, 2 ** 31, '99999999999999999999']) {
      for (const res of [await like(readers[1], id), await unlike(readers[1], id)]) {
        expect([id, res.status, res.body.errors?.[0]?.data?.code]).toEqual([id, 404, 'COMMENT_NOT_FOUND'])
      }
    }
    // Even the comment's own author, who sees it held in the thread.
    expect((await like(author, held)).status).toBe(404)
    for (const id of [held, rejected, spam]) expect(await storedLikes(id)).toEqual({ rows: 0, count: 0 })
  })

  it('answers 404 for a comment whose article was taken down, until it is published again', async () => {
    const other = await staff['editor-in-chief'].post('/api/articles', { title: '将被撤下的文章', _status: 'published' })
    const posted = await author.post('/api/comments', { article: other.body.doc.id, body: '撤稿文章下的评论' })
    expect((await staff.moderator.patch(`/api/comments/${posted.body.doc.id}`, { status: 'approved' })).status).toBe(200)
    const id = posted.body.doc.id as number
    expect((await like(readers[1], id)).body).toEqual({ id, likeCount: 1, liked: true })
    expect((await staff['editor-in-chief'].patch(`/api/articles/${other.body.doc.id}`, { _status: 'draft' })).status).toBe(200)
    expect((await like(readers[2], id)).status).toBe(404)
    expect((await unlike(readers[1], id)).status).toBe(404)
    expect(await storedLikes(id)).toEqual({ rows: 1, count: 1 })
    expect((await staff['editor-in-chief'].patch(`/api/articles/${other.body.doc.id}`, { _status: 'published' })).status).toBe(200)
    expect((await unlike(readers[1], id)).body).toEqual({ id, likeCount: 0, liked: false })
  })

  it('refuses an id that is no whole number with a 400 naming it', async () => {
    for (const id of ['abc', '1e0', '0x1', '-1', '1.0', '%20', '0']) {
      const res = await like(readers[1].inLanguage('en'), id)
      if (id === '0') {
        expect([id, res.status]).toEqual([id, 404])
        continue
      }
      expect([id, res.status, res.body.errors?.[0]?.data?.code]).toEqual([id, 400, 'COMMENT_ID_INVALID'])
      expect(res.body.errors[0].data.errors).toEqual([{ path: 'id', message: 'A comment id is a positive whole number' }])
    }
  })

  it('asks an anonymous caller to log in (401) and refuses staff (403), in Chinese and English', async () => {
    const id = await comment('登录后点赞')
    const anonymous = await like(staff.anonymous, id)
    expect([anonymous.status, anonymous.body.errors[0].data.code, anonymous.body.errors[0].message]).toEqual([401, 'COMMENT_LIKE_LOGIN_REQUIRED', '请先登录读者账号再点赞'])
    expect((await unlike(staff.anonymous.inLanguage('en'), id)).body.errors[0].message).toBe('Log in with a reader account to like a comment')
    for (const role of ['moderator', 'admin', 'editor'] as const) {
      const res = await like(staff[role], id)
      expect([role, res.status, res.body.errors[0].data.code]).toEqual([role, 403, 'COMMENT_LIKE_READERS_ONLY'])
    }
    expect(await storedLikes(id)).toEqual({ rows: 0, count: 0 })
  })

  it("takes the login cookie from the site's own origin only (CSRF)", async () => {
    const id = await comment('带 Cookie 的点赞')
    const cookie = { cookie: `payload-token=${readers[2].token}`, 'x-forwarded-for': fresh() }
    const foreign = await staff.anonymous.post(`/api/comments/${id}/like`, undefined, { ...cookie, origin: 'https://evil.example' })
    expect([foreign.status, foreign.body.errors[0].data.code]).toEqual([401, 'COMMENT_LIKE_LOGIN_REQUIRED'])
    expect(await storedLikes(id)).toEqual({ rows: 0, count: 0 })
    const own = await staff.anonymous.post(`/api/comments/${id}/like`, undefined, { ...cookie, origin: server.url })
    expect([own.status, own.body]).toEqual([200, { id, likeCount: 1, liked: true }])
    expect(own.headers.get('cache-control')).toContain('no-store')
  })
})

describe('what a reader learns of their own likes', () => {
  it('tells a reader which of the given comments they like, of those anyone may see', async () => {
    const [liked, notLiked, laterHeld] = [await comment('读者点过赞'), await comment('读者没点赞'), await comment('点赞后被撤回审核')]
    const me = readers[4]
    await like(me, liked)
    await like(me, laterHeld)
    await like(readers[5], notLiked)
    expect((await staff.moderator.patch(`/api/comments/${laterHeld}`, { status: 'pending' })).status).toBe(200)
    const mine = await me.get(`/api/comments/liked?ids=${notLiked},${liked},${laterHeld},99999999`)
    expect([mine.status, mine.body]).toEqual([200, { liked: [liked] }])
    expect(mine.headers.get('cache-control')).toContain('no-store')
    expect((await readers[5].get(`/api/comments/liked?ids=${notLiked},${liked}`)).body).toEqual({ liked: [notLiked] })
  })

  it('answers nobody else, and refuses a malformed list naming ids', async () => {
    const id = await comment('谁点了赞')
    await like(readers[6], id)
    for (const [caller, status] of [[staff.anonymous, 401], [staff.moderator, 403], [staff.admin, 403]] as const) {
      const res = await caller.get(`/api/comments/liked?ids=${id}`)
      expect([res.status, JSON.stringify(res.body)]).toEqual([status, expect.not.stringContaining(String(readers[6].id))])
      expect(res.body.liked).toBeUndefined()
    }
    // Twice anonymously: a cached answer would be the same refusal, never a reader's list.
    expect((await staff.anonymous.get(`/api/comments/liked?ids=${id}`)).status).toBe(401)
    for (const ids of ['', 'abc', '1,,2', Array.from({ length: 101 }, (_, i) => i + 1).join(',')]) {
      const res = await readers[6].inLanguage('en').get(`/api/comments/liked?ids=${ids}`)
      expect([ids, res.status, res.body.errors?.[0]?.data?.code, res.body.errors?.[0]?.data?.errors?.[0]?.path]).toEqual([ids, 400, 'COMMENT_IDS_INVALID', 'ids'])
    }
  })
})

describe('what the public sees', () => {
  it('shows the count to everyone, REST and GraphQL, and who liked to nobody', async () => {
    const id = await comment('公开的点赞数')
    await like(readers[3], id)
    await like(readers[4], id)
    const reader3 = String(readers[3].id)
    for (const caller of [staff.anonymous, readers[5], staff.moderator]) {
      const rest = await caller.get(`/api/comments/${id}?depth=2`)
      expect(rest.body.likeCount).toBe(2)
      expect(Object.keys(rest.body).filter((key) => /like/i.test(key))).toEqual(['likeCount'])
      const graphql = await caller.graphql(`{ Comment(id: ${id}) { likeCount } }`)
      expect(graphql.body).toEqual({ data: { Comment: { likeCount: 2 } } })
    }
    // No field, REST or GraphQL, names a liker; a where on one is refused, not answered.
    expect((await staff.anonymous.graphql(`{ Comment(id: ${id}) { likes { id } } }`)).body.errors?.length).toBeGreaterThan(0)
    const byLiker = await staff.anonymous.get(`/api/comments?where[likes.reader][equals]=${reader3}&depth=0`)
    expect(byLiker.status).toBeGreaterThanOrEqual(400)
    expect(byLiker.status).toBeLessThan(500)
    expect((await staff.anonymous.graphql('{ CommentLikes { docs { id } } }')).body.errors?.length).toBeGreaterThan(0)
    expect((await staff.anonymous.get('/api/comment-likes')).status).toBe(404)
  })

  it('shows the count on the article page and in its GraphQL join, fresh after each like even when cached', async () => {
    const id = await comment('精彩评论的点赞', { status: 'approved', featured: true })
    const pageCount = async () => (await staff.anonymous.get(`/api/articles/page/${articleSlug}`)).body.featuredComments.docs.find((c: { id: number }) => c.id === id)?.likeCount
    expect(await pageCount()).toBe(0)
    const cached = await staff.anonymous.get(`/api/articles/page/${articleSlug}`)
    expect(cached.headers.get('x-newsroom-cache')).toBe('hit')
    await like(readers[6], id)
    expect(await pageCount()).toBe(1)
    await like(readers[7], id)
    expect(await pageCount()).toBe(2)
    const query = `{ Article(id: ${articleId}) { featuredComments { docs { id likeCount } } } }`
    const joined = (await staff.anonymous.graphql(query)).body.data.Article.featuredComments.docs
    expect(joined.find((c: { id: number }) => c.id === id)).toEqual({ id, likeCount: 2 })
    await unlike(readers[7], id)
    expect(await pageCount()).toBe(1)
  })

  it('orders comments the moderator featured first, then by likes (REST, the join and GraphQL)', async () => {
    const plainTop = await comment('未精选但点赞最多')
    const featuredFew = await comment('精选、赞少', { status: 'approved', featured: true })
    const featuredMany = await comment('精选、赞多', { status: 'approved', featured: true })
    const plainFew = await comment('未精选、赞少')
    const likes: [number, number][] = [[plainTop, 5], [featuredFew, 1], [featuredMany, 3], [plainFew, 2]]
    for (const [id, n] of likes) await Promise.all(readers.slice(0, n).map((reader) => like(reader, id)))
    const ours = new Set(likes.map(([id]) => id))
    const order = (docs: { id: number }[]) => docs.map((doc) => doc.id).filter((id) => ours.has(id))
    const rest = await staff.anonymous.get(`/api/comments?where[article][equals]=${articleId}&sort=-featured,-likeCount,-createdAt&limit=100&depth=0`)
    expect(order(rest.body.docs)).toEqual([featuredMany, featuredFew, plainTop, plainFew])
    const join = await staff.anonymous.get(`/api/articles/${articleId}?depth=1&joins[featuredComments][sort]=-likeCount&joins[featuredComments][limit]=100`)
    expect(order(join.body.featuredComments.docs)).toEqual([featuredMany, featuredFew])
    const graphql = await staff.anonymous.graphql(`{ Comments(where: { article: { equals: ${articleId} } }, sort: "-featured,-likeCount,-createdAt", limit: 100) { docs { id } } }`)
    expect(order(graphql.body.data.Comments.docs)).toEqual([featuredMany, featuredFew, plainTop, plainFew])
  })
})

describe('a like storm', () => {
  it('is refused with 429 past the per-reader limit, from any address, without changing the count', async () => {
    const id = await comment('被刷的评论')
    const stormer = await signUpReader(server, { email: 'like-storm@readers.test', displayName: '刷赞读者' })
    for (let i = 0; i < PER_READER; i++) expect((i % 2 === 0 ? await like(stormer, id) : await unlike(stormer, id)).status).toBe(200)
    const refused = await like(stormer, id)
    expect([refused.status, refused.body.errors[0].data.code]).toEqual([429, 'COMMENT_LIKE_RATE_LIMITED'])
    expect(refused.body.errors[0].message).toMatch(/^点赞过于频繁，请 \d+ 秒后再试$/)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(refused.body.errors[0].data.retryAfterSeconds).toBe(Number(refused.headers.get('retry-after')))
    expect((await unlike(stormer.inLanguage('en'), id)).body.errors[0].message).toMatch(/^Too many likes: try again in \d+ seconds$/)
    // The last allowed request took the like back: the refused like changed nothing.
    expect(PER_READER % 2).toBe(0)
    expect(await storedLikes(id)).toEqual({ rows: 0, count: 0 })
    // Another reader is not held back by this one's storm.
    expect((await like(readers[8], id)).body).toEqual({ id, likeCount: 1, liked: true })
  })

  it('is refused with 429 past the per-address limit, whichever readers send it', async () => {
    const id = await comment('同一地址刷赞')
    const address = '192.0.2.77'
    const senders = readers.slice(9, 12)
    // Each sender stays well within their own limit; together they reach the address's.
    for (const reader of senders) {
      for (let i = 0; i < PER_ADDRESS / senders.length; i++) {
        expect((i % 2 === 0 ? await like(reader, id, address) : await unlike(reader, id, address)).status).toBe(200)
      }
    }
    const refused = await like(readers[10], id, address)
    expect([refused.status, refused.body.errors[0].data.code]).toEqual([429, 'COMMENT_LIKE_RATE_LIMITED'])
    // The same reader from another address is within both of their limits.
    expect((await like(readers[10], id)).status).toBe(200)
  })
})
