import sharp from 'sharp'

import { createStaff, invalidPaths, sentMail, signUpReader, type Staff } from '../helpers/api'
import { startServer, type TestServer } from '../helpers/server'

let server: TestServer
let staff: Staff

const REJECT_WORD = '内幕交易指南'
const REVIEW_WORD = '保本高收益'

beforeAll(async () => {
  server = await startServer()
  staff = await createStaff(server)
})
afterAll(() => server.stop())

const review = (role: keyof Omit<Staff, 'ids' | 'anonymous'>, id: number, body: Record<string, unknown>) => staff[role].post(`/api/articles/${id}/review`, body)
const latest = async (id: number) => (await staff.editor.get(`/api/articles/${id}?draft=true`)).body
const publicTitle = async (id: number) => {
  const res = await staff.anonymous.get(`/api/articles/${id}`)
  return res.status === 200 ? (res.body.title as string) : null
}
const reportersArticle = async (title: string, extra: Record<string, unknown> = {}) =>
  (await staff.reporter.post('/api/articles', { title, responsibleEditor: staff.ids.editor, ...extra })).body.doc.id as number

const paragraph = (text: string) => ({
  root: { type: 'root', version: 1, direction: 'ltr', format: '', indent: 0, children: [{ type: 'paragraph', version: 1, direction: 'ltr', format: '', indent: 0, textFormat: 0, children: [{ type: 'text', version: 1, text, format: 0, detail: 0, mode: 'normal', style: '' }] }] },
})

describe('transitions', () => {
  it('runs draft → in review → approved → published, recording who, when and the note, and telling those concerned', async () => {
    const id = await reportersArticle('审核流程：从草稿到发布')
    expect((await latest(id)).reviewState).toBe('draft')

    const submitted = await review('reporter', id, { action: 'submit', note: '请审阅' })
    expect(submitted.status).toBe(200)
    expect(submitted.body.reviewState).toBe('in-review')
    const toEditor = (await sentMail(server.mailDir)).filter((mail) => mail.subject.includes('审核流程：从草稿到发布'))
    expect(toEditor.flatMap((mail) => [mail.to].flat())).toContainEqual(expect.stringContaining('editor@'))

    expect((await review('editor', id, { action: 'approve' })).body.reviewState).toBe('approved')
    const approved = await latest(id)
    expect(approved).toMatchObject({ reviewState: 'approved', approvedBy: expect.objectContaining({ id: staff.ids.editor }) })
    expect(await publicTitle(id)).toBeNull()

    expect((await staff['editor-in-chief'].patch(`/api/articles/${id}`, { _status: 'published' })).status).toBe(200)
    expect(await publicTitle(id)).toBe('审核流程：从草稿到发布')
    const history = (await latest(id)).reviewHistory.map((entry: { action: string; to: string; by: { id: number } | null; note: string | null }) => [entry.action, entry.to, entry.by?.id, entry.note])
    expect(history).toEqual([
      ['submit', 'in-review', staff.ids.reporter, '请审阅'],
      ['approve', 'approved', staff.ids.editor, null],
      ['publish', 'approved', staff.ids['editor-in-chief'], null],
    ])
    const audited = await staff.admin.get(`/api/audit-log?where[targetId][equals]=${id}&where[action][equals]=transition&sort=at`)
    expect(audited.body.docs.map((entry: { summary: string; actorId: string }) => [entry.actorId, entry.summary])).toEqual([
      [String(staff.ids.reporter), expect.stringContaining('submit: draft → in-review: 请审阅')],
      [String(staff.ids.editor), expect.stringContaining('approve: in-review → approved')],
    ])
    await staff['editor-in-chief'].patch(`/api/articles/${id}`, { summary: '上线后的修改', _status: 'published' })
    expect((await latest(id)).reviewHistory).toHaveLength(3)
    const toWriter = (await sentMail(server.mailDir)).filter((mail) => mail.subject.startsWith('【审核通过】'))
    expect(toWriter.flatMap((mail) => [mail.to].flat())).toContainEqual(expect.stringContaining('reporter@'))
  })

  it('sends an article back with a note, which is required, and takes the resubmission', async () => {
    const id = await reportersArticle('审核流程：退回修改')
    await review('reporter', id, { action: 'submit' })
    const noNote = await review('editor', id, { action: 'request-changes' })
    expect(noNote.status).toBe(400)
    expect(invalidPaths(noNote.body)).toEqual(['note'])
    expect((await review('editor', id, { action: 'request-changes', note: '第二段数据需核实' })).body.reviewState).toBe('changes-requested')
    expect((await sentMail(server.mailDir)).some((mail) => mail.subject.startsWith('【退回修改】') && mail.html.includes('第二段数据需核实'))).toBe(true)
    expect((await review('reporter', id, { action: 'submit' })).body.reviewState).toBe('in-review')
  })

  it('refuses actions the role or the state does not allow, with 403, 409 or 400', async () => {
    const id = await reportersArticle('审核流程：越权与错序')
    expect((await review('editor', id, { action: 'approve' })).status).toBe(409)
    await review('reporter', id, { action: 'submit' })
    expect((await review('reporter', id, { action: 'approve' })).status).toBe(403)
    expect((await review('moderator', id, { action: 'approve' })).status).toBe(403)
    expect((await staff.anonymous.post(`/api/articles/${id}/review`, { action: 'approve' })).status).toBe(403)
    const reader = await signUpReader(server, { email: 'review-reader@readers.test', displayName: '审稿读者' })
    expect((await reader.post(`/api/articles/${id}/review`, { action: 'approve' })).status).toBe(403)
    expect(invalidPaths((await review('editor', id, { action: 'publish-now' })).body)).toEqual(['action'])
    expect(invalidPaths((await review('editor', id, { action: 'approve', note: 'x'.repeat(3000) })).body)).toEqual(['note'])
    expect((await staff.editor.post('/api/articles/999999/review', { action: 'approve' })).status).toBe(404)

    const othersId = (await staff.editor.post('/api/articles', { title: '审核流程：别人的稿件' })).body.doc.id
    expect((await review('reporter', othersId, { action: 'submit' })).status).toBe(403)
  })

  it('never takes review fields from the API, and only publishers publish', async () => {
    const id = await reportersArticle('审核流程：伪造状态')
    await staff.reporter.patch(`/api/articles/${id}`, { reviewState: 'approved', approvedBy: staff.ids.editor })
    expect((await latest(id)).reviewState).toBe('draft')
    await review('reporter', id, { action: 'submit' })
    await review('editor', id, { action: 'approve' })
    expect((await staff.editor.patch(`/api/articles/${id}`, { _status: 'published' })).status).toBe(403)
    expect((await staff.reporter.patch(`/api/articles/${id}`, { _status: 'published' })).status).toBe(403)
    const gql = await staff.editor.graphql(`mutation { updateArticle(id: ${id}, data: { _status: published }) { id } }`)
    expect(gql.body.errors?.length).toBeGreaterThan(0)
    expect(await publicTitle(id)).toBeNull()
  })

  it('puts an approved article edited by its writer back to draft, and lets a publisher publish a draft as its approver', async () => {
    const id = await reportersArticle('审核流程：审核后修改')
    await review('reporter', id, { action: 'submit' })
    await review('editor', id, { action: 'approve' })
    await staff.reporter.patch(`/api/articles/${id}`, { summary: '审核之后又改了摘要' })
    const edited = await latest(id)
    expect(edited.reviewState).toBe('draft')
    expect(edited.reviewHistory.at(-1)).toMatchObject({ action: 'reset', to: 'draft' })

    expect((await staff['editor-in-chief'].patch(`/api/articles/${id}`, { _status: 'published' })).status).toBe(200)
    const published = await latest(id)
    expect(published).toMatchObject({ reviewState: 'approved', approvedBy: expect.objectContaining({ id: staff.ids['editor-in-chief'] }) })
    expect(published.reviewHistory.slice(-2).map((entry: { action: string }) => entry.action)).toEqual(['approve', 'publish'])
  })

  it('lets staff filter the list by review state, and hides the review record from the public', async () => {
    const id = await reportersArticle('审核流程：筛选')
    await review('reporter', id, { action: 'submit' })
    const inReview = await staff.editor.get('/api/articles?draft=true&where[reviewState][equals]=in-review&limit=100&select[title]=true')
    expect(inReview.body.docs.map((doc: { id: number }) => doc.id)).toContain(id)
    await staff['editor-in-chief'].patch(`/api/articles/${id}`, { _status: 'published' })
    const publicDoc = (await staff.anonymous.get(`/api/articles/${id}`)).body
    for (const field of ['reviewState', 'reviewHistory', 'approvedBy', 'approvedAt', 'screeningOverride', 'importedFrom']) expect(publicDoc).not.toHaveProperty(field)
  })
})

describe('publish-time screening', () => {
  beforeAll(async () => {
    expect((await staff.admin.post('/api/screening-words', { phrase: REJECT_WORD, action: 'reject' })).status).toBe(201)
    expect((await staff.admin.post('/api/screening-words', { phrase: REVIEW_WORD, action: 'review' })).status).toBe(201)
    // The screener is rebuilt when a list entry changes on this instance.
  })

  it('blocks approval and publishing over a reject word, listing the word, the field and its surroundings', async () => {
    const id = await reportersArticle('筛查：禁止词', { body: paragraph(`这是一篇关于${REJECT_WORD}的稿件，不应发布。`) })
    await review('reporter', id, { action: 'submit' })
    const refused = await review('editor', id, { action: 'approve' })
    expect(refused.status).toBe(400)
    expect(refused.body.errors[0].data.hits).toEqual([expect.objectContaining({ field: 'body', word: REJECT_WORD, context: expect.stringContaining('这是一篇关于') })])
    expect((await staff['editor-in-chief'].patch(`/api/articles/${id}`, { _status: 'published' })).status).toBe(400)
    expect(await publicTitle(id)).toBeNull()
    const listed = await staff.editor.get(`/api/articles/${id}/screening`)
    expect(listed.body.reject).toHaveLength(1)
    const unchanged = await latest(id)
    expect(JSON.stringify(unchanged.body)).toContain(REJECT_WORD)
  })

  it('screens image captions too', async () => {
    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#123456' } }).png().toBuffer()
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'caption.png')
    form.append('_payload', JSON.stringify({ alt: '配图', caption: `图注里藏着${REJECT_WORD}` }))
    const image = (await staff.editor.post('/api/media', form)).body.doc.id
    const id = (await staff['editor-in-chief'].post('/api/articles', { title: '筛查：图注' , coverImage: image })).body.doc.id
    const refused = await staff['editor-in-chief'].patch(`/api/articles/${id}`, { _status: 'published' })
    expect(refused.status).toBe(400)
    expect(refused.body.errors[0].data.hits[0].field).toBe('images')
  })

  it('holds a review word until the editor-in-chief lets it through with a recorded reason', async () => {
    const id = await reportersArticle(`筛查：${REVIEW_WORD}的理财产品`)
    await review('reporter', id, { action: 'submit' })
    const held = await review('editor', id, { action: 'approve' })
    expect(held.status).toBe(409)
    expect(held.body.errors[0].data.needsOverride).toEqual([REVIEW_WORD])
    expect((await review('editor', id, { action: 'override', reason: '引用监管通报原文' })).status).toBe(403)
    expect(invalidPaths((await review('editor-in-chief', id, { action: 'override' })).body)).toEqual(['reason'])
    const overridden = await review('editor-in-chief', id, { action: 'override', reason: '引用监管通报原文' })
    expect(overridden.status).toBe(200)
    expect(overridden.body.screeningOverride).toMatchObject({ words: [REVIEW_WORD], reason: '引用监管通报原文', by: staff.ids['editor-in-chief'] })
    expect((await review('editor', id, { action: 'approve' })).status).toBe(200)
    expect((await staff['editor-in-chief'].patch(`/api/articles/${id}`, { _status: 'published' })).status).toBe(200)
    expect((await latest(id)).reviewHistory.map((entry: { action: string }) => entry.action)).toEqual(['submit', 'override', 'approve', 'publish'])
    const overrideEntry = await staff['editor-in-chief'].get(`/api/audit-log?where[targetId][equals]=${id}&where[action][equals]=override`)
    expect(overrideEntry.body.docs[0].summary).toContain(`${REVIEW_WORD}: 引用监管通报原文`)
  })

  it('closes the loopholes: a scheduled publish and a restored version are screened too', async () => {
    const scheduledId = (await staff['editor-in-chief'].post('/api/articles', { title: `筛查：定时发布${REJECT_WORD}` })).body.doc.id
    const at = new Date(Date.now() + 2_000).toISOString()
    expect((await staff['editor-in-chief'].post(`/api/articles/${scheduledId}/schedule`, { action: 'publish', at })).status).toBe(202)
    await new Promise((resolve) => setTimeout(resolve, 9_000))
    expect(await publicTitle(scheduledId)).toBeNull()

    const phrase = '事后加入的禁词'
    const id = (await staff['editor-in-chief'].post('/api/articles', { title: `筛查：${phrase}`, _status: 'published' })).body.doc.id
    await staff.admin.post('/api/screening-words', { phrase, action: 'reject' })
    const report = await staff.editor.get('/api/articles/screening-report')
    expect(report.body.docs).toEqual(expect.arrayContaining([expect.objectContaining({ id, reject: [expect.objectContaining({ word: phrase })] })]))
    expect((await staff.reporter.get('/api/articles/screening-report')).status).toBe(403)

    expect((await staff['editor-in-chief'].patch(`/api/articles/${id}`, { title: '筛查：已改正的标题', _status: 'published' })).status).toBe(200)
    const versions = await staff.editor.get(`/api/articles/versions?where[parent][equals]=${id}&where[version._status][equals]=published&sort=createdAt&limit=1`)
    const restored = await staff['editor-in-chief'].post(`/api/articles/versions/${versions.body.docs[0].id}`)
    expect(restored.status).toBe(400)
    expect(await publicTitle(id)).toBe('筛查：已改正的标题')
  })
})

describe('refusals, in the language of the person refused', () => {
  const inEnglish = { 'accept-language': 'en-US,en;q=0.9' }
  // The admin's own choice of language, which wins over the browser's.
  const adminSetToEnglish = { 'accept-language': 'zh-CN', cookie: 'payload-lng=en' }

  it('names the state, the action and what it needs by their labels, with a stable code, in Chinese unless asked otherwise', async () => {
    const id = await reportersArticle('审核提示语言')
    expect((await review('reporter', id, { action: 'submit' })).status).toBe(200)
    expect((await review('editor', id, { action: 'approve' })).status).toBe(200)

    const chinese = await review('editor', id, { action: 'approve' })
    expect(chinese.status).toBe(409)
    expect(chinese.body.errors[0]).toEqual({ message: '文章当前为「已通过」，不能「审核通过」：只有「待审核」的文章可以这样操作', data: { code: 'REVIEW_WRONG_STATE' } })
    for (const headers of [inEnglish, adminSetToEnglish]) {
      const english = await staff.editor.post(`/api/articles/${id}/review`, { action: 'approve' }, headers)
      expect(english.body.errors[0]).toEqual({ message: 'The article is "Approved", so it cannot "Approve": only an article that is "In review" can', data: { code: 'REVIEW_WRONG_STATE' } })
    }

    const byRole = await review('reporter', id, { action: 'approve' })
    expect([byRole.status, byRole.body.errors[0].data.code]).toEqual([403, 'REVIEW_ROLE_MAY_NOT'])
    expect(byRole.body.errors[0].message).toBe('您的角色不能「审核通过」：这一步由「管理员」、「总编」或「编辑」操作')
  })

  it('names a field by its label in the top line and beside the field', async () => {
    const id = await reportersArticle('退回修改须写意见')
    await review('reporter', id, { action: 'submit' })
    const chinese = await review('editor', id, { action: 'request-changes' })
    expect(chinese.status).toBe(400)
    expect(chinese.body.errors[0]).toMatchObject({
      message: '下面的字段是无效的： 审核意见',
      data: { code: 'REVIEW_NOTE_REQUIRED', errors: [{ path: 'note', message: '退回修改时请写明需要修改的地方' }] },
    })
    const english = await staff.editor.post(`/api/articles/${id}/review`, { action: 'request-changes' }, inEnglish)
    expect(english.body.errors[0]).toMatchObject({ message: 'The following field is invalid: Note', data: { errors: [{ path: 'note', message: 'Say what needs changing when you send an article back' }] } })
  })
})
