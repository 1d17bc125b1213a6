import { Api, createStaff, sentMail, signUpReader, STAFF_PASSWORD, type Staff } from '../helpers/api'
import { runNode } from '../helpers/importCommand'
import { ROOT_DIR, startServer, type TestServer, withDatabase } from '../helpers/server'
import { eventually, sleep } from '../helpers/wait'

/**
 * 通知: a reader is told when their held comment is decided and when another reader's reply to
 * their comment is published, in their account (REST, GraphQL) and, if they chose so, by email.
 */

let server: TestServer
let staff: Staff
let articleId: number
let articleSlug: string
let alice: Api & { id: number }
let bob: Api & { id: number }
let counter = 0

type Notice = { id: number; kind: string; outcome?: string | null; comment: number; inReplyTo?: number | null; articleTitle: string; articleSlug: string; commentExcerpt: string; replierName?: string | null; readAt?: string | null; reader: number }

const unique = (text: string) => `${text}（第${++counter}条）`

/** A comment by `reader`, held for review (the moderation mode is "all"). */
async function held(reader: Api, body: string, parent?: number): Promise<number> {
  const posted = await reader.post('/api/comments', { article: articleId, body: unique(body), ...(parent ? { parent } : {}) })
  expect([posted.status, posted.body.doc?.status]).toEqual([201, 'pending'])
  return posted.body.doc.id
}

async function decide(id: number, status: string, over: 'rest' | 'graphql' | 'bulk' = 'rest'): Promise<void> {
  if (over === 'rest') {
    expect((await staff.moderator.patch(`/api/comments/${id}`, { status })).status).toBe(200)
  } else if (over === 'bulk') {
    const res = await staff.moderator.patch(`/api/comments?where[id][in]=${id}`, { status })
    expect([res.status, res.body.docs?.length]).toEqual([200, 1])
  } else {
    const res = await staff.moderator.graphql(`mutation { updateComment(id: ${id}, data: { status: ${status} }) { id status } }`)
    expect(res.body.errors).toBeUndefined()
    expect(res.body.data.updateComment.status).toBe(status)
  }
}

/** The reader's notices, newest first, as the API lists them to them. */
async function noticesOf(reader: Api): Promise<Notice[]> {
  const res = await reader.get('/api/notifications?depth=0&limit=100')
  expect(res.status).toBe(200)
  return res.body.docs
}

const aboutComment = (notices: Notice[], id: number) => notices.filter((notice) => notice.comment === id)
const unread = async (reader: Api) => (await reader.get('/api/notifications/unread-count')).body.unread as number

const settings = async (values: Record<string, unknown>) => expect((await staff.admin.post('/api/globals/moderation-settings', values)).status).toBe(200)

beforeAll(async () => {
  server = await startServer()
  staff = await createStaff(server)
  const article = await staff['editor-in-chief'].post('/api/articles', { title: '通知测试文章', _status: 'published' })
  expect(article.status).toBe(201)
  articleId = article.body.doc.id
  articleSlug = article.body.doc.slug
  await settings({ mode: 'all', readerIntervalSeconds: 0, ipLimit: 0, repeatWindowSeconds: 0 })
  alice = await signUpReader(server, { email: 'alice@notify.test', displayName: '爱丽丝' })
  bob = await signUpReader(server, { email: 'bob@notify.test', displayName: '鲍勃' })
}, 180_000)
afterAll(() => server.stop())

describe('moderation notices', () => {
  it('tells the author once that a held comment was approved, however often it is saved', async () => {
    const id = await held(alice, '等待审核的评论')
    expect(aboutComment(await noticesOf(alice), id)).toEqual([])
    const before = await unread(alice)
    await decide(id, 'approved')
    const [notice] = aboutComment(await noticesOf(alice), id)
    expect(notice).toMatchObject({ kind: 'moderation', outcome: 'approved', reader: alice.id, articleTitle: '通知测试文章', articleSlug, readAt: null })
    expect(notice.commentExcerpt).toContain('等待审核的评论')
    expect(await unread(alice)).toBe(before + 1)
    // Deciding again, and a moderator's other save, tell nothing new.
    await decide(id, 'approved')
    expect((await staff.moderator.patch(`/api/comments/${id}`, { featured: true })).status).toBe(200)
    await decide(id, 'approved', 'graphql')
    expect(aboutComment(await noticesOf(alice), id)).toHaveLength(1)
    expect(aboutComment(await noticesOf(bob), id)).toEqual([])
  })

  it.each([
    ['rejected', 'rest'],
    ['rejected', 'graphql'],
    ['spam', 'rest'],
    ['spam', 'graphql'],
    ['spam', 'bulk'],
    ['approved', 'bulk'],
  ] as const)('tells of a comment %s over %s, never saying "spam"', async (status, over) => {
    const id = await held(alice, '将被处理的评论')
    await decide(id, status, over)
    const notices = aboutComment(await noticesOf(alice), id)
    expect(notices).toHaveLength(1)
    expect(notices[0]).toMatchObject({ kind: 'moderation', outcome: status === 'approved' ? 'approved' : 'notPublished' })
    expect(JSON.stringify(notices[0])).not.toMatch(/spam/i)
  })

  it('tells of a decision made through the Local API by a moderator, access not overridden', async () => {
    const id = await held(alice, '通过 Local API 审核的评论')
    // Server code outside the HTTP server, as a script or job would run it: the bundled config, the moderator as the user.
    const script = `
      import { getPayload } from 'payload'
      const { default: config } = await import(${JSON.stringify(`${ROOT_DIR}/dist/payload.config.mjs`)})
      const payload = await getPayload({ config })
      const { docs: [moderator] } = await payload.find({ collection: 'users', where: { email: { equals: 'moderator@test.newsroom' } }, overrideAccess: true })
      const doc = await payload.update({ collection: 'comments', id: ${id}, data: { status: 'rejected' }, user: { ...moderator, collection: 'users' }, overrideAccess: false })
      console.log('decided:', doc.status)
      process.exit(0)
    `
    const run = await runNode(['--input-type=module', '-e', script], { DATABASE_URL: server.databaseUrl, PAYLOAD_SECRET: 'local-api-test-secret-0123456789abcdef', LOG_LEVEL: 'warn' })
    expect([run.code, run.stdout.trim().split('\n').at(-1)]).toEqual([0, 'decided: rejected'])
    expect(aboutComment(await noticesOf(alice), id)).toMatchObject([{ kind: 'moderation', outcome: 'notPublished' }])
  }, 120_000)

  it('tells one outcome once: rejected then marked spam is one "not published"', async () => {
    const id = await held(alice, '先拒绝再标为垃圾')
    await decide(id, 'rejected')
    await decide(id, 'spam')
    expect(aboutComment(await noticesOf(alice), id).map((notice) => notice.outcome)).toEqual(['notPublished'])
  })

  it('tells nothing of a comment the pipeline published at once', async () => {
    await settings({ mode: 'post' })
    try {
      const posted = await alice.post('/api/comments', { article: articleId, body: unique('先发后审的评论') })
      expect(posted.body.doc.status).toBe('approved')
      expect((await staff.moderator.patch(`/api/comments/${posted.body.doc.id}`, { status: 'rejected' })).status).toBe(200)
      expect(aboutComment(await noticesOf(alice), posted.body.doc.id)).toEqual([])
    } finally {
      await settings({ mode: 'all' })
    }
  })
})

describe('reply notices', () => {
  it('tells the author of a comment when a reply to it is approved, and not before', async () => {
    const mine = await held(alice, '会被回复的评论')
    await decide(mine, 'approved')
    const reply = await held(bob, '这是一条回复', mine)
    expect(aboutComment(await noticesOf(alice), reply)).toEqual([])
    await decide(reply, 'approved')
    const notices = aboutComment(await noticesOf(alice), reply)
    expect(notices).toHaveLength(1)
    expect(notices[0]).toMatchObject({ kind: 'reply', inReplyTo: mine, replierName: '鲍勃', articleSlug })
    expect(notices[0].commentExcerpt).toContain('这是一条回复')
    // The replier hears of their own held reply's approval, not of a reply.
    expect(aboutComment(await noticesOf(bob), reply).map((notice) => notice.kind)).toEqual(['moderation'])
    // Taken down and approved again: still one.
    await decide(reply, 'rejected')
    await decide(reply, 'approved')
    expect(aboutComment(await noticesOf(alice), reply)).toHaveLength(1)
  })

  it('never tells of a held or rejected reply, nor of a reply to oneself', async () => {
    const mine = await held(alice, '另一条会被回复的评论')
    await decide(mine, 'approved')
    const rejected = await held(bob, '被拒绝的回复', mine)
    await decide(rejected, 'rejected')
    const spam = await held(bob, '被标为垃圾的回复', mine)
    await decide(spam, 'spam')
    const own = await held(alice, '回复自己', mine)
    await decide(own, 'approved')
    const aliceKnows = await noticesOf(alice)
    expect(aboutComment(aliceKnows, rejected)).toEqual([])
    expect(aboutComment(aliceKnows, spam)).toEqual([])
    expect(aboutComment(aliceKnows, own).map((notice) => notice.kind)).toEqual(['moderation'])
  })
})

describe('who reads and marks them', () => {
  it('shows a reader their own only, whatever they ask for, over REST and GraphQL', async () => {
    const id = await held(alice, '只给本人看的通知')
    await decide(id, 'approved')
    const [notice] = aboutComment(await noticesOf(alice), id)
    // Bob asks for Alice's by her id, by the notice's id, and by GraphQL.
    expect((await bob.get(`/api/notifications?where[reader][equals]=${alice.id}`)).body.docs).toEqual([])
    expect((await bob.get(`/api/notifications/${notice.id}`)).status).toBe(404)
    expect((await noticesOf(bob)).every((n) => n.reader === bob.id)).toBe(true)
    const graphql = await bob.graphql(`{ Notifications(where: { reader: { equals: ${alice.id} } }) { docs { id } } }`)
    expect(graphql.body.data.Notifications.docs).toEqual([])
    const own = await alice.graphql(`{ Notifications(limit: 100) { docs { id kind outcome articleTitle reader { id } } } }`)
    expect(own.body.data.Notifications.docs.map((n: { id: number }) => n.id)).toContain(notice.id)
    // An admin reads it, for support; other staff and anonymous callers do not.
    expect((await staff.admin.get(`/api/notifications/${notice.id}`)).body.id).toBe(notice.id)
    for (const caller of [staff.moderator, staff.editor, staff.anonymous]) {
      const list = await caller.get('/api/notifications')
      expect([list.status, list.body.docs]).toEqual([403, undefined])
    }
  })

  it('lets nobody write one through the API', async () => {
    const [notice] = await noticesOf(alice)
    for (const caller of [alice, staff.admin, staff.moderator, staff.anonymous]) {
      expect((await caller.post('/api/notifications', { reader: alice.id, kind: 'reply' })).status).toBe(403)
      expect((await caller.patch(`/api/notifications/${notice.id}`, { readAt: new Date().toISOString() })).status).toBe(403)
      expect((await caller.delete(`/api/notifications/${notice.id}`)).status).toBe(403)
    }
    expect((await noticesOf(alice)).find((n) => n.id === notice.id)).toEqual(notice)
  })

  it('marks one, then all, read for their reader alone', async () => {
    await decide(await held(alice, '标记已读 1'), 'approved')
    await decide(await held(alice, '标记已读 2'), 'approved')
    const [first] = (await noticesOf(alice)).filter((n) => !n.readAt)
    const before = await unread(alice)
    expect(before).toBeGreaterThanOrEqual(2)
    // Bob's attempt on Alice's notice marks nothing.
    expect((await bob.post('/api/notifications/read', { ids: [first.id] })).body).toMatchObject({ marked: 0 })
    expect(await unread(alice)).toBe(before)
    expect((await alice.post('/api/notifications/read', { ids: [first.id] })).body).toEqual({ marked: 1, unread: before - 1 })
    expect((await alice.post('/api/notifications/read', { ids: [first.id] })).body).toEqual({ marked: 0, unread: before - 1 })
    expect((await noticesOf(alice)).find((n) => n.id === first.id)?.readAt).toEqual(expect.any(String))
    expect((await alice.post('/api/notifications/read', { all: true })).body).toEqual({ marked: before - 1, unread: 0 })
    expect(await unread(alice)).toBe(0)
    const unreadOnly = await alice.get('/api/notifications?where[readAt][exists]=false')
    expect(unreadOnly.body.docs).toEqual([])
  })

  it('refuses a malformed mark-read request with a 400 naming the field, in both languages', async () => {
    for (const body of [{}, { ids: [] }, { ids: ['x'] }, { ids: [0] }, { ids: [1.5] }, { all: false }, { all: true, ids: [1] }, { ids: Array.from({ length: 101 }, (_, i) => i + 1) }, [1]]) {
      const res = await alice.post('/api/notifications/read', body)
      expect([JSON.stringify(body).slice(0, 40), res.status, res.body.errors?.[0]?.data?.code, res.body.errors?.[0]?.data?.errors?.[0]?.path]).toEqual([
        JSON.stringify(body).slice(0, 40),
        400,
        'NOTIFICATION_READ_INVALID',
        'ids',
      ])
    }
    const zh = await alice.post('/api/notifications/read', { ids: [] })
    const en = await alice.inLanguage('en').post('/api/notifications/read', { ids: [] })
    expect(zh.body.errors[0].data.errors[0].message).toContain('通知 ID')
    expect(en.body.errors[0].data.errors[0].message).toContain('notification ids')
  })

  it('answers anonymous callers 401 and staff 403 on the endpoints, in both languages', async () => {
    for (const [path, method] of [['/api/notifications/unread-count', 'GET'], ['/api/notifications/read', 'POST']] as const) {
      const anonymous = await staff.anonymous.request(method, path, method === 'POST' ? { all: true } : undefined)
      expect([path, anonymous.status, anonymous.body.errors[0].data.code]).toEqual([path, 401, 'NOTIFICATIONS_LOGIN_REQUIRED'])
      expect((await staff.anonymous.inLanguage('en').request(method, path, method === 'POST' ? { all: true } : undefined)).body.errors[0].message).toMatch(/Log in/)
      const moderator = await staff.moderator.request(method, path, method === 'POST' ? { all: true } : undefined)
      expect([path, moderator.status, moderator.body.errors[0].data.code]).toEqual([path, 403, 'NOTIFICATIONS_READERS_ONLY'])
    }
  })
})

describe('never shared by a cache', () => {
  it("gives each reader their own list and count, by token or by cookie, never from the shared cache", async () => {
    await decide(await held(bob, '鲍勃的通知'), 'approved')
    for (let round = 0; round < 3; round++) {
      for (const [reader, other] of [[alice, bob], [bob, alice]] as const) {
        const headers: Record<string, string> = round === 2 ? { cookie: `payload-token=${reader.token}`, origin: server.url } : {}
        const asked = round === 2 ? new Api(server.url) : reader
        for (const path of ['/api/notifications?depth=0', '/api/notifications/unread-count']) {
          const res = await asked.request('GET', path, undefined, headers)
          expect(res.status).toBe(200)
          expect(res.headers.get('x-newsroom-cache')).not.toBe('hit')
          expect(res.headers.get('cache-control')).toMatch(/private/)
          if (path.endsWith('depth=0')) {
            expect(res.body.docs.length).toBeGreaterThan(0)
            expect(res.body.docs.every((n: Notice) => n.reader === reader.id && n.reader !== other.id)).toBe(true)
          }
        }
      }
    }
    // An anonymous request for the same address is refused, not answered from anything a reader got.
    for (let i = 0; i < 2; i++) expect((await staff.anonymous.get('/api/notifications?depth=0')).status).toBe(403)
    // GraphQL keys its cache by the request's body: the same query from each reader, and then from nobody.
    const query = '{ Notifications(limit: 100) { docs { id reader { id } } } }'
    for (const reader of [alice, bob, alice, bob]) {
      const owners = (await reader.graphql(query)).body.data.Notifications.docs.map((n: { reader: { id: number } }) => n.reader.id)
      expect(owners.length).toBeGreaterThan(0)
      expect([...new Set(owners)]).toEqual([reader.id])
    }
    expect((await staff.anonymous.graphql(query)).body.data?.Notifications?.docs ?? []).toEqual([])
  })
})

describe('every spelling of the routes', () => {
  it('answers each as the canonical path: the reader their own, anonymous callers never', async () => {
    await decide(await held(alice, '各种拼写'), 'approved')
    const count = await unread(alice)
    expect(count).toBeGreaterThan(0)
    for (const path of ['/api/notifications/unread-count/', '//api/notifications//unread-count', '/api/notifications/%75nread-count', '/api/%6Eotifications/unread-count']) {
      const own = await alice.get(path)
      expect([path, own.status, own.body]).toEqual([path, 200, { unread: count }])
      const anonymous = await staff.anonymous.get(path)
      expect([path, anonymous.status]).toEqual([path, 401])
    }
    for (const path of ['/api/notifications/', '//api/notifications', '/api/%6Eotifications?depth=0']) {
      const own = await alice.get(path)
      expect([path, own.status, own.body.docs.every((n: Notice) => n.reader === alice.id)]).toEqual([path, 200, true])
      expect([path, (await staff.anonymous.get(path)).status]).toEqual([path, 403])
    }
    expect((await alice.post('/api/notifications/%72ead/', { all: true })).body).toEqual({ marked: count, unread: 0 })
  })
})

describe('emails', () => {
  let carol: Api & { id: number }

  it('mails a reader who opted in, with a verified address, after the decision; nobody else', async () => {
    carol = await signUpReader(server, { email: 'carol@notify.test', displayName: '卡罗尔' })
    const dave = await signUpReader(server, { email: 'dave@notify.test', displayName: '戴夫' })
    // The choice is the reader's own (or an admin's), and off until made.
    expect((await carol.get(`/api/readers/${carol.id}`)).body.notifyByEmail).toBe(false)
    const byModerator = await staff.moderator.patch(`/api/readers/${carol.id}`, { notifyByEmail: true })
    expect([byModerator.status, byModerator.body.errors?.[0]?.data?.code]).toEqual([403, 'AUTH_FIELD_FORBIDDEN'])
    expect((await bob.patch(`/api/readers/${carol.id}`, { notifyByEmail: true })).status).toBe(403)
    expect((await staff.moderator.get(`/api/readers/${carol.id}`)).body.notifyByEmail).toBeUndefined()
    expect((await carol.patch(`/api/readers/${carol.id}`, { notifyByEmail: true })).status).toBe(200)
    expect((await staff.admin.patch(`/api/readers/${dave.id}`, { notifyByEmail: true })).status).toBe(200)
    const mailsTo = async (to: string) => (await sentMail(server.mailDir)).filter((mail) => mail.to === to)
    const carolsComment = await held(carol, '卡罗尔的评论')
    const davesComment = await held(dave, '戴夫的评论')
    // Dave's address stops being verified: he is told in his account only.
    await withDatabase(server.databaseUrl, (db) => db.query('update readers set _verified = false where id = $1', [dave.id]))
    const alicesComment = await held(alice, '爱丽丝没有订阅邮件')
    await decide(carolsComment, 'spam')
    await decide(davesComment, 'approved')
    await decide(alicesComment, 'approved')
    const [mail] = await eventually(async () => {
      const mails = await mailsTo('carol@notify.test')
      return mails.length > 1 && mails.slice(1)
    }, "Carol's notice email")
    expect(mail.subject).toBe('您在《通知测试文章》下的评论未通过审核，未予发表')
    expect(mail.html).toContain(`/articles/${articleSlug}#comment-${carolsComment}`)
    expect(mail.html).not.toMatch(/spam|垃圾/i)
    // A reply to Carol's comment mails her too.
    const published = await held(carol, '卡罗尔被回复的评论')
    await decide(published, 'approved')
    const reply = await held(bob, '回复卡罗尔', published)
    await decide(reply, 'approved')
    await eventually(async () => (await mailsTo('carol@notify.test')).some((m) => m.subject === '鲍勃回复了您在《通知测试文章》下的评论'), 'the reply email')
    await sleep(1000)
    expect((await mailsTo('carol@notify.test')).length).toBe(1 + 3)
    expect(await mailsTo('dave@notify.test')).toHaveLength(1) // the sign-up's verification email only
    expect(await mailsTo('alice@notify.test')).toHaveLength(1)
    // In his account all the same (read here as an admin: an unverified reader cannot log in).
    expect(aboutComment(await noticesOf(staff.admin), davesComment)).toHaveLength(1)
  })

  it('never holds up or fails a decision when the mail server is down: the failure is logged', async () => {
    // A second instance on the same database, whose SMTP server refuses connections.
    const down = await startServer({ SMTP_URL: 'smtp://127.0.0.1:9' }, { databaseUrl: server.databaseUrl })
    try {
      const moderator = await new Api(down.url).login('moderator@test.newsroom', STAFF_PASSWORD)
      const id = await held(carol, '邮件服务器故障时的评论')
      const res = await moderator.patch(`/api/comments/${id}`, { status: 'approved' })
      expect([res.status, res.body.doc?.status]).toEqual([200, 'approved'])
      expect(aboutComment(await noticesOf(carol), id)).toHaveLength(1)
      await eventually(() => down.output().includes('work after a commit failed'), 'the logged mail failure')
    } finally {
      await down.stop()
    }
  }, 120_000)

  it('keeps the notices while a deleted account waits in the trash, and takes them away when it is purged', async () => {
    const eve = await signUpReader(server, { email: 'eve@notify.test', displayName: '伊芙' })
    await decide(await held(eve, '伊芙的评论'), 'approved')
    expect(await noticesOf(eve)).toHaveLength(1)
    const notices = () => withDatabase(server.databaseUrl, async (db) => (await db.query('select count(*)::int as n from notifications where reader_id = $1', [eve.id])).rows[0].n)
    expect((await staff.admin.patch(`/api/readers/${eve.id}`, { deletedAt: new Date().toISOString() })).status).toBe(200)
    expect(await notices()).toBe(1)
    // What the purge does past the retention period (tests/api/ipRegion.test.ts runs the job itself): the row goes, its notices with it.
    await withDatabase(server.databaseUrl, (db) => db.query('delete from readers where id = $1', [eve.id]))
    expect(await notices()).toBe(0)
  })
})
