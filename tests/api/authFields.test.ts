import pg from 'pg'

import { ACCOUNT_FIELD_LABELS } from '../../src/lib/accounts/authFields'
import { Api, type ApiResponse, createStaff, READER_PASSWORD, sentMail, signUpReader, type Staff, STAFF_PASSWORD } from '../helpers/api'
import { startServer, type TestServer } from '../helpers/server'

/**
 * Every account field has an owner (`src/lib/accounts/authFields.ts`): what a writer may not set is
 * refused with a 403 naming it, and nothing stored changes, over REST and GraphQL alike.
 */
let server: TestServer
let staff: Staff
let db: pg.Client
let counter = 0
const unique = (prefix: string) => `${prefix}-${++counter}`

beforeAll(async () => {
  server = await startServer({ AUTH_RATE_LIMIT_PER_ADDRESS: '0', AUTH_RATE_LIMIT_PER_EMAIL: '0', API_RATE_LIMIT_PER_MINUTE: '0' })
  staff = await createStaff(server)
  db = new pg.Client({ connectionString: server.databaseUrl })
  await db.connect()
}, 120_000)
afterAll(async () => {
  await db?.end()
  await server?.stop()
})

const newReader = (profession?: string) => signUpReader(server, { email: `${unique('reader')}@readers.test`, displayName: '读者', profession })

/** The account's row as stored, hidden fields included, with its sessions. */
async function storedRow(table: 'users' | 'readers', id: number) {
  const row = (await db.query(`select * from ${table} where id = $1`, [id])).rows[0]
  const sessions = (await db.query(`select id, expires_at from ${table}_sessions where _parent_id = $1 order by id`, [id])).rows
  return { ...row, updated_at: undefined, sessions }
}

/** Refusals name the field: by its label in the reader's language where the form labels it, else by its name. */
const fieldNamed = (field: string) => (field in ACCOUNT_FIELD_LABELS ? ACCOUNT_FIELD_LABELS[field as keyof typeof ACCOUNT_FIELD_LABELS].zh : field)

function expectRefusal(res: ApiResponse, status: number, code: string, field: string) {
  expect([res.status, res.body?.errors?.[0]?.data]).toEqual([status, { code, field }])
  expect(res.body.errors[0].message).toContain(fieldNamed(field))
  expect(res.body.errors[0].message).toMatch(/[\u4e00-\u9fff]/)
}

function expectGraphQLRefusal(res: ApiResponse, status: number, code: string, field: string) {
  const error = res.body?.errors?.[0]
  expect([error?.extensions?.statusCode, error?.extensions?.data]).toEqual([status, { code, field }])
  expect(error.message).toContain(fieldNamed(field))
}

const canLogIn = async (collection: 'users' | 'readers', email: string, password: string) =>
  (await new Api(server.url).post(`/api/${collection}/login`, { email, password })).status === 200

const mailTo = async (address: string) => (await sentMail(server.mailDir)).filter((mail) => mail.to === address)
const confirmToken = (html: string) => html.match(/confirm-email\?token=([A-Za-z0-9_-]+)/)?.[1]

const FUTURE = new Date(Date.now() + 86_400_000).toISOString()

/** A value of each internal field's type, as an attacker would send it. */
const INTERNAL_VALUES: Record<string, unknown> = {
  hash: 'a'.repeat(64),
  salt: 'b'.repeat(64),
  resetPasswordToken: 'attacker-chosen-token',
  resetPasswordExpiration: FUTURE,
  resetPasswordRequestedAt: FUTURE,
  loginAttempts: 0,
  lockUntil: FUTURE,
  sessions: [{ id: 'attacker-session', expiresAt: FUTURE }],
  pendingEmailTokenHash: 'c'.repeat(64),
  pendingEmailExpiresAt: FUTURE,
}
const READER_INTERNAL: Record<string, unknown> = { ...INTERNAL_VALUES, _verificationToken: 'attacker-verification' }

const GRAPHQL_TYPE: Record<'users' | 'readers', string> = { users: 'User', readers: 'Reader' }
const gqlUpdate = (api: Api, collection: 'users' | 'readers', id: number, data: Record<string, unknown>) =>
  api.graphql(`mutation ($id: Int!, $data: mutation${GRAPHQL_TYPE[collection]}UpdateInput!) { update${GRAPHQL_TYPE[collection]}(id: $id, data: $data) { id } }`, { id, data })

describe('_verified', () => {
  it.each([
    ['anonymous', () => new Api(server.url)],
    ['a logged-in reader', () => newReader()],
    ['a moderator', () => staff.moderator],
  ])('%s signing a reader up with _verified is refused, and no account is made (REST and GraphQL)', async (_who, caller) => {
    const api = await caller()
    const email = `${unique('minted')}@readers.test`
    expectRefusal(await api.post('/api/readers', { email, password: READER_PASSWORD, displayName: '冒名', _verified: true }), 403, 'AUTH_FIELD_FORBIDDEN', '_verified')
    const gql = await api.graphql(`mutation ($data: mutationReaderInput!) { createReader(data: $data) { id } }`, {
      data: { email, password: READER_PASSWORD, displayName: '冒名', _verified: true },
    })
    expectGraphQLRefusal(gql, 403, 'AUTH_FIELD_FORBIDDEN', '_verified')
    expect((await db.query('select count(*)::int as n from readers where email = $1', [email])).rows[0].n).toBe(0)
    expect(await canLogIn('readers', email, READER_PASSWORD)).toBe(false)
  })

  it('an admin may create a verified reader and verify one; a moderator or the reader may not', async () => {
    const email = `${unique('by-admin')}@readers.test`
    const created = await staff.admin.post('/api/readers', { email, password: READER_PASSWORD, displayName: '管理员建', _verified: true })
    expect(created.status).toBe(201)
    expect(await canLogIn('readers', email, READER_PASSWORD)).toBe(true)

    const pending = await new Api(server.url).post('/api/readers', { email: `${unique('unverified')}@readers.test`, password: READER_PASSWORD, displayName: '待验证' })
    expect(pending.status).toBe(201)
    const id = pending.body.doc.id
    expectRefusal(await staff.moderator.patch(`/api/readers/${id}`, { _verified: true }), 403, 'AUTH_FIELD_FORBIDDEN', '_verified')
    expectGraphQLRefusal(await gqlUpdate(staff.moderator, 'readers', id, { _verified: true }), 403, 'AUTH_FIELD_FORBIDDEN', '_verified')
    expect((await storedRow('readers', id))._verified).toBe(false)
    expect((await staff.admin.patch(`/api/readers/${id}`, { _verified: true })).status).toBe(200)
    expect((await storedRow('readers', id))._verified).toBe(true)

    const reader = await newReader()
    expectRefusal(await reader.patch(`/api/readers/${reader.id}`, { _verified: false }), 403, 'AUTH_FIELD_FORBIDDEN', '_verified')
  })
})

describe('internal auth fields', () => {
  const readerCallers = ['the reader', 'moderator', 'admin'] as const
  const readerCases = readerCallers.flatMap((who) => Object.keys(READER_INTERNAL).map((field) => [who, field] as const))

  it.each(readerCases)('%s may not write a reader\'s %s (REST and GraphQL); nothing stored changes', async (who, field) => {
    const reader = await newReader()
    const api = who === 'the reader' ? reader : staff[who]
    const before = await storedRow('readers', reader.id)
    expectRefusal(await api.patch(`/api/readers/${reader.id}`, { displayName: '改名', [field]: READER_INTERNAL[field] }), 403, 'INTERNAL_AUTH_FIELD', field)
    expectGraphQLRefusal(await gqlUpdate(api, 'readers', reader.id, { displayName: '改名', [field]: READER_INTERNAL[field] }), 403, 'INTERNAL_AUTH_FIELD', field)
    expect(await storedRow('readers', reader.id)).toEqual(before)
  })

  const staffCallers = ['admin', 'editor-in-chief', 'editor', 'reporter', 'moderator'] as const
  const userCases = [
    ...staffCallers.flatMap((who) => Object.keys(INTERNAL_VALUES).map((field) => [`the ${who} on their own account`, who, field] as const)),
    ...Object.keys(INTERNAL_VALUES).map((field) => ['the admin on a reporter\'s account', 'admin', field] as const),
  ]

  it.each(userCases)('%s may not write %s', async (label, who, field) => {
    const own = label.includes('own account')
    const target = own
      ? staff.ids[who]
      : (await staff.admin.post('/api/users', { name: '目标', email: `${unique('target')}@test.newsroom`, password: STAFF_PASSWORD, roles: ['reporter'] })).body.doc.id
    const before = await storedRow('users', target)
    expectRefusal(await staff[who].patch(`/api/users/${target}`, { name: before.name, [field]: INTERNAL_VALUES[field] }), 403, 'INTERNAL_AUTH_FIELD', field)
    expectGraphQLRefusal(await gqlUpdate(staff[who], 'users', target, { name: before.name, [field]: INTERNAL_VALUES[field] }), 403, 'INTERNAL_AUTH_FIELD', field)
    expect(await storedRow('users', target)).toEqual(before)
  })

  it.each(Object.keys(READER_INTERNAL))('a sign-up carrying %s is refused and makes no account', async (field) => {
    const email = `${unique('signup')}@readers.test`
    expectRefusal(await new Api(server.url).post('/api/readers', { email, password: READER_PASSWORD, displayName: '注册', [field]: READER_INTERNAL[field] }), 403, 'INTERNAL_AUTH_FIELD', field)
    expect((await db.query('select count(*)::int as n from readers where email = $1', [email])).rows[0].n).toBe(0)
  })

  it('a moderator cannot plant a reset token and then reset the reader\'s password', async () => {
    const reader = await newReader()
    const email = (await storedRow('readers', reader.id)).email
    expectRefusal(await staff.moderator.patch(`/api/readers/${reader.id}`, { resetPasswordToken: 'planted-token', resetPasswordExpiration: FUTURE }), 403, 'INTERNAL_AUTH_FIELD', 'resetPasswordToken')
    const reset = await new Api(server.url).post('/api/readers/reset-password', { token: 'planted-token', password: 'taken-over-password-1' })
    expect(reset.status).toBeGreaterThanOrEqual(400)
    expect(reset.status).toBeLessThan(500)
    expect(await canLogIn('readers', email, READER_PASSWORD)).toBe(true)
  })

  it('nobody reads them: not the owner, not an admin, not through login or me', async () => {
    const reader = await newReader()
    const email = (await storedRow('readers', reader.id)).email
    const login = await new Api(server.url).post('/api/readers/login', { email, password: READER_PASSWORD })
    const bodies = [
      login.body.user,
      (await reader.get('/api/readers/me')).body.user,
      (await reader.get(`/api/readers/${reader.id}`)).body,
      (await staff.admin.get(`/api/readers/${reader.id}`)).body,
      (await staff.admin.get(`/api/users/${staff.ids.moderator}`)).body,
      (await staff.moderator.get('/api/users/me')).body.user,
      (await reader.graphql(`{ meReader { user { id sessions { id } } } }`)).body,
    ]
    for (const body of bodies) {
      const text = JSON.stringify(body)
      // Payload answers an array it may not show as empty.
      for (const field of [...Object.keys(READER_INTERNAL), 'currentPassword']) {
        expect([field, text]).not.toEqual([field, expect.stringMatching(new RegExp(`"${field}":(?!null|\\[\\])`))])
      }
    }
  })
})

describe('password', () => {
  it('a moderator may not set a reader\'s password or email, and cannot log in as them', async () => {
    const reader = await newReader()
    const before = await storedRow('readers', reader.id)
    expectRefusal(await staff.moderator.patch(`/api/readers/${reader.id}`, { password: 'moderator-chosen-1' }), 403, 'AUTH_FIELD_FORBIDDEN', 'password')
    expectRefusal(await staff.moderator.patch(`/api/readers/${reader.id}`, { email: `${unique('moderator-owned')}@test.newsroom` }), 403, 'AUTH_FIELD_FORBIDDEN', 'email')
    expectGraphQLRefusal(await gqlUpdate(staff.moderator, 'readers', reader.id, { password: 'moderator-chosen-1' }), 403, 'AUTH_FIELD_FORBIDDEN', 'password')
    expectGraphQLRefusal(await gqlUpdate(staff.moderator, 'readers', reader.id, { email: 'moderator-owned@test.newsroom' }), 403, 'AUTH_FIELD_FORBIDDEN', 'email')
    expect(await storedRow('readers', reader.id)).toEqual(before)
    expect(await canLogIn('readers', before.email, READER_PASSWORD)).toBe(true)
    expect(await canLogIn('readers', before.email, 'moderator-chosen-1')).toBe(false)
  })

  it('an admin may not set someone else\'s password (staff or reader): they use the reset flow', async () => {
    const target = await staff.admin.post('/api/users', { name: '目标', email: `${unique('pw-target')}@test.newsroom`, password: STAFF_PASSWORD, roles: ['reporter'] })
    expectRefusal(await staff.admin.patch(`/api/users/${target.body.doc.id}`, { password: 'admin-chosen-123' }), 403, 'AUTH_FIELD_FORBIDDEN', 'password')
    expect(await canLogIn('users', target.body.doc.email, STAFF_PASSWORD)).toBe(true)
    const reader = await newReader()
    expectRefusal(await staff.admin.patch(`/api/readers/${reader.id}`, { password: 'admin-chosen-123' }), 403, 'AUTH_FIELD_FORBIDDEN', 'password')
  })

  it.each(['readers', 'users'] as const)('the %s account holder changes their password only with the current one', async (collection) => {
    const email = `${unique('own-pw')}@${collection}.test`
    let api: Api
    let id: number
    let oldPassword: string
    if (collection === 'readers') {
      const reader = await signUpReader(server, { email, displayName: '改密码' })
      api = reader
      id = reader.id
      oldPassword = READER_PASSWORD
    } else {
      id = (await staff.admin.post('/api/users', { name: '改密码', email, password: STAFF_PASSWORD, roles: ['reporter'] })).body.doc.id
      api = await new Api(server.url).login(email, STAFF_PASSWORD)
      oldPassword = STAFF_PASSWORD
    }
    expectRefusal(await api.patch(`/api/${collection}/${id}`, { password: 'brand-new-password-1' }), 400, 'CURRENT_PASSWORD_REQUIRED', 'currentPassword')
    expectRefusal(await api.patch(`/api/${collection}/${id}`, { password: 'brand-new-password-1', currentPassword: 'not-the-password' }), 403, 'CURRENT_PASSWORD_INCORRECT', 'currentPassword')
    expectGraphQLRefusal(await gqlUpdate(api, collection, id, { password: 'brand-new-password-1' }), 400, 'CURRENT_PASSWORD_REQUIRED', 'currentPassword')
    expect(await canLogIn(collection, email, oldPassword)).toBe(true)

    const changed = await api.patch(`/api/${collection}/${id}`, { password: 'brand-new-password-1', currentPassword: oldPassword })
    expect(changed.status).toBe(200)
    expect(JSON.stringify(changed.body)).not.toContain(oldPassword)
    expect(await canLogIn(collection, email, 'brand-new-password-1')).toBe(true)
    expect(await canLogIn(collection, email, oldPassword)).toBe(false)
    const again = await gqlUpdate(api, collection, id, { password: 'another-password-22', currentPassword: 'brand-new-password-1' })
    expect(again.body.errors).toBeUndefined()
    expect(await canLogIn(collection, email, 'another-password-22')).toBe(true)
    expect((await storedRow(collection, id)).current_password).toBeUndefined()
  })

  it('wrong current passwords count towards the lockout', async () => {
    const reader = await newReader()
    for (let i = 0; i < 5; i++) await reader.patch(`/api/readers/${reader.id}`, { password: 'brand-new-password-1', currentPassword: `wrong-${i}` })
    expectRefusal(await reader.patch(`/api/readers/${reader.id}`, { password: 'brand-new-password-1', currentPassword: READER_PASSWORD }), 403, 'ACCOUNT_LOCKED', 'currentPassword')
    expect(await canLogIn('readers', (await storedRow('readers', reader.id)).email, READER_PASSWORD)).toBe(false)
  })

  it('the reset flow still sets a new password', async () => {
    const reader = await newReader()
    const { email } = await storedRow('readers', reader.id)
    expect((await new Api(server.url).post('/api/readers/forgot-password', { email })).status).toBe(200)
    const token = (await mailTo(email)).at(-1)!.html.match(/reset-password\?token=([A-Za-z0-9]+)/)![1]
    expect((await new Api(server.url).post('/api/readers/reset-password', { token, password: 'after-reset-password-1' })).status).toBe(200)
    expect(await canLogIn('readers', email, 'after-reset-password-1')).toBe(true)
  })
})

describe('email', () => {
  it('a reader\'s new email waits for the link sent to it; the old address gets a notice', async () => {
    const reader = await newReader()
    const oldEmail = (await storedRow('readers', reader.id)).email
    const newEmail = `${unique('moved')}@readers.test`
    const res = await reader.patch(`/api/readers/${reader.id}`, { email: newEmail })
    expect(res.status).toBe(200)
    expect(res.body.doc).toMatchObject({ email: oldEmail, pendingEmail: newEmail })
    expect(await canLogIn('readers', newEmail, READER_PASSWORD)).toBe(false)
    expect(await canLogIn('readers', oldEmail, READER_PASSWORD)).toBe(true)
    expect((await mailTo(oldEmail)).at(-1)!.html).toContain(newEmail)
    const token = confirmToken((await mailTo(newEmail)).at(-1)!.html)!
    expect(token).toBeTruthy()
    expect(JSON.stringify(await storedRow('readers', reader.id))).not.toContain(token)

    const confirmed = await new Api(server.url).post('/api/readers/confirm-email', { token })
    expect(confirmed.status).toBe(200)
    expect(await canLogIn('readers', newEmail, READER_PASSWORD)).toBe(true)
    expect(await canLogIn('readers', oldEmail, READER_PASSWORD)).toBe(false)
    expect((await reader.get(`/api/readers/${reader.id}`)).body).toMatchObject({ email: newEmail, pendingEmail: null })
    expectRefusal(await new Api(server.url).post('/api/readers/confirm-email', { token }), 400, 'EMAIL_CHANGE_LINK_INVALID', 'token')
  })

  it('over GraphQL too; an expired link changes nothing', async () => {
    const reader = await newReader()
    const oldEmail = (await storedRow('readers', reader.id)).email
    const newEmail = `${unique('expired')}@readers.test`
    const gql = await gqlUpdate(reader, 'readers', reader.id, { email: newEmail })
    expect(gql.body.errors).toBeUndefined()
    expect((await storedRow('readers', reader.id)).email).toBe(oldEmail)
    const token = confirmToken((await mailTo(newEmail)).at(-1)!.html)!
    await db.query(`update readers set pending_email_expires_at = now() - interval '1 minute' where id = $1`, [reader.id])
    expectRefusal(await new Api(server.url).post('/api/readers/confirm-email', { token }), 400, 'EMAIL_CHANGE_LINK_EXPIRED', 'token')
    expect((await storedRow('readers', reader.id))).toMatchObject({ email: oldEmail, pending_email: null })
  })

  it('an address taken meanwhile is a 409 at confirmation, and the email stays', async () => {
    const reader = await newReader()
    const oldEmail = (await storedRow('readers', reader.id)).email
    const newEmail = `${unique('contested')}@readers.test`
    expect((await reader.patch(`/api/readers/${reader.id}`, { email: newEmail })).status).toBe(200)
    const token = confirmToken((await mailTo(newEmail)).at(-1)!.html)!
    await signUpReader(server, { email: newEmail, displayName: '抢注' })
    expectRefusal(await new Api(server.url).post('/api/readers/confirm-email', { token }), 409, 'EMAIL_IN_USE', 'email')
    expect((await storedRow('readers', reader.id)).email).toBe(oldEmail)
    // Asking for an address in use is refused at once.
    expectRefusal(await reader.patch(`/api/readers/${reader.id}`, { email: newEmail }), 409, 'EMAIL_IN_USE', 'email')
  })

  it('a staff member\'s own change, and an admin\'s change of theirs, wait for the link too', async () => {
    const email = `${unique('staff-move')}@test.newsroom`
    const id = (await staff.admin.post('/api/users', { name: '换邮箱', email, password: STAFF_PASSWORD, roles: ['editor'] })).body.doc.id
    const self = await new Api(server.url).login(email, STAFF_PASSWORD)
    const mine = `${unique('mine')}@test.newsroom`
    expect((await self.patch(`/api/users/${id}`, { email: mine })).status).toBe(200)
    expect((await storedRow('users', id)).email).toBe(email)
    const byAdmin = `${unique('by-admin')}@test.newsroom`
    expect((await staff.admin.patch(`/api/users/${id}`, { email: byAdmin })).status).toBe(200)
    expect((await storedRow('users', id))).toMatchObject({ email, pending_email: byAdmin })
    const link = (await mailTo(byAdmin)).at(-1)!.html
    expect(link).toContain('account=staff')
    // The first link was replaced by the second.
    expectRefusal(await new Api(server.url).post('/api/users/confirm-email', { token: confirmToken((await mailTo(mine)).at(-1)!.html) }), 400, 'EMAIL_CHANGE_LINK_INVALID', 'token')
    expect((await new Api(server.url).post('/api/users/confirm-email', { token: confirmToken(link) })).status).toBe(200)
    expect(await canLogIn('users', byAdmin, STAFF_PASSWORD)).toBe(true)
    // The audit log, which the editor-in-chief reads, says the addresses changed, not what they are.
    const audit = await staff['editor-in-chief'].get(`/api/audit-log?where[targetCollection][equals]=users&where[targetId][equals]=${id}&limit=50`)
    expect(audit.body.docs.length).toBeGreaterThan(1)
    for (const address of [email, mine, byAdmin]) expect(JSON.stringify(audit.body)).not.toContain(address)
  })

  it('an account holder writing their own account by `where` changes no email, password or verification', async () => {
    const reader = await newReader()
    const before = await storedRow('readers', reader.id)
    const own = `/api/readers?where[id][equals]=${reader.id}`
    expectRefusal(await reader.patch(own, { password: 'bulk-password-123' }), 403, 'AUTH_FIELD_FORBIDDEN', 'password')
    expectRefusal(await reader.patch(own, { email: `${unique('bulk')}@readers.test` }), 403, 'AUTH_FIELD_FORBIDDEN', 'email')
    expectRefusal(await reader.patch(own, { _verified: false }), 403, 'AUTH_FIELD_FORBIDDEN', '_verified')
    expectRefusal(await staff.reporter.patch(`/api/users?where[id][equals]=${staff.ids.reporter}`, { password: 'bulk-password-123' }), 403, 'AUTH_FIELD_FORBIDDEN', 'password')
    expect(await storedRow('readers', reader.id)).toEqual(before)
    expect(await canLogIn('users', 'reporter@test.newsroom', STAFF_PASSWORD)).toBe(true)
    expect((await reader.patch(own, { displayName: '批量改名' })).status).toBe(200)
  })

  it('pendingEmail itself is the server\'s to set', async () => {
    const reader = await newReader()
    expectRefusal(await reader.patch(`/api/readers/${reader.id}`, { pendingEmail: 'direct@readers.test' }), 403, 'AUTH_FIELD_FORBIDDEN', 'pendingEmail')
    expectRefusal(await staff.moderator.patch(`/api/readers?where[id][equals]=${reader.id}`, { email: 'bulk@readers.test' }), 403, 'AUTH_FIELD_FORBIDDEN', 'email')
  })

  it('a new email must be an email address', async () => {
    const reader = await newReader()
    const res = await reader.patch(`/api/readers/${reader.id}`, { email: 'not an address' })
    expect(res.status).toBe(400)
    expect(res.body.errors[0].data.errors[0].path).toBe('email')
  })
})

describe('moderation fields and profession', () => {
  it.each(['status', 'suspendedUntil', 'professionVerified'])('a reader may not set their own %s; a moderator may', async (field) => {
    const reader = await newReader('lawyer')
    const value = { status: 'banned', suspendedUntil: FUTURE, professionVerified: true }[field]
    const before = await storedRow('readers', reader.id)
    expectRefusal(await reader.patch(`/api/readers/${reader.id}`, { [field]: value }), 403, 'AUTH_FIELD_FORBIDDEN', field)
    expectGraphQLRefusal(await gqlUpdate(reader, 'readers', reader.id, { [field]: value }), 403, 'AUTH_FIELD_FORBIDDEN', field)
    expect(await storedRow('readers', reader.id)).toEqual(before)
    expect((await staff.moderator.patch(`/api/readers/${reader.id}`, { [field]: value })).status).toBe(200)
  })

  it('a verified 法务助理 who switches to 注册会计师 loses the badge', async () => {
    const reader = await newReader('legal-assistant')
    expect((await staff.moderator.patch(`/api/readers/${reader.id}`, { professionVerified: true })).status).toBe(200)
    const switched = await reader.patch(`/api/readers/${reader.id}`, { profession: 'cpa' })
    expect(switched.status).toBe(200)
    expect(switched.body.doc).toMatchObject({ profession: 'cpa', professionVerified: false })
    const gql = await newReader('lawyer')
    await staff.moderator.patch(`/api/readers/${gql.id}`, { professionVerified: true })
    expect((await gqlUpdate(gql, 'readers', gql.id, { profession: 'analyst' })).body.errors).toBeUndefined()
    expect((await storedRow('readers', gql.id)).profession_verified).toBe(false)
  })

  it('a moderator who changes the profession and sets the verification in one request keeps it', async () => {
    const reader = await newReader('lawyer')
    await staff.moderator.patch(`/api/readers/${reader.id}`, { professionVerified: true })
    expect((await staff.moderator.patch(`/api/readers/${reader.id}`, { profession: 'cpa', professionVerified: true })).body.doc).toMatchObject({ profession: 'cpa', professionVerified: true })
    expect((await staff.moderator.patch(`/api/readers/${reader.id}`, { profession: 'analyst' })).body.doc).toMatchObject({ profession: 'analyst', professionVerified: false })
  })

  it('the admin form\'s unchanged values are no write: a moderator saves a reader\'s status with email and _verified as stored', async () => {
    const reader = await newReader()
    const { email } = await storedRow('readers', reader.id)
    const res = await staff.moderator.patch(`/api/readers/${reader.id}`, { email, _verified: true, status: 'suspended', suspendedUntil: FUTURE, displayName: '读者' })
    expect(res.status).toBe(200)
    expect(res.body.doc.status).toBe('suspended')
  })
})
