import { Api, createStaff, invalidPaths, READER_PASSWORD, sentMail, signUpReader, type Staff } from '../helpers/api'
import { startServer, type TestServer } from '../helpers/server'

let server: TestServer
let staff: Staff
/** Shared with a second instance on the same database, so a reader's token works on both. */
const SECRET = 'comments-test-secret-0123456789abcdef'
let articleId: number
let closedArticleId: number
let draftArticleId: number
let counter = 0
const unique = (text: string) => `${text}（${++counter}）`

async function settings(data: Record<string, unknown>) {
  const res = await staff.admin.post('/api/globals/moderation-settings', data)
  expect(res.status).toBe(200)
}

async function article(data: Record<string, unknown>) {
  const res = await staff['editor-in-chief'].post('/api/articles', { title: unique('评论测试文章'), ...data })
  expect(res.status).toBe(201)
  return res.body.doc.id as number
}

/** A reader whose first comments a moderator already approved, so pre-moderation trusts them. */
async function trustedReader(key: string, name: string, extra: Record<string, unknown> = {}) {
  const reader = await signUpReader(server, { email: `${key}@readers.test`, displayName: name, ...extra })
  for (let i = 0; i < 3; i++) {
    const res = await reader.post('/api/comments', { article: articleId, body: unique(`${name}的早期评论`) })
    expect(res.status).toBe(201)
    expect((await staff.moderator.patch(`/api/comments/${res.body.doc.id}`, { status: 'approved' })).status).toBe(200)
  }
  return reader
}

async function comment(reader: Api, body: string, extra: Record<string, unknown> = {}) {
  return reader.post('/api/comments', { article: articleId, body, ...extra })
}

async function asModerator(id: number) {
  return (await staff.moderator.get(`/api/comments/${id}?depth=0`)).body
}

beforeAll(async () => {
  server = await startServer({ PAYLOAD_SECRET: SECRET })
  staff = await createStaff(server)
  articleId = await article({ _status: 'published' })
  closedArticleId = await article({ _status: 'published', allowComments: false })
  draftArticleId = await article({})
  // Every test reader posts from 127.0.0.1: the per-IP cap is lifted except where it is tested.
  await settings({ readerIntervalSeconds: 0, ipLimit: 10_000 })
  for (const [phrase, action] of [
    ['赌博', 'reject'],
    ['内幕消息', 'review'],
    ['傻瓜', 'mask'],
    ['博彩', 'reject'],
    ['博彩业监管', 'allow'],
  ]) {
    expect((await staff.moderator.post('/api/screening-words', { phrase, action })).status).toBe(201)
  }
})
afterAll(() => server.stop())

describe('reader accounts', () => {
  it('sign up over REST, verify by email, then log in; unverified logins are refused', async () => {
    const anonymous = new Api(server.url)
    const signUp = { email: 'new@readers.test', password: READER_PASSWORD, displayName: '新读者', profession: 'lawyer' }
    const selfVerified = await anonymous.post('/api/readers', { ...signUp, professionVerified: true, status: 'active' })
    expect([selfVerified.status, selfVerified.body.errors?.[0]?.data?.field]).toEqual([403, 'professionVerified'])
    const created = await anonymous.post('/api/readers', signUp)
    expect(created.status).toBe(201)
    const stored = (await staff.moderator.get(`/api/readers/${created.body.doc.id}`)).body
    expect(stored).toMatchObject({ professionVerified: false, status: 'active', profession: 'lawyer' })
    const unverified = await anonymous.post('/api/readers/login', { email: 'new@readers.test', password: READER_PASSWORD })
    expect([401, 403]).toContain(unverified.status)
    expect(unverified.body.token).toBeUndefined()
    const mail = (await sentMail(server.mailDir)).find((m) => m.to === 'new@readers.test')
    expect(mail?.html).toMatch(/verify/)
    const reader = await signUpReader(server, { email: 'second@readers.test', displayName: '第二位' })
    expect((await reader.get('/api/readers/me')).body.user.displayName).toBe('第二位')
  })

  it('a reader sees and edits only their own account; no one else\'s email', async () => {
    const a = await signUpReader(server, { email: 'a@readers.test', displayName: '甲' })
    const b = await signUpReader(server, { email: 'b@readers.test', displayName: '乙' })
    const list = await a.get('/api/readers?limit=100')
    expect(list.body.docs.map((r: { email: string }) => r.email)).toEqual(['a@readers.test'])
    expect([403, 404]).toContain((await a.get(`/api/readers/${b.id}`)).status)
    expect([403, 404]).toContain((await a.patch(`/api/readers/${b.id}`, { displayName: '改名' })).status)
    expect((await a.patch(`/api/readers/${a.id}`, { displayName: '甲甲' })).status).toBe(200)
    const promoted = await a.patch(`/api/readers/${a.id}`, { professionVerified: true, status: 'active', profession: 'cpa' })
    expect([promoted.status, promoted.body.errors?.[0]?.data]).toEqual([403, { code: 'AUTH_FIELD_FORBIDDEN', field: 'professionVerified' }])
    expect((await a.get(`/api/readers/${a.id}`)).body).toMatchObject({ professionVerified: false, profession: null })
    expect((await staff.anonymous.get('/api/readers')).status).toBe(403)
    expect((await staff.editor.get('/api/readers')).status).toBe(403)
    expect((await staff.moderator.get(`/api/readers/${b.id}`)).body.email).toBe('b@readers.test')
  })

  it('readers cannot log into the admin or act as staff', async () => {
    const reader = await signUpReader(server, { email: 'c@readers.test', displayName: '丙' })
    expect((await reader.post('/api/articles', { title: '读者写的文章' })).status).toBe(403)
    expect((await reader.get('/api/users')).status).toBe(403)
    expect((await reader.post('/api/screening-words', { phrase: '随便', action: 'allow' })).status).toBe(403)
  })
})

describe('who may comment where', () => {
  let reader: Api & { id: number }
  beforeAll(async () => {
    reader = await signUpReader(server, { email: 'commenter@readers.test', displayName: '评论者' })
  })

  it('anonymous visitors and staff cannot comment; readers can', async () => {
    expect((await staff.anonymous.post('/api/comments', { article: articleId, body: '匿名评论' })).status).toBe(403)
    expect((await staff.editor.post('/api/comments', { article: articleId, body: '员工评论' })).status).toBe(403)
    expect((await comment(reader, '读者的评论')).status).toBe(201)
  })

  it('not on a draft, nor where comments are closed', async () => {
    expect((await reader.post('/api/comments', { article: draftArticleId, body: '草稿下的评论' })).status).toBe(403)
    expect((await reader.post('/api/comments', { article: closedArticleId, body: '已关闭评论' })).status).toBe(403)
  })

  it('a suspended reader is refused with the date, a banned one outright, a lapsed suspension is over', async () => {
    const until = new Date(Date.now() + 86_400_000).toISOString()
    expect((await staff.moderator.patch(`/api/readers/${reader.id}`, { status: 'suspended', suspendedUntil: until })).status).toBe(200)
    const suspended = await comment(reader, '暂停期间的评论')
    expect(suspended.status).toBe(403)
    // Readers are told the time in Beijing (UTC+8), to the minute.
    const beijing = new Date(Date.parse(until) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ')
    expect(suspended.body.errors[0].message).toContain(`北京时间 ${beijing}`)
    await staff.moderator.patch(`/api/readers/${reader.id}`, { status: 'banned' })
    expect((await comment(reader, '封禁后的评论')).status).toBe(403)
    await staff.moderator.patch(`/api/readers/${reader.id}`, { status: 'suspended', suspendedUntil: new Date(Date.now() - 1000).toISOString() })
    expect((await comment(reader, '暂停结束后的评论')).status).toBe(201)
    const log = (await staff.moderator.get(`/api/readers/${reader.id}`)).body.moderationLog
    expect(log.map((entry: { field: string; to: string }) => `${entry.field}:${entry.to}`)).toEqual(
      expect.arrayContaining(['status:suspended', 'status:banned']),
    )
    await staff.moderator.patch(`/api/readers/${reader.id}`, { status: 'active' })
  })

  it('the reader is always the one logged in, never one named in the body', async () => {
    const other = await signUpReader(server, { email: 'other@readers.test', displayName: '他人' })
    const res = await comment(reader, '冒名评论', { reader: other.id })
    expect(res.status).toBe(201)
    expect((await asModerator(res.body.doc.id)).reader).toBe(reader.id)
  })
})

describe('the screening pipeline', () => {
  let newcomer: Api & { id: number }
  let regular: Api & { id: number }
  beforeAll(async () => {
    newcomer = await signUpReader(server, { email: 'newcomer@readers.test', displayName: '新人' })
    regular = await trustedReader('regular', '老读者')
  })

  it('holds a new commenter\'s first comments (pre-moderation) and trusts an established one', async () => {
    expect((await comment(newcomer, unique('第一次评论'))).body.doc.status).toBe('pending')
    expect((await comment(regular, unique('老读者的新评论'))).body.doc.status).toBe('approved')
  })

  it('rejects a banned word found inside Chinese text, even split by spaces or symbols', async () => {
    for (const body of ['这个网站涉及赌博内容', '这里有赌 博', '有人在赌*博']) {
      const res = await comment(regular, unique(body))
      expect(res.status).toBe(201)
      const doc = await asModerator(res.body.doc.id)
      expect(doc.status).toBe('rejected')
      expect(JSON.stringify(doc.screening)).toContain('赌博')
    }
  })

  it('lets an allow-listed phrase through and holds a suspect word for review', async () => {
    expect((await comment(regular, unique('博彩业监管需要加强'))).body.doc.status).toBe('approved')
    const held = await comment(regular, unique('听说有内幕消息'))
    const doc = await asModerator(held.body.doc.id)
    expect(doc.status).toBe('pending')
    expect(JSON.stringify(doc.screening)).toContain('内幕消息')
  })

  it('masks a mask-listed word visibly, keeping the original for moderators only', async () => {
    const res = await comment(regular, unique('这个说法太傻瓜了'))
    expect(res.body.doc.body).toContain('这个说法太**了')
    expect(res.body.doc.maskedOriginal).toBeUndefined()
    expect((await asModerator(res.body.doc.id)).maskedOriginal).toContain('太傻瓜了')
    const publicView = await staff.anonymous.get(`/api/comments/${res.body.doc.id}`)
    expect(publicView.body.body).toContain('**')
    expect(JSON.stringify(publicView.body)).not.toContain('傻瓜')
  })

  it('holds a comment with too many links, and a repeated comment', async () => {
    const links = await comment(regular, unique('看 https://a.example.com 和 www.b.example.cn 还有 c.example.org'))
    expect(links.body.doc.status).toBe('pending')
    const text = unique('重复的话说两遍')
    expect((await comment(regular, text)).body.doc.status).toBe('approved')
    expect((await comment(regular, `  ${text.toUpperCase()}  `)).body.doc.status).toBe('pending')
  })

  it('refuses a body that is empty, one character or over 2000 characters, naming the field', async () => {
    for (const body of ['', '   ', '好', '长'.repeat(2001)]) {
      const res = await comment(regular, body)
      expect(res.status).toBe(400)
      expect(invalidPaths(res.body)).toEqual(['body'])
    }
  })

  it('stores HTML and script as inert text', async () => {
    const body = unique('<script>alert("x")</script><b>加粗</b>')
    const res = await comment(regular, body)
    expect(res.status).toBe(201)
    const publicView = await staff.anonymous.get(`/api/comments/${res.body.doc.id}`)
    expect(publicView.headers.get('content-type')).toMatch(/application\/json/)
    expect(publicView.body.body).toBe(body)
  })

  it('limits how often one reader comments: 429 with Retry-After', async () => {
    await settings({ readerIntervalSeconds: 15 })
    try {
      const fast = await signUpReader(server, { email: 'fast@readers.test', displayName: '快手' })
      expect((await comment(fast, unique('第一条'))).status).toBe(201)
      const res = await comment(fast, unique('紧接着第二条'))
      expect(res.status).toBe(429)
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
      expect(Number(res.headers.get('retry-after'))).toBeLessThanOrEqual(15)
    } finally {
      await settings({ readerIntervalSeconds: 0 })
    }
  })

  it('caps comments from one address: 429 with Retry-After', async () => {
    const fresh = await signUpReader(server, { email: 'ipcap@readers.test', displayName: '同一网络' })
    await settings({ ipLimit: 1, ipWindowSeconds: 120 })
    try {
      const res = await comment(fresh, unique('同一地址的评论'))
      expect(res.status).toBe(429)
      expect(Number(res.headers.get('retry-after'))).toBe(120)
    } finally {
      await settings({ ipLimit: 10_000 })
    }
  })

  it('refuses a reply to a comment on another article or one not published', async () => {
    const otherArticle = await article({ _status: 'published' })
    const elsewhere = await regular.post('/api/comments', { article: otherArticle, body: unique('别处的评论') })
    const res = await comment(regular, unique('跨文章回复'), { parent: elsewhere.body.doc.id })
    expect(res.status).toBe(400)
    expect(invalidPaths(res.body)).toEqual(['parent'])
    const pending = await comment(newcomer, unique('待审核的评论'))
    const toPending = await comment(regular, unique('回复待审核'), { parent: pending.body.doc.id })
    expect(invalidPaths(toPending.body)).toEqual(['parent'])
  })
})

describe('what each one sees, moderation and counts', () => {
  let author: Api & { id: number }
  let regular: Api & { id: number }
  let featuredId: number
  let pendingId: number

  beforeAll(async () => {
    regular = await trustedReader('pro', '专业读者', { profession: 'trainee-lawyer' })
    author = await signUpReader(server, { email: 'author@readers.test', displayName: '作者本人' })
    featuredId = (await comment(regular, unique('很有见地的评论'))).body.doc.id
    pendingId = (await comment(author, unique('还在审核的评论'))).body.doc.id
  })

  it('anonymous readers see approved comments only, with public fields only', async () => {
    const list = await staff.anonymous.get(`/api/comments?where[article][equals]=${articleId}&limit=100`)
    const ids = list.body.docs.map((doc: { id: number }) => doc.id)
    expect(ids).toContain(featuredId)
    expect(ids).not.toContain(pendingId)
    const text = JSON.stringify(list.body)
    expect(text).not.toMatch(/@|"ip"|"screening"|"moderationLog"|"reports"|"reportCount"|"maskedOriginal"|"reader"|"status"/)
    const one = list.body.docs.find((doc: { id: number }) => doc.id === featuredId)
    expect(one.commenter).toEqual({ displayName: '专业读者', avatarUrl: null, profession: null, professionLabel: null })
    expect(Object.keys(one).sort()).toEqual(expect.arrayContaining(['body', 'commenter', 'createdAt', 'replyCount', 'featured']))
  })

  it('an article taken down takes its approved comments down with it, in REST and GraphQL, until it is published again', async () => {
    const takenDown = await article({ _status: 'published' })
    const shown = await comment(regular, unique('下架文章下的评论'), { article: takenDown })
    expect(shown.status).toBe(201)
    const id = shown.body.doc.id as number
    const visible = async () => {
      const list = await staff.anonymous.get(`/api/comments?where[article][equals]=${takenDown}`)
      const one = await staff.anonymous.get(`/api/comments/${id}`)
      const graphql = await staff.anonymous.graphql(`{ Comments(where: { article: { equals: ${takenDown} } }) { docs { id } } }`)
      return [list.body.docs.map((doc: { id: number }) => doc.id), one.status, graphql.body.data.Comments.docs.map((doc: { id: number }) => doc.id)]
    }
    expect(await visible()).toEqual([[id], 200, [id]])
    expect((await staff['editor-in-chief'].patch(`/api/articles/${takenDown}`, { _status: 'draft' })).status).toBe(200)
    expect(await visible()).toEqual([[], 404, []])
    // Its author still sees it, and moderators always do.
    expect((await regular.get(`/api/comments/${id}`)).status).toBe(200)
    expect((await staff.moderator.get(`/api/comments/${id}`)).status).toBe(200)
    expect((await staff['editor-in-chief'].patch(`/api/articles/${takenDown}`, { _status: 'published' })).status).toBe(200)
    expect(await visible()).toEqual([[id], 200, [id]])
    // A draft saved over the live article leaves it live, and its comments with it.
    expect((await staff.editor.patch(`/api/articles/${takenDown}?draft=true`, { title: unique('改过的标题') })).status).toBe(200)
    expect(await visible()).toEqual([[id], 200, [id]])
  })

  it('the author sees their own pending comment; another reader does not', async () => {
    expect((await author.get(`/api/comments/${pendingId}`)).status).toBe(200)
    expect((await regular.get(`/api/comments/${pendingId}`)).status).toBe(404)
  })

  it('moderators approve, feature and log it; the article counts approved comments', async () => {
    const before = (await staff.anonymous.get(`/api/articles/${articleId}`)).body.approvedCommentCount
    expect((await staff.moderator.patch(`/api/comments/${pendingId}`, { status: 'approved', moderationNote: '内容无问题' })).status).toBe(200)
    expect((await staff.anonymous.get(`/api/articles/${articleId}`)).body.approvedCommentCount).toBe(before + 1)
    expect((await staff.moderator.patch(`/api/comments/${featuredId}`, { featured: true })).status).toBe(200)
    const featured = await staff.anonymous.get(`/api/comments?where[article][equals]=${articleId}&where[featured][equals]=true&sort=-createdAt`)
    expect(featured.body.docs.map((doc: { id: number }) => doc.id)).toEqual([featuredId])
    const log = (await asModerator(pendingId)).moderationLog
    expect(log).toEqual([expect.objectContaining({ field: 'status', from: 'pending', to: 'approved', note: '内容无问题', by: expect.anything() })])
    expect((await staff.editor.patch(`/api/comments/${pendingId}`, { status: 'rejected' })).status).toBe(403)
    expect((await regular.patch(`/api/comments/${featuredId}`, { featured: false })).status).toBe(403)
  })

  it('keeps the approved-comment count when an edited draft of the article is published', async () => {
    const count = (await staff.anonymous.get(`/api/articles/${articleId}`)).body.approvedCommentCount
    expect(count).toBeGreaterThan(0)
    const chief = staff['editor-in-chief']
    expect((await chief.patch(`/api/articles/${articleId}?draft=true`, { summary: unique('草稿改动') })).status).toBe(200)
    expect((await chief.patch(`/api/articles/${articleId}`, { _status: 'published' })).status).toBe(200)
    expect((await staff.anonymous.get(`/api/articles/${articleId}`)).body.approvedCommentCount).toBe(count)
  })

  it('moderators act on several comments at once', async () => {
    const a = (await comment(author, unique('批量一'))).body.doc.id
    const b = (await comment(author, unique('批量二'))).body.doc.id
    const res = await staff.moderator.patch(`/api/comments?where[id][in]=${a},${b}`, { status: 'spam' })
    expect(res.status).toBe(200)
    expect((await asModerator(a)).status).toBe('spam')
    expect((await asModerator(b)).moderationLog[0]).toMatchObject({ from: 'pending', to: 'spam' })
  })

  it('shows the profession only once a moderator verifies it, on old comments too', async () => {
    await staff.moderator.patch(`/api/readers/${regular.id}`, { professionVerified: true })
    const verified = await staff.anonymous.get(`/api/comments/${featuredId}`)
    expect(verified.body.commenter).toMatchObject({ profession: 'trainee-lawyer', professionLabel: '实习律师' })
    await staff.moderator.patch(`/api/readers/${regular.id}`, { professionVerified: false })
    expect((await staff.anonymous.get(`/api/comments/${featuredId}`)).body.commenter.profession).toBeNull()
  })

  it('counts approved replies', async () => {
    const reply = await comment(regular, unique('回复一下'), { parent: featuredId })
    expect(reply.body.doc.status).toBe('approved')
    expect((await staff.anonymous.get(`/api/comments/${featuredId}`)).body.replyCount).toBe(1)
    const replies = await staff.anonymous.get(`/api/comments?where[parent][equals]=${featuredId}&sort=createdAt`)
    expect(replies.body.docs.map((doc: { id: number }) => doc.id)).toEqual([reply.body.doc.id])
  })

  it('readers report a comment into the moderators\' reported queue, once each', async () => {
    expect((await author.post(`/api/comments/${featuredId}/report`, { reason: '涉嫌广告' })).status).toBe(201)
    expect((await author.post(`/api/comments/${featuredId}/report`, { reason: '再举报一次' })).status).toBe(200)
    expect((await author.post(`/api/comments/${featuredId}/report`, {})).status).toBe(400)
    expect((await staff.anonymous.post(`/api/comments/${featuredId}/report`, { reason: '匿名' })).status).toBe(403)
    const queue = await staff.moderator.get('/api/comments?where[reportCount][greater_than]=0')
    expect(queue.body.docs.map((doc: { id: number }) => doc.id)).toContain(featuredId)
    expect((await asModerator(featuredId)).reports).toEqual([expect.objectContaining({ reason: '涉嫌广告', reader: author.id })])
    expect((await staff.anonymous.get('/api/comments?where[reportCount][greater_than]=0')).status).toBe(400)
  })

  it('brings the featured comments with the article, public fields only', async () => {
    const article = await staff.anonymous.get(`/api/articles/${articleId}?depth=1`)
    const featured = article.body.featuredComments.docs
    expect(featured.map((doc: { id: number }) => doc.id)).toEqual([featuredId])
    expect(featured[0]).toMatchObject({ body: expect.any(String), commenter: expect.objectContaining({ displayName: '专业读者' }) })
    expect(JSON.stringify(article.body)).not.toMatch(/@|"screening"|"ip"|"moderationLog"/)
    // Payload's GraphQL join ignores the field's own filter, so GraphQL clients state it.
    const gql = await staff.anonymous.graphql(
      `{ Article(id: ${articleId}) { approvedCommentCount featuredComments(where: { featured: { equals: true } }) { docs { id body commenter { displayName } } } } }`,
    )
    expect(gql.body.data.Article.featuredComments.docs.map((doc: { id: number }) => doc.id)).toEqual([featuredId])
  })

  it('serves the same through GraphQL', async () => {
    const res = await staff.anonymous.graphql(
      `{ Comments(where: { article: { equals: ${articleId} }, featured: { equals: true } }, sort: "-createdAt") { docs { id body featured replyCount commenter { displayName profession professionLabel } } } }`,
    )
    expect(res.body.errors).toBeUndefined()
    expect(res.body.data.Comments.docs.map((doc: { id: number }) => doc.id)).toEqual([featuredId])
    const hidden = await staff.anonymous.graphql(`{ Comments(limit: 100) { docs { id status ip screening } } }`)
    for (const doc of hidden.body.data?.Comments.docs ?? []) {
      expect(doc.status ?? null).toBeNull()
      expect(doc.ip ?? null).toBeNull()
      expect(doc.screening ?? null).toBeNull()
    }
  })
})

describe('word lists and moderation settings', () => {
  it('word lists are for staff to read and moderators to edit', async () => {
    const reader = await signUpReader(server, { email: 'words@readers.test', displayName: '看词库' })
    expect((await staff.anonymous.get('/api/screening-words')).status).toBe(403)
    expect((await reader.get('/api/screening-words')).status).toBe(403)
    expect((await staff.editor.get('/api/screening-words')).status).toBe(200)
    expect((await staff.editor.post('/api/screening-words', { phrase: '编辑加的词', action: 'review' })).status).toBe(403)
    const created = await staff.moderator.post('/api/screening-words', { phrase: '新加的词', action: 'bogus' })
    expect(created.status).toBe(400)
    expect(invalidPaths(created.body)).toEqual(['action'])
    const duplicate = await staff.moderator.post('/api/screening-words', { phrase: '赌博', action: 'review' })
    expect(duplicate.status).toBe(400)
    expect(invalidPaths(duplicate.body)).toEqual(['phrase'])
  })

  it('a word added to the list applies to the next comment', async () => {
    const reader = await trustedReader('fresh-words', '新词测试')
    expect((await comment(reader, unique('这是一个新出现的违规词'))).body.doc.status).toBe('approved')
    expect((await staff.moderator.post('/api/screening-words', { phrase: '违规词', action: 'reject' })).status).toBe(201)
    const res = await comment(reader, unique('这又是一个新出现的违规词'))
    expect((await asModerator(res.body.doc.id)).status).toBe('rejected')
  })

  it('a word added or removed through one server instance applies at once on another', async () => {
    const other = await startServer({ PAYLOAD_SECRET: SECRET }, { databaseUrl: server.databaseUrl })
    try {
      const reader = await trustedReader('other-instance', '另一台')
      const there = reader.at(other.url)
      const statusThere = async (body: string) => (await asModerator((await comment(there, unique(body))).body.doc.id)).status
      // The other instance has screened with the lists as they were before the word.
      expect(await statusThere('另一台实例上的跨实例词')).toBe('approved')
      const word = await staff.moderator.post('/api/screening-words', { phrase: '跨实例词', action: 'reject' })
      expect(word.status).toBe(201)
      expect(await statusThere('又一条跨实例词')).toBe('rejected')
      expect((await staff.moderator.delete(`/api/screening-words/${word.body.doc.id}`)).status).toBe(200)
      expect(await statusThere('删掉以后的跨实例词')).toBe('approved')
    } finally {
      await other.stop()
    }
  })

  it('screens many comments at once on a server with a three-connection pool', async () => {
    const small = await startServer({ PAYLOAD_SECRET: SECRET, DATABASE_POOL_SIZE: '3' }, { databaseUrl: server.databaseUrl })
    try {
      const readers = await Promise.all(Array.from({ length: 3 }, (_, i) => trustedReader(`small-pool-${i}`, `小连接池${i}`)))
      const posted = await Promise.all(
        Array.from({ length: 12 }, (_, i) => comment(readers[i % readers.length].at(small.url), unique(`连接池很小时同时发出的评论，第${i}条`))),
      )
      expect(posted.map((res) => res.status)).toEqual(posted.map(() => 201))
    } finally {
      await small.stop()
    }
  }, 60_000)

  it('only moderators read, and only admins change, the moderation settings', async () => {
    expect((await staff.anonymous.get('/api/globals/moderation-settings')).status).toBe(403)
    expect((await staff.moderator.get('/api/globals/moderation-settings')).body.mode).toBe('pre')
    expect((await staff.moderator.post('/api/globals/moderation-settings', { mode: 'post' })).status).toBe(403)
    const bad = await staff.admin.post('/api/globals/moderation-settings', { newCommenterHold: -1 })
    expect(bad.status).toBe(400)
    expect(invalidPaths(bad.body)).toEqual(['newCommenterHold'])
  })

  it('holds every comment, a trusted reader\'s too, when the mode is "all"', async () => {
    const reader = await trustedReader('mode-all', '全部先审')
    await settings({ mode: 'all' })
    try {
      expect((await comment(reader, unique('全部先审模式下的评论'))).body.doc.status).toBe('pending')
    } finally {
      await settings({ mode: 'pre' })
    }
  })
})

describe('reader passwords and lockout', () => {
  it('resets a forgotten password through the emailed link', async () => {
    await signUpReader(server, { email: 'forgetful@readers.test', displayName: '健忘' })
    expect((await staff.anonymous.post('/api/readers/forgot-password', { email: 'forgetful@readers.test' })).status).toBe(200)
    const mail = (await sentMail(server.mailDir)).filter((m) => m.to === 'forgetful@readers.test').at(-1)!
    const token = mail.html.match(/reset-password\?token=([A-Za-z0-9]+)/)?.[1]
    expect(token).toBeDefined()
    const reset = await staff.anonymous.post('/api/readers/reset-password', { token, password: 'a-brand-new-password' })
    expect(reset.status).toBe(200)
    expect((await staff.anonymous.post('/api/readers/login', { email: 'forgetful@readers.test', password: READER_PASSWORD })).status).toBe(401)
    expect((await staff.anonymous.post('/api/readers/login', { email: 'forgetful@readers.test', password: 'a-brand-new-password' })).status).toBe(200)
  })

  it('locks a reader out after five failed logins', async () => {
    await signUpReader(server, { email: 'guessed@readers.test', displayName: '被猜密码' })
    for (let i = 0; i < 5; i++) await staff.anonymous.post('/api/readers/login', { email: 'guessed@readers.test', password: `wrong-${i}` })
    expect((await staff.anonymous.post('/api/readers/login', { email: 'guessed@readers.test', password: READER_PASSWORD })).status).toBe(401)
  })

  it('lists top-level comments apart from replies', async () => {
    const reader = await trustedReader('threads', '楼主')
    const top = await comment(reader, unique('顶层评论'))
    const reply = await comment(reader, unique('楼中楼'), { parent: top.body.doc.id })
    const topLevel = await staff.anonymous.get(`/api/comments?where[article][equals]=${articleId}&where[parent][exists]=false&limit=500`)
    const ids = topLevel.body.docs.map((doc: { id: number }) => doc.id)
    expect(ids).toContain(top.body.doc.id)
    expect(ids).not.toContain(reply.body.doc.id)
  })
})

describe('comments over GraphQL and bad references', () => {
  it('a reader comments through GraphQL, through the same pipeline', async () => {
    const reader = await trustedReader('graphql', '图谱读者')
    const res = await reader.graphql('mutation($data: mutationCommentInput!) { createComment(data: $data) { id body status } }', {
      data: { article: articleId, body: unique('通过 GraphQL 的评论，提到赌博') },
    })
    expect(res.body.errors).toBeUndefined()
    expect((await asModerator(res.body.data.createComment.id)).status).toBe('rejected')
    const anonymous = await staff.anonymous.graphql('mutation { createComment(data: { article: 1, body: "匿名的评论" }) { id } }')
    expect(anonymous.body.errors?.[0].message).toBeDefined()
  })

  it('a comment on an article that does not exist is a 400 naming the article', async () => {
    const reader = await signUpReader(server, { email: 'nowhere@readers.test', displayName: '无处评论' })
    const res = await reader.post('/api/comments', { article: 999_999, body: '评论不存在的文章' })
    expect(res.status).toBe(400)
    expect(invalidPaths(res.body)).toEqual(['article'])
    const missing = await reader.post('/api/comments', { body: '没有文章' })
    expect(missing.status).toBe(400)
  })
})
