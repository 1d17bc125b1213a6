import { Api, createStaff, signUpReader, type Staff, STAFF_PASSWORD } from '../helpers/api'
import { startServer, type TestServer, withDatabase } from '../helpers/server'
import { eventually } from '../helpers/wait'
import type { AuditLog } from '../../src/payload-types'

let server: TestServer
let staff: Staff

beforeAll(async () => {
  server = await startServer()
  staff = await createStaff(server)
})
afterAll(() => server.stop())

/** Entries matching a REST `where` query string, newest first, as an admin reads them. */
async function auditEntries(where: string): Promise<AuditLog[]> {
  const res = await staff.admin.get(`/api/audit-log?${where}&sort=-id&limit=100&depth=0`)
  expect(res.status).toBe(200)
  return res.body.docs
}

const entriesFor = (collection: string, id: number | string) =>
  auditEntries(`where[targetCollection][equals]=${collection}&where[targetId][equals]=${id}`)

const LOCAL_IP = /^(::ffff:)?127\.0\.0\.1$/

it('records a create and an update, by whom, from where, with the fields that changed', async () => {
  const created = await staff.editor.post('/api/categories', { name: '审计频道' })
  expect(created.status).toBe(201)
  const id = created.body.doc.id
  expect((await staff.editor.patch(`/api/categories/${id}`, { name: '审计频道（改）' })).status).toBe(200)

  const [update, create] = await entriesFor('categories', id)
  expect(create).toMatchObject({
    action: 'create',
    actorCollection: 'users',
    actorId: String(staff.ids.editor),
    actorName: '李编辑',
    targetCollection: 'categories',
    targetId: String(id),
    summary: expect.stringMatching(new RegExp(`^新建 categories #${id}「审计频道」: .*name`)),
  })
  expect(create.changes).toContainEqual({ field: 'name', from: null, to: '审计频道' })
  expect(create.ip).toMatch(LOCAL_IP)
  expect(new Date(create.at).getTime()).toBeGreaterThan(Date.now() - 60_000)

  expect(update).toMatchObject({ action: 'update', actorName: '李编辑', summary: expect.stringContaining(`更新 categories #${id}「审计频道（改）」`) })
  expect(update.changes).toContainEqual({ field: 'name', from: '审计频道', to: '审计频道（改）' })
  expect(JSON.stringify(update.changes)).not.toMatch(/updatedAt|createdAt/)
})

it('records a delete with what the document held', async () => {
  const { body } = await staff.editor.post('/api/tags', { name: '将被删除的标签' })
  expect((await staff['editor-in-chief'].delete(`/api/tags/${body.doc.id}`)).status).toBe(200)
  const [deleted] = await entriesFor('tags', body.doc.id)
  expect(deleted).toMatchObject({ action: 'delete', actorName: '王总编', summary: `删除 tags #${body.doc.id}「将被删除的标签」: name, slug` })
  expect(deleted.changes).toContainEqual({ field: 'name', from: '将被删除的标签', to: null })
})

it('never records a password or any other secret', async () => {
  const password = 'very-secret-password-1'
  const created = await staff.admin.post('/api/users', { name: '保密测试', email: 'secret@test.newsroom', password, roles: ['reporter'] })
  expect(created.status).toBe(201)
  const newPassword = 'another-secret-password-2'
  const self = await staff.anonymous.login('secret@test.newsroom', password)
  expect((await self.patch(`/api/users/${created.body.doc.id}`, { password: newPassword, currentPassword: password })).status).toBe(200)
  const webhook = await staff.admin.post('/api/webhooks', { name: '审计', url: 'https://hooks.example.com/a', events: ['article.published'], secret: 'whsec-audit-test-secret' })
  expect(webhook.status).toBe(201)

  const entries = [...(await entriesFor('users', created.body.doc.id)), ...(await entriesFor('webhooks', webhook.body.doc.id))]
  const text = JSON.stringify(entries)
  for (const secret of [password, newPassword, 'whsec-audit-test-secret']) expect(text).not.toContain(secret)
  // The editor-in-chief reads the log too, and is not shown staff emails anywhere else.
  expect(text).not.toContain('secret@test.newsroom')
  expect(text).not.toMatch(/"(hash|salt|sessions|loginAttempts|resetPasswordToken|_verificationToken)"/)
  const passwordChange = entries.find((entry) => entry.action === 'update' && entry.targetCollection === 'users')
  expect(passwordChange?.changes).toEqual([{ field: 'password', changed: true }])
  expect(entries.find((entry) => entry.action === 'create' && entry.targetCollection === 'users')?.changes).toContainEqual({ field: 'email', changed: true })
  const webhookCreate = entries.find((entry) => entry.targetCollection === 'webhooks')
  expect(webhookCreate?.changes).toContainEqual({ field: 'secret', changed: true })
})

it('tells a draft save, a publish, a live edit and an unpublish apart', async () => {
  const chief = staff['editor-in-chief']
  const created = await staff.editor.post('/api/articles', { title: '审计：草稿', summary: '初稿' })
  expect(created.status).toBe(201)
  const id = created.body.doc.id
  expect((await staff.editor.patch(`/api/articles/${id}?draft=true`, { title: '审计：修改后的草稿' })).status).toBe(200)
  // Autosaves (every two seconds while someone types) are left to the versions.
  expect((await staff.editor.patch(`/api/articles/${id}?draft=true&autosave=true`, { summary: '打字中' })).status).toBe(200)
  expect((await staff.editor.patch(`/api/articles/${id}?draft=true&autosave=true`, { summary: '初稿' })).status).toBe(200)
  expect((await chief.patch(`/api/articles/${id}`, { _status: 'published' })).status).toBe(200)
  expect((await chief.patch(`/api/articles/${id}`, { summary: '发布后修改' })).status).toBe(200)
  expect((await chief.patch(`/api/articles/${id}`, { _status: 'draft' })).status).toBe(200)

  const [unpublish, liveEdit, publish, draftSave, create] = await entriesFor('articles', id)
  expect(create).toMatchObject({ action: 'create', actorName: '李编辑' })
  expect(draftSave).toMatchObject({ action: 'update', actorName: '李编辑', summary: `更新草稿 articles #${id}「审计：修改后的草稿」: title` })
  expect(draftSave.changes).toEqual([{ field: 'title', from: '审计：草稿', to: '审计：修改后的草稿' }])
  // Against what readers saw before: the draft's new title went live with it.
  expect(publish).toMatchObject({ action: 'publish', actorName: '王总编' })
  expect(publish.changes).toContainEqual({ field: 'title', from: '审计：草稿', to: '审计：修改后的草稿' })
  expect(publish.changes).toContainEqual({ field: '_status', from: 'draft', to: 'published' })
  expect(liveEdit).toMatchObject({ action: 'update', summary: expect.stringMatching(new RegExp(`^更新 articles #${id}「审计：修改后的草稿」: summary`)) })
  expect(liveEdit.changes).toContainEqual({ field: 'summary', from: '初稿', to: '发布后修改' })
  expect(unpublish).toMatchObject({ action: 'unpublish', actorName: '王总编' })
  expect(unpublish.changes).toContainEqual({ field: '_status', from: 'published', to: 'draft' })
})

it('records publishing at creation as a publish, and summarises the body as changed', async () => {
  const body = { root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children: [{ type: 'paragraph', version: 1, direction: null, format: '', indent: 0, textFormat: 0, textStyle: '', children: [{ type: 'text', version: 1, text: '正文内容', format: 0, style: '', mode: 'normal', detail: 0 }] }] } }
  const created = await staff['editor-in-chief'].post('/api/articles', { title: '审计：直接发布', body, _status: 'published' })
  expect(created.status).toBe(201)
  const [publish] = await entriesFor('articles', created.body.doc.id)
  expect(publish.action).toBe('publish')
  expect(publish.changes).toContainEqual({ field: 'body', changed: true })
  expect(JSON.stringify(publish.changes)).not.toContain('正文内容')
})

it('records a role change as such', async () => {
  const created = await staff.admin.post('/api/users', { name: '升职者', email: 'promoted@test.newsroom', password: STAFF_PASSWORD, roles: ['reporter'] })
  const id = created.body.doc.id
  expect((await staff.admin.patch(`/api/users/${id}`, { roles: ['editor', 'moderator'] })).status).toBe(200)
  const [roleChange, create] = await entriesFor('users', id)
  expect(create.action).toBe('create')
  expect(roleChange).toMatchObject({
    action: 'role-change',
    actorName: '管理员',
    summary: `角色变更 users #${id}「升职者」: +editor, +moderator, −reporter`,
    changes: [{ field: 'roles', from: ['reporter'], to: ['editor', 'moderator'] }],
  })
})

it('records logins, staff and readers', async () => {
  const [login] = await auditEntries(`where[action][equals]=login&where[actorId][equals]=${staff.ids.moderator}&where[actorCollection][equals]=users`)
  expect(login).toMatchObject({ actorName: '赵审核', targetCollection: 'users', targetId: String(staff.ids.moderator), summary: `登录 users #${staff.ids.moderator}「赵审核」` })
  expect(login.ip).toMatch(LOCAL_IP)

  // Signing up is a create by someone not logged in; verifying the email and logging in follow.
  const reader = await signUpReader(server, { email: 'audit-reader@example.com', displayName: '审计读者' })
  const [readerLogin, ...earlier] = await entriesFor('readers', reader.id)
  expect(readerLogin).toMatchObject({ action: 'login', actorCollection: 'readers', actorId: String(reader.id), actorName: '审计读者' })
  expect(earlier.map((entry) => [entry.action, entry.actorName, entry.actorId])).toEqual([['create', 'anonymous', null]])
})

it('records failed logins with the email tried and the address, never the password', async () => {
  const anonymous = new Api(server.url)
  const wrong = 'not-the-password-123'
  const refused = await anonymous.post('/api/users/login', { email: '  Reporter@Test.Newsroom ', password: wrong }, { 'x-newsroom-client-ip': '6.6.6.6' })
  expect(refused.status).toBe(401)
  expect((await anonymous.post('/api/readers/login', { email: 'nobody@example.com', password: wrong })).status).toBe(401)
  const gql = await anonymous.graphql(`mutation { loginUser(email: "ghost@test.newsroom", password: "${wrong}") { token } }`)
  expect(gql.body.errors?.length).toBeGreaterThan(0)

  const failures = await auditEntries('where[action][equals]=login-failed')
  expect(failures.map((entry) => [entry.actorCollection, entry.actorName, entry.attemptedEmail])).toEqual([
    [null, 'anonymous', 'ghost@test.newsroom'],
    [null, 'anonymous', 'nobody@example.com'],
    [null, 'anonymous', 'reporter@test.newsroom'],
  ])
  const staffFailure = failures[2]
  // The summary, which the editor-in-chief reads, says why and not who was tried.
  expect(staffFailure).toMatchObject({ actorId: null, targetCollection: 'users', targetId: null, summary: expect.stringMatching(/^登录失败 users: [^@]+$/) })
  // The client's own header is dropped on the way in: the address is the connection's.
  expect(staffFailure.ip).toMatch(LOCAL_IP)
  expect(JSON.stringify(failures)).not.toContain(wrong)
  // A missing password is bad input, not a login attempt.
  expect((await anonymous.post('/api/users/login', { email: 'reporter@test.newsroom' })).status).toBe(400)
  expect(await auditEntries('where[action][equals]=login-failed')).toHaveLength(3)
})

describe('client addresses and tried emails: admins only', () => {
  const chief = () => staff['editor-in-chief']
  let correctionId: number

  beforeAll(async () => {
    expect((await new Api(server.url).post('/api/users/login', { email: 'chief-typo@test.newsroom', password: 'wrong-password-123' })).status).toBe(401)
    const article = await chief().post('/api/articles', { title: '地址测试文章', summary: '摘要', _status: 'published' })
    expect(article.status).toBe(201)
    const request = await new Api(server.url).post('/api/correction-requests', { article: article.body.doc.id, errorType: 'typo', quote: '地址测试', reporterName: '热心读者' })
    expect(request.status).toBe(201)
    correctionId = request.body.doc.id
  })

  it('leaves them out of what the editor-in-chief reads, the changes of a created document included', async () => {
    const [asAdmin] = await auditEntries('where[action][equals]=login-failed&where[attemptedEmail][equals]=chief-typo@test.newsroom')
    expect(asAdmin).toMatchObject({ ip: expect.stringMatching(LOCAL_IP), attemptedEmail: 'chief-typo@test.newsroom' })
    const rest = await chief().get('/api/audit-log?limit=1000&depth=0')
    expect(rest.status).toBe(200)
    const text = JSON.stringify(rest.body)
    expect(text).not.toContain('chief-typo@test.newsroom')
    expect(text).not.toMatch(/"ip"|"attemptedEmail"|127\.0\.0\.1/)
    const selected = await chief().get(`/api/audit-log/${asAdmin.id}?select[ip]=true&select[attemptedEmail]=true&select[summary]=true`)
    expect(selected.body).not.toHaveProperty('ip')
    expect(selected.body).not.toHaveProperty('attemptedEmail')
    const created = (await chief().get(`/api/audit-log?where[targetCollection][equals]=correction-requests&where[targetId][equals]=${correctionId}&depth=0`)).body.docs
    expect(created).toHaveLength(1)
    expect(JSON.stringify(created[0].changes)).not.toMatch(/"ip"|127\.0\.0\.1/)
    const gql = await chief().graphql(`{ AuditLog(id: ${asAdmin.id}) { summary ip attemptedEmail } }`)
    expect(gql.body.data?.AuditLog).toMatchObject({ ip: null, attemptedEmail: null })
    expect(gql.body.data?.AuditLog.summary).not.toContain('@')
  })

  it('lets no one else query or sort by them (REST and GraphQL), in the audit log, comments and correction requests', async () => {
    const probes = [
      ['audit-log', 'where[ip][equals]=127.0.0.1'],
      ['audit-log', 'where[ip][like]=127'],
      ['audit-log', 'where[attemptedEmail][exists]=true'],
      ['audit-log', 'sort=ip'],
      ['audit-log', 'sort=-attemptedEmail'],
      ['correction-requests', 'where[ip][exists]=true'],
      ['correction-requests', 'sort=ip'],
      ['comments', 'where[ip][equals]=127.0.0.1'],
      ['comments', 'sort=-ip'],
    ] as const
    for (const [slug, query] of probes) {
      const res = await chief().get(`/api/${slug}?${query}&depth=0`)
      expect([slug, query, res.status]).toEqual([slug, query, expect.any(Number)])
      expect([slug, query, res.status >= 400 && res.status < 500]).toEqual([slug, query, true])
      // An admin may.
      expect([slug, query, (await staff.admin.get(`/api/${slug}?${query}&depth=0`)).status]).toEqual([slug, query, 200])
    }
    for (const query of [
      '{ AuditLogs(where: { ip: { equals: "127.0.0.1" } }) { totalDocs } }',
      '{ AuditLogs(where: { attemptedEmail: { exists: true } }) { totalDocs } }',
      '{ AuditLogs(sort: "ip") { totalDocs } }',
    ]) {
      const res = await chief().graphql(query)
      expect([query, res.body.data?.AuditLogs ?? null, (res.body.errors?.length ?? 0) > 0]).toEqual([query, null, true])
      expect([query, (await staff.admin.graphql(query)).body.errors]).toEqual([query, undefined])
    }
  })
})

it('lets admins and the editor-in-chief read the log, and nobody else', async () => {
  for (const who of ['admin', 'editor-in-chief'] as const) {
    const res = await staff[who].get('/api/audit-log?limit=5')
    expect(res.status).toBe(200)
    expect(res.body.docs.length).toBeGreaterThan(0)
    const gql = await staff[who].graphql('{ AuditLogs(limit: 5) { docs { action summary } } }')
    expect(gql.body.data?.AuditLogs.docs.length).toBeGreaterThan(0)
  }
  const reader = await signUpReader(server, { email: 'curious-reader@example.com', displayName: '好奇读者' })
  for (const api of [staff.editor, staff.reporter, staff.moderator, reader, staff.anonymous]) {
    expect((await api.get('/api/audit-log')).status).toBe(403)
    const gql = await api.graphql('{ AuditLogs { docs { summary } } }')
    expect(gql.body.data?.AuditLogs ?? null).toBeNull()
  }
})

it('lets nobody create, change or delete an entry, over REST or GraphQL', async () => {
  const [entry] = await auditEntries('where[action][equals]=create')
  for (const who of ['admin', 'editor-in-chief'] as const) {
    const api = staff[who]
    expect((await api.post('/api/audit-log', { at: new Date().toISOString(), action: 'login', summary: '伪造' })).status).toBe(403)
    expect((await api.patch(`/api/audit-log/${entry.id}`, { summary: '篡改' })).status).toBe(403)
    expect((await api.delete(`/api/audit-log/${entry.id}`)).status).toBe(403)
    expect((await api.delete('/api/audit-log?where[id][exists]=true')).status).toBe(403)
    for (const [field, mutation] of [
      ['createAuditLog', `mutation { createAuditLog(data: { at: "2026-01-01T00:00:00.000Z", action: login, summary: "伪造" }) { id } }`],
      ['updateAuditLog', `mutation { updateAuditLog(id: ${entry.id}, data: { summary: "篡改" }) { id } }`],
      ['deleteAuditLog', `mutation { deleteAuditLog(id: ${entry.id}) { id } }`],
    ]) {
      const res = await api.graphql(mutation)
      expect(res.body.data?.[field] ?? null).toBeNull()
      expect(res.body.errors?.map((error) => error.extensions?.statusCode)).toContain(403)
    }
  }
  expect((await staff.admin.get(`/api/audit-log/${entry.id}`)).body).toMatchObject({ summary: entry.summary })
  expect(await auditEntries('where[summary][equals]=伪造')).toEqual([])
})

it('purges entries past the retention period on schedule, and keeps the rest', async () => {
  // The daily purge is queued by the scheduler within a tick of the start.
  const scheduled = await eventually(async () => {
    const res = await staff.admin.get('/api/payload-jobs?where[taskSlug][equals]=purgeAuditLog&where[completedAt][exists]=false')
    return res.body.docs?.[0] as { id: number; waitUntil: string } | undefined
  }, 'the scheduled purge', 20_000)
  expect(new Date(scheduled.waitUntil).getTime()).toBeGreaterThan(Date.now())

  await withDatabase(server.databaseUrl, (client) =>
    client.query(
      `insert into audit_log (at, action, summary, updated_at, created_at) values
         (now() - interval '400 days', 'update', '过期的记录', now(), now()),
         (now() - interval '300 days', 'update', '保留期内的记录', now(), now())`,
    ),
  )
  // Its time comes: moved to now, the queue's runner does it.
  await withDatabase(server.databaseUrl, (client) => client.query(`update payload_jobs set wait_until = now() where id = $1`, [scheduled.id]))
  await eventually(async () => (await auditEntries('where[summary][equals]=过期的记录')).length === 0, 'the purge of the expired entry', 20_000)
  expect(await auditEntries('where[summary][equals]=保留期内的记录')).toHaveLength(1)
  expect((await auditEntries('where[action][equals]=create')).length).toBeGreaterThan(0)
})
