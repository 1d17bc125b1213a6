import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { gunzipSync } from 'node:zlib'

import { Api, bindReaderPhone, createStaff, sentSms, signUpReader, type Staff } from '../helpers/api'
import { ROOT_DIR, startServer, type TestServer, withDatabase } from '../helpers/server'

/**
 * 后台实名: a reader binds a mobile number with an SMS code (POST /api/readers/phone/code, /verify)
 * before commenting or sending a correction request under their account; an admin reads a number
 * in full only through an audited action; no other response, and no log line, carries one.
 */

const PER_NUMBER = 4
const PER_READER = 4
const PER_ADDRESS = 6

/** Every response body the test received, with the URL asked: scanned for numbers at the end. */
const responses: { url: string; body: string }[] = []
const realFetch = globalThis.fetch
globalThis.fetch = async (input, init) => {
  const res = await realFetch(input, init)
  responses.push({ url: String(input instanceof Request ? input.url : input), body: await res.clone().text() })
  return res
}

/** Each number as it could be written out: E.164, national, spaced. */
const spellingsOf = (e164: string) => [e164, e164.slice(3), `${e164.slice(3, 6)} ${e164.slice(6, 10)} ${e164.slice(10)}`]

/** Every number the test binds or asks a code for, as E.164. */
const numbers = new Set<string>()
let serial = 0
/** A mainland number of its own, e.g. 13900001234. */
const newNumber = () => {
  const national = `1390000${String(1000 + ++serial)}`
  numbers.add(`+86${national}`)
  return national
}
let addressSerial = 0
const newAddress = () => `198.51.100.${++addressSerial}`

let server: TestServer
let defaults: TestServer
let off: TestServer
let staff: Staff
let articleId: number
let readerSerial = 0

const newReader = (on: TestServer = server) => signUpReader(on, { email: `phone${++readerSerial}@readers.test`, displayName: `实名读者${readerSerial}` })
const askCode = (reader: Api, phone: string, address = newAddress()) => reader.post('/api/readers/phone/code', { phone }, { 'x-forwarded-for': address })
const verify = (reader: Api, phone: string, code: unknown, address = newAddress()) => reader.post('/api/readers/phone/verify', { phone, code }, { 'x-forwarded-for': address })
const lastCode = async (on: TestServer, e164: string) => (await sentSms(on.smsDir)).filter((message) => message.to === e164).at(-1)?.code
const codeOf = (body: any) => body?.errors?.[0]?.data?.code
const wrongCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0')

const commentRest = (reader: Api, article = articleId) => reader.post('/api/comments', { article, body: `实名测试评论${++serial}` })
const correctionRest = (reader: Api, article = articleId) => reader.post('/api/correction-requests', { article, errorType: 'typo', quote: `实名测试原文${++serial}` })
const commentGraphQL = (reader: Api, article = articleId) =>
  reader.graphql('mutation($data: mutationCommentInput!) { createComment(data: $data) { id } }', { data: { article, body: `实名测试评论${++serial}` } })
const correctionGraphQL = (reader: Api, article = articleId) =>
  reader.graphql('mutation($data: mutationCorrectionRequestInput!) { createCorrectionRequest(data: $data) { id } }', {
    // The schema marks the status required, though the server sets it: `new` is what it sets anyway.
    data: { article, errorType: 'typo', status: 'new', quote: `实名测试原文${++serial}` },
  })

async function publishedArticle(on: TestServer): Promise<number> {
  const editor = await new Api(on.url).login('admin@test.newsroom', 'admin-password-123')
  const res = await editor.post('/api/articles', { title: `实名测试文章${++serial}`, _status: 'published' })
  expect(res.status).toBe(201)
  expect((await editor.post('/api/globals/moderation-settings', { readerIntervalSeconds: 0, ipLimit: 10_000 })).status).toBe(200)
  return res.body.doc.id
}

beforeAll(async () => {
  ;[server, defaults, off] = await Promise.all([
    startServer({
      COMMENT_REQUIRE_PHONE: 'on',
      PHONE_MAX_ACCOUNTS: '2',
      PHONE_CODE_LIMIT_PER_NUMBER: String(PER_NUMBER),
      PHONE_CODE_LIMIT_PER_READER: String(PER_READER),
      PHONE_CODE_LIMIT_PER_ADDRESS: String(PER_ADDRESS),
    }),
    // Production's default, with codes that expire in two seconds.
    startServer({ COMMENT_REQUIRE_PHONE: undefined, PHONE_CODE_TTL_SECONDS: '2' }),
    startServer({ COMMENT_REQUIRE_PHONE: 'off' }),
  ])
  staff = await createStaff(server)
  articleId = await publishedArticle(server)
}, 240_000)
afterAll(async () => {
  globalThis.fetch = realFetch
  await Promise.all([server?.stop(), defaults?.stop(), off?.stop()])
})

describe('binding a number', () => {
  it('sends a six-digit code to the number and binds it when the code comes back', async () => {
    const reader = await newReader()
    const national = newNumber()
    const sent = await askCode(reader, `+86 ${national.slice(0, 3)} ${national.slice(3, 7)} ${national.slice(7)}`)
    expect(sent).toMatchObject({ status: 200, body: { phoneMasked: `${national.slice(0, 3)}****${national.slice(-4)}`, expiresInSeconds: 300 } })
    expect(sent.headers.get('cache-control')).toContain('no-store')
    const code = await lastCode(server, `+86${national}`)
    expect(code).toMatch(/^\d{6}$/)
    const bound = await verify(reader, national, code)
    expect(bound).toMatchObject({ status: 200, body: { phoneMasked: `${national.slice(0, 3)}****${national.slice(-4)}` } })
    expect(Date.parse(bound.body.phoneVerifiedAt)).toBeGreaterThan(Date.now() - 60_000)
    // The reader sees the masked number on their account, never more of it.
    const me = await reader.get('/api/readers/me')
    expect(me.body.user).toMatchObject({ phoneMasked: `${national.slice(0, 3)}****${national.slice(-4)}` })
    expect(me.body.user).not.toHaveProperty('phoneHash')
    expect(me.body.user).not.toHaveProperty('phoneCiphertext')
    // A code is good once.
    expect(codeOf((await verify(reader, national, code)).body)).toBe('PHONE_CODE_NONE')
    // Stored as a hash and a ciphertext, not in clear.
    const stored = await withDatabase(server.databaseUrl, async (db) => (await db.query('select phone_hash, phone_ciphertext, phone_masked from readers where id = $1', [reader.id])).rows[0])
    expect(stored.phone_hash).toMatch(/^[0-9a-f]{64}$/)
    expect(stored.phone_ciphertext).toMatch(/^v1\./)
    expect(JSON.stringify(stored)).not.toContain(national)
  })

  it('refuses malformed numbers and codes with the field named, in Chinese and English', async () => {
    const reader = await newReader()
    for (const phone of ['12345678901', '+86 123 4567 8901', '1380013800', '+0123456789', 'abc', '', 13800138000, null]) {
      const res = await askCode(reader, phone as string)
      expect([phone, res.status, codeOf(res.body), res.body.errors[0].data.errors[0].path]).toEqual([phone, 400, 'PHONE_NUMBER_INVALID', 'phone'])
    }
    const english = await askCode(reader.inLanguage('en'), 'not a number')
    expect(english.body.errors[0].data.errors[0].message).toMatch(/valid mobile number/)
    const chinese = await askCode(reader, 'not a number')
    expect(chinese.body.errors[0].data.errors[0].message).toMatch(/手机号/)
    for (const code of ['12345', '1234567', 'abcdef', 123456, null]) {
      const res = await verify(reader, newNumber(), code)
      expect([code, res.status, codeOf(res.body), res.body.errors[0].data.errors[0].path]).toEqual([code, 400, 'PHONE_CODE_SHAPE', 'code'])
    }
    expect(codeOf((await verify(reader, newNumber(), '123456')).body)).toBe('PHONE_CODE_NONE')
  })

  it('lets only a logged-in reader bind a number', async () => {
    const anonymous = await askCode(staff.anonymous, newNumber())
    expect([anonymous.status, codeOf(anonymous.body)]).toEqual([401, 'PHONE_LOGIN_REQUIRED'])
    const editor = await askCode(staff.editor, newNumber())
    expect([editor.status, codeOf(editor.body)]).toEqual([403, 'PHONE_READERS_ONLY'])
    // A reader's cookie sent from a foreign origin is no login (Payload's CSRF rule).
    const reader = await newReader()
    const login = await realFetch(`${server.url}/api/readers/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: `phone${readerSerial}@readers.test`, password: 'reader-password-123' }),
    })
    const cookie = login.headers.get('set-cookie')!.split(';')[0]
    const foreign = await new Api(server.url).post('/api/readers/phone/code', { phone: newNumber() }, { cookie, origin: 'https://evil.example' })
    expect([foreign.status, codeOf(foreign.body)]).toEqual([401, 'PHONE_LOGIN_REQUIRED'])
    void reader
  })

  it('refuses a wrong code, says how many tries are left, and kills the code after five', async () => {
    const reader = await newReader()
    const national = newNumber()
    expect((await askCode(reader, national)).status).toBe(200)
    const code = (await lastCode(server, `+86${national}`))!
    for (let left = 4; left >= 1; left--) {
      const res = await verify(reader, national, wrongCode(code))
      expect([res.status, codeOf(res.body), res.body.errors[0].message]).toEqual([400, 'PHONE_CODE_WRONG', `验证码不正确，还可尝试 ${left} 次`])
    }
    expect(codeOf((await verify(reader, national, wrongCode(code))).body)).toBe('PHONE_CODE_DEAD')
    // Dead: the right code no longer works either.
    const late = await verify(reader.inLanguage('en'), national, code)
    expect([late.status, codeOf(late.body), late.body.errors[0].message]).toEqual([400, 'PHONE_CODE_DEAD', 'Too many wrong tries: the code no longer works; ask for a new one'])
    // The right code for another number is a wrong code.
    expect((await askCode(reader, national)).status).toBe(200)
    const fresh = (await lastCode(server, `+86${national}`))!
    expect(codeOf((await verify(reader, newNumber(), fresh)).body)).toBe('PHONE_CODE_WRONG')
    expect((await verify(reader, national, fresh)).status).toBe(200)
  })

  it('counts concurrent tries each, so no more than five are ever compared', async () => {
    const reader = await newReader()
    const national = newNumber()
    expect((await askCode(reader, national)).status).toBe(200)
    const code = (await lastCode(server, `+86${national}`))!
    const guesses = await Promise.all(Array.from({ length: 12 }, () => verify(reader, national, wrongCode(code))))
    expect(guesses.filter((res) => codeOf(res.body) === 'PHONE_CODE_WRONG')).toHaveLength(4)
    expect(guesses.filter((res) => codeOf(res.body) === 'PHONE_CODE_DEAD')).toHaveLength(8)
  })

  it('lets a code expire (PHONE_CODE_TTL_SECONDS)', async () => {
    const reader = await newReader(defaults)
    const national = newNumber()
    const sent = await askCode(reader, national)
    expect(sent.body.expiresInSeconds).toBe(2)
    const code = await lastCode(defaults, `+86${national}`)
    await new Promise((resolve) => setTimeout(resolve, 2500))
    const res = await verify(reader, national, code)
    expect([res.status, codeOf(res.body)]).toEqual([400, 'PHONE_CODE_EXPIRED'])
  })

  it('binds one number to at most PHONE_MAX_ACCOUNTS accounts', async () => {
    const national = newNumber()
    const [first, second, third] = [await newReader(), await newReader(), await newReader()]
    await bindReaderPhone(server, first, `+86${national}`, newAddress())
    await bindReaderPhone(server, second, `+86${national}`, newAddress())
    const refused = await askCode(third, national)
    expect([refused.status, codeOf(refused.body)]).toEqual([409, 'PHONE_NUMBER_TAKEN'])
    // Binding the same number again to an account it is bound to is no new account.
    expect((await askCode(first, national)).status).toBe(200)
  })

  it('checks the limit again when the code comes back, one binding after another', async () => {
    const national = newNumber()
    const racers = [await newReader(), await newReader(), await newReader()]
    const codes: string[] = []
    for (const racer of racers) {
      expect((await askCode(racer, national)).status).toBe(200)
      codes.push((await lastCode(server, `+86${national}`))!)
    }
    const results = await Promise.all(racers.map((racer, i) => verify(racer, national, codes[i])))
    expect(results.map((res) => res.status).sort()).toEqual([200, 200, 409])
    expect(codeOf(results.find((res) => res.status === 409)!.body)).toBe('PHONE_NUMBER_TAKEN')
  })
})

describe('sending limits (the auth limits’ store)', () => {
  const refusedWith = (res: { status: number; body: any; headers: Headers }) => {
    expect([res.status, codeOf(res.body)]).toEqual([429, 'PHONE_CODE_RATE_LIMITED'])
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0)
  }

  it('per number, from any account and address', async () => {
    const national = newNumber()
    for (let i = 0; i < PER_NUMBER; i++) expect((await askCode(await newReader(), national)).status).toBe(200)
    refusedWith(await askCode(await newReader(), national))
  })

  it('per account, whatever the numbers', async () => {
    const reader = await newReader()
    for (let i = 0; i < PER_READER; i++) expect((await askCode(reader, newNumber())).status).toBe(200)
    refusedWith(await askCode(reader, newNumber()))
  })

  it('per client address, whoever asks', async () => {
    const address = newAddress()
    for (let i = 0; i < PER_ADDRESS; i++) {
      expect((await askCode(await newReader(), newNumber(), address)).status).toBe(200)
    }
    const refused = await askCode((await newReader()).inLanguage('en'), newNumber(), address)
    refusedWith(refused)
    expect(refused.body.errors[0].message).toMatch(/^Too many codes asked for: try again in \d+ seconds$/)
  })
})

describe('commenting and correction requests need a bound number', () => {
  it('refuses an unbound reader by REST and GraphQL, then lets them once bound', async () => {
    const reader = await newReader()
    for (const res of [await commentRest(reader), await correctionRest(reader)]) {
      expect([res.status, codeOf(res.body)]).toEqual([403, 'PHONE_REQUIRED'])
      expect(res.body.errors[0].message).toBe('请先在账号页绑定手机号，再发表评论或提交纠错')
    }
    const english = await commentRest(reader.inLanguage('en'))
    expect(english.body.errors[0].message).toBe('Bind a mobile number on your account page before you comment or send a correction request')
    for (const res of [await commentGraphQL(reader), await correctionGraphQL(reader)]) {
      expect(res.body.errors?.[0]?.extensions).toMatchObject({ statusCode: 403, data: { code: 'PHONE_REQUIRED' } })
    }
    // Every spelling of the path reaches the same operation.
    for (const path of ['/api/comments/', '//api/comments', '/api/%63omments']) {
      const res = await reader.post(path, { article: articleId, body: '换个写法' })
      expect([path, res.status === 403 || res.status === 400 || res.status === 404, res.status === 201]).toEqual([path, true, false])
    }
    const stored = await withDatabase(server.databaseUrl, async (db) => (await db.query('select count(*)::int as n from comments where reader_id = $1', [reader.id])).rows[0].n)
    expect(stored).toBe(0)

    await bindReaderPhone(server, reader, `+86${newNumber()}`, newAddress())
    expect((await commentRest(reader)).status).toBe(201)
    expect((await correctionRest(reader)).status).toBe(201)
    expect((await commentGraphQL(reader)).body.data?.createComment?.id).toEqual(expect.any(Number))
    expect((await correctionGraphQL(reader)).body.data?.createCorrectionRequest?.id).toEqual(expect.any(Number))
  })

  it('keeps anonymous correction requests as they were: the rule is for requests under an account', async () => {
    const res = await correctionRest(staff.anonymous)
    expect(res.status).toBe(201)
  })

  it('is on by default in production', async () => {
    const reader = await newReader(defaults)
    const article = await publishedArticle(defaults)
    const res = await commentRest(reader, article)
    expect([res.status, codeOf(res.body)]).toEqual([403, 'PHONE_REQUIRED'])
  })

  it('is off with COMMENT_REQUIRE_PHONE=off, for portals outside mainland China', async () => {
    const reader = await newReader(off)
    const article = await publishedArticle(off)
    expect((await commentRest(reader, article)).status).toBe(201)
    expect((await correctionRest(reader, article)).status).toBe(201)
  })
})

describe('nobody reads the number back in full', () => {
  let reader: Api & { id: number }
  let national: string

  beforeAll(async () => {
    reader = await newReader()
    national = newNumber()
    await bindReaderPhone(server, reader, `+86${national}`, newAddress())
    expect((await commentRest(reader)).status).toBe(201)
  })

  it('shows staff the masked number only, through REST, GraphQL, select, where and depth', async () => {
    const masked = `${national.slice(0, 3)}****${national.slice(-4)}`
    for (const api of [staff.admin, staff.moderator]) {
      const doc = (await api.get(`/api/readers/${reader.id}`)).body
      expect(doc.phoneMasked).toBe(masked)
      expect(doc).not.toHaveProperty('phoneHash')
      expect(doc).not.toHaveProperty('phoneCiphertext')
      const selected = (await api.get(`/api/readers/${reader.id}?select[phoneHash]=true&select[phoneCiphertext]=true&select[phoneMasked]=true`)).body
      expect(selected).not.toHaveProperty('phoneHash')
      expect(selected).not.toHaveProperty('phoneCiphertext')
    }
    // Querying by the hash is no way to test a guess.
    const guessed = await staff.admin.get(`/api/readers?where[phoneHash][exists]=true`)
    expect([400, 403]).toContain(guessed.status)
    const graph = await staff.admin.graphql(`{ Reader(id: ${reader.id}) { phoneMasked } }`)
    expect(graph.body.data?.Reader?.phoneMasked).toBe(masked)
    const hidden = await staff.admin.graphql(`{ Reader(id: ${reader.id}) { phoneHash phoneCiphertext } }`)
    expect(hidden.body.data?.Reader).toEqual({ phoneHash: null, phoneCiphertext: null })
    // Comments populate no reader; the editor and the public do not see the masked number either.
    await staff.admin.get(`/api/comments?depth=3&where[reader][equals]=${reader.id}`)
    expect((await staff.editor.get(`/api/readers/${reader.id}`)).status).toBe(403)
    const otherReader = await newReader()
    expect((await otherReader.get(`/api/readers/${reader.id}`)).status).toBe(404)
  })

  it('lets an admin read it in full with a reason, and writes that to the audit log', async () => {
    const path = `/api/readers/${reader.id}/phone/reveal`
    expect((await staff.moderator.post(path, { reason: '查看' })).status).toBe(403)
    expect((await staff['editor-in-chief'].post(path, { reason: '查看' })).status).toBe(403)
    expect((await staff.anonymous.post(path, { reason: '查看' })).status).toBe(401)
    const noReason = await staff.admin.post(path, {})
    expect([noReason.status, codeOf(noReason.body), noReason.body.errors[0].data.errors[0].path]).toEqual([400, 'PHONE_REVEAL_REASON', 'reason'])
    expect((await staff.admin.post('/api/readers/abc/phone/reveal', { reason: '查看' })).status).toBe(400)
    expect(codeOf((await staff.admin.post('/api/readers/999999/phone/reveal', { reason: '查看' })).body)).toBe('READER_NOT_FOUND')
    const unbound = await newReader()
    expect(codeOf((await staff.admin.post(`/api/readers/${unbound.id}/phone/reveal`, { reason: '查看' })).body)).toBe('PHONE_NOT_BOUND')

    const revealed = await staff.admin.post(path, { reason: '公安机关调取函 2026-118 号' })
    expect(revealed).toMatchObject({ status: 200, body: { id: reader.id, phone: `+86${national}` } })
    expect(revealed.headers.get('cache-control')).toContain('no-store')
    const log = await staff.admin.get(`/api/audit-log?where[action][equals]=reveal-phone&where[targetId][equals]=${reader.id}`)
    expect(log.body.docs).toHaveLength(1)
    expect(log.body.docs[0]).toMatchObject({ actorId: String(staff.ids.admin), targetCollection: 'readers' })
    expect(log.body.docs[0].summary).toContain('公安机关调取函 2026-118 号')
    expect(log.body.docs[0].summary).not.toContain(national)
  })

  it('leaves a backup holding hashes and ciphertexts, never a number', async () => {
    const scratch = await mkdtemp(path.join(os.tmpdir(), 'newsroom-phone-backup-'))
    try {
      const archive = path.join(scratch, 'backup.tar.gz')
      const media = path.join(scratch, 'media')
      await mkdir(media)
      await promisify(execFile)(process.execPath, [path.join(ROOT_DIR, 'dist/backup.mjs'), '--out', archive], {
        cwd: ROOT_DIR,
        // The database only: this test server keeps its SMS folder (numbers in clear, as a demo's) inside
        // its media folder, where a deployment never has it (SMS_DIR defaults to .data/sms).
        env: { ...process.env, NODE_OPTIONS: '', DATABASE_URL: server.databaseUrl, MEDIA_DIR: media },
        timeout: 90_000,
      })
      // The tar inside keeps each file's bytes as they are: the rows are there to be read as text.
      const rows = gunzipSync(await readFile(archive)).toString('utf8')
      expect(rows).toContain('"phone_ciphertext":"v1.')
      expect(rows).toContain(`"phone_masked":"${national.slice(0, 3)}****${national.slice(-4)}"`)
      expect([...numbers].flatMap(spellingsOf).filter((number) => rows.includes(number))).toEqual([])
    } finally {
      await rm(scratch, { recursive: true, force: true })
    }
  }, 120_000)

  it('never sent a full number in any other response, nor wrote one in a log line', () => {
    const spellings = [...numbers].flatMap(spellingsOf)
    const leaks = responses
      .filter(({ url }) => !/\/phone\/reveal$/.test(new URL(url).pathname))
      .flatMap(({ url, body }) => spellings.filter((number) => body.includes(number)).map((number) => `${url}: ${number}`))
    expect(leaks).toEqual([])
    expect(responses.length).toBeGreaterThan(100)
    for (const instance of [server, defaults]) expect(instance.output()).toContain('verification code sent')
    for (const instance of [server, defaults, off]) expect(spellings.filter((number) => instance.output().includes(number))).toEqual([])
  })
})
