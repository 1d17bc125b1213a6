import { Api, createStaff, invalidPaths, sentMail, signUpReader, type Staff } from '../helpers/api'
import { startServer, type TestServer } from '../helpers/server'

let server: TestServer
let staff: Staff
let articleId: number
let draftId: number
let counter = 0
const unique = (text: string) => `${text}${++counter}`

const BODY = {
  root: {
    type: 'root',
    format: '',
    indent: 0,
    version: 1,
    direction: 'ltr',
    children: [
      {
        type: 'paragraph',
        format: '',
        indent: 0,
        version: 1,
        direction: 'ltr',
        textFormat: 0,
        children: [{ type: 'text', text: '央行决定于12月5日下调金融机构存款准备金率0.5个百分点，释放长期资金约1万亿元。', format: 0, style: '', mode: 'normal', detail: 0, version: 1 }],
      },
    ],
  },
}

async function submit(client: Api, data: Record<string, unknown>) {
  return client.post('/api/correction-requests', { article: articleId, errorType: 'figure', ...data })
}

beforeAll(async () => {
  server = await startServer({ CORRECTIONS_RATE_LIMIT: '1000' })
  staff = await createStaff(server)
  const article = await staff['editor-in-chief'].post('/api/articles', {
    title: '央行宣布降准0.5个百分点',
    summary: '释放长期资金约1万亿元',
    body: BODY,
    _status: 'published',
  })
  expect(article.status).toBe(201)
  articleId = article.body.doc.id
  draftId = (await staff.editor.post('/api/articles', { title: '尚未发布' })).body.doc.id
  for (const [phrase, action] of [
    ['赌博', 'reject'],
    ['内幕消息', 'review'],
  ]) {
    expect((await staff.moderator.post('/api/screening-words', { phrase, action })).status).toBe(201)
  }
})
afterAll(() => server.stop())

describe('submitting', () => {
  it('anyone submits without an account and gets an id and a token to follow it', async () => {
    const res = await submit(staff.anonymous, {
      quote: '释放长期资金约1万亿元',
      suggestion: '应为约1.2万亿元',
      explanation: '央行公告数据',
      reporterName: '读者甲',
      reporterEmail: 'reporter@example.com',
    })
    expect(res.status).toBe(201)
    expect(res.body.doc.id).toEqual(expect.any(Number))
    expect(res.body.doc.lookupToken).toMatch(/^[A-Za-z0-9_-]{40,}$/)
    expect(JSON.stringify(res.body)).not.toMatch(/reporter@example\.com|lookupTokenHash|internalNotes/)
    const lookup = await staff.anonymous.get(`/api/correction-requests/lookup?token=${res.body.doc.lookupToken}`)
    expect(lookup.status).toBe(200)
    expect(lookup.body).toEqual({ id: res.body.doc.id, status: 'new', replyToReporter: null, createdAt: expect.any(String), updatedAt: expect.any(String) })
    expect((await staff.anonymous.get('/api/correction-requests/lookup?token=x'.padEnd(60, 'x'))).status).toBe(404)
    expect((await staff.anonymous.get(`/api/correction-requests/${res.body.doc.id}`)).status).toBe(403)
  })

  it('a logged-in reader sees their own requests, and nobody else\'s', async () => {
    const reader = await signUpReader(server, { email: 'corrector@readers.test', displayName: '纠错读者' })
    const other = await signUpReader(server, { email: 'nosy@readers.test', displayName: '旁观者' })
    const mine = await submit(reader, { quote: '下调金融机构存款准备金率0.5个百分点', errorType: 'fact' })
    expect(mine.status).toBe(201)
    const list = await reader.get('/api/correction-requests')
    expect(list.body.docs.map((doc: { id: number }) => doc.id)).toEqual([mine.body.doc.id])
    expect(list.body.docs[0].internalNotes).toBeUndefined()
    expect((await other.get('/api/correction-requests')).body.docs).toEqual([])
    expect([403, 404]).toContain((await other.get(`/api/correction-requests/${mine.body.doc.id}`)).status)
    expect((await staff.editor.get(`/api/correction-requests/${mine.body.doc.id}?depth=0`)).body.reader).toBe(reader.id)
  })

  it('flags a quote that is not in the article instead of refusing it', async () => {
    const found = await submit(staff.anonymous, { quote: '释放长期资金 约 1 万亿元。' })
    const missing = await submit(staff.anonymous, { quote: '文中根本没有这句话' })
    expect(missing.status).toBe(201)
    expect((await staff.editor.get(`/api/correction-requests/${found.body.doc.id}`)).body.quoteFound).toBe(true)
    const flagged = (await staff.editor.get(`/api/correction-requests/${missing.body.doc.id}`)).body
    expect(flagged.quoteFound).toBe(false)
    expect(JSON.stringify(flagged.screening)).toContain('quoteNotFound')
  })

  it('links a repeat of an open request on the same passage to it', async () => {
    const first = await submit(staff.anonymous, { quote: '12月5日' })
    const again = await submit(staff.anonymous, { quote: '  12 月 5 日 ' })
    const doc = (await staff.editor.get(`/api/correction-requests/${again.body.doc.id}?depth=0`)).body
    expect(doc).toMatchObject({ status: 'duplicate', duplicateOf: first.body.doc.id })
  })

  it('refuses a rejected word naming the field, and flags a word for review', async () => {
    const refused = await submit(staff.anonymous, { quote: '央行决定', explanation: '这和赌博有什么区别' })
    expect(refused.status).toBe(400)
    expect(invalidPaths(refused.body)).toEqual(['explanation'])
    const flagged = await submit(staff.anonymous, { quote: '央行决定', explanation: '我有内幕消息' })
    expect(flagged.status).toBe(201)
    expect(JSON.stringify((await staff.editor.get(`/api/correction-requests/${flagged.body.doc.id}`)).body.screening)).toContain('内幕消息')
  })

  it('a filled honeypot stores nothing', async () => {
    const before = (await staff.editor.get('/api/correction-requests?limit=1')).body.totalDocs
    const res = await submit(staff.anonymous, { quote: '央行决定', website: 'http://spam.example' })
    expect(res.status).toBe(400)
    expect((await staff.editor.get('/api/correction-requests?limit=1')).body.totalDocs).toBe(before)
  })

  it.each([
    ['no quote', { quote: undefined }, 'quote'],
    ['an empty quote', { quote: '  ，。 ' }, 'quote'],
    ['an unknown error type', { quote: '央行决定', errorType: 'opinion' }, 'errorType'],
    ['an article that does not exist', { quote: '央行决定', article: 999_999 }, 'article'],
    ['an unpublished article', { quote: '央行决定', article: -1 }, 'article'],
    ['a quote over 1000 characters', { quote: '长'.repeat(1001) }, 'quote'],
    ['a quote that is not text', { quote: 42 }, 'quote'],
    ['an email that is not one', { quote: '央行决定', reporterEmail: 'not-an-email' }, 'reporterEmail'],
    ['a field the form does not have', { quote: '央行决定', urgency: 'high' }, 'urgency'],
  ])('bad input: %s is a 400 naming the field', async (_label, data, field) => {
    const payload = { ...data } as Record<string, unknown>
    if (payload.article === -1) payload.article = draftId
    const res = await submit(staff.anonymous, payload)
    expect(res.status).toBe(400)
    expect(invalidPaths(res.body)).toContain(field)
  })
})

describe('rate limit', () => {
  it('answers a flood from one address with 429 and Retry-After', async () => {
    const limited = await startServer({ CORRECTIONS_RATE_LIMIT: '2', CORRECTIONS_RATE_WINDOW_SECONDS: '300' })
    try {
      const chief = await new Api(limited.url).login('admin@test.newsroom', 'admin-password-123')
      const article = await chief.post('/api/articles', { title: '限流测试', _status: 'published' })
      const send = () => new Api(limited.url).post('/api/correction-requests', { article: article.body.doc.id, errorType: 'typo', quote: '限流测试' })
      expect((await send()).status).toBe(201)
      expect((await send()).status).toBe(201)
      const third = await send()
      expect(third.status).toBe(429)
      expect(third.headers.get('retry-after')).toBe('300')
    } finally {
      await limited.stop()
    }
  })
})

describe('triage and the notice on the article', () => {
  it('follows the allowed transitions only, recording each in the history', async () => {
    const req = (await submit(staff.anonymous, { quote: unique('央行决定') })).body.doc
    const refused = await staff.editor.patch(`/api/correction-requests/${req.id}`, { status: 'corrected' })
    expect(refused.status).toBe(400)
    expect(invalidPaths(refused.body)).toEqual(['status'])
    expect((await staff.editor.patch(`/api/correction-requests/${req.id}`, { status: 'triaged', assignee: staff.ids.editor, statusNote: '交给李编辑' })).status).toBe(200)
    expect((await staff.moderator.patch(`/api/correction-requests/${req.id}`, { status: 'rejected', replyToReporter: '经核实原文无误' })).status).toBe(200)
    const doc = (await staff.editor.get(`/api/correction-requests/${req.id}?depth=0`)).body
    expect(doc.history.map((h: { from: string; to: string }) => `${h.from}>${h.to}`)).toEqual(['new>triaged', 'triaged>rejected'])
    expect(doc.history[0]).toMatchObject({ note: '交给李编辑', by: staff.ids.editor })
    expect((await staff.reporter.patch(`/api/correction-requests/${req.id}`, { status: 'triaged' })).status).toBe(403)
    expect((await staff.anonymous.patch(`/api/correction-requests/${req.id}`, { status: 'triaged' })).status).toBe(403)
  })

  it('corrects: needs a notice on the article, then publishes it and tells the reporter', async () => {
    const created = await submit(staff.anonymous, {
      quote: '释放长期资金约1万亿元',
      suggestion: '约1.2万亿元',
      reporterEmail: 'careful@example.com',
    })
    const id = created.body.doc.id
    const token = created.body.doc.lookupToken
    await staff.editor.patch(`/api/correction-requests/${id}`, { status: 'triaged' })
    await staff.editor.patch(`/api/correction-requests/${id}`, { status: 'accepted' })
    const tooEarly = await staff.editor.patch(`/api/correction-requests/${id}`, { status: 'corrected' })
    expect(tooEarly.status).toBe(400)
    expect(invalidPaths(tooEarly.body)).toEqual(['noNoticeReason'])
    expect(tooEarly.body.errors[0]).toMatchObject({ message: '下面的字段是无效的： 无需发布更正说明的理由', data: { code: 'CORRECTION_NOTICE_MISSING' } })

    const before = (await staff.anonymous.get(`/api/articles/${articleId}`)).body.updatedAt
    const notice = { kind: 'correction', text: '本文此前将释放资金误写为约1万亿元，应为约1.2万亿元。', request: id, date: new Date().toISOString() }
    expect((await staff.editor.patch(`/api/articles/${articleId}?draft=true`, { corrections: [notice] })).status).toBe(200)
    expect((await staff.anonymous.get(`/api/articles/${articleId}`)).body.corrections).toEqual([])
    // The notice waits in the draft: what is missing is its publication, which the editor is told.
    const unpublished = await staff.editor.patch(`/api/correction-requests/${id}`, { status: 'corrected' }, { 'accept-language': 'en' })
    expect([unpublished.status, unpublished.body.errors[0].data.code]).toEqual([400, 'CORRECTION_NOTICE_UNPUBLISHED'])
    expect(unpublished.body.errors[0].data.errors[0].message).toContain('the editor-in-chief must publish the article')
    expect((await staff['editor-in-chief'].patch(`/api/articles/${articleId}`, { _status: 'published' })).status).toBe(200)

    const published = (await staff.anonymous.get(`/api/articles/${articleId}`)).body
    expect(published.corrections).toEqual([expect.objectContaining({ kind: 'correction', text: notice.text })])
    expect(Date.parse(published.updatedAt)).toBeGreaterThan(Date.parse(before))
    expect(published.correctionsJsonLd).toEqual([
      { '@type': 'CorrectionComment', text: expect.stringContaining('应为约1.2万亿元'), datePublished: expect.any(String) },
    ])

    const done = await staff.editor.patch(`/api/correction-requests/${id}`, { status: 'corrected', replyToReporter: '已更正，感谢指出。' })
    expect(done.status).toBe(200)
    const mail = (await sentMail(server.mailDir)).filter((m) => m.to === 'careful@example.com')
    expect(mail).toHaveLength(1)
    expect(mail[0].html).toContain('已更正，感谢指出。')
    expect((await staff.anonymous.get(`/api/correction-requests/lookup?token=${token}`)).body).toMatchObject({ status: 'corrected', replyToReporter: '已更正，感谢指出。' })

    const log = await staff.anonymous.get('/api/corrections?limit=10')
    expect(log.status).toBe(200)
    expect(log.body.docs[0]).toMatchObject({ kind: 'correction', text: notice.text, article: { id: articleId, title: '央行宣布降准0.5个百分点' } })
    const gql = await staff.anonymous.graphql('{ CorrectionsLog(limit: 5) { totalDocs docs { kind text article { id title } } } }')
    expect(gql.body.data.CorrectionsLog.docs[0]).toMatchObject({ text: notice.text, article: { id: articleId } })
    const articleGql = await staff.anonymous.graphql(`{ Article(id: ${articleId}) { corrections { kind text date } correctionsJsonLd } }`)
    expect(articleGql.body.data.Article.corrections[0].text).toBe(notice.text)
  })

  it('may mark corrected without a notice when it says why', async () => {
    const id = (await submit(staff.anonymous, { quote: unique('下调') })).body.doc.id
    await staff.editor.patch(`/api/correction-requests/${id}`, { status: 'triaged' })
    await staff.editor.patch(`/api/correction-requests/${id}`, { status: 'accepted' })
    const res = await staff.editor.patch(`/api/correction-requests/${id}`, { status: 'corrected', noNoticeReason: '仅修正标点，不影响文意' })
    expect(res.status).toBe(200)
  })

  it('keeps notices on unpublished articles out of the public log', async () => {
    await staff.editor.patch(`/api/articles/${draftId}?draft=true`, { corrections: [{ kind: 'clarification', text: '草稿上的说明', date: new Date().toISOString() }] })
    const log = await staff.anonymous.get('/api/corrections?limit=100')
    expect(JSON.stringify(log.body)).not.toContain('草稿上的说明')
    expect((await staff.anonymous.get('/api/corrections?page=0')).status).toBe(400)
  })

  it('names a page size the log does not offer, in REST and GraphQL alike', async () => {
    for (const limit of [0, 101]) {
      const res = await staff.anonymous.get(`/api/corrections?limit=${limit}`)
      expect(res.status).toBe(400)
      expect(res.body.errors[0].data.errors[0].path).toBe('limit')
      const gql = await staff.anonymous.graphql(`{ CorrectionsLog(limit: ${limit}) { totalDocs } }`)
      expect(gql.body.errors?.[0]).toMatchObject({ message: '下面的字段是无效的： limit', extensions: { data: { code: 'WHOLE_NUMBER_BETWEEN', errors: [{ path: 'limit' }] } } })
    }
  })
})

describe('the source request of a correction notice', () => {
  let otherArticleId: number
  let ownRequest: number
  let foreignRequest: number
  const notice = (request: number) => ({ kind: 'correction', text: '特此更正。', request, date: new Date().toISOString() })
  const inChinese = { 'accept-language': 'zh-CN,zh;q=0.9' }
  const inEnglish = { 'accept-language': 'en-US,en;q=0.9' }

  beforeAll(async () => {
    const other = await staff['editor-in-chief'].post('/api/articles', { title: '另一篇文章：存款利率下调', body: BODY, _status: 'published' })
    otherArticleId = other.body.doc.id
    ownRequest = (await submit(staff.anonymous, { quote: unique('央行决定') })).body.doc.id
    foreignRequest = (await submit(staff.anonymous, { article: otherArticleId, quote: unique('存款利率') })).body.doc.id
  })

  const storedNotices = async (id: number) => (await staff.editor.get(`/api/articles/${id}?draft=true&depth=0`)).body.corrections

  it('refuses another article\'s request over REST, in the editor\'s language, naming the field by its label', async () => {
    const before = await storedNotices(articleId)
    for (const [headers, heading, text] of [
      [inChinese, '下面的字段是无效的： 更正说明 2 > 来源纠错', `纠错 #${foreignRequest} 针对的是另一篇文章：更正说明只能来自本文收到的纠错`],
      [inEnglish, 'The following field is invalid: Correction notices 2 > From request', `Correction request #${foreignRequest} is about another article: a notice can only come from a request on this one`],
    ] as const) {
      for (const draft of ['?draft=true', '']) {
        const res = await staff['editor-in-chief'].patch(`/api/articles/${articleId}${draft}`, { corrections: [notice(ownRequest), notice(foreignRequest)] }, headers)
        expect(res.status).toBe(400)
        expect(res.body.errors[0]).toMatchObject({ message: heading, data: { code: 'CORRECTION_NOTICE_OTHER_ARTICLE' } })
        expect(res.body.errors[0].data.errors).toEqual([expect.objectContaining({ path: 'corrections.1.request', message: text })])
      }
    }
    expect(await storedNotices(articleId)).toEqual(before)
    // A new article has received no request yet.
    const created = await staff.editor.post('/api/articles', { title: '新文章', corrections: [notice(foreignRequest)] }, inChinese)
    expect([created.status, created.body.errors?.[0].data.code]).toEqual([400, 'CORRECTION_NOTICE_OTHER_ARTICLE'])
    // Its own request it may name.
    expect((await staff.editor.patch(`/api/articles/${otherArticleId}?draft=true`, { corrections: [notice(foreignRequest)] })).status).toBe(200)
  })

  it('refuses it over GraphQL alike, in Chinese and in English', async () => {
    const mutation = (request: number) =>
      `mutation { updateArticle(id: ${articleId}, draft: true, data: { corrections: [{ kind: correction, text: "特此更正。", date: "${new Date().toISOString()}", request: ${request} }] }) { id } }`
    for (const [headers, heading] of [
      [inChinese, '下面的字段是无效的： 更正说明 1 > 来源纠错'],
      [inEnglish, 'The following field is invalid: Correction notices 1 > From request'],
    ] as const) {
      const res = await staff.editor.post('/api/graphql', { query: mutation(foreignRequest) }, headers)
      const error = res.body.errors?.[0]
      expect(error).toMatchObject({ message: heading, extensions: { statusCode: 400, data: { code: 'CORRECTION_NOTICE_OTHER_ARTICLE' } } })
      expect(error.extensions.data.errors[0]).toMatchObject({ path: 'corrections.0.request', message: expect.stringContaining(`#${foreignRequest}`) })
    }
    const own = await staff.editor.post('/api/graphql', { query: mutation(ownRequest) })
    expect(own.body.errors).toBeUndefined()
  })
})

describe('how the admin names a correction request and its reader', () => {
  const beijingDay = (iso: string) => new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'long' }).format(new Date(iso))

  it('titles it by number, day, error type and passage, and follows a change of error type', async () => {
    // Asked for its id only: the title is stored all the same.
    const quote = '央行决定于12月5日下调金融机构存款准备金率0.5个百分点，释放长期资金约1万亿元。'
    const created = await staff.anonymous.post('/api/correction-requests?select[id]=true', { article: articleId, errorType: 'fact', quote })
    expect(created.status).toBe(201)
    const id = created.body.doc.id
    const doc = (await staff.editor.get(`/api/correction-requests/${id}`)).body
    const passage = '「央行决定于12月5日下调金融机构存款准备金率0.5个百分点，…」'
    expect(doc.title).toBe(`#${id} · ${beijingDay(doc.createdAt)} · 事实错误 · ${passage}`)
    expect((await staff.editor.patch(`/api/correction-requests/${id}?select[status]=true`, { errorType: 'figure' })).status).toBe(200)
    expect((await staff.editor.get(`/api/correction-requests/${id}`)).body.title).toBe(`#${id} · ${beijingDay(doc.createdAt)} · 数据错误 · ${passage}`)
    const gql = await staff.editor.graphql(`{ CorrectionRequest(id: ${id}) { title } }`)
    expect(gql.body.data.CorrectionRequest.title).toBe(`#${id} · ${beijingDay(doc.createdAt)} · 数据错误 · ${passage}`)
    // Nobody writes it but the server.
    await staff.editor.patch(`/api/correction-requests/${id}`, { title: '伪造的标题' })
    expect((await staff.editor.get(`/api/correction-requests/${id}`)).body.title).toMatch(new RegExp(`^#${id} · `))
  })

  it('names the reader by display name to the staff who triage, following a rename, without opening the reader\'s account to editors', async () => {
    const reader = await signUpReader(server, { email: 'named@readers.test', displayName: '较真的读者' })
    const id = (await submit(reader, { quote: unique('释放长期资金') })).body.doc.id
    for (const role of ['editor', 'editor-in-chief', 'moderator', 'admin'] as const) {
      expect((await staff[role].get(`/api/correction-requests/${id}`)).body.readerName).toBe('较真的读者')
    }
    expect((await staff.editor.get(`/api/readers/${reader.id}`)).status).toBe(403)
    expect((await reader.patch(`/api/readers/${reader.id}`, { displayName: '改名的读者' })).status).toBe(200)
    expect((await staff.editor.get(`/api/correction-requests/${id}`)).body.readerName).toBe('改名的读者')
    const anonymous = (await submit(staff.anonymous, { quote: unique('释放长期资金') })).body.doc.id
    expect((await staff.editor.get(`/api/correction-requests/${anonymous}`)).body.readerName).toBeNull()
  })
})

describe('cross-site submissions', () => {
  it('treats a reader\'s cookie sent from a foreign origin as no login at all', async () => {
    const reader = await signUpReader(server, { email: 'csrf@readers.test', displayName: '跨站' })
    const login = await new Api(server.url).post('/api/readers/login', { email: 'csrf@readers.test', password: 'reader-password-123' })
    const cookie = login.headers.get('set-cookie')!.split(';')[0]
    const res = await fetch(`${server.url}/api/correction-requests`, {
      method: 'POST',
      headers: { cookie, origin: 'https://evil.example', 'content-type': 'application/json' },
      body: JSON.stringify({ article: articleId, errorType: 'typo', quote: '央行决定' }),
    })
    expect(res.status).toBe(201)
    const { doc } = await res.json()
    expect((await staff.editor.get(`/api/correction-requests/${doc.id}?depth=0`)).body.reader).toBeNull()
    expect((await reader.get('/api/correction-requests')).body.docs.map((d: { id: number }) => d.id)).not.toContain(doc.id)
  })
})

describe('who reads correction requests', () => {
  it('triagers read them; reporters (staff), anonymous visitors and other readers do not', async () => {
    const id = (await submit(staff.anonymous, { quote: '央行决定', reporterEmail: 'private@example.com' })).body.doc.id
    for (const role of ['admin', 'editor-in-chief', 'editor', 'moderator'] as const) {
      const res = await staff[role].get(`/api/correction-requests/${id}`)
      expect(res.status).toBe(200)
      expect(res.body.reporterEmail).toBe('private@example.com')
    }
    expect((await staff.reporter.get(`/api/correction-requests/${id}`)).status).toBe(403)
    expect((await staff.anonymous.get('/api/correction-requests')).status).toBe(403)
    expect((await staff.editor.get(`/api/correction-requests/${id}`)).body.ip).toBeUndefined()
    expect((await staff.admin.get(`/api/correction-requests/${id}`)).body.ip).toEqual(expect.any(String))
  })
})
