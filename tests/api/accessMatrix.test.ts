/**
 * Walks the access matrix (tests/access/matrix.ts) against one running server: every row, every
 * caller, through REST and (where the collection has it) GraphQL. Reads check which fixtures and
 * which fields come back; writes check the answer and, re-read from the database and as an admin,
 * what was stored. A write expected to go through acts on a document made for its cell; those
 * expected to be refused share one per row, as nothing is meant to change it. Rows run many at once.
 */
import { randomUUID } from 'node:crypto'

import pg from 'pg'
import sharp from 'sharp'

import { type Answer, CALLERS, type Caller, endpointOf, fieldOf, GRAPHQL, MATRIX, type Rule } from '../access/matrix'
import { Api, type ApiResponse, bindReaderPhone, createStaff, READER_PASSWORD, sentMail, sentSms, signUpReader, STAFF_PASSWORD, type Staff } from '../helpers/api'
import { startServer, type TestServer } from '../helpers/server'

type Id = number | string
const TRANSPORTS = ['rest', 'graphql'] as const
type Transport = (typeof TRANSPORTS)[number]
type StaffCaller = 'admin' | 'editor-in-chief' | 'editor' | 'reporter' | 'moderator'

/** An API client's requests carry its key instead of a login. */
class KeyApi extends Api {
  constructor(
    baseUrl: string,
    private readonly key: string,
  ) {
    super(baseUrl)
  }

  override request<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    return super.request<T>(method, path, body, { authorization: `api-clients API-Key ${this.key}`, ...headers })
  }
}

let server: TestServer
let staff: Staff
let db: pg.Pool
let as: Record<Caller, Api>
let readerIds: { reader: number; owner: number }

const run = randomUUID().slice(0, 6)
let counter = 0
/** A value no other cell uses, short enough for every field it goes into. */
const mark = (prefix: string) => `${prefix}-${run}-${++counter}`

const isStaff = (caller: Caller): caller is StaffCaller => !['anonymous', 'api-client', 'reader', 'owner'].includes(caller)
const ok = (res: ApiResponse) => res.status >= 200 && res.status < 300
const clientError = (res: ApiResponse) => res.status >= 400 && res.status < 500
const brief = (res: ApiResponse) => `${res.status} ${JSON.stringify(res.body).slice(0, 300)}`

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message)
}

/** Where `/api/<slug>/<x>` means the caller's entry under the key x, not the document with id x. */
const BY_KEY = new Set(['payload-preferences'])

const GLOBAL_TARGETS = ['site-settings', 'moderation-settings', 'payload-jobs-stats']
const restBase = (target: string) => (GLOBAL_TARGETS.includes(target) ? `/api/globals/${target}` : `/api/${target}`)
const table = (target: string) => target.replace(/-/g, '_')
const column = (field: string) => (field.startsWith('_') ? field.toLowerCase() : field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`))

// ------------------------------------------------------------------------------------- what is stored

/** Rows of a field's own table (arrays, hasMany selects), without the bookkeeping columns. */
async function subRows(tableName: string, parentColumn: string, parent: Id): Promise<string | null> {
  const rows = await db.query(`select * from "${tableName}" where "${parentColumn}" = $1 order by 1`, [parent]).catch(() => null)
  if (!rows) return null
  return JSON.stringify(rows.rows.map((row) => Object.fromEntries(Object.entries(row).filter(([key]) => !['id', '_order', 'order', '_parent_id', 'parent_id'].includes(key)))))
}

/**
 * The field as stored, read from the database (an article's from its latest version, which is what
 * a draft save writes): its column, its relation's column, its group's columns, or its own table's
 * rows.
 */
async function stored(target: string, id: Id, field: string): Promise<string> {
  const row = (await db.query(`select * from "${table(target)}" where id = $1`, [id])).rows[0]
  if (!row) return 'missing'
  if (field === 'password') return JSON.stringify(row.hash)
  const versioned = target === 'articles'
  const latest = (versioned && (await db.query('select * from _articles_v where parent_id = $1 order by id desc limit 1', [id])).rows[0]) || row
  const name = `${versioned ? 'version_' : ''}${column(field)}`
  if (name in latest) return JSON.stringify(latest[name])
  if (`${name}_id` in latest) return JSON.stringify(latest[`${name}_id`])
  const group = Object.entries(latest).filter(([key]) => key.startsWith(`${name}_`))
  if (group.length > 0) return JSON.stringify(Object.fromEntries(group))
  const own = versioned ? await subRows(`_articles_v_${name}`, '_parent_id', latest.id) : ((await subRows(`${table(target)}_${name}`, '_parent_id', id)) ?? (await subRows(`${table(target)}_${name}`, 'parent_id', id)))
  check(own !== null, `${target}.${field}: no column or table holds it`)
  return own
}

/** The whole document as an admin reads it, for what a virtual field leaves in a log. */
async function storedText(target: string, id: Id): Promise<string> {
  const doc = await as.admin.get(`${restBase(target)}/${id}?depth=0&draft=true`)
  return JSON.stringify(doc.body)
}

const exists = async (target: string, id: Id) => (await db.query(`select 1 from "${table(target)}" where id = $1`, [id])).rowCount === 1
const countWhere = async (target: string, col: string, value: string) =>
  Number((await db.query(`select count(*) from "${table(target)}" where "${col}" = $1`, [value])).rows[0].count)

// ------------------------------------------------------------------------------------------- fixtures

let image: Buffer
const upload = (alt: string) => {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(image)], { type: 'image/png' }), `${alt.replace(/\W+/g, '-')}.png`)
  form.append('_payload', JSON.stringify({ alt }))
  return form
}

const future = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString()

/** How each collection is written to: the column a new document is found by, and a valid new one. */
const SUBJECTS: Record<string, { column: string; create: (marker: string) => unknown; update: [string, (marker: string) => unknown] }> = {
  articles: { column: 'title', create: (m) => ({ title: m }), update: ['title', (m) => m] },
  categories: { column: 'name', create: (m) => ({ name: m }), update: ['name', (m) => m] },
  tags: { column: 'name', create: (m) => ({ name: m }), update: ['name', (m) => m] },
  authors: { column: 'name', create: (m) => ({ name: m }), update: ['name', (m) => m] },
  media: { column: 'alt', create: (m) => upload(m), update: ['alt', (m) => m] },
  comments: { column: 'body', create: (m) => ({ article: fx.article, body: `评论 ${m}` }), update: ['featured', () => true] },
  'correction-requests': { column: 'quote', create: (m) => ({ article: fx.article, errorType: 'figure', quote: m }), update: ['internalNotes', (m) => m] },
  readers: { column: 'email', create: (m) => ({ email: `${m}@test.newsroom`, password: READER_PASSWORD, displayName: m.slice(0, 30) }), update: ['displayName', (m) => m.slice(0, 30)] },
  avatars: { column: 'alt', create: (m) => upload(m), update: ['alt', (m) => m] },
  notifications: { column: 'article_title', create: (m) => ({ reader: readerIds.owner, kind: 'reply', articleTitle: m }), update: ['articleTitle', (m) => m] },
  'screening-words': { column: 'phrase', create: (m) => ({ phrase: m, action: 'review' }), update: ['note', (m) => m] },
  users: { column: 'email', create: (m) => ({ name: m.slice(0, 60), email: `${m}@test.newsroom`, password: STAFF_PASSWORD, roles: ['reporter'] }), update: ['name', (m) => m] },
  // Inactive: a delivery to nowhere, retried in the background, would only slow the server down.
  webhooks: { column: 'name', create: (m) => ({ name: m, url: 'http://127.0.0.1:9/hook', events: ['article.published'], active: false }), update: ['name', (m) => m] },
  'webhook-deliveries': { column: 'delivery_id', create: (m) => ({ deliveryId: m, event: 'article.published', url: 'http://127.0.0.1:9/x' }), update: ['url', (m) => `http://127.0.0.1:9/${m}`] },
  'api-clients': { column: 'name', create: (m) => ({ name: m }), update: ['description', (m) => m] },
  'audit-log': { column: 'summary', create: (m) => ({ at: new Date().toISOString(), action: 'create', summary: m }), update: ['summary', (m) => m] },
  'payload-kv': { column: 'key', create: (m) => ({ key: m, data: {} }), update: ['key', (m) => m] },
  'payload-jobs': { column: 'queue', create: (m) => ({ taskSlug: 'purgeAuditLog', queue: m, input: {}, waitUntil: future(30) }), update: ['queue', (m) => m] },
  'payload-locked-documents': { column: 'global_slug', create: (m) => ({ globalSlug: m, user: { relationTo: 'users', value: staff.ids.admin } }), update: ['globalSlug', (m) => m] },
  'payload-preferences': { column: 'key', create: (m) => ({ key: m, value: { m } }), update: ['value', (m) => ({ m })] },
  'payload-migrations': { column: 'name', create: (m) => ({ name: m, batch: 99 }), update: ['name', (m) => m] },
}

/** Fixtures shared by the read rows: `open` is what everyone may see, `closed` what only some may. */
const fx = {
  article: 0 as number,
  articleSlug: '',
  channelSlug: '',
  draft: 0 as Id,
  read: {} as Record<string, { open?: Id; closed: Id }>,
  mediaFile: '',
  avatarFile: '',
  approvedComment: 0 as Id,
  lookupToken: '',
  previewToken: '',
  failedLoginEmail: '',
  failedLogin: 0 as number,
  preferenceKey: '',
  ownPreference: {} as Partial<Record<StaffCaller, Id>>,
  /** Accounts that never act: a value naming one can only have come from the request that sent it. */
  bystander: { user: 0, reader: 0 },
}

async function created(res: ApiResponse, what: string): Promise<any> {
  check(ok(res), `creating ${what}: ${brief(res)}`)
  return res.body.doc ?? res.body
}

const insert = async (target: string, values: Record<string, unknown>): Promise<number> => {
  const cols = Object.keys(values)
  const { rows } = await db.query(
    `insert into "${table(target)}" (${cols.map((c) => `"${c}"`).join(', ')}) values (${cols.map((_, i) => `$${i + 1}`).join(', ')}) returning id`,
    Object.values(values),
  )
  return rows[0].id
}

/** A fresh document of the collection; who made it is what ownership rows are about. */
async function freshDoc(target: string, { by }: { by?: Api } = {}): Promise<Id> {
  const m = mark(target.slice(0, 8))
  switch (target) {
    case 'articles':
      return (await created(await (by ?? as.reporter).post('/api/articles', { title: m, responsibleEditor: staff.ids.editor }), 'article')).id
    case 'comments':
    case 'correction-requests':
    case 'avatars':
      return (await created(await (by ?? as.owner).post(`/api/${target}`, SUBJECTS[target].create(m)), target)).id
    case 'readers':
      return (await created(await as.anonymous.post('/api/readers', SUBJECTS.readers.create(m)), 'reader')).id
    case 'webhook-deliveries':
      return insert(target, { delivery_id: m, event: 'article.published', url: 'http://127.0.0.1:9/x' })
    case 'audit-log':
      return insert(target, { at: new Date(), action: 'create', summary: m })
    case 'notifications':
      // The owner's; only a comment's change of status writes one through the server.
      return insert(target, { reader_id: readerIds.owner, kind: 'reply', article_id: fx.article, article_title: m, comment_id: fx.approvedComment, key: m })
    case 'payload-kv':
      return insert(target, { key: m, data: {} })
    case 'payload-migrations':
      return insert(target, { name: m, batch: 99 })
    case 'payload-preferences': {
      const res = await (by ?? as.admin).post(`/api/payload-preferences/${m}`, { value: { m } })
      check(ok(res), `creating a preference: ${brief(res)}`)
      return (await db.query('select id from payload_preferences where key = $1', [m])).rows[0].id
    }
    default:
      return (await created(await as.admin.post(`/api/${target}`, SUBJECTS[target].create(m)), target)).id
  }
}

/** A staff account of its own with the role, logged in: what a caller does to their own account. */
async function freshStaff(role: StaffCaller): Promise<{ id: number; api: Api; email: string }> {
  const email = `${mark(role)}@test.newsroom`
  const doc = await created(await as.admin.post('/api/users', { name: role, email, password: STAFF_PASSWORD, roles: [role] }), 'staff account')
  return { id: doc.id, api: await as.anonymous.login(email, STAFF_PASSWORD), email }
}

/** A reader account of its own, verified (in the database: the link is tested elsewhere) and logged in. */
async function freshReader(): Promise<{ id: number; api: Api }> {
  const email = `${mark('rd')}@test.newsroom`
  const doc = await created(await as.anonymous.post('/api/readers', { email, password: READER_PASSWORD, displayName: '读者' }), 'reader')
  await db.query('update readers set _verified = true where id = $1', [doc.id])
  const login = await as.anonymous.post('/api/readers/login', { email, password: READER_PASSWORD })
  check(login.status === 200, `login of a fresh reader: ${brief(login)}`)
  return { id: doc.id, api: new Api(server.url, login.body.token) }
}

/** One document per row for every caller expected to be refused: a refused write leaves it as it was. */
const refusalDocs = new Map<string, Promise<Id>>()
function sharedDoc(rule: Rule, over: Transport, make = () => freshDoc(rule.target)): Promise<Id> {
  const key = `${over} ${rule.target} ${rule.op} ${rule.on ?? ''}`
  if (!refusalDocs.has(key)) refusalDocs.set(key, make())
  return refusalDocs.get(key)!
}

/** An account of its own that every refused change to its credentials shares: nothing is meant to change it. */
const throwawayAccounts = new Map<string, Promise<{ id: number; api: Api }>>()
function sharedAccount(key: string, make: () => Promise<{ id: number; api: Api }>) {
  if (!throwawayAccounts.has(key)) throwawayAccounts.set(key, make())
  return throwawayAccounts.get(key)!
}

/**
 * Where a cell acts and as whom: `own` asks for the caller's own document (their account, their
 * preference, their article), otherwise one that is someone else's. Changes to an account's
 * credentials, roles or sessions act on an account made for the cell, so no other cell loses its login.
 */
async function subject(rule: Rule, caller: Caller, own: boolean, allowed: boolean, over: Transport): Promise<{ id: Id; actor: Api; shared?: boolean }> {
  const target = rule.target
  const throwaway = rule.credentials === true || rule.op.startsWith('roles ')
  if (target === 'users' && isStaff(caller) && own) {
    if (!throwaway) return { id: staff.ids[caller], actor: as[caller], shared: true }
    const account = await (allowed ? freshStaff(caller) : sharedAccount(`${over} ${caller}`, () => freshStaff(caller)))
    return { id: account.id, actor: account.api }
  }
  if (target === 'readers' && caller === 'owner') {
    if (!throwaway) return { id: readerIds.owner, actor: as.owner, shared: true }
    const account = await (allowed ? freshReader() : sharedAccount(`${over} owner`, freshReader))
    return { id: account.id, actor: account.api }
  }
  if (target === 'payload-preferences' && isStaff(caller) && own) return { id: await freshDoc(target, { by: as[caller] }), actor: as[caller] }
  if (target === 'payload-preferences') return { id: await freshDoc(target, { by: caller === 'admin' ? as.editor : as.admin }), actor: as[caller] }
  if (target === 'articles' && !own) return { id: await freshDoc(target, { by: as.editor }), actor: as[caller] }
  if (!allowed) return { id: await sharedDoc(rule, over), actor: as[caller] }
  return { id: await freshDoc(target), actor: as[caller] }
}

// ------------------------------------------------------------------------------------------ lifecycle

beforeAll(async () => {
  server = await startServer({
    API_RATE_LIMIT_PER_MINUTE: '1000000',
    AUTH_RATE_LIMIT_PER_ADDRESS: '0',
    AUTH_RATE_LIMIT_PER_EMAIL: '0',
    CORRECTIONS_RATE_LIMIT: '100000',
    WEBHOOK_ALLOW_PRIVATE_URLS: 'true',
    DATABASE_POOL_SIZE: '20',
  })
  db = new pg.Pool({ connectionString: server.databaseUrl, max: 4 })
  image = await sharp({ create: { width: 8, height: 8, channels: 3, background: { r: 20, g: 120, b: 200 } } }).png().toBuffer()
  staff = await createStaff(server)
  const [reader, owner] = await Promise.all([
    signUpReader(server, { email: `reader-${run}@test.newsroom`, displayName: '旁观读者' }),
    signUpReader(server, { email: `owner-${run}@test.newsroom`, displayName: '本人读者' }),
  ])
  readerIds = { reader: reader.id, owner: owner.id }
  // Both have bound a number (后台实名), so its masked form is there to be read or not.
  await bindReaderPhone(server, reader, freshPhone())
  await bindReaderPhone(server, owner, freshPhone())
  fx.bystander = {
    user: (await created(await staff.admin.post('/api/users', { name: '旁观者', email: `bystander-${run}@test.newsroom`, password: STAFF_PASSWORD, roles: ['reporter'] }), 'bystander')).id,
    reader: (await created(await staff.anonymous.post('/api/readers', { email: `bystander-${run}@test.newsroom`, password: READER_PASSWORD, displayName: '旁观者' }), 'bystander')).id,
  }
  const key = randomUUID()
  await created(await staff.admin.post('/api/api-clients', { name: `matrix-${run}`, enableAPIKey: true, apiKey: key }), 'API client')
  as = {
    anonymous: staff.anonymous,
    'api-client': new KeyApi(server.url, key),
    reader,
    owner,
    admin: staff.admin,
    'editor-in-chief': staff['editor-in-chief'],
    editor: staff.editor,
    reporter: staff.reporter,
    moderator: staff.moderator,
  }
  // Comments from the same readers and address, many a second: the pipeline's limits are not what is tested.
  await created(await as.admin.post('/api/globals/moderation-settings', { readerIntervalSeconds: 0, ipLimit: 0, repeatWindowSeconds: 0, mode: 'post', newCommenterHold: 0 }), 'settings')
  await created(await as.admin.post('/api/globals/site-settings', { siteName: '财经新闻网' }), 'site settings')

  const article = await created(await as.reporter.post('/api/articles', { title: `已发布 ${run}`, responsibleEditor: staff.ids.editor }), 'article')
  const cover = await created(await as.admin.post('/api/media', upload(mark('cover'))), 'media')
  await created(await as['editor-in-chief'].patch(`/api/articles/${article.id}`, { _status: 'published', coverImage: cover.id }), 'publish')
  fx.article = article.id
  fx.articleSlug = (await as.anonymous.get(`/api/articles/${article.id}`)).body.slug
  fx.channelSlug = (await created(await as.admin.post('/api/categories', { name: `矩阵频道 ${run}` }), 'channel')).slug
  // The draft has been through review, so its review fields hold something.
  fx.draft = await freshDoc('articles')
  await created(await as.reporter.post(`/api/articles/${fx.draft}/review`, { action: 'submit' }), 'submit')
  await created(await as.editor.post(`/api/articles/${fx.draft}/review`, { action: 'approve' }), 'approve')
  fx.read.articles = { open: fx.article, closed: fx.draft }
  fx.mediaFile = cover.url

  const pending = await freshDoc('comments')
  const approved = await freshDoc('comments')
  await created(await as.moderator.patch(`/api/comments/${approved}`, { status: 'approved' }), 'approval')
  await created(await as.reader.post(`/api/comments/${approved}/report`, { reason: '广告' }), 'report')
  // `post` mode publishes the pending one: hold it back again for the read rows.
  await created(await as.moderator.patch(`/api/comments/${pending}`, { status: 'pending' }), 'hold')
  fx.approvedComment = approved
  fx.read.comments = { open: approved, closed: pending }

  const request = await created(await as.owner.post('/api/correction-requests', SUBJECTS['correction-requests'].create(mark('quote'))), 'correction request')
  fx.lookupToken = (await as.owner.post('/api/correction-requests', SUBJECTS['correction-requests'].create(mark('quote')))).body.lookupToken ?? request.lookupToken
  fx.read['correction-requests'] = { closed: request.id }
  await as.editor.patch(`/api/correction-requests/${request.id}`, { assignee: staff.ids.editor, internalNotes: '内部', noNoticeReason: '无' })

  const avatar = await created(await as.owner.post('/api/avatars', upload(mark('avatar'))), 'avatar')
  fx.avatarFile = avatar.url
  fx.read.avatars = { open: avatar.id, closed: avatar.id }
  fx.read.notifications = { closed: await freshDoc('notifications') }
  fx.read.readers = { closed: readerIds.owner }
  fx.read.users = { closed: staff.ids.admin }
  fx.read.media = { open: cover.id, closed: cover.id }

  for (const target of ['categories', 'tags', 'authors', 'screening-words', 'webhooks', 'webhook-deliveries', 'api-clients', 'payload-kv', 'payload-jobs', 'payload-locked-documents', 'payload-migrations']) {
    const id = await freshDoc(target)
    fx.read[target] = ['categories', 'tags', 'authors'].includes(target) ? { open: id, closed: id } : { closed: id }
  }
  await as.admin.patch(`/api/authors/${fx.read.authors.closed}`, { user: staff.ids.reporter })

  fx.failedLoginEmail = `${mark('nobody')}@test.newsroom`
  await as.anonymous.post('/api/users/login', { email: fx.failedLoginEmail, password: 'not-the-password-1' })
  fx.failedLogin = (await db.query("select id from audit_log where action = 'login-failed' order by id desc limit 1")).rows[0].id
  fx.read['audit-log'] = { closed: fx.failedLogin }

  fx.preferenceKey = mark('pref')
  for (const caller of ['admin', 'editor-in-chief', 'editor', 'reporter', 'moderator'] as const) {
    const res = await as[caller].post(`/api/payload-preferences/${fx.preferenceKey}`, { value: { who: caller } })
    check(ok(res), `preference of ${caller}: ${brief(res)}`)
    fx.ownPreference[caller] = (await db.query("select p.id from payload_preferences p join payload_preferences_rels r on r.parent_id = p.id where p.key = $1 and r.users_id = $2", [fx.preferenceKey, staff.ids[caller]])).rows[0].id
  }
  fx.read['payload-preferences'] = { closed: fx.ownPreference.admin! }

  const preview = await as.admin.post(`/api/articles/${fx.draft}/preview-link`)
  fx.previewToken = preview.body.token
}, 120_000)

afterAll(async () => {
  await db?.end()
  await server?.stop()
})

// ---------------------------------------------------------------------------------------------- cells

type Cell = (caller: Caller, answer: Answer) => Promise<void>

/** Every caller's cell of a row at once; the failures, each naming its caller and expected answer. */
async function walk(rule: Rule, cell: Cell): Promise<string[]> {
  const failures = await Promise.all(
    CALLERS.map(async (caller) => {
      try {
        await cell(caller, rule.answers[caller])
        return null
      } catch (error) {
        return `${caller} (expected ${rule.answers[caller]}): ${(error as Error).message}`
      }
    }),
  )
  return failures.filter((failure): failure is string => failure !== null)
}

/** Which of the fixtures the caller gets back, by id and in a list. */
async function visibleOverRest(target: string, caller: Caller, ids: Id[]): Promise<Id[]> {
  const list = await as[caller].get(`${restBase(target)}?depth=0&limit=100&where[id][in]=${ids.join(',')}`)
  const listed = ok(list) ? (list.body.docs ?? []).map((doc: { id: Id }) => doc.id) : []
  if (BY_KEY.has(target)) return listed
  const one = await Promise.all(ids.map(async (id) => ((await as[caller].get(`${restBase(target)}/${id}?depth=0`)).status === 200 ? id : null)))
  const byId = one.filter((id): id is Id => id !== null)
  check(JSON.stringify([...byId].sort()) === JSON.stringify([...new Set(listed)].sort()), `by id ${JSON.stringify(byId)} but listed ${JSON.stringify(listed)} (${brief(list)})`)
  return byId
}

async function visibleOverGraphql(target: string, caller: Caller, ids: Id[]): Promise<Id[]> {
  const names = GRAPHQL[target]
  if (!names || !names.many) return []
  const or = ids.map((id) => `{ id: { equals: ${typeof id === 'number' ? id : JSON.stringify(id)} } }`).join(', ')
  const res = await as[caller].graphql(`{ ${names.many}(where: { OR: [${or}] }, limit: 100) { docs { id } } }`)
  const visible = (res.body.data?.[names.many]?.docs ?? []).filter(Boolean).map((doc: { id: Id }) => doc.id)
  if (visible.length === 0 && res.body.errors?.length) graphqlRefusals.set(`${target} ${caller}`, brief(res))
  return visible
}

/** What GraphQL answered when it returned nothing, for the failure message. */
const graphqlRefusals = new Map<string, string>()

function expectVisible(answer: Answer, visible: Id[], fixtures: { open?: Id; closed: Id }, own?: Id, why = '') {
  const expected = answer === '✓' ? [fixtures.open, fixtures.closed] : answer === 'pub' ? [fixtures.open] : answer === 'own' ? [own] : []
  const want = [...new Set(expected.filter((id) => id !== undefined))].map(String).sort()
  check(JSON.stringify([...new Set(visible.map(String))].sort()) === JSON.stringify(want), `sees ${JSON.stringify(visible)}, should see ${JSON.stringify(want)} ${why}`)
}

const readCell =
  (rule: Rule, over: Transport): Cell =>
  async (caller, answer) => {
    const target = rule.target
    if (GLOBAL_TARGETS.includes(target)) {
      const names = GRAPHQL[target]
      if (over === 'graphql') {
        if (!names) return
        const res = await as[caller].graphql(`{ ${names.one} { updatedAt } }`)
        const got = !res.body.errors?.length && res.body.data?.[names.one]
        check(answer === '✓' ? got : !got, `answered ${brief(res)}`)
        return
      }
      const res = await as[caller].get(restBase(target))
      check(answer === '✓' ? res.status === 200 : clientError(res), `answered ${brief(res)}`)
      return
    }
    const fixtures = fx.read[target]
    const own = target === 'payload-preferences' && isStaff(caller) ? fx.ownPreference[caller] : undefined
    const others = target === 'payload-preferences' ? Object.values(fx.ownPreference).filter((id) => id !== own) : []
    const ids = [...new Set([fixtures.open, fixtures.closed, own, ...others].filter((id): id is Id => id !== undefined))]
    const visible = over === 'rest' ? await visibleOverRest(target, caller, ids) : await visibleOverGraphql(target, caller, ids)
    expectVisible(answer, visible, fixtures, own, graphqlRefusals.get(`${target} ${caller}`) ?? '')
  }

/** What a create sends and how the new document is found again: `extra` fields go in beside the collection's own. */
async function createAs(caller: Caller, target: string, over: Transport, extra: Record<string, unknown> = {}) {
  const spec = SUBJECTS[target]
  const m = mark(target.slice(0, 8))
  const body = spec.create(m)
  const key = target === 'readers' || target === 'users' ? `${m}@test.newsroom` : target === 'comments' ? `评论 ${m}` : m
  const names = GRAPHQL[target] as { one: string }
  const mutation = `create${names.one}`
  let res: ApiResponse
  if (over === 'graphql') {
    const data = { ...(body as object), ...GRAPHQL_CREATE_EXTRAS[target], ...extra }
    res = await as[caller].graphql(`mutation ($data: mutation${names.one}Input!) { ${mutation}(data: $data) { id } }`, { data })
  } else if (body instanceof FormData) {
    body.set('_payload', JSON.stringify({ ...JSON.parse(String(body.get('_payload'))), ...extra }))
    res = await as[caller].post(`/api/${target}`, body)
  } else res = await as[caller].post(`/api/${target}`, { ...(body as object), ...extra })
  const ids = (await db.query(`select id from "${table(target)}" where "${spec.column}" = $1`, [key])).rows.map((row) => row.id as Id)
  return { res, made: wentThrough(res, over, mutation) && ids.length === 1, ids, mutation }
}

/** Creates with the caller's credentials; the new document exists exactly when the answer allows it. */
const createCell =
  (rule: Rule, over: Transport): Cell =>
  async (caller, answer) => {
    if (over === 'graphql' && !GRAPHQL[rule.target]) return
    const { res, made, ids, mutation } = await createAs(caller, rule.target, over)
    if (answer === '✓') check(made, `answered ${brief(res)}; ${ids.length} stored`)
    else check(refusedProperly(res, over, mutation) && ids.length === 0, `answered ${brief(res)}; ${ids.length} stored`)
  }

/** Whether a stored value is the one sent: dates by their instant, anything else by its text. */
function storedAs(value: string, sent: unknown): boolean {
  const got = parsed(value)
  if (typeof sent === 'string' && /^\d{4}-\d\d-\d\dT/.test(sent)) return got !== null && Date.parse(String(got)) === Date.parse(sent)
  return got !== null && String(got) === String(sent)
}

/** A field sent with a new document: kept when the caller may set it; otherwise refused, or the document made without it. */
const fieldCreateCell =
  (rule: Rule, over: Transport): Cell =>
  async (caller, answer) => {
    if (over === 'graphql' && !GRAPHQL[rule.target]) return
    const { field } = fieldOf(rule.op)!
    const sent = CREATE_SAMPLES[`${rule.target} ${field}`] ?? SAMPLES[field](mark('v'), null)
    const { res, made, ids, mutation } = await createAs(caller, rule.target, over, { [field]: sent })
    const kept = ids.length === 1 && storedAs(await stored(rule.target, ids[0], field), sent)
    if (answer === '✓') check(made && kept, `answered ${brief(res)}; kept: ${kept}`)
    else check((made || refusedProperly(res, over, mutation, over === 'rest' ? rule.refusal : undefined)) && !kept && !(made && rule.refusal && over === 'rest'), `answered ${brief(res)}; kept: ${kept}`)
  }

/** Values a new document may hold in a field whose sample for updates fits another collection. */
const CREATE_SAMPLES: Record<string, unknown> = {
  'readers status': 'banned',
  // Not what the moderation pipeline would choose itself.
  'comments status': 'spam',
  'correction-requests status': 'triaged',
}

/**
 * GraphQL's input types differ from REST's: enum values are identifiers, and a required field with a
 * default (which the caller may not even set) must still be sent.
 */
const GRAPHQL_CREATE_EXTRAS: Record<string, Record<string, unknown>> = {
  webhooks: { events: ['article_published'] },
  'webhook-deliveries': { event: 'article_published', status: 'pending' },
  'api-clients': { requestsPerMinute: 100 },
  'correction-requests': { status: 'new' },
  readers: { status: 'active' },
  notifications: { kind: 'reply' },
  comments: { status: 'pending' },
}

/** Whether the caller's write went through: over REST its status, over GraphQL its errors. */
const wentThrough = (res: ApiResponse, over: Transport, mutation: string) =>
  over === 'rest' ? ok(res) : !res.body.errors?.length && Boolean(res.body.data?.[mutation])
const refusedProperly = (res: ApiResponse, over: Transport, mutation: string, refusal?: number) =>
  over === 'rest' ? (refusal ? res.status === refusal : clientError(res)) : !wentThrough(res, over, mutation) && res.status < 500

async function patchAs(actor: Api, target: string, id: Id, data: Record<string, unknown>, over: Transport): Promise<{ res: ApiResponse; mutation: string }> {
  if (GLOBAL_TARGETS.includes(target)) {
    const names = GRAPHQL[target] as { one: string }
    if (over === 'rest') return { res: await actor.post(restBase(target), data), mutation: '' }
    const mutation = `update${names.one}`
    return { res: await actor.graphql(`mutation ($data: mutation${names.one}Input!) { ${mutation}(data: $data) { updatedAt } }`, { data }), mutation }
  }
  const draft = target === 'articles' ? '?draft=true' : ''
  if (over === 'rest') return { res: await actor.patch(`/api/${target}/${id}${draft}`, data), mutation: '' }
  const names = GRAPHQL[target] as { one: string }
  const mutation = `update${names.one}`
  const idLiteral = typeof id === 'number' ? id : JSON.stringify(id)
  return {
    res: await actor.graphql(`mutation ($data: mutation${names.one}UpdateInput!) { ${mutation}(id: ${idLiteral}, data: $data${target === 'articles' ? ', draft: true' : ''}) { id } }`, { data }),
    mutation,
  }
}

const parsed = (value: string): unknown => (value === 'missing' ? null : JSON.parse(value))

const queues = new Map<string, Promise<unknown>>()
async function oneAtATime<T>(key: string, work: () => Promise<T>): Promise<T> {
  const result = (queues.get(key) ?? Promise.resolve()).then(work)
  queues.set(key, result.catch(() => undefined))
  return result
}

/** One write of `field`: allowed means stored; refused means 4xx (or ignored, unless the row names a status) and unchanged. */
async function writeOnce(rule: Rule, caller: Caller, allowed: boolean, own: boolean, over: Transport, [field, value]: [string, (marker: string, before: any) => unknown]) {
  const { id, actor, shared } = await subject(rule, caller, own, allowed, over)
  const write = async () => {
    const before = await stored(rule.target, id, field)
    const { res, mutation } = await patchAs(actor, rule.target, id, { [field]: value(mark('v'), parsed(before)) }, over)
    const after = await stored(rule.target, id, field)
    const where = `${own ? 'own' : "someone else's"} #${id}`
    if (allowed) check(wentThrough(res, over, mutation) && after !== before, `${where}: answered ${brief(res)}; stored ${before} → ${after}`)
    else check(refusedProperly(res, over, mutation, rule.refusal) || (!rule.refusal && wentThrough(res, over, mutation)), `${where}: answered ${brief(res)}`)
    if (!allowed) check(after === before, `${where}: stored ${before} → ${after} (answered ${res.status})`)
  }
  // Payload saves the whole document: two rows writing one account at once would undo each other.
  return shared ? oneAtATime(`${rule.target} ${id}`, write) : write()
}

/** Which of own/someone else's a cell tries, and whether each should go through. */
function attempts(target: string, caller: Caller, answer: Answer): { own: boolean; allowed: boolean }[] {
  if (answer === 'own') return [{ own: true, allowed: true }, { own: false, allowed: false }]
  // Staff refused a change try it on their own account (self-promotion); admins allowed one, on someone else's.
  const own = target === 'users' || target === 'payload-preferences' ? isStaff(caller) && !(caller === 'admin' && answer !== '✗') : true
  return [{ own, allowed: answer === '✓' }]
}

const updateCell =
  (rule: Rule, over: Transport): Cell =>
  async (caller, answer) => {
    if (over === 'graphql' && !GRAPHQL[rule.target]) return
    const [field, value] = SUBJECTS[rule.target]?.update ?? GLOBAL_UPDATES[rule.target]
    for (const attempt of attempts(rule.target, caller, answer)) {
      if (GLOBAL_TARGETS.includes(rule.target)) await globalWrite(rule, caller, attempt.allowed, over, field, value)
      else await writeOnce(rule, caller, attempt.allowed, attempt.own, over, [field, value])
    }
  }

/** The field each global's write sets, and a value that differs from the one stored (`before`, as JSON). */
const GLOBAL_UPDATES: Record<string, [string, (m: string, before: string) => unknown]> = {
  'site-settings': ['siteName', (m) => m],
  'moderation-settings': ['maxLinks', (_m, before) => (Number(JSON.parse(before)) === 2 ? 3 : 2)],
  'payload-jobs-stats': ['stats', (m) => ({ m })],
}

/**
 * Globals are one document each: their writes run one caller at a time. Whether the value sent is
 * what is stored afterwards decides, not whether anything changed: Payload's job runner rewrites
 * its stats global every few seconds on its own.
 */
async function globalWrite(rule: Rule, caller: Caller, allowed: boolean, over: Transport, field: string, value: (m: string, before: string) => unknown) {
  await oneAtATime(`global ${rule.target}`, async () => {
    const read = async () => JSON.stringify((await db.query(`select "${column(field)}" as v from "${table(rule.target)}" limit 1`)).rows[0]?.v ?? null)
    const before = await read()
    const sent = value(mark('g'), before)
    const { res, mutation } = await patchAs(as[caller], rule.target, 0, { [field]: sent }, over)
    const after = await read()
    // PostgreSQL hands numbers back as strings; a JSON value comes back as the object it is.
    const stored = typeof sent === 'object' ? after === JSON.stringify(sent) : String(JSON.parse(after)) === String(sent)
    if (allowed) check(wentThrough(res, over, mutation) && stored, `answered ${brief(res)}; stored ${before} → ${after}`)
    else check(refusedProperly(res, over, mutation) && !stored, `answered ${brief(res)}; stored ${before} → ${after}`)
  })
}

const deleteCell =
  (rule: Rule, over: Transport): Cell =>
  async (caller, answer) => {
    const names = GRAPHQL[rule.target]
    if (over === 'graphql' && !names) return
    for (const attempt of attempts(rule.target, caller, answer)) {
      const { id, actor } = await subject(rule, caller, attempt.own, attempt.allowed, over)
      const mutation = names ? `delete${names.one}` : ''
      // By key, the id would be taken for a key: such a collection is deleted from by a query on the id.
      const bulk = BY_KEY.has(rule.target)
      const res =
        over === 'graphql'
          ? await actor.graphql(`mutation { ${mutation}(id: ${typeof id === 'number' ? id : JSON.stringify(id)}) { id } }`)
          : await actor.delete(bulk ? `/api/${rule.target}?where[id][equals]=${id}` : `/api/${rule.target}/${id}`)
      const gone = !(await exists(rule.target, id))
      const deletedNothing = bulk && over === 'rest' && ok(res) && (res.body.docs ?? []).length === 0
      if (attempt.allowed) check(wentThrough(res, over, mutation) && gone, `#${id}: answered ${brief(res)}; gone: ${gone}`)
      else check((refusedProperly(res, over, mutation) || deletedNothing) && !gone, `#${id}: answered ${brief(res)}; gone: ${gone}`)
    }
  }

const publishCell =
  (rule: Rule, over: Transport): Cell =>
  async (caller, answer) => {
    await writeOnce(rule, caller, answer === '✓', true, over, ['_status', () => 'published'])
  }

const readVersionsCell =
  (rule: Rule, over: Transport): Cell =>
  async (caller, answer) => {
    const res =
      over === 'rest'
        ? await as[caller].get(`/api/articles/versions?where[parent][equals]=${fx.draft}&depth=0`)
        : await as[caller].graphql(`{ versionsArticles(where: { parent: { equals: ${fx.draft} } }) { docs { id } } }`)
    const docs = over === 'rest' ? (ok(res) ? res.body.docs : []) : (res.body.data?.versionsArticles?.docs ?? [])
    check(answer === '✓' ? docs.length > 0 : docs.length === 0, `answered ${brief(res)}`)
  }

/** An image a published article shows: a fresh one, made the live article's cover. */
const updateLiveCell =
  (rule: Rule, over: Transport): Cell =>
  async (caller, answer) => {
    const media = await created(await as.admin.post('/api/media', upload(mark('live'))), 'media')
    const article = await created(await as['editor-in-chief'].post('/api/articles', { title: mark('live'), coverImage: media.id, _status: 'published' }), 'live article')
    check(article.id, 'no live article')
    const before = await stored('media', media.id, 'alt')
    const { res, mutation } = await patchAs(as[caller], 'media', media.id, { alt: mark('alt') }, over)
    const after = await stored('media', media.id, 'alt')
    if (answer === '✓') check(wentThrough(res, over, mutation) && after !== before, `answered ${brief(res)}; ${before} → ${after}`)
    else check(refusedProperly(res, over, mutation, over === 'rest' ? rule.refusal : undefined) && after === before, `answered ${brief(res)}; ${before} → ${after}`)
  }

// ------------------------------------------------------------------------------------------- fields

/** The documents a field row reads: the failed login for the audit log, else the read fixtures. */
function fieldFixture(rule: Rule): Id[] {
  if (rule.target === 'audit-log') return [fx.failedLogin]
  const fixtures = fx.read[rule.target]
  return [fixtures.closed, fixtures.open].filter((id): id is Id => id !== undefined)
}

/** A global's field: in its one document, or not. */
async function globalFieldReadCell(rule: Rule, caller: Caller, answer: Answer, over: Transport, field: string) {
  const shown = answer === '✓'
  if (over === 'rest') {
    const res = await as[caller].get(restBase(rule.target))
    check(res.status === 200 && (shown ? field in res.body : !revealing(res.body[field])), `${field} ${shown ? 'missing' : 'shown'}: ${brief(res)}`)
    return
  }
  const names = GRAPHQL[rule.target]
  if (!names) return
  const res = await as[caller].graphql(`{ ${names.one} { ${field} } }`)
  const value = res.body.data?.[names.one]?.[field]
  check(shown ? revealing(value) : !revealing(value), `${field} ${shown ? 'missing' : 'shown'}: ${brief(res)}`)
}

const fieldReadCell =
  (rule: Rule, over: Transport): Cell =>
  async (caller, answer) => {
    const { field } = fieldOf(rule.op)!
    if (GLOBAL_TARGETS.includes(rule.target)) return globalFieldReadCell(rule, caller, answer, over, field)
    const tries: { id: Id; shown: boolean }[] =
      answer === 'own'
        ? [
            { id: rule.target === 'users' ? staff.ids[caller as StaffCaller] : readerIds.owner, shown: true },
            { id: rule.target === 'users' ? (caller === 'editor' ? staff.ids.reporter : staff.ids.editor) : readerIds.reader, shown: false },
          ]
        : fieldFixture(rule).map((id) => ({ id, shown: answer === '✓' }))
    let readable = 0
    for (const { id, shown } of tries) {
      const revealed = rule.target === 'audit-log' && field !== 'ip' ? fx.failedLoginEmail : null
      if (over === 'rest') {
        const res = await as[caller].get(`${restBase(rule.target)}/${id}?depth=0${rule.target === 'articles' ? '&draft=true' : ''}`)
        if (res.status !== 200) continue
        readable++
        const has = field in res.body && (revealed ? JSON.stringify(res.body).includes(revealed) : true)
        check(shown ? has : !revealing(res.body[field]), `#${id}: ${field} ${shown ? 'missing' : `shown: ${JSON.stringify(res.body[field])}`}`)
        if (!shown && revealed) check(!JSON.stringify(res.body).includes(revealed), `#${id}: the email tried is shown`)
      } else {
        const names = GRAPHQL[rule.target]
        if (!names) return
        const value = await graphqlField(caller, names.one, id, field, rule.target === 'articles')
        if (value.readable === false) continue
        readable++
        if (!shown) {
          check(!value.revealing, `#${id}: ${field} shown: ${value.detail}`)
          continue
        }
        // GraphQL answers null both for a field refused and for one empty: an empty one counts when it is
        // empty in the database too; and a relation to documents the caller may not read is null even
        // when the field is theirs to read, as REST shows.
        const explained =
          value.present ||
          !revealing(parsed(await stored(rule.target, id, field))) ||
          field in (await as[caller].get(`${restBase(rule.target)}/${id}?depth=0`)).body
        check(explained, `#${id}: ${field} missing: ${value.detail}`)
      }
    }
    if (tries.some((t) => t.shown)) check(readable > 0, 'could not read the document at all')
  }

/** A value that shows something: not absent, null, an empty list, nor an object with nothing but its type. */
const revealing = (value: unknown): boolean =>
  value !== undefined &&
  value !== null &&
  !(Array.isArray(value) && value.length === 0) &&
  !(typeof value === 'object' && !Array.isArray(value) && Object.entries(value as object).every(([key, v]) => key === '__typename' || v === null))

/** A field through GraphQL; objects are asked for their type name, so any field can be selected. */
async function graphqlField(caller: Caller, one: string, id: Id, field: string, draft: boolean) {
  const ask = (selection: string) => as[caller].graphql(`{ doc: ${one}(id: ${typeof id === 'number' ? id : JSON.stringify(id)}${draft ? ', draft: true' : ''}) { id ${selection} } }`)
  let res = await ask(field)
  if (res.body.errors?.some((e: { message: string }) => /must have a selection of subfields/.test(e.message))) res = await ask(`${field} { __typename }`)
  if (res.body.errors?.some((e: { message: string }) => /Cannot query field/.test(e.message))) return { readable: true, present: false, revealing: false, detail: 'not in the schema' }
  const doc = res.body.data?.doc
  if (!doc) return { readable: false, present: false, revealing: false, detail: brief(res) }
  const value = doc[field]
  return { readable: true, present: value !== null && value !== undefined, revealing: revealing(value), detail: JSON.stringify(value)?.slice(0, 200) }
}

let phones = 0
/** A mainland number no account has bound. */
const freshPhone = () => `+86137${String(++phones).padStart(8, '0')}`

/** A new value for each field a row writes, unlike the one stored. */
const SAMPLES: Record<string, (marker: string, before: any) => unknown> = {
  createdBy: () => fx.bystander.user,
  responsibleEditorName: (m) => m,
  approvedCommentCount: () => 77,
  reviewState: () => 'approved',
  approvedBy: () => fx.bystander.user,
  approvedAt: () => new Date().toISOString(),
  reviewHistory: () => [{ action: 'approve', at: new Date().toISOString(), from: 'draft', to: 'approved' }],
  screeningOverride: (m) => ({ reason: m, words: ['x'] }),
  importedFrom: (m) => ({ system: 'matrix', originalId: m }),
  breadcrumbs: (m) => [{ name: m, slug: 'x' }],
  title: (m) => m,
  article: () => fx.draft,
  parent: () => fx.approvedComment,
  body: (m) => `改写 ${m}`,
  commenter: (m) => ({ displayName: m.slice(0, 20) }),
  replyCount: () => 55,
  likeCount: () => 88,
  status: (_m, before) => (before === 'active' ? 'banned' : before === 'new' ? 'triaged' : before === 'approved' ? 'spam' : 'approved'),
  featured: (_m, before) => !before,
  reader: () => fx.bystander.reader,
  readerName: (m) => m,
  screening: (m) => ({ m }),
  maskedOriginal: (m) => m,
  originalId: (m) => m,
  ip: () => '203.0.113.77',
  reportCount: () => 66,
  reports: (m) => [{ reason: m }],
  moderationLog: (m) => [{ field: m }],
  quote: (m) => m,
  suggestion: (m) => m,
  explanation: (m) => m,
  errorType: (_m, before) => (before === 'typo' ? 'figure' : 'typo'),
  reporterName: (m) => m.slice(0, 50),
  reporterEmail: (m) => `${m}@test.newsroom`,
  replyToReporter: (m) => m,
  assignee: () => staff.ids.moderator,
  internalNotes: (m) => m,
  noNoticeReason: (m) => m,
  duplicateOf: () => fx.read['correction-requests'].closed,
  quoteFound: (_m, before) => !before,
  normalisedQuote: (m) => m,
  history: (m) => [{ note: m }],
  lookupTokenHash: (m) => m,
  _verified: (_m, before) => !before,
  hash: (m) => m,
  salt: (m) => m,
  resetPasswordToken: (m) => m,
  resetPasswordExpiration: () => future(1),
  resetPasswordRequestedAt: () => new Date().toISOString(),
  _verificationToken: (m) => m,
  loginAttempts: () => 4,
  lockUntil: () => future(1),
  sessions: () => [{ id: randomUUID(), createdAt: new Date().toISOString(), expiresAt: future(1) }],
  professionVerified: (_m, before) => !before,
  suspendedUntil: () => future(3),
  owner: () => fx.bystander.reader,
  prefix: (m) => m,
  _objectKey: (m) => m,
  roles: () => ['admin'],
  timedOutAt: () => new Date().toISOString(),
  apiKey: () => randomUUID(),
  enableAPIKey: (_m, before) => !before,
  password: () => `新的密码-${randomUUID()}`,
  pendingEmail: (m) => `${m}@test.newsroom`,
  pendingEmailTokenHash: (m) => m,
  pendingEmailExpiresAt: () => future(1),
  notifyByEmail: (_m, before) => !before,
  kind: (_m, before) => (before === 'reply' ? 'moderation' : 'reply'),
  outcome: (_m, before) => (before === 'approved' ? 'notPublished' : 'approved'),
  articleTitle: (m) => m,
  articleSlug: (m) => m,
  comment: () => fx.read.comments.closed,
  commentExcerpt: (m) => m,
  inReplyTo: () => fx.approvedComment,
  replierName: (m) => m,
  readAt: () => new Date().toISOString(),
  key: (m) => m,
  phoneMasked: () => '199****0000',
  phoneVerifiedAt: () => future(1),
  phoneHash: (m) => m,
  phoneCiphertext: (m) => m,
  ipRegion: (m) => m,
  deletedAt: () => new Date().toISOString(),
}

/** Virtual fields leave their mark in a log: they are written beside a change that makes an entry. */
const VIRTUAL_COMPANIONS: Record<string, (before: string) => Record<string, unknown>> = {
  moderationNote: () => ({ status: 'spam' }),
  statusNote: () => ({ status: 'triaged' }),
}

const fieldUpdateCell =
  (rule: Rule, over: Transport): Cell =>
  async (caller, answer) => {
    const { field } = fieldOf(rule.op)!
    if (over === 'graphql' && !GRAPHQL[rule.target]) return
    if (field === 'email') return emailCell(rule, caller, answer, over)
    if (field === 'password') return passwordCell(rule, caller, answer, over)
    if (VIRTUAL_COMPANIONS[field]) return virtualFieldCell(rule, caller, answer, over, field)
    for (const attempt of attempts(rule.target, caller, answer)) {
      await writeOnce(rule, caller, attempt.allowed, attempt.own, over, [field, SAMPLES[field]])
    }
  }

async function virtualFieldCell(rule: Rule, caller: Caller, answer: Answer, over: Transport, field: string) {
  const { id, actor } = await subject(rule, caller, true, answer === '✓', over)
  const note = mark('note')
  const { res, mutation } = await patchAs(actor, rule.target, id, { [field]: note, ...VIRTUAL_COMPANIONS[field]('') }, over)
  const kept = (await storedText(rule.target, id)).includes(note)
  check(answer === '✓' ? wentThrough(res, over, mutation) && kept : !kept, `answered ${brief(res)}; note kept: ${kept}`)
}

/** An email change: `held` keeps the address and mails the new one a confirmation link. */
async function emailCell(rule: Rule, caller: Caller, answer: Answer, over: Transport) {
  const own = rule.target === 'users' ? isStaff(caller) && caller !== 'admin' : caller === 'owner'
  const { id, actor } = await subject(rule, caller, own, answer !== '✗', over)
  const before = await stored(rule.target, id, 'email')
  const address = `${mark('new')}@test.newsroom`
  const { res, mutation } = await patchAs(actor, rule.target, id, { email: address }, over)
  const after = await stored(rule.target, id, 'email')
  if (answer === 'held') {
    const mailed = (await sentMail(server.mailDir)).some((mail) => mail.to === address)
    check(wentThrough(res, over, mutation) && after === before && mailed, `answered ${brief(res)}; stored ${before} → ${after}; confirmation mailed: ${mailed}`)
  } else {
    check(refusedProperly(res, over, mutation, over === 'rest' && isStaff(caller) ? rule.refusal : undefined) && after === before, `answered ${brief(res)}; stored ${before} → ${after}`)
  }
}

/** A password change, with the current password sent or not: only the owner, and only with it. */
async function passwordCell(rule: Rule, caller: Caller, answer: Answer, over: Transport) {
  const withCurrent = rule.on === 'with the current password'
  for (const attempt of attempts(rule.target, caller, answer)) {
    const own = answer === 'own' ? attempt.own : rule.target === 'users' ? isStaff(caller) : caller === 'owner'
    const { id, actor } = await subject(rule, caller, own, attempt.allowed, over)
    const before = await stored(rule.target, id, 'password')
    const password = SAMPLES.password('', null) as string
    const current = rule.target === 'users' ? STAFF_PASSWORD : READER_PASSWORD
    const { res, mutation } = await patchAs(actor, rule.target, id, { password, ...(withCurrent ? { currentPassword: current } : {}) }, over)
    const after = await stored(rule.target, id, 'password')
    if (attempt.allowed) check(wentThrough(res, over, mutation) && after !== before, `${own ? 'own' : 'other'}: answered ${brief(res)}; hash changed: ${after !== before}`)
    else check(refusedProperly(res, over, mutation, over === 'rest' ? rule.refusal : undefined) && after === before, `${own ? 'own' : 'other'}: answered ${brief(res)}; hash changed: ${after !== before}`)
  }
}

// ----------------------------------------------------------------------------------------- endpoints

const status2xx = (answer: Answer, res: ApiResponse) => check(answer === '✓' ? ok(res) : clientError(res), `answered ${brief(res)}`)

const ENDPOINTS: Record<string, (caller: Caller, answer: Answer, rule: Rule) => Promise<void>> = {
  'articles GET /page/:slug': async (c, a) => status2xx(a, await as[c].get(`/api/articles/page/${fx.articleSlug}`)),
  'articles GET /hot': async (c, a) => status2xx(a, await as[c].get('/api/articles/hot?window=7d')),
  'articles GET /channel/:slug': async (c, a) => status2xx(a, await as[c].get(`/api/articles/channel/${fx.channelSlug}`)),
  'articles POST /:id/preview-link': async (c, a) => status2xx(a, await as[c].post(`/api/articles/${fx.draft}/preview-link`)),
  'articles GET /preview': async (c, a) => status2xx(a, await as[c].get(`/api/articles/preview?token=${fx.previewToken}`)),
  'articles POST /:id/review': async (c, a, rule) => {
    for (const attempt of attempts('articles', c, a)) {
      // Those refused share a draft: one wrongly let through would leave the others a 409, still a refusal, and fail itself.
      const id = attempt.allowed ? await freshDoc('articles') : await sharedDoc(rule, 'rest', () => freshDoc('articles', { by: as.editor }))
      const res = await as[c].post(`/api/articles/${id}/review`, { action: 'submit' })
      check(attempt.allowed ? ok(res) : clientError(res), `${attempt.own ? 'own' : "someone else's"}: answered ${brief(res)}`)
    }
  },
  'articles GET /:id/screening': async (c, a) => status2xx(a, await as[c].get(`/api/articles/${fx.draft}/screening`)),
  'articles GET /screening-report': async (c, a) => status2xx(a, await as[c].get('/api/articles/screening-report')),
  'articles POST /:id/schedule': async (c, a, rule) => {
    const id = a === '✓' ? await freshDoc('articles') : await sharedDoc(rule, 'rest')
    const res = await as[c].post(`/api/articles/${id}/schedule`, { action: 'publish', at: future(20) })
    const jobs = Number((await db.query("select count(*) from payload_jobs where input->'doc'->>'value' = $1", [String(id)])).rows[0].count)
    check(a === '✓' ? ok(res) && jobs === 1 : clientError(res) && jobs === 0, `answered ${brief(res)}; ${jobs} jobs`)
  },
  'articles GET /:id/schedule': async (c, a) => status2xx(a, await as[c].get(`/api/articles/${fx.draft}/schedule`)),
  'media GET /file/:filename': async (c, a) => status2xx(a, await as[c].get(new URL(fx.mediaFile, server.url).pathname)),
  'media GET /paste-url/:id?': async (c, a) => status2xx(a, await as[c].get(`/api/media/paste-url?src=${encodeURIComponent('http://127.0.0.1:9/x.png')}`)),
  'avatars GET /file/:filename': async (c, a) => status2xx(a, await as[c].get(new URL(fx.avatarFile, server.url).pathname)),
  'avatars GET /paste-url/:id?': async (c, a) => status2xx(a, await as[c].get(`/api/avatars/paste-url?src=${encodeURIComponent('http://127.0.0.1:9/x.png')}`)),
  'comments POST /:id/report': async (c, a) => {
    const id = await freshDoc('comments')
    await created(await as.moderator.patch(`/api/comments/${id}`, { status: 'approved' }), 'approval')
    const res = await as[c].post(`/api/comments/${id}/report`, { reason: '广告' })
    const reports = JSON.parse(await stored('comments', id, 'reportCount'))
    check(a === '✓' ? ok(res) && Number(reports) === 1 : clientError(res) && Number(reports) === 0, `answered ${brief(res)}; ${reports} reports`)
  },
  'comments POST /:id/like': async (c, a) => {
    const id = await freshDoc('comments')
    await created(await as.moderator.patch(`/api/comments/${id}`, { status: 'approved' }), 'approval')
    const res = await as[c].post(`/api/comments/${id}/like`)
    const likes = Number(JSON.parse(await stored('comments', id, 'likeCount')))
    check(a === '✓' ? ok(res) && likes === 1 : clientError(res) && likes === 0, `answered ${brief(res)}; ${likes} likes`)
  },
  'comments DELETE /:id/like': async (c, a) => {
    const id = await freshDoc('comments')
    await created(await as.moderator.patch(`/api/comments/${id}`, { status: 'approved' }), 'approval')
    // A like to take back: the caller's own when they may, else a reader's they must not touch.
    await created(await (a === '✓' ? as[c] : as.reader).post(`/api/comments/${id}/like`), 'like')
    const res = await as[c].delete(`/api/comments/${id}/like`)
    const likes = Number(JSON.parse(await stored('comments', id, 'likeCount')))
    check(a === '✓' ? ok(res) && likes === 0 : clientError(res) && likes === 1, `answered ${brief(res)}; ${likes} likes`)
  },
  'comments GET /liked': async (c, a) => status2xx(a, await as[c].get(`/api/comments/liked?ids=${fx.approvedComment}`)),
  'notifications GET /unread-count': async (c, a) => {
    const res = await as[c].get('/api/notifications/unread-count')
    status2xx(a, res)
    if (a === '✓') check(typeof res.body.unread === 'number', `answered ${brief(res)}`)
  },
  'notifications POST /read': async (c, a) => {
    // A fresh notice of the owner's: only the owner's request marks it.
    const id = await freshDoc('notifications')
    const res = await as[c].post('/api/notifications/read', { ids: [id] })
    const read = (await db.query('select read_at from notifications where id = $1', [id])).rows[0].read_at !== null
    check(a === '✓' ? ok(res) && read === (c === 'owner') : clientError(res) && !read, `answered ${brief(res)}; marked read: ${read}`)
  },
  'correction-requests GET /lookup': async (c, a) => status2xx(a, await as[c].get(`/api/correction-requests/lookup?token=${fx.lookupToken}`)),
  'readers POST /unlock': async (c, a) => unlockCell('readers', c, a),
  'readers POST /phone/code': async (c, a) => status2xx(a, await as[c].post('/api/readers/phone/code', { phone: freshPhone() })),
  'readers POST /phone/verify': async (c, a) => {
    // A reader allowed binds on an account made for the cell: binding changes the account's phone
    // fields, which the field rows compare before and after on the fixture readers.
    const caller = a === '✓' ? await signUpReader(server, { email: `${mark('phone')}@test.newsroom`, displayName: '绑定读者' }) : as[c]
    const phone = freshPhone()
    if (a === '✓') await created(await caller.post('/api/readers/phone/code', { phone }), 'code')
    const code = (await sentSms(server.smsDir)).find((message) => message.to === phone)?.code ?? '000000'
    status2xx(a, await caller.post('/api/readers/phone/verify', { phone, code }))
  },
  'readers POST /:id/phone/reveal': async (c, a) => status2xx(a, await as[c].post(`/api/readers/${readerIds.owner}/phone/reveal`, { reason: 'matrix' })),
  'users POST /unlock': async (c, a) => unlockCell('users', c, a),
  'api-clients POST /unlock': async (c, a) => status2xx(a, await as[c].post('/api/api-clients/unlock', { email: 'x@test.newsroom' })),
  'payload-preferences GET /:key': async (c, a) => {
    const res = await as[c].get(`/api/payload-preferences/${fx.preferenceKey}`)
    const value = res.body?.value
    if (a === 'own') check(ok(res) && value?.who === c, `answered ${brief(res)}`)
    else check(!value || (isStaff(c) && value.who === c), `answered ${brief(res)}`)
  },
  'payload-preferences POST /:key': async (c, a) => {
    const key = mark('pk')
    const res = await as[c].post(`/api/payload-preferences/${key}`, { value: { c } })
    const count = await countWhere('payload-preferences', 'key', key)
    check(a === '✓' ? ok(res) && count === 1 : clientError(res) && count === 0, `answered ${brief(res)}; ${count} stored`)
  },
  'payload-preferences DELETE /:key': async (c, a) => {
    // Their own goes; an admin's preference of the same key stays.
    const key = mark('pd')
    await as.admin.post(`/api/payload-preferences/${key}`, { value: { who: 'admin' } })
    if (isStaff(c) && c !== 'admin') await as[c].post(`/api/payload-preferences/${key}`, { value: { who: c } })
    const before = await countWhere('payload-preferences', 'key', key)
    const res = await as[c].delete(`/api/payload-preferences/${key}`)
    const after = await countWhere('payload-preferences', 'key', key)
    if (a === 'own') check(ok(res) && after === before - 1, `answered ${brief(res)}; ${before} → ${after}`)
    else check(clientError(res) && after === before, `answered ${brief(res)}; ${before} → ${after}`)
  },
  'payload-jobs GET /run': async (c, a) => status2xx(a, await as[c].get('/api/payload-jobs/run?queue=matrix-nothing&limit=1')),
  'payload-jobs GET /handle-schedules': async (c, a) => status2xx(a, await as[c].get('/api/payload-jobs/handle-schedules?queue=matrix-nothing')),
  'api GET /corrections': async (c, a) => status2xx(a, await as[c].get('/api/corrections')),
  'api GET /search': async (c, a) => status2xx(a, await as[c].get(`/api/search?q=${encodeURIComponent('已发布')}`)),
}

/** The endpoints GraphQL has a twin of: the query (made when asked, for the fixtures' values), and the field it answers in. */
const GRAPHQL_ENDPOINTS: Record<string, [() => string, string]> = {
  'api GET /corrections': [() => '{ CorrectionsLog(limit: 5) { totalDocs } }', 'CorrectionsLog'],
  'api GET /search': [() => '{ Search(q: "已发布", limit: 5) { totalDocs } }', 'Search'],
  'articles GET /hot': [() => '{ HotArticles(window: "7d") { id views } }', 'HotArticles'],
  'articles GET /channel/:slug': [() => `{ ChannelList(channel: ${JSON.stringify(fx.channelSlug)}) { hasNextPage } }`, 'ChannelList'],
  'articles GET /page/:slug': [() => `{ ArticleReadOn(slug: ${JSON.stringify(fx.articleSlug)}) { views } }`, 'ArticleReadOn'],
}

async function graphqlQueryCell(caller: Caller, answer: Answer, [query, field]: [() => string, string]) {
  const res = await as[caller].graphql(query())
  const answered = !res.body.errors?.length && Boolean(res.body.data?.[field])
  check(answer === '✓' ? answered : !answered, `answered ${brief(res)}`)
}

/** Unlocking a locked account: who may, and whether the lock is gone. */
async function unlockCell(target: 'users' | 'readers', caller: Caller, answer: Answer) {
  const id = target === 'users' ? (await freshStaff('reporter')).id : (await freshReader()).id
  await db.query(`update "${target}" set lock_until = $2, login_attempts = 5 where id = $1`, [id, future(1)])
  const email = (await db.query(`select email from "${target}" where id = $1`, [id])).rows[0].email
  const res = await as[caller].post(`/api/${target}/unlock`, { email })
  const locked = (await db.query(`select lock_until from "${target}" where id = $1`, [id])).rows[0].lock_until !== null
  check(answer === '✓' ? ok(res) && !locked : clientError(res) && locked, `answered ${brief(res)}; still locked: ${locked}`)
}

// --------------------------------------------------------------------------------------------- rows

function cellFor(rule: Rule, over: Transport): Cell | null {
  const endpoint = endpointOf(rule.op)
  if (endpoint) {
    if (over === 'graphql') {
      const query = GRAPHQL_ENDPOINTS[`${rule.target} ${rule.op}`]
      return query ? async (caller, answer) => graphqlQueryCell(caller, answer, query) : null
    }
    const handler = ENDPOINTS[`${rule.target} ${rule.op}`]
    return handler ? (caller, answer) => handler(caller, answer, rule) : null
  }
  const field = fieldOf(rule.op)
  if (field) return { read: fieldReadCell, update: fieldUpdateCell, create: fieldCreateCell }[field.action](rule, over)
  if (over === 'graphql' && ['media', 'avatars'].includes(rule.target) && rule.op === 'create') return null
  return { create: createCell, read: readCell, update: updateCell, delete: deleteCell, publish: publishCell, readVersions: readVersionsCell, 'update live': updateLiveCell }[rule.op]!(rule, over)
}

const label = (rule: Rule): string => `${rule.target} · ${rule.op}${rule.on ? ` (${rule.on})` : ''}`

/** Rows walked at once (each with its nine callers at once): enough to keep the server busy. */
const ROWS_AT_ONCE = 8

async function inBatches<T, R>(items: T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = []
  let next = 0
  await Promise.all(
    Array.from({ length: Math.min(size, items.length) }, async () => {
      while (next < items.length) {
        const index = next++
        results[index] = await work(items[index])
      }
    }),
  )
  return results
}


/** The rows of each collection or global, per transport. */
function groupsOf(over: Transport): Map<string, Rule[]> {
  const groups = new Map<string, Rule[]>()
  for (const rule of MATRIX) {
    if (cellFor(rule, over) === null || (over === 'graphql' && GRAPHQL[rule.target] === false)) continue
    groups.set(rule.target, [...(groups.get(rule.target) ?? []), rule])
  }
  return groups
}

/** Every row of both transports is walked up front, many at once; each test then reads its group's failures. */
const failuresOf = new Map<string, string[]>()
beforeAll(async () => {
  const work = TRANSPORTS.flatMap((over) => [...groupsOf(over)].flatMap(([group, rules]) => rules.map((rule) => ({ over, group, rule }))))
  const failures = await inBatches(work, ROWS_AT_ONCE, async ({ over, rule }) => (await walk(rule, cellFor(rule, over)!)).map((failure) => `${label(rule)}: ${failure}`))
  work.forEach(({ over, group }, i) => failuresOf.set(`${over} ${group}`, [...(failuresOf.get(`${over} ${group}`) ?? []), ...failures[i]]))
  // About two minutes alone; a loaded two-core machine (the suite's other files beside it) has taken over five.
}, 600_000)

it('has a check for every endpoint row', () => {
  expect(MATRIX.filter((rule) => endpointOf(rule.op) && !ENDPOINTS[`${rule.target} ${rule.op}`]).map(label)).toEqual([])
})

describe.each(TRANSPORTS)('%s', (over) => {
  it.each([...groupsOf(over).keys()])('%s', (group) => {
    expect(failuresOf.get(`${over} ${group}`)).toEqual([])
  })
})
