/**
 * Logins, sign-ups and password resets count against one allowance per client address (and, for
 * logins and resets, per email) whatever carries them: REST in any spelling of the path, GraphQL
 * with any number of aliased mutations in one request, or both mixed. An attempt beyond the
 * allowance is never processed: it is refused with 429 and the code AUTH_RATE_LIMITED, or (for a
 * spelling of the path the server does not route) refused with 400 or 404.
 */
import { Api, READER_PASSWORD, signUpReader } from '../helpers/api'
import { startServer, type TestServer } from '../helpers/server'

/** Attempts of one kind per client address (AUTH_RATE_LIMIT_PER_ADDRESS). */
const PER_ADDRESS = 5
/** Login and reset attempts naming one email (AUTH_RATE_LIMIT_PER_EMAIL). */
const PER_EMAIL = 3
const WINDOW_SECONDS = 600
const CODE = 'AUTH_RATE_LIMITED'

let server: TestServer
let anonymous: Api
let counter = 0
const unique = (text: string) => `${text}${++counter}`
/** A client address of its own (Express trusts X-Forwarded-For from loopback). */
const fromAddress = () => ({ 'x-forwarded-for': `203.0.113.${++counter % 250}` })
/** Reaches Payload as the client address unless the server replaces it with the real one. */
const forgedAddress = () => ({ 'x-newsroom-client-ip': `192.0.2.${++counter % 250}` })

/** A reader whose right password a refused login must not get through with. */
let reader: { email: string }

beforeAll(async () => {
  server = await startServer({
    AUTH_RATE_LIMIT_PER_ADDRESS: String(PER_ADDRESS),
    AUTH_RATE_LIMIT_PER_EMAIL: String(PER_EMAIL),
    AUTH_RATE_WINDOW_SECONDS: String(WINDOW_SECONDS),
  })
  anonymous = new Api(server.url)
  reader = { email: unique('known') + '@readers.test' }
  await signUpReader(server, { ...reader, displayName: '老读者' })
})
afterAll(() => server?.stop())

type GraphQLError = { message: string; path?: (string | number)[]; extensions?: { statusCode?: number; data?: { code?: string; retryAfterSeconds?: number } } }
type GraphQLAnswer = { status: number; headers: Headers; body: { data?: Record<string, unknown> | null; errors?: GraphQLError[] } }

const graphql = (query: string, headers: Record<string, string>): Promise<GraphQLAnswer> => anonymous.post('/api/graphql', { query }, headers)

const isRefusal = (error: GraphQLError) => error.extensions?.statusCode === 429

function expectRefusal(error: GraphQLError): void {
  expect(error.extensions?.statusCode).toBe(429)
  expect(error.extensions?.data?.code).toBe(CODE)
  expect(error.extensions?.data?.retryAfterSeconds).toBeGreaterThan(0)
  expect(error.extensions?.data?.retryAfterSeconds).toBeLessThanOrEqual(WINDOW_SECONDS)
  expect(error.message).toMatch(/^尝试次数过多，请 \d+ 秒后再试$/)
}

/** A GraphQL request all of whose mutations were refused: HTTP 429 with Retry-After, every error 429-coded. */
function expectAllRefused(answer: GraphQLAnswer): void {
  expect(answer.status).toBe(429)
  expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0)
  expect(Number(answer.headers.get('retry-after'))).toBeLessThanOrEqual(WINDOW_SECONDS)
  expect(answer.body.errors?.length).toBeGreaterThan(0)
  answer.body.errors!.forEach(expectRefusal)
  expect(Object.values(answer.body.data ?? {}).every((value) => value === null)).toBe(true)
}

function expectRestRefusal(res: { status: number; headers: Headers; body: any }): void {
  expect(res.status).toBe(429)
  expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0)
  expect(Number(res.headers.get('retry-after'))).toBeLessThanOrEqual(WINDOW_SECONDS)
  expect(res.body.errors[0].data.code).toBe(CODE)
  expect(res.body.errors[0].message).toMatch(/^尝试次数过多，请 \d+ 秒后再试$/)
}

const quoted = (text: string) => JSON.stringify(text)

/** Each kind of GraphQL attempt, as one aliased mutation; `processed` tells an answered one from a refused one. */
const GRAPHQL_ATTEMPTS = {
  loginUser: () => `loginUser(email: ${quoted(unique('nobody') + '@x.test')}, password: "wrong-password-1") { token }`,
  loginReader: () => `loginReader(email: ${quoted(unique('nobody') + '@x.test')}, password: "wrong-password-1") { token }`,
  resetPasswordUser: () => `resetPasswordUser(token: ${quoted(unique('bogus-token-'))}, password: "a-new-password-123") { token }`,
  resetPasswordReader: () => `resetPasswordReader(token: ${quoted(unique('bogus-token-'))}, password: "a-new-password-123") { token }`,
  createReader: () =>
    `createReader(data: { email: ${quoted(unique('flood') + '@readers.test')}, password: ${quoted(READER_PASSWORD)}, displayName: "灌水" }) { id }`,
  // Boolean!: the first refusal ends the request (GraphQL stops a mutation list at a failed non-null field).
  forgotPasswordUser: () => `forgotPasswordUser(email: ${quoted(unique('nobody') + '@x.test')})`,
  forgotPasswordReader: () => `forgotPasswordReader(email: ${quoted(unique('nobody') + '@x.test')})`,
} satisfies Record<string, () => string>
const STOPS_AT_FIRST_REFUSAL = new Set(['forgotPasswordUser', 'forgotPasswordReader'])

const mutation = (fields: string[]) => `mutation { ${fields.map((field, i) => `a${i}: ${field}`).join(' ')} }`
const aliases = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `a${from + i}`)
const refusedAliases = (answer: GraphQLAnswer) => (answer.body.errors ?? []).filter(isRefusal).map((error) => error.path?.[0])
/** Aliases answered with data or with an error other than a refusal: the attempts that were processed. */
function processedAliases(answer: GraphQLAnswer): string[] {
  const errors = answer.body.errors ?? []
  const answered = Object.entries(answer.body.data ?? {}).filter(([, value]) => value !== null).map(([alias]) => alias)
  const failed = errors.filter((error) => !isRefusal(error)).map((error) => String(error.path?.[0]))
  return [...new Set([...answered, ...failed])].sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)))
}

describe('GraphQL: every aliased mutation is one attempt', () => {
  it.each(Object.keys(GRAPHQL_ATTEMPTS) as (keyof typeof GRAPHQL_ATTEMPTS)[])(
    '%s: of many in one request from one address, exactly the allowance is processed, the rest refused',
    async (kind) => {
      const address = fromAddress()
      const count = PER_ADDRESS + 4
      const answer = await graphql(mutation(Array.from({ length: count }, GRAPHQL_ATTEMPTS[kind])), address)
      if (STOPS_AT_FIRST_REFUSAL.has(kind)) {
        // The request ends at the first refusal: the ones before it ran, none after.
        expect(answer.body.errors?.map((error) => error.path?.[0])).toEqual([`a${PER_ADDRESS}`])
      } else {
        // Some were processed: the request as a whole is answered, with no Retry-After.
        expect(answer.status).toBe(200)
        expect(answer.headers.get('retry-after')).toBeNull()
        expect(processedAliases(answer)).toEqual(aliases(0, PER_ADDRESS))
        expect(refusedAliases(answer)).toEqual(aliases(PER_ADDRESS, count))
      }
      answer.body.errors!.filter(isRefusal).forEach(expectRefusal)
      // Once over, a request whose every mutation is refused answers 429.
      expectAllRefused(await graphql(mutation([GRAPHQL_ATTEMPTS[kind](), GRAPHQL_ATTEMPTS[kind]()]), address))
      // Another address has its own allowance.
      expect(refusedAliases(await graphql(mutation([GRAPHQL_ATTEMPTS[kind]()]), fromAddress()))).toEqual([])
    },
  )

  it('counts logins naming one email per email, however it is written', async () => {
    const email = unique('target') + '@x.test'
    const spellings = [email, email.toUpperCase(), `  ${email} `]
    const fields = Array.from({ length: PER_EMAIL + 3 }, (_, i) => `loginReader(email: ${quoted(spellings[i % spellings.length])}, password: "wrong-password-1") { token }`)
    const answer = await graphql(mutation(fields), fromAddress())
    expect(processedAliases(answer)).toEqual(aliases(0, PER_EMAIL))
    expect(refusedAliases(answer)).toEqual(aliases(PER_EMAIL, fields.length))
    expectAllRefused(await graphql(mutation([`loginUser(email: ${quoted(email)}, password: "wrong-password-1") { token }`]), fromAddress()))
  })

  it('refuses the right password once over the allowance', async () => {
    const address = fromAddress()
    const wrong = Array.from({ length: PER_ADDRESS }, GRAPHQL_ATTEMPTS.loginReader)
    const right = `loginReader(email: ${quoted(reader.email)}, password: ${quoted(READER_PASSWORD)}) { token }`
    const answer = await graphql(mutation([...wrong, right]), address)
    expect(answer.body.data?.[`a${PER_ADDRESS}`]).toBeNull()
    expect(refusedAliases(answer)).toEqual([`a${PER_ADDRESS}`])
  })
})

/** Spellings of an API path that Payload may route to the same operation: encoded, in other cases, with extra slashes. */
function spellingsOf(path: string): string[] {
  const [api, ...rest] = path.split('/').filter(Boolean)
  const tail = rest.join('/')
  const last = rest.at(-1)!
  const parent = `/${[api, ...rest.slice(0, -1)].join('/')}`
  const hex = (c: string) => `%${c.charCodeAt(0).toString(16)}`
  return [
    path,
    `${parent}/${last.slice(0, -1)}${hex(last.at(-1)!)}`,
    `${parent}/${[...last].map(hex).join('').toUpperCase()}`,
    `${parent}/${last.toUpperCase()}`,
    `${parent}/${last[0].toUpperCase()}${last.slice(1)}/`,
    `${path}/`,
    `${path}//`,
    `${parent}//${last}`,
    `/${api}//${tail}`,
    `/${api}/${hex(tail[0])}${tail.slice(1)}`,
  ]
}

/** Each kind of REST attempt: its path, a body for one attempt, and the status of a processed one. */
const REST_ATTEMPTS = [
  { kind: 'login', path: '/api/readers/login', body: () => ({ email: unique('nobody') + '@x.test', password: 'wrong-password-1' }), processed: 401 },
  { kind: 'staff login', path: '/api/users/login', body: () => ({ email: unique('nobody') + '@x.test', password: 'wrong-password-1' }), processed: 401 },
  { kind: 'forgot-password', path: '/api/readers/forgot-password', body: () => ({ email: unique('nobody') + '@x.test' }), processed: 200 },
  { kind: 'reset-password', path: '/api/users/reset-password', body: () => ({ token: unique('bogus-token-'), password: 'a-new-password-123' }), processed: 403 },
  {
    kind: 'sign-up',
    path: '/api/readers',
    body: () => ({ email: unique('flood') + '@readers.test', password: READER_PASSWORD, displayName: '灌水' }),
    processed: 201,
  },
]

describe('REST: every spelling of the path counts against the same allowance', () => {
  it.each(REST_ATTEMPTS)('$kind: $path in every spelling, from one address', async ({ path, body, processed }) => {
    const address = fromAddress()
    const spellings = spellingsOf(path)
    expect(spellings[0]).toBe(path)
    const statuses: { spelling: string; status: number }[] = []
    const refusals: Parameters<typeof expectRestRefusal>[0][] = []
    // Each spelling, the literal one included, is tried more often than the allowance.
    for (let round = 0; round <= PER_ADDRESS; round++) {
      for (const spelling of spellings) {
        const res = await anonymous.post(spelling, body(), { ...address, ...forgedAddress() })
        statuses.push({ spelling, status: res.status })
        if (res.status === 429) refusals.push(res)
      }
    }
    // Only refusals besides the processed ones; a spelling the server does not route may be refused as such.
    expect(statuses.filter(({ status }) => ![processed, 429, 400, 404].includes(status))).toEqual([])
    expect(statuses.filter(({ status }) => status === processed)).toHaveLength(PER_ADDRESS)
    const firstRefusal = statuses.findIndex(({ status }) => status === 429)
    expect(statuses.slice(firstRefusal).filter(({ status }) => status === processed)).toEqual([])
    refusals.forEach(expectRestRefusal)
  })

  it('refuses the right password in any spelling once over the allowance', async () => {
    const address = fromAddress()
    for (let i = 0; i < PER_ADDRESS; i++) {
      await anonymous.post('/api/readers/login', { email: unique('nobody') + '@x.test', password: 'wrong-password-1' }, address)
    }
    for (const spelling of spellingsOf('/api/readers/login')) {
      const res = await anonymous.post(spelling, { email: reader.email, password: READER_PASSWORD }, address)
      expect([spelling, [429, 400, 404].includes(res.status)]).toEqual([spelling, true])
    }
  })
})

describe('REST and GraphQL share one allowance', () => {
  it('per address: logins over both, whatever client address header is sent', async () => {
    const address = fromAddress()
    const login = () => ({ email: unique('nobody') + '@x.test', password: 'wrong-password-1' })
    expect((await anonymous.post('/api/readers/login', login(), { ...address, ...forgedAddress() })).status).toBe(401)
    expect((await anonymous.post('/api/users/login', login(), { ...address, ...forgedAddress() })).status).toBe(401)
    const answer = await graphql(mutation(Array.from({ length: PER_ADDRESS }, GRAPHQL_ATTEMPTS.loginReader)), { ...address, ...forgedAddress() })
    expect(processedAliases(answer)).toEqual(aliases(0, PER_ADDRESS - 2))
    expect(refusedAliases(answer)).toEqual(aliases(PER_ADDRESS - 2, PER_ADDRESS))
    expectRestRefusal(await anonymous.post('/api/readers/login', login(), { ...address, ...forgedAddress() }))
    expectAllRefused(await graphql(mutation([GRAPHQL_ATTEMPTS.loginUser()]), { ...address, ...forgedAddress() }))
  })

  it('per address: sign-ups over both', async () => {
    const address = fromAddress()
    const signUp = () => ({ email: unique('flood') + '@readers.test', password: READER_PASSWORD, displayName: '灌水' })
    expect((await anonymous.post('/api/readers', signUp(), address)).status).toBe(201)
    const answer = await graphql(mutation(Array.from({ length: PER_ADDRESS }, GRAPHQL_ATTEMPTS.createReader)), address)
    expect(processedAliases(answer)).toEqual(aliases(0, PER_ADDRESS - 1))
    expect(refusedAliases(answer)).toEqual([`a${PER_ADDRESS - 1}`])
    expectRestRefusal(await anonymous.post('/api/readers', signUp(), address))
  })

  it('per email: logins and password resets from many addresses, over both', async () => {
    const email = unique('target') + '@x.test'
    const restLogin = () => anonymous.post('/api/readers/login', { email: email.toUpperCase(), password: 'wrong-password-1' }, fromAddress())
    expect((await restLogin()).status).toBe(401)
    const answer = await graphql(mutation([1, 2, 3].map(() => `loginUser(email: ${quoted(email)}, password: "wrong-password-1") { token }`)), fromAddress())
    expect(processedAliases(answer)).toEqual(aliases(0, PER_EMAIL - 1))
    expect(refusedAliases(answer)).toEqual(['a2'])
    expectRestRefusal(await restLogin())

    expect((await anonymous.post('/api/readers/forgot-password', { email }, fromAddress())).status).toBe(200)
    const forgot = await graphql(mutation([1, 2, 3].map(() => `forgotPasswordReader(email: ${quoted(email)})`)), fromAddress())
    expect(forgot.body.errors?.map((error) => error.path?.[0])).toEqual(['a2'])
    expectRestRefusal(await anonymous.post('/api/readers/forgot-password', { email: ` ${email.toUpperCase()}` }, fromAddress()))
  })
})
