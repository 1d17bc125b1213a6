import fc from 'fast-check'

import { HOSTILE_BODIES, HOSTILE_GRAPHQL, HOSTILE_QUERIES, HOSTILE_STRINGS } from '../fixtures/hostileInputs'
import { Api, createStaff, invalidPaths, signUpReader, type ApiResponse, type Staff } from '../helpers/api'
import { startServer, type TestServer } from '../helpers/server'

/**
 * Every public endpoint fed random and classic hostile input. Whatever comes in, the answer is never a
 * 500, never shows a stack trace or SQL, and an anonymous one never carries a private field or a
 * known account's email. One seed per run, printed with a failure; HOSTILE_SEED=… replays it.
 */
const SEED = Number(process.env.HOSTILE_SEED || Math.floor(Math.random() * 2 ** 31))

/** Fields no anonymous answer may carry, read from the collections; a reader also sees READER_OWN_KEYS of their own. */
const PRIVATE_KEYS = new Set([
  // accounts (Payload auth and ours)
  'email', 'hash', 'salt', 'password', 'token', 'resetPasswordToken', 'resetPasswordExpiration', '_verificationToken', '_verified',
  'apiKey', 'apiKeyIndex', 'enableAPIKey', 'loginAttempts', 'lockUntil', 'sessions', 'secret', 'professionVerified', 'suspendedUntil',
  // addresses and mobile numbers (后台实名)
  'ip', 'ipAddress', 'phone', 'phoneHash', 'phoneCiphertext', 'phoneMasked', 'phoneVerifiedAt',
  // moderation (comments, readers)
  'reader', 'screening', 'maskedOriginal', 'moderationLog', 'moderationNote', 'reports', 'reportCount',
  // correction requests' triage
  'reporterEmail', 'reporterName', 'internalNotes', 'noNoticeReason', 'statusNote', 'quoteFound', 'normalisedQuote',
  'duplicateOf', 'lookupTokenHash', 'history', 'assignee',
  // articles' review record and staff links
  'reviewState', 'reviewHistory', 'approvedBy', 'approvedAt', 'screeningOverride', 'createdBy', 'responsibleEditor', 'user',
])
const STACK_TRACE = /\n\s+at [^\n]+:\d+:\d+|node_modules\/|dist\/server\.mjs|webpack-internal/
const SQL_LEAK = /Failed query|syntax error at or near|relation "[^"]+" does not exist|column "[^"]+"|"public"\.|\bduplicate key value\b|violates (foreign key|not-null|unique) constraint/i

let server: TestServer
let staff: Staff
let anonymous: Api
let reader: Api & { id: number }
let articleId: number
let commentId: number
let previewToken: string
/** Every account's and reporter's email: none may appear in an answer to someone else. */
const knownEmails: string[] = []
const READER_EMAIL = 'hostile-reader@readers.test'

type Sent = { who: 'anonymous' | 'reader'; method: string; path: string; body?: unknown }

/** Nothing to leak: GraphQL answers a field the asker may not see with null; a new reader's `sessions` is []. */
const isEmpty = (value: unknown) => value === null || (Array.isArray(value) && value.length === 0)

/** Private keys that carry something. */
function privateKeysIn(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((item) => privateKeysIn(item, found))
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (PRIVATE_KEYS.has(key) && !isEmpty(inner)) found.add(key)
      privateKeysIn(inner, found)
    }
  }
  return found
}

/** What is wrong with an answer; empty when it is fine. */
function problemsWith(res: ApiResponse, sent: Sent, allowedKeys: readonly string[] = []): string[] {
  const text = typeof res.body === 'string' ? res.body : JSON.stringify(res.body)
  const problems: string[] = []
  if (res.status >= 500) problems.push(`status ${res.status}`)
  // GraphQL answers 200 with the status of each failed field in its error.
  const fieldStatuses = (res.body as { errors?: { extensions?: { statusCode?: number } }[] } | null)?.errors
  if (Array.isArray(fieldStatuses) && fieldStatuses.some((error) => (error?.extensions?.statusCode ?? 0) >= 500)) problems.push('a GraphQL error with a 5xx status')
  if (STACK_TRACE.test(text)) problems.push('a stack trace')
  if (SQL_LEAK.test(text)) problems.push('SQL')
  const own = sent.who === 'reader' ? [READER_EMAIL] : []
  const allowed = sent.who === 'reader' ? [...allowedKeys, ...READER_OWN_KEYS] : allowedKeys
  const leakedKeys = [...privateKeysIn(res.body)].filter((key) => !allowed.includes(key))
  if (leakedKeys.length > 0) problems.push(`private fields ${leakedKeys.join(', ')}`)
  const lower = text.toLowerCase()
  const leakedEmails = knownEmails.filter((email) => !own.includes(email) && lower.includes(email))
  if (leakedEmails.length > 0) problems.push(`emails ${leakedEmails.join(', ')}`)
  return problems
}

function describeSent(sent: Sent): string {
  const body = sent.body === undefined ? '' : ` ${(typeof sent.body === 'string' ? sent.body : JSON.stringify(sent.body)).slice(0, 300)}`
  return `${sent.who} ${sent.method} ${sent.path.slice(0, 300)}${body}`
}

/**
 * Node refuses a request whose line and headers pass its 16 KiB limit with a 431 and closes the
 * connection at once; a client still sending the rest of the URL may see the reset before the
 * answer. That is a refusal too, so for such a URL (and only such) a failed connection counts as one.
 */
const NEAR_HEADER_LIMIT = 16 * 1024 - 2048

async function send(sent: Sent, headers?: Record<string, string>, allowedKeys?: readonly string[]): Promise<ApiResponse> {
  const client = sent.who === 'reader' ? reader : anonymous
  const res = await client.request(sent.method, sent.path, sent.body, headers).catch((error: unknown) => {
    if (Buffer.byteLength(sent.path) > NEAR_HEADER_LIMIT) return { status: 431, body: '', headers: new Headers() } as ApiResponse
    throw error
  })
  const problems = problemsWith(res, sent, allowedKeys)
  if (problems.length > 0) {
    const text = typeof res.body === 'string' ? res.body : JSON.stringify(res.body)
    throw new Error(`${describeSent(sent)}\n→ ${res.status}: ${problems.join('; ')}\n${text.slice(0, 1000)}`)
  }
  return res
}

/** fc.assert with this run's seed, naming it in the failure. */
async function check<T>(property: fc.IAsyncPropertyWithHooks<T>, numRuns: number): Promise<void> {
  try {
    await fc.assert(property, { seed: SEED, numRuns })
  } catch (error) {
    ;(error as Error).message = `HOSTILE_SEED=${SEED} replays this run\n${(error as Error).message}`
    throw error
  }
}

// ---- arbitraries -------------------------------------------------------------------------------

const hostileString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)), maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 200_000 }).map((n) => 'x'.repeat(n)) },
)
const hostileNumber = fc.oneof(
  fc.constantFrom(0, -0, -1, 1, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 2 ** 31, 2 ** 63),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
)
/** Any JSON value, leaning towards the hostile ones. */
const hostileJson: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileString,
    hostileNumber,
    fc.constantFrom(null, true, false),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'id', 'equals', 'in'), fc.string({ maxLength: 8 })), tie('value'), { maxKeys: 4 }),
  ),
})).value

const FIELDS = ['title', 'slug', 'id', 'body', 'summary', 'publishedAt', 'category', 'category.breadcrumbs.slug', 'tags.slug', 'authors', 'featured',
  'article', 'parent', 'status', '_status', 'email', 'hash', 'ip', 'reader', 'screening', 'internalNotes', 'nope', '__proto__', 'constructor', 'createdAt']
const OPERATORS = ['equals', 'not_equals', 'in', 'not_in', 'all', 'like', 'not_like', 'contains', 'exists', 'greater_than', 'greater_than_equal',
  'less_than', 'less_than_equal', 'near', 'within', 'intersects', 'regex_like', '$where', '$ne', '$gt', 'unknown']

/** A `where` tree with and/or nesting, real and unknown fields and operators. */
const whereTree: fc.Arbitrary<unknown> = fc.letrec<{ where: unknown }>((tie) => ({
  where: fc.oneof(
    { depthSize: 'small', maxDepth: 6 },
    fc.dictionary(fc.constantFrom(...FIELDS), fc.dictionary(fc.constantFrom(...OPERATORS), fc.oneof(hostileString, hostileNumber, fc.array(hostileString, { maxLength: 3 })), { minKeys: 1, maxKeys: 2 }), { minKeys: 1, maxKeys: 2 }),
    fc.record({ or: fc.array(tie('where'), { maxLength: 3 }) }),
    fc.record({ and: fc.array(tie('where'), { maxLength: 3 }) }),
  ),
})).where

/** `{ a: { b: ['x'] } }` → `a[b][0]=x`, as qs reads brackets. */
function toQuery(prefix: string, value: unknown): string[] {
  if (value !== null && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).flatMap(([key, inner]) => toQuery(`${prefix}[${encode(key)}]`, inner))
  }
  return [`${prefix}=${encode(String(value))}`]
}

const queryParam = fc.oneof(
  fc.tuple(fc.constantFrom('depth', 'limit', 'page', 'sort', 'draft', 'locale', 'q', 'category', 'tag', 'from', 'to', 'token', 'pagination', 'trash', 'select[title]', 'populate[authors][name]'), fc.oneof(hostileString, hostileNumber.map(String)))
    .map(([key, value]) => `${key}=${encode(value)}`),
  whereTree.map((where) => toQuery('where', where).join('&')),
  fc.constantFrom(...HOSTILE_QUERIES),
)

const COLLECTIONS = ['articles', 'categories', 'tags', 'authors', 'media', 'avatars', 'users', 'readers', 'comments', 'correction-requests',
  'screening-words', 'api-clients', 'audit-log', 'webhooks', 'webhook-deliveries', 'payload-jobs']
/** Anonymous GET paths; `:id` is filled with a real or a hostile id. */
const READ_PATHS = [...COLLECTIONS.map((slug) => `/api/${slug}`), ...COLLECTIONS.map((slug) => `/api/${slug}/:id`), ...COLLECTIONS.map((slug) => `/api/${slug}/versions/:id`),
  '/api/articles/versions', '/api/globals/site-settings', '/api/globals/moderation-settings', '/api/search', '/api/corrections', '/api/articles/preview',
  '/api/correction-requests/lookup', '/api/readers/me', '/api/users/me', '/api/articles/:id/schedule', '/api/articles/screening-report', '/api/comments/count', '/api/comments/liked']

const idLike = fc.oneof(fc.constantFrom('1', '2', '3'), hostileString, hostileNumber.map(String))
/** A URL carries UTF-8 only: a lone surrogate is sent as U+FFFD, as a browser would (raw bad bytes are in the corpus). */
const wellFormed = (text: string) => text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
const encode = (text: string) => encodeURIComponent(wellFormed(text))
const filledPath = (template: string, id: string) => template.replace(':id', encode(id))

/** A GraphQL query built from real and made-up parts: collections, arguments, fields, aliases. */
const TOP_LEVEL = ['Articles', 'Article', 'Categories', 'Tags', 'Authors', 'Comments', 'Media', 'Readers', 'Users', 'CorrectionRequests', 'ApiClients',
  'AuditLogs', 'Webhooks', 'Search', 'CorrectionsLog', 'SiteSetting', 'ModerationSetting', 'meUser', 'meReader', 'versionsArticles', 'Nope']
const SUBFIELDS = ['id', 'title', 'slug', 'name', 'body', 'email', 'hash', 'ip', 'status', 'screening', 'reader { id email }', 'internalNotes',
  'authors { name user { email } }', 'responsibleEditor { email }', 'category { breadcrumbs { slug } parent { name } }', 'commenter { displayName }',
  'featuredComments { docs { body reader { email } } }', 'snippet', 'text', 'copyrightNotice', 'totalDocs', '__typename', 'user { email }']
const graphQLLiteral = fc.oneof(hostileString.map((s) => JSON.stringify(s)), hostileNumber.map((n) => String(n)), fc.constantFrom('true', 'null', '[]', '{}', 'EQUALS', '$v'))
const graphQLArgs = fc.array(fc.tuple(fc.constantFrom('id', 'limit', 'page', 'sort', 'draft', 'q', 'where', 'locale', 'nope', 'category'), graphQLLiteral), { maxLength: 3 })
  .map((pairs) => (pairs.length ? `(${pairs.map(([name, value]) => `${name}: ${value}`).join(', ')})` : ''))
const graphQLSelection = fc.tuple(fc.constantFrom(...TOP_LEVEL), graphQLArgs, fc.subarray(SUBFIELDS, { minLength: 1, maxLength: 4 }), fc.boolean())
  .map(([top, args, fields, paged]) => `${top}${args} { ${paged ? `docs { ${fields.join(' ')} } totalDocs` : fields.join(' ')} }`)
const graphQLQuery = fc.oneof(
  { weight: 4, arbitrary: fc.array(graphQLSelection, { minLength: 1, maxLength: 3 }).map((parts) => `query($v: String) { ${parts.map((part, i) => `a${i}: ${part}`).join(' ')} }`) },
  { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_GRAPHQL) },
  { weight: 1, arbitrary: hostileString },
)
const graphQLBody = fc.oneof(
  { weight: 4, arbitrary: fc.record({ query: graphQLQuery, variables: fc.oneof(fc.dictionary(fc.constantFrom('v', 'id', 'where', '__proto__'), hostileJson, { maxKeys: 3 }), hostileJson) }) },
  { weight: 1, arbitrary: fc.record({ query: hostileJson, operationName: hostileJson, variables: hostileJson }, { requiredKeys: [] }) },
)

/** A JSON body for a write: the endpoint's own fields with hostile values, and some keys it does not know. */
function writeBody(fields: readonly string[]): fc.Arbitrary<unknown> {
  const record = fc.tuple(
    fc.dictionary(fc.constantFrom(...fields), hostileJson, { maxKeys: fields.length }),
    fc.dictionary(fc.constantFrom(...fields), fc.oneof(hostileString, hostileNumber), { maxKeys: fields.length }),
    fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'id', 'createdAt', 'status', 'reader', 'ip', 'hash', 'roles', '_verified', 'loginAttempts'), hostileJson, { maxKeys: 2 }),
  ).map(([typed, plain, extra]) => ({ ...typed, ...plain, ...extra }))
  return fc.oneof({ weight: 5, arbitrary: record }, { weight: 1, arbitrary: hostileJson })
}

type WriteEndpoint = { method: string; path: string; fields: readonly string[] }
const ANONYMOUS_WRITES: readonly WriteEndpoint[] = [
  { method: 'POST', path: '/api/readers', fields: ['email', 'password', 'displayName', 'profession', 'avatar', 'professionVerified', 'status'] },
  { method: 'POST', path: '/api/readers/login', fields: ['email', 'password'] },
  { method: 'POST', path: '/api/users/login', fields: ['email', 'password'] },
  { method: 'POST', path: '/api/readers/forgot-password', fields: ['email'] },
  { method: 'POST', path: '/api/users/forgot-password', fields: ['email'] },
  { method: 'POST', path: '/api/readers/reset-password', fields: ['token', 'password'] },
  { method: 'POST', path: '/api/readers/verify/:id', fields: ['token'] },
  { method: 'POST', path: '/api/readers/unlock', fields: ['email'] },
  { method: 'POST', path: '/api/readers/logout', fields: [] },
  { method: 'POST', path: '/api/readers/refresh-token', fields: [] },
  { method: 'POST', path: '/api/readers/phone/code', fields: ['phone'] },
  { method: 'POST', path: '/api/readers/phone/verify', fields: ['phone', 'code'] },
  { method: 'POST', path: '/api/readers/:id/phone/reveal', fields: ['reason'] },
  { method: 'POST', path: '/api/comments', fields: ['article', 'body', 'parent'] },
  { method: 'POST', path: '/api/comments/:id/report', fields: ['reason'] },
  { method: 'POST', path: '/api/comments/:id/like', fields: [] },
  { method: 'DELETE', path: '/api/comments/:id/like', fields: [] },
  { method: 'POST', path: '/api/correction-requests', fields: ['article', 'errorType', 'quote', 'suggestion', 'explanation', 'reporterName', 'reporterEmail', 'website'] },
  { method: 'POST', path: '/api/articles', fields: ['title', 'body', '_status'] },
  { method: 'POST', path: '/api/articles/:id/preview-link', fields: [] },
  { method: 'POST', path: '/api/articles/:id/review', fields: ['action', 'note'] },
  { method: 'PATCH', path: '/api/articles/:id', fields: ['title', '_status'] },
  { method: 'PATCH', path: '/api/comments/:id', fields: ['status', 'featured'] },
  { method: 'DELETE', path: '/api/comments/:id', fields: [] },
  { method: 'POST', path: '/api/globals/site-settings', fields: ['siteName', 'icpNumber'] },
]
const READER_WRITES: readonly WriteEndpoint[] = [
  { method: 'POST', path: '/api/comments', fields: ['article', 'body', 'parent'] },
  { method: 'POST', path: '/api/comments/:id/report', fields: ['reason'] },
  { method: 'POST', path: '/api/comments/:id/like', fields: [] },
  { method: 'DELETE', path: '/api/comments/:id/like', fields: [] },
  { method: 'POST', path: '/api/correction-requests', fields: ['article', 'errorType', 'quote', 'suggestion', 'explanation', 'reporterName', 'reporterEmail', 'website'] },
  { method: 'POST', path: '/api/readers/phone/code', fields: ['phone'] },
  { method: 'POST', path: '/api/readers/phone/verify', fields: ['phone', 'code'] },
  { method: 'POST', path: '/api/readers/:id/phone/reveal', fields: ['reason'] },
  { method: 'PATCH', path: '/api/readers/:id', fields: ['displayName', 'profession', 'avatar', 'email', 'password', 'status', 'professionVerified'] },
  { method: 'PATCH', path: '/api/comments/:id', fields: ['status', 'featured', 'body'] },
]
/** Ids in a write: mostly the real article and comment, so the request reaches the deeper checks. */
const realOrHostileId = () => fc.oneof({ weight: 3, arbitrary: fc.constantFrom(String(articleId), String(commentId)) }, { weight: 1, arbitrary: idLike })
/** A comment or correction request that refers to the real article, so it passes the shallow checks. */
const withRealArticle = (body: unknown) => (body && typeof body === 'object' && !Array.isArray(body) && !('article' in body) ? { article: articleId, ...body } : body)

/** What a creator is shown of their own new correction request: its lookup token, once. */
const OWN_ANSWER_KEYS = ['lookupToken']
/** What a reader sees of their own account and comments (and nobody else's). */
const READER_OWN_KEYS = ['email', 'professionVerified', 'suspendedUntil', '_verified', 'sessions', 'reader', 'phoneMasked', 'phoneVerifiedAt']

// ---- the server and its content ---------------------------------------------------------------

beforeAll(async () => {
  // Limits lifted so the input reaches the handlers instead of a 429 (which would be a fine answer too).
  server = await startServer({
    API_RATE_LIMIT_PER_MINUTE: '0',
    CORRECTIONS_RATE_LIMIT: '1000000',
    AUTH_RATE_LIMIT_PER_ADDRESS: '0',
    AUTH_RATE_LIMIT_PER_EMAIL: '0',
    LIKE_RATE_LIMIT_PER_READER: '0',
    LIKE_RATE_LIMIT_PER_ADDRESS: '0',
    PHONE_CODE_LIMIT_PER_NUMBER: '0',
    PHONE_CODE_LIMIT_PER_READER: '0',
    PHONE_CODE_LIMIT_PER_ADDRESS: '0',
  })
  staff = await createStaff(server)
  // Asking in English, which the refusals quoted below are in.
  anonymous = staff.anonymous.inLanguage('en')
  const users = await staff.admin.get('/api/users?limit=100&depth=0')
  knownEmails.push(...users.body.docs.map((user: { email: string }) => user.email.toLowerCase()))
  const chief = staff['editor-in-chief']
  // Content that carries every kind of private data the public must not see.
  const author = await chief.post('/api/authors', { name: '宋一禾', user: staff.ids.reporter })
  const article = await chief.post('/api/articles', {
    title: '央行宣布降准0.5个百分点',
    summary: '释放长期资金约1万亿元',
    authors: [author.body.doc.id],
    responsibleEditor: staff.ids.editor,
    _status: 'published',
  })
  expect(article.status).toBe(201)
  articleId = article.body.doc.id
  expect((await staff.admin.post('/api/globals/moderation-settings', { readerIntervalSeconds: 0, ipLimit: 10_000, mode: 'post', newCommenterHold: 0 })).status).toBe(200)
  reader = await signUpReader(server, { email: READER_EMAIL, displayName: '较真的读者', profession: 'analyst' })
  const other = await signUpReader(server, { email: 'hostile-other@readers.test', displayName: '另一位读者' })
  knownEmails.push(READER_EMAIL, 'hostile-other@readers.test')
  const posted = await other.post('/api/comments', { article: articleId, body: '降准之后，存款利率会跟着调整吗？' })
  expect(posted.status).toBe(201)
  commentId = posted.body.doc.id
  expect((await staff.moderator.patch(`/api/comments/${commentId}`, { status: 'approved', featured: true, moderationNote: '内部备注' })).status).toBe(200)
  expect((await reader.post(`/api/comments/${commentId}/report`, { reason: '广告' })).status).toBe(201)
  const request = await staff.anonymous.post('/api/correction-requests', {
    article: articleId, errorType: 'figure', quote: '约1万亿元', reporterName: '热心读者', reporterEmail: 'hostile-reporter@readers.test',
  })
  expect(request.status).toBe(201)
  knownEmails.push('hostile-reporter@readers.test')
  expect((await staff.editor.patch(`/api/correction-requests/${request.body.doc.id}`, { status: 'triaged', internalNotes: '内部：核对数据', statusNote: '已受理' })).status).toBe(200)
  previewToken = (await chief.post(`/api/articles/${articleId}/preview-link`)).body.token
  console.log(`hostile input: HOSTILE_SEED=${SEED}`)
}, 180_000)
afterAll(() => server?.stop())

describe('random hostile input (property-based)', () => {
  it('anonymous reads of every collection, global and endpoint, with any query', async () => {
    await check(
      fc.asyncProperty(fc.constantFrom(...READ_PATHS), idLike, fc.array(queryParam, { maxLength: 4 }), async (template, id, params) => {
        await send({ who: 'anonymous', method: 'GET', path: `${filledPath(template, id)}${params.length ? `?${params.join('&')}` : ''}` })
      }),
      400,
    )
  }, 180_000)

  it('anonymous GraphQL: random queries, arguments and variables', async () => {
    await check(
      fc.asyncProperty(graphQLBody, async (body) => {
        await send({ who: 'anonymous', method: 'POST', path: '/api/graphql', body })
      }),
      300,
    )
  }, 180_000)

  it('anonymous writes: sign-up, logins, password resets, comments, reports, correction requests and staff-only writes', async () => {
    const endpoint = fc.constantFrom(...ANONYMOUS_WRITES).chain((target) =>
      fc.record({ target: fc.constant(target), id: realOrHostileId(), body: writeBody(target.fields.length ? target.fields : ['x']) }),
    )
    await check(
      fc.asyncProperty(endpoint, async ({ target, id, body }) => {
        await send({ who: 'anonymous', method: target.method, path: filledPath(target.path, id), body: withRealArticle(body) }, undefined, OWN_ANSWER_KEYS)
      }),
      300,
    )
  }, 180_000)

  it('a signed-up reader: comments, reports, correction requests, and edits to their own account', async () => {
    const endpoint = fc.constantFrom(...READER_WRITES).chain((target) =>
      fc.record({ target: fc.constant(target), id: target.path.startsWith('/api/readers') ? fc.constant(String(reader.id)) : realOrHostileId(), body: writeBody(target.fields.length ? target.fields : ['x']) }),
    )
    await check(
      fc.asyncProperty(endpoint, async ({ target, id, body }) => {
        const data = target.path === '/api/readers/:id' && body && typeof body === 'object' ? { ...body, password: undefined, email: undefined } : withRealArticle(body)
        await send({ who: 'reader', method: target.method, path: filledPath(target.path, id), body: data }, undefined, OWN_ANSWER_KEYS)
      }),
      200,
    )
    // Still the same account: nothing above changed its email or let it moderate itself.
    const me = (await reader.get('/api/readers/me')).body.user
    expect(me).toMatchObject({ email: READER_EMAIL, status: 'active', professionVerified: false })
  }, 180_000)

  it('preview tokens: random, truncated and altered', async () => {
    const token = fc.oneof(
      hostileString,
      fc.tuple(fc.nat(), hostileString).map(([cut, tail]) => previewToken.slice(0, cut % previewToken.length) + tail),
      fc.tuple(fc.nat(), fc.constantFrom(...'ABCxyz019-_.=%')).map(([at, char]) => { const i = at % previewToken.length; return previewToken.slice(0, i) + char + previewToken.slice(i + 1) }),
    )
    await check(
      fc.asyncProperty(token, async (value) => {
        const res = await send({ who: 'anonymous', method: 'GET', path: `/api/articles/preview?token=${encode(value)}` })
        if (value !== previewToken) expect(res.status).toBeGreaterThanOrEqual(400)
      }),
      150,
    )
  }, 120_000)
})

describe('the fixed corpus', () => {
  it('every classic payload as a query value, an id, a search and a token', async () => {
    for (const value of HOSTILE_STRINGS) {
      const v = encode(value)
      for (const path of [
        `/api/articles?where[title][equals]=${v}`,
        `/api/articles?where[slug][like]=${v}&sort=${v}`,
        `/api/comments?where[article][equals]=${v}`,
        `/api/articles/${v}`,
        `/api/search?q=${v}`,
        `/api/correction-requests/lookup?token=${v}`,
        `/api/articles/preview?token=${v}`,
      ]) {
        await send({ who: 'anonymous', method: 'GET', path })
      }
    }
  }, 180_000)

  it('a path with malformed percent-encoding, on Payload\'s routes and on those served without it', async () => {
    for (const path of ['/api/articles/%E0%A4%A', '/api/articles/page/%E0%A4%A', '/api/%ZZ', '/api/articles/versions/%']) {
      const res = await send({ who: 'anonymous', method: 'GET', path })
      expect([path, res.status]).toEqual([path, 400])
    }
  })

  it('every classic query string on the list endpoints', async () => {
    for (const query of HOSTILE_QUERIES) {
      for (const path of ['/api/articles', '/api/comments', '/api/categories', '/api/users', '/api/readers', '/api/search', '/api/corrections', '/api/globals/site-settings']) {
        await send({ who: 'anonymous', method: 'GET', path: `${path}?${query}` })
      }
    }
  }, 180_000)

  it('every classic payload in every text field of the public forms', async () => {
    for (const value of HOSTILE_STRINGS) {
      const email = `${value}@readers.test`
      await send({ who: 'anonymous', method: 'POST', path: '/api/readers', body: { email, password: value || 'x', displayName: value } })
      await send({ who: 'anonymous', method: 'POST', path: '/api/readers/login', body: { email: value, password: value } })
      await send({ who: 'anonymous', method: 'POST', path: '/api/users/login', body: { email, password: value } })
      await send({ who: 'anonymous', method: 'POST', path: '/api/readers/forgot-password', body: { email: value } })
      await send({ who: 'anonymous', method: 'POST', path: '/api/readers/reset-password', body: { token: value, password: 'new-password-123' } })
      await send({ who: 'anonymous', method: 'POST', path: '/api/comments', body: { article: articleId, body: value } })
      await send({ who: 'reader', method: 'POST', path: '/api/comments', body: { article: articleId, body: value, parent: value } })
      await send({ who: 'reader', method: 'POST', path: `/api/comments/${commentId}/report`, body: { reason: value } })
      const request = { article: articleId, errorType: 'typo', quote: value, suggestion: value, explanation: value, reporterName: value, reporterEmail: value }
      await send({ who: 'anonymous', method: 'POST', path: '/api/correction-requests', body: request }, undefined, OWN_ANSWER_KEYS)
      await send({ who: 'reader', method: 'POST', path: '/api/correction-requests', body: { ...request, errorType: value } }, undefined, OWN_ANSWER_KEYS)
    }
  }, 180_000)

  it('every malformed body on every public form', async () => {
    const paths = ['/api/readers', '/api/readers/login', '/api/users/login', '/api/readers/forgot-password', '/api/comments', '/api/correction-requests', '/api/graphql']
    for (const [contentType, body] of HOSTILE_BODIES) {
      for (const path of paths) {
        await send({ who: 'anonymous', method: 'POST', path, body }, { 'content-type': contentType }, OWN_ANSWER_KEYS)
        const [method, own] = path === '/api/readers' ? ['PATCH', `/api/readers/${reader.id}`] : ['POST', path]
        await send({ who: 'reader', method, path: own, body }, { 'content-type': contentType }, OWN_ANSWER_KEYS)
      }
    }
    // Nothing above polluted the server's objects.
    expect((await send({ who: 'anonymous', method: 'GET', path: '/api/articles?limit=1' })).body.polluted).toBeUndefined()
  }, 180_000)

  it('every classic GraphQL document', async () => {
    for (const query of HOSTILE_GRAPHQL) {
      await send({ who: 'anonymous', method: 'POST', path: '/api/graphql', body: { query } })
      await send({ who: 'anonymous', method: 'POST', path: '/api/graphql', body: { query: '{ Articles(where: $w) { docs { title } } }', variables: { w: query } } })
    }
  }, 180_000)

  it('never answered with a 500 in the server log', () => {
    const failures = server.output().split('\n').filter((line) => /"res":\{"status":5\d\d\}/.test(line))
    expect(failures).toEqual([])
  })
})

describe('what the inputs that were once a 500 are answered with', () => {
  it.each([
    ['a NUL character in a where query', '/api/articles?where[title][equals]=%00', 'where.title.equals', /NUL/],
    ['a date past the year 9999', '/api/articles?where[publishedAt][less_than]=99999-01-01', 'data', /Date is out of range/],
    ['a geographic operator on a relationship', '/api/articles?where[category][near]=1,2,3', 'where.category.near', /point/],
    ['the all operator, which PostgreSQL lacks', '/api/articles?where[or][0][tags][all]=1,2', 'where.or.0.tags.all', /not supported/],
    ['contains on a relationship', '/api/comments/count?where[and][0][article][contains]=&where[and][0][article][equals]=', 'where.and.0.article.contains', /compares text, and article is a relationship/],
    ['contains on a date, with a value that is no date', '/api/articles?where[publishedAt][contains]=x', 'where.publishedAt.contains', /publishedAt is a date/],
    ['like on a select', '/api/comments?where[status][like]=app', 'where.status.like', /status is a select/],
    ['not_like on a related collection\'s date', '/api/articles?where[category.createdAt][not_like]=x', 'where.category.createdAt.not_like', /createdAt is a date/],
    ['contains in a join\'s where', '/api/articles?joins[featuredComments][where][article][contains]=1', 'joins.featuredComments.where.article.contains', /relationship/],
  ])('%s: a 400 naming the field', async (_label, path, field, message) => {
    const res = await anonymous.get(path)
    expect(res.status).toBe(400)
    const errors = res.body.errors.flatMap((error: { data?: unknown }) => (Array.isArray(error.data) ? error.data : ((error.data as { errors?: unknown[] })?.errors ?? [])))
    expect(errors).toEqual([expect.objectContaining({ path: field, message: expect.stringMatching(message) })])
  })

  it('Payload\'s own collections, which a signed-in reader may query: the same 400 naming the where path', async () => {
    for (const [path, field] of [
      ['/api/payload-preferences?where[key][near]=1,2,3', 'where.key.near'],
      ['/api/payload-locked-documents?where[updatedAt][like]=2026', 'where.updatedAt.like'],
    ]) {
      const res = await reader.get(path)
      expect([path, res.status, res.body.errors?.[0]?.data?.errors]).toEqual([path, 400, [expect.objectContaining({ path: field })]])
    }
  })

  it('like on an id or a relationship, which Payload reads as equals: answered as equals', async () => {
    const [author] = (await anonymous.get(`/api/articles/${articleId}?depth=0`)).body.authors
    for (const where of [`where[id][like]=${articleId}`, `where[authors][like]=${author}`]) {
      const res = await anonymous.get(`/api/articles?${where}&depth=0`)
      expect([where, res.status, res.body.docs?.map((doc: { id: number }) => doc.id)]).toEqual([where, 200, expect.arrayContaining([articleId])])
    }
  })

  it('a where path deeper than any field\'s (Payload\'s own walk overflowed its stack): a 400 naming it', async () => {
    const deep = (segments: number) => Array.from({ length: segments }, () => 'parent').join('.')
    const inUrl = await anonymous.get(`/api/categories?where[${deep(1_500)}][equals]=1`)
    // As long as a form body can carry, a GET sent as a POST.
    const inBody = await anonymous.request('POST', '/api/categories', `where[or][0][${deep(100_000)}][like]=x`, {
      'content-type': 'application/x-www-form-urlencoded',
      'x-payload-http-method-override': 'GET',
    })
    for (const [res, prefix] of [[inUrl, 'where.'], [inBody, 'where.or.0.']] as const) {
      expect([res.status, res.body.errors?.[0]?.data?.errors]).toEqual([400, [{ path: `${prefix}${deep(17)}…`, message: 'A where path may have at most 16 parts' }]])
    }
  })

  it('a NUL character in a correction request: a 400 naming the field, nothing stored', async () => {
    const stored = async () => (await staff.editor.get('/api/correction-requests?limit=0')).body.totalDocs
    const before = await stored()
    const res = await anonymous.post('/api/correction-requests', { article: articleId, errorType: 'typo', quote: '约1万亿元', explanation: '多了\u0000一个字' })
    expect(res.status).toBe(400)
    expect(invalidPaths(res.body)).toEqual(['explanation'])
    expect(await stored()).toBe(before)
  })

  it('a write whose body Payload cannot read (not JSON, a form without `_payload`): a 400', async () => {
    const plain = await reader.request('PATCH', `/api/readers/${reader.id}`, 'displayName=x', { 'content-type': 'text/plain' })
    expect(plain.status).toBe(400)
    expect(invalidPaths(plain.body)).toEqual(['data'])
    const form = new FormData()
    form.append('_payload', '{not json')
    const badForm = await reader.post('/api/comments', form)
    expect(badForm.status).toBe(400)
    expect(invalidPaths(badForm.body)).toEqual(['_payload'])
  })

  it.each([
    ['the all operator', '{ Articles(where: { title: { all: ["x"] } }) { totalDocs } }', 'where.title.all'],
    ['like on a date', '{ Articles(where: { createdAt: { like: "2026-12-01T00:00:00Z" } }) { totalDocs } }', 'where.createdAt.like'],
    ['a relationship id that is no number', '{ Comments(where: { article: { equals: "abc" } }) { totalDocs } }', 'data'],
    ['a negative page', '{ Articles(page: -5) { totalDocs } }', 'page'],
    ['a limit past the largest page', '{ Tags(limit: 10001) { totalDocs } }', 'limit'],
  ])('in GraphQL, %s: an error with status 400 naming the field', async (_label, query, path) => {
    const res = await anonymous.graphql(query)
    expect(res.body.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ statusCode: 400, data: expect.objectContaining({ errors: [expect.objectContaining({ path })] }) }) })])
  })

  it('versions of content that keeps none: a 404, for staff too; versioned content still lists its versions', async () => {
    for (const path of ['/api/tags/versions', '/api/comments/versions/1', '/api/globals/site-settings/versions', '/api/globals/moderation-settings/versions/1']) {
      const res = await staff.admin.inLanguage('en').get(path)
      expect([path, res.status, res.body.errors?.[0]?.message]).toEqual([path, 404, expect.stringMatching(/^No versions are kept of /)])
    }
    const versions = await staff.admin.get(`/api/articles/versions?where[parent][equals]=${articleId}&depth=0`)
    expect(versions.status).toBe(200)
    expect(versions.body.totalDocs).toBeGreaterThan(0)
  })

  it.each([
    ['where[version.publishedAt][contains]=x', 'where.version.publishedAt.contains', /publishedAt is a date/],
    ['where[parent][not_like]=1', 'where.parent.not_like', /parent is a relationship/],
    ['where[latest][contains]=true', 'where.latest.contains', /latest is a checkbox/],
  ])('a text operator on a version\'s non-text column (%s): a 400 naming the where path', async (query, path, message) => {
    const res = await staff.admin.inLanguage('en').get(`/api/articles/versions?${query}`)
    expect([res.status, res.body.errors?.[0]?.data?.errors]).toEqual([400, [expect.objectContaining({ path, message: expect.stringMatching(message) })]])
  })

  it('a multipart body sent to GraphQL: a 415', async () => {
    const form = new FormData()
    form.append('query', '{ __typename }')
    expect((await anonymous.post('/api/graphql', form)).status).toBe(415)
  })
})

describe('GraphQL limits', () => {
  const aliases = (count: number, field: string) => `{ Articles(limit: 1) { docs { ${Array.from({ length: count }, (_, i) => `a${i}: ${field}`).join(' ')} } } }`

  it('refuses a query over the complexity limit (every alias counted) before running it', async () => {
    expect((await anonymous.graphql(aliases(998, 'title'))).body.errors).toBeUndefined()
    const res = await anonymous.graphql(aliases(999, 'title'))
    expect(res.body.errors?.map((error: { message: string }) => error.message)).toContain('The query exceeds the maximum complexity of 1000. Actual complexity is 1001')
    expect(res.body.data).toBeUndefined()
    // GraphQL over HTTP: a client that accepts its own media type gets the refusal as a 400.
    const strict = await anonymous.post('/api/graphql', { query: aliases(999, 'title') }, { accept: 'application/graphql-response+json' })
    expect(strict.status).toBe(400)
  })

  it('refuses more fields than the limit, __typename included, which the complexity limit does not count', async () => {
    expect((await anonymous.graphql(aliases(998, '__typename'))).body.errors).toBeUndefined()
    const res = await anonymous.graphql(aliases(999, '__typename'))
    expect(res.body.errors?.map((error: { message: string }) => error.message)).toEqual(['Query selects 1001 fields; at most 1000 are allowed'])
    expect(res.body.data).toBeUndefined()
  })

  it('refuses a fragment that spreads itself before Payload sees it', async () => {
    const res = await anonymous.graphql('query Q { ...F } fragment F on Query { ...F }')
    expect(res.status).toBe(400)
    expect(res.body.errors?.[0].message).toBe('Fragment "F" spreads itself, directly or through other fragments')
  })

  it('refuses subscriptions, which the schema does not have', async () => {
    const res = await anonymous.graphql('subscription { x }')
    expect(res.status).toBe(400)
    expect(res.body.errors?.[0].message).toBe('Subscriptions are not supported')
  })

  it('keeps the playground off in production', async () => {
    expect((await anonymous.get('/api/graphql-playground')).status).toBe(404)
  })
})
