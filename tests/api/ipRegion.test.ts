import { Api, createStaff, invalidPaths, READER_PASSWORD, signUpReader, type Staff } from '../helpers/api'
import { startServer, type TestServer, withDatabase } from '../helpers/server'
import { eventually } from '../helpers/wait'

/**
 * IP属地 on comments (互联网用户账号信息管理规定 第十二条) and the records kept after deletion
 * (互联网跟帖评论服务管理规定): through REST, GraphQL, the article page and its cache, with the
 * client's address given as a trusted proxy gives it (TRUST_PROXY's default trusts loopback, where
 * the tests connect from).
 */
let server: TestServer
let staff: Staff
let reader: Api & { id: number }
let articleId: number
let slug: string
/** Shared with the second instance (COMMENT_IP_REGION=off) on the same database, so tokens work on both. */
const SECRET = 'ip-region-test-secret-0123456789abcdef'
const RETENTION_DAYS = 30
let counter = 0

/** A reader's comment posted from `address`, approved (and featured) by a moderator; its id. */
async function approvedComment(address: string, { from = reader, featured = false } = {}): Promise<number> {
  const posted = await from.post('/api/comments', { article: articleId, body: `来自 ${address} 的评论（${++counter}）` }, { 'x-forwarded-for': address })
  expect(posted.status).toBe(201)
  const id = posted.body.doc.id as number
  expect((await staff.moderator.patch(`/api/comments/${id}`, { status: 'approved', featured })).status).toBe(200)
  return id
}

const publicComment = async (id: number) => (await staff.anonymous.get(`/api/comments/${id}?depth=0`)).body
const articlePage = async () => (await staff.anonymous.get(`/api/articles/page/${slug}`)).body
const storedRegion = (id: number) =>
  withDatabase(server.databaseUrl, async (client) => (await client.query('select ip_region from comments where id = $1', [id])).rows[0]?.ip_region as string | null)

beforeAll(async () => {
  server = await startServer({ PAYLOAD_SECRET: SECRET, RECORD_RETENTION_DAYS: String(RETENTION_DAYS) })
  staff = await createStaff(server)
  const article = await staff['editor-in-chief'].post('/api/articles', { title: 'IP属地测试文章', _status: 'published' })
  expect(article.status).toBe(201)
  articleId = article.body.doc.id
  slug = article.body.doc.slug
  expect((await staff.admin.post('/api/globals/moderation-settings', { readerIntervalSeconds: 0, ipLimit: 10_000 })).status).toBe(200)
  reader = await signUpReader(server, { email: 'region@readers.test', displayName: '湖北读者' })
})
afterAll(() => server.stop())

describe('IP属地', () => {
  it.each([
    ['a mainland address', '58.19.0.1', '湖北'],
    ['an IPv6 address', '2400:da00::6666', '北京'],
    ['a Hong Kong address', '203.198.0.1', '中国香港'],
    ['a Taiwan address', '61.56.0.1', '中国台湾'],
    ['a foreign address', '8.8.8.8', '美国'],
    ['a private address', '10.1.2.3', '未知'],
  ])('stamps %s (%s) as %s, shown in REST and GraphQL while the address stays admin-only', async (_, address, region) => {
    const id = await approvedComment(address)
    const shown = await publicComment(id)
    expect(shown.ipRegion).toBe(region)
    expect(shown.ip).toBeUndefined()
    const graphql = await staff.anonymous.graphql(`{ Comment(id: ${id}) { ipRegion } }`)
    expect(graphql.body.data?.Comment).toEqual({ ipRegion: region })
    expect((await staff.anonymous.graphql(`{ Comment(id: ${id}) { ip } }`)).body.data?.Comment?.ip ?? null).toBeNull()
    expect((await staff.moderator.get(`/api/comments/${id}`)).body).toMatchObject({ ipRegion: region })
    expect((await staff.admin.get(`/api/comments/${id}`)).body).toMatchObject({ ipRegion: region, ip: address })
  })

  it('takes the address a trusted proxy gives, never one the client claims itself', async () => {
    const claimed = await reader.post(
      '/api/comments',
      { article: articleId, body: '自称来自北京', ipRegion: '北京', ip: '2400:da00::6666' },
      { 'x-forwarded-for': '58.19.0.1', 'x-newsroom-client-ip': '2400:da00::6666' },
    )
    expect(claimed.status).toBe(201)
    expect(await storedRegion(claimed.body.doc.id)).toBe('湖北')
    const id = await approvedComment('58.19.0.1')
    const spoofed = await staff.anonymous.graphql(`mutation { updateComment(id: ${id}, data: { ipRegion: "北京" }) { id } }`)
    expect(spoofed.body.data?.updateComment ?? null).toBeNull()
    await staff.moderator.patch(`/api/comments/${id}`, { ipRegion: '北京' })
    expect(await storedRegion(id)).toBe('湖北')
  })

  it('shows beside a featured comment on the article page, and not on a comment from before it was recorded', async () => {
    const recorded = await approvedComment('58.19.0.1', { featured: true })
    const older = await approvedComment('8.8.8.8', { featured: true })
    await withDatabase(server.databaseUrl, (client) => client.query('update comments set ip_region = null where id = $1', [older]))
    // The direct write bypassed the cache's invalidation: a moderator's edit of the article announces it.
    expect((await staff['editor-in-chief'].patch(`/api/articles/${articleId}`, { summary: `摘要 ${++counter}` })).status).toBe(200)
    const featured = (await articlePage()).featuredComments.docs as { id: number; ipRegion?: string | null }[]
    expect(featured.find((comment) => comment.id === recorded)?.ipRegion).toBe('湖北')
    expect(featured.find((comment) => comment.id === older)?.ipRegion).toBeNull()
    expect((await publicComment(older)).ipRegion).toBeNull()
  })

  it('names the region database in the site settings, for staff', async () => {
    const settings = (await staff.editor.get('/api/globals/site-settings')).body
    expect(settings.ipRegionDatabase).toMatch(/^qqwry\.ipdb \d{4}\.\d+\.\d+$/)
    expect((await staff.anonymous.get('/api/globals/site-settings')).body.ipRegionDatabase).toBeUndefined()
    const written = await staff.admin.post('/api/globals/site-settings', { siteName: '测试站', ipRegionDatabase: '伪造' })
    expect(written.body.result?.ipRegionDatabase).toBe(settings.ipRegionDatabase)
  })

  it('is neither stored nor shown by a portal that switches it off (COMMENT_IP_REGION=off)', async () => {
    const shownBefore = await approvedComment('58.19.0.1', { featured: true })
    const abroad = await startServer({ PAYLOAD_SECRET: SECRET, COMMENT_IP_REGION: 'off' }, { databaseUrl: server.databaseUrl })
    try {
      const readerThere = new Api(abroad.url, reader.token)
      const posted = await readerThere.post('/api/comments', { article: articleId, body: '海外站的评论' }, { 'x-forwarded-for': '58.19.0.1' })
      expect(posted.status).toBe(201)
      expect(await storedRegion(posted.body.doc.id)).toBeNull()
      const anonymous = new Api(abroad.url)
      const rest = (await anonymous.get(`/api/comments/${shownBefore}`)).body
      expect([rest.id, rest.ipRegion]).toEqual([shownBefore, undefined])
      const graphql = await anonymous.graphql(`{ Comment(id: ${shownBefore}) { ipRegion } }`)
      expect(graphql.body.data?.Comment?.ipRegion ?? null).toBeNull()
      const page = (await anonymous.get(`/api/articles/page/${slug}`)).body
      const featured = page.featuredComments.docs.find((comment: { id: number }) => comment.id === shownBefore)
      expect(featured).toBeDefined()
      expect(featured).not.toHaveProperty('ipRegion')
      expect((await staff.admin.at(abroad.url).get('/api/globals/site-settings')).body.ipRegionDatabase).toMatch(/COMMENT_IP_REGION=off$/)
    } finally {
      await abroad.stop()
    }
    expect((await publicComment(shownBefore)).ipRegion).toBe('湖北')
  }, 120_000)

  it('refuses to start on a mistyped switch', async () => {
    await expect(startServer({ COMMENT_IP_REGION: 'of' }, { databaseUrl: server.databaseUrl, readyWithinMs: 30_000 })).rejects.toThrow(/COMMENT_IP_REGION/)
  })
})

describe('records kept after deletion', () => {
  const trash = (api: Api, collection: string, id: number) => api.patch(`/api/${collection}/${id}`, { deletedAt: new Date().toISOString() })
  const backdate = (table: string, id: number, days: number) =>
    withDatabase(server.databaseUrl, (client) => client.query(`update ${table} set deleted_at = now() - make_interval(days => $2) where id = $1`, [id, days]))
  const exists = (table: string, id: number) =>
    withDatabase(server.databaseUrl, async (client) => (await client.query(`select 1 from ${table} where id = $1`, [id])).rowCount === 1)

  /** Runs the daily purge now: its scheduled job, moved to this moment, is taken by the queue's runner. */
  async function purgeNow() {
    const scheduled = await eventually(async () => {
      const res = await staff.admin.get('/api/payload-jobs?where[taskSlug][equals]=purgeDeletedRecords&where[completedAt][exists]=false')
      return res.body.docs?.[0] as { id: number } | undefined
    }, 'the scheduled purge', 20_000)
    await withDatabase(server.databaseUrl, (client) => client.query('update payload_jobs set wait_until = now() where id = $1', [scheduled.id]))
    // A job that succeeds is deleted; one that fails stays, with its error.
    const job = await eventually(async () => {
      const res = await staff.admin.get(`/api/payload-jobs/${scheduled.id}`)
      return (res.status === 404 || res.body.hasError) && res
    }, 'the purge to run', 20_000)
    expect([job.status, job.body.error ?? null]).toEqual([404, null])
  }

  it('takes a deleted comment from the public at once, everywhere, while staff still read it', async () => {
    const id = await approvedComment('58.19.0.1', { featured: true })
    // Read once before, so the cache holds what the deletion must take away.
    const before = await articlePage()
    expect(before.featuredComments.docs.map((comment: { id: number }) => comment.id)).toContain(id)
    expect((await staff.anonymous.get(`/api/comments/${id}`)).status).toBe(200)
    expect((await staff.anonymous.get(`/api/comments?where[article][equals]=${articleId}&limit=100`)).body.docs.map((comment: { id: number }) => comment.id)).toContain(id)

    expect((await trash(staff.moderator, 'comments', id)).status).toBe(403)
    expect((await trash(reader, 'comments', id)).status).toBe(403)
    expect((await trash(staff.admin, 'comments', id)).status).toBe(200)

    for (const path of [`/api/comments/${id}`, `/api/comments/${id}?trash=true`]) {
      expect((await staff.anonymous.get(path)).status).toBe(404)
      expect((await reader.get(path)).status).toBe(404)
    }
    for (const query of [`where[id][equals]=${id}`, `where[article][equals]=${articleId}&limit=100`, `where[id][equals]=${id}&trash=true`, `where[deletedAt][exists]=true&trash=true`]) {
      for (const api of [staff.anonymous, reader]) {
        const listed = await api.get(`/api/comments?${query}`)
        expect(listed.status).toBe(200)
        expect(listed.body.docs.filter((comment: { id: number; deletedAt?: string | null }) => comment.id === id || comment.deletedAt)).toEqual([])
      }
    }
    for (const args of ['', ', trash: true']) {
      const listed = await staff.anonymous.graphql(`{ Comments(where: { id: { equals: ${id} } }${args}) { docs { id } } }`)
      expect(listed.body.data?.Comments?.docs ?? []).toEqual([])
    }
    const after = await articlePage()
    expect(after.featuredComments.docs.map((comment: { id: number }) => comment.id)).not.toContain(id)
    expect(after.approvedCommentCount).toBe(before.approvedCommentCount - 1)
    expect((await staff.anonymous.get(`/api/comments/count?where[article][equals]=${articleId}&trash=true`)).body.totalDocs).toBe(after.approvedCommentCount)

    const kept = await staff.moderator.get(`/api/comments/${id}?trash=true`)
    expect(kept.status).toBe(200)
    expect(kept.body).toMatchObject({ id, ipRegion: '湖北', deletedAt: expect.any(String) })
    const trashList = await staff.moderator.get('/api/comments?trash=true&where[deletedAt][exists]=true')
    expect(trashList.body.docs.map((comment: { id: number }) => comment.id)).toContain(id)
  })

  it('keeps the record from being deleted for good through the API, by anyone', async () => {
    const id = await approvedComment('58.19.0.1')
    const refused = (res: { status: number; body: any }) => [res.status, res.body.errors?.[0]?.data?.code]
    for (const api of [staff.admin, staff.moderator]) expect(refused(await api.delete(`/api/comments/${id}`))).toEqual([403, 'RECORD_KEPT_IN_TRASH'])
    expect((await trash(staff.admin, 'comments', id)).status).toBe(200)
    const inEnglish = await staff.admin.inLanguage('en').delete(`/api/comments/${id}?trash=true`)
    expect(refused(inEnglish)).toEqual([403, 'RECORD_KEPT_IN_TRASH'])
    expect(inEnglish.body.errors[0].message).toMatch(/moved to the trash/)
    expect((await staff.admin.delete(`/api/comments?where[id][equals]=${id}&trash=true`)).status).toBe(403)
    const graphql = await staff.admin.graphql(`mutation { deleteComment(id: ${id}, trash: true) { id } }`)
    expect(graphql.body.data?.deleteComment ?? null).toBeNull()
    expect(graphql.body.errors?.[0]?.extensions?.statusCode).toBe(403)
    expect(await exists('comments', id)).toBe(true)
  })

  it('closes a deleted reader account at once and keeps its record, staff-visible', async () => {
    const leaving = await signUpReader(server, { email: 'leaving@readers.test', displayName: '将注销的读者' })
    expect((await trash(staff.moderator, 'readers', leaving.id)).status).toBe(403)
    expect((await trash(leaving, 'readers', leaving.id)).status).toBe(403)
    expect((await trash(staff.admin, 'readers', leaving.id)).status).toBe(200)
    expect((await leaving.get('/api/readers/me')).body.user).toBeNull()
    expect((await leaving.post('/api/comments', { article: articleId, body: '注销后的评论' })).status).toBe(403)
    expect((await new Api(server.url).post('/api/readers/login', { email: 'leaving@readers.test', password: READER_PASSWORD })).status).toBe(401)
    expect((await staff.moderator.get(`/api/readers/${leaving.id}`)).status).toBe(404)
    expect((await staff.moderator.get(`/api/readers/${leaving.id}?trash=true`)).body).toMatchObject({ displayName: '将注销的读者', deletedAt: expect.any(String) })
    expect((await staff.admin.delete(`/api/readers/${leaving.id}?trash=true`)).body.errors?.[0]?.data?.code).toBe('RECORD_KEPT_IN_TRASH')
    // The kept account still holds its email: signing up with it again is a clear 400 naming the field.
    const again = await new Api(server.url).post('/api/readers', { email: 'leaving@readers.test', password: READER_PASSWORD, displayName: '回来的读者' })
    expect([again.status, invalidPaths(again.body)]).toEqual([400, ['email']])
  })

  it(`purges what was deleted more than RECORD_RETENTION_DAYS (${RETENTION_DAYS}) ago, and keeps the rest`, async () => {
    const [expired, recent] = [await approvedComment('58.19.0.1'), await approvedComment('58.19.0.1')]
    const [expiredReader, recentReader] = [
      await signUpReader(server, { email: 'expired@readers.test', displayName: '过期读者' }),
      await signUpReader(server, { email: 'recent@readers.test', displayName: '保留读者' }),
    ]
    for (const [collection, id] of [['comments', expired], ['comments', recent], ['readers', recentReader.id]] as const) {
      expect((await trash(staff.admin, collection, id)).status).toBe(200)
    }
    await backdate('comments', expired, RETENTION_DAYS + 1)
    await backdate('comments', recent, RETENTION_DAYS - 1)
    await backdate('readers', recentReader.id, RETENTION_DAYS - 1)
    // A like from the account about to be deleted, given while it could still log in.
    const live = await approvedComment('58.19.0.1')
    const liked = (await expiredReader.post(`/api/comments/${live}/like`, undefined, { 'x-forwarded-for': '58.19.0.1' })).body.likeCount
    expect(liked).toBe(1)
    expect((await trash(staff.admin, 'readers', expiredReader.id)).status).toBe(200)
    await backdate('readers', expiredReader.id, RETENTION_DAYS + 1)

    await purgeNow()
    expect([await exists('comments', expired), await exists('readers', expiredReader.id)]).toEqual([false, false])
    expect([await exists('comments', recent), await exists('readers', recentReader.id), await exists('comments', live)]).toEqual([true, true, true])
    expect((await staff.moderator.get(`/api/comments/${recent}?trash=true`)).status).toBe(200)
    // The purged account's like went with it.
    expect((await publicComment(live)).likeCount).toBe(0)
  })
})
