/**
 * Payload's own collections (those it adds to the built config: locked documents, preferences, jobs,
 * migrations, its key-value store, and whatever a later version adds) against every kind of caller,
 * over REST and GraphQL: the list comes from the built config, so a collection Payload adds later is
 * covered too, and expected to be closed to everyone until a rule for it is written here.
 */
import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'

import type { StaffRole } from '../../src/lib/roles'
import { Api, type ApiResponse, createStaff, signUpReader, type Staff } from '../helpers/api'
import { ROOT_DIR, startServer, type TestServer, withDatabase } from '../helpers/server'

type Who = StaffRole | 'anonymous' | 'reader' | 'api-client'
type Operation = 'create' | 'read' | 'update' | 'delete'
type Rule = Record<Operation, readonly Who[]>

const ROLES: StaffRole[] = ['admin', 'editor-in-chief', 'editor', 'reporter', 'moderator']
const CALLERS: Who[] = ['anonymous', 'reader', 'api-client', ...ROLES]
const OPERATIONS: Operation[] = ['create', 'read', 'update', 'delete']
const everyone = (who: readonly Who[]): Rule => ({ create: who, read: who, update: who, delete: who })
const NOBODY = everyone([])

/** rules.md: who may use each of Payload's collections; one missing here is closed to everyone. */
const RULES: Record<string, Rule> = {
  'payload-locked-documents': everyone(ROLES),
  // Each their own only: asserted below on another's document.
  'payload-preferences': everyone(ROLES),
  'payload-jobs': everyone(['admin', 'editor-in-chief']),
  'payload-migrations': { ...NOBODY, read: ['admin'] },
}

type PayloadCollection = { slug: string; table: string; rest: boolean; graphQL: { singular: string; plural: string } | null }

/** The collections of the built config that the project does not define, read from the bundle the server runs. */
async function payloadAddedCollections(): Promise<PayloadCollection[]> {
  const script = `
    const { formatNames } = await import('payload')
    const built = await import(${JSON.stringify(path.join(ROOT_DIR, 'dist/payload.config.mjs'))})
    const config = await built.default
    const own = new Set(built.projectCollections.map(({ slug }) => slug))
    const added = config.collections.filter(({ slug }) => !own.has(slug)).map((collection) => ({
      slug: collection.slug,
      table: collection.dbName ?? collection.slug.replace(/-/g, '_'),
      rest: collection.endpoints !== false,
      graphQL: collection.graphQL === false ? null : formatNames(collection.slug),
    }))
    process.stdout.write(JSON.stringify(added))
    process.exit(0)`
  const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], {
    cwd: ROOT_DIR,
    env: { ...process.env, NODE_OPTIONS: '', PAYLOAD_SECRET: 'only-listing-collections', LOG_LEVEL: 'silent' },
  })
  return JSON.parse(stdout)
}

let server: TestServer
let s: Staff
let reader: Api & { id: number }
let apiClientHeader: string
let collections: PayloadCollection[] = []
let articleId: number

function call(who: Who, method: string, url: string, body?: unknown): Promise<ApiResponse> {
  if (who === 'reader') return reader.request(method, url, body)
  if (who === 'api-client') return s.anonymous.request(method, url, body, { authorization: apiClientHeader })
  return s[who].request(method, url, body)
}
const graphql = (who: Who, query: string) => call(who, 'POST', '/api/graphql', { query })
const idOf = (who: Who): number | null => (ROLES.includes(who as StaffRole) ? s.ids[who as StaffRole] : null)

/** A document each caller may try to create (REST body, GraphQL input), valid for those allowed to. */
function newDocument(slug: string, who: Who): { rest: Record<string, unknown>; graphQL: string } {
  const user = idOf(who) ?? s.ids.admin
  const key = `test-${who}-${Math.random().toString(36).slice(2, 8)}`
  switch (slug) {
    case 'payload-locked-documents':
      return {
        rest: { document: { relationTo: 'articles', value: articleId }, user: { relationTo: 'users', value: user } },
        graphQL: `{ document: { relationTo: articles, value: ${articleId} }, user: { relationTo: users, value: ${user} } }`,
      }
    case 'payload-preferences':
      return { rest: { key, value: { columns: [] } }, graphQL: `{ key: "${key}", value: { columns: [] }, user: { relationTo: users, value: ${user} } }` }
    case 'payload-jobs':
      // Never due: the runner leaves it alone.
      return { rest: { taskSlug: 'purgeAuditLog', input: {}, waitUntil: '2099-01-01T00:00:00.000Z' }, graphQL: `{ taskSlug: purgeAuditLog, input: {}, waitUntil: "2099-01-01T00:00:00.000Z" }` }
    case 'payload-kv':
      return { rest: { key, data: {} }, graphQL: `{ key: "${key}", data: {} }` }
    default:
      return { rest: {}, graphQL: '{}' }
  }
}

/** A harmless change of a document of the collection. */
function change(slug: string): { rest: Record<string, unknown>; graphQL: string } {
  switch (slug) {
    case 'payload-locked-documents':
      return { rest: { globalSlug: 'changed' }, graphQL: '{ globalSlug: "changed" }' }
    case 'payload-preferences':
      return { rest: { value: { changed: true } }, graphQL: '{ value: { changed: true } }' }
    case 'payload-jobs':
      return { rest: { queue: 'changed' }, graphQL: '{ queue: "changed" }' }
    case 'payload-kv':
      return { rest: { data: { changed: true } }, graphQL: '{ data: { changed: true } }' }
    default:
      return { rest: {}, graphQL: '{}' }
  }
}

const sql = <T = any>(text: string, values: unknown[] = []) => withDatabase(server.databaseUrl, async (client) => (await client.query(text, values)).rows as T[])
const rowCount = async (table: string) => Number((await sql(`select count(*) as n from "${table}"`))[0].n)
const rowOf = async (table: string, id: number) => (await sql(`select row_to_json(t) as row from "${table}" t where id = $1`, [id]))[0]?.row ?? null

/** A document of the collection that belongs to the admin (or to nobody), made directly in the database when no caller may. */
const seeds: Record<string, number> = {}

beforeAll(async () => {
  server = await startServer({ API_RATE_LIMIT_PER_MINUTE: '0', AUTH_RATE_LIMIT_PER_ADDRESS: '0', AUTH_RATE_LIMIT_PER_EMAIL: '0' })
  s = await createStaff(server)
  reader = await signUpReader(server, { email: 'reader@test.newsroom', displayName: '读者甲' })
  const apiKey = `key-${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`
  const client = await s.admin.post('/api/api-clients', { name: '门户前端', enableAPIKey: true, apiKey })
  if (client.status !== 201) throw new Error(`creating an API client failed: ${JSON.stringify(client.body)}`)
  apiClientHeader = `api-clients API-Key ${apiKey}`
  articleId = (await s.admin.post('/api/articles', { title: '锁定测试文章' })).body.doc.id
  collections = await payloadAddedCollections()
  for (const { slug, table } of collections) {
    if (slug === 'payload-migrations') seeds[slug] = (await sql(`select id from "${table}" order by id limit 1`))[0].id
    else if (slug === 'payload-kv') seeds[slug] = (await sql(`insert into "${table}" (key, data) values ('test-seed', '{}') returning id`))[0].id
    else if (RULES[slug]?.create.includes('admin')) {
      const created = await s.admin.post(`/api/${slug}`, newDocument(slug, 'admin').rest)
      if (created.status !== 201) throw new Error(`seeding ${slug} failed: ${created.status} ${JSON.stringify(created.body)}`)
      seeds[slug] = created.body.doc.id
    }
  }
}, 120_000)
afterAll(() => server?.stop())

it('finds the collections Payload adds, the known ones among them', () => {
  expect(collections.map(({ slug }) => slug)).toEqual(
    expect.arrayContaining(['payload-locked-documents', 'payload-preferences', 'payload-jobs', 'payload-migrations', 'payload-kv']),
  )
})

/** Every caller against every collection the built config has, and every operation. */
function eachCase(run: (collection: PayloadCollection, who: Who, allowed: (operation: Operation) => boolean) => Promise<void>) {
  return async () => {
    const failures: string[] = []
    for (const collection of collections) {
      const rule = RULES[collection.slug] ?? NOBODY
      for (const who of CALLERS) {
        await run(collection, who, (operation) => rule[operation].includes(who)).catch((error: Error) => failures.push(`${collection.slug} as ${who}: ${error.message}`))
      }
    }
    if (failures.length > 0) throw new Error(failures.join('\n'))
  }
}

function expectStatus(what: string, res: ApiResponse, expected: readonly number[]) {
  if (!expected.includes(res.status)) throw new Error(`${what}: expected ${expected.join(' or ')}, got ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`)
}

/** Collections without REST endpoints (migrations): the method is not allowed, for everyone (never a 5xx). */
const NO_ROUTE = [405]
const refusedOver = (collection: PayloadCollection) => (collection.rest ? [403] : NO_ROUTE)
/**
 * One document by id. Preferences' `/:key` endpoints take the place of the by-id routes for GET and
 * DELETE (the id is read as a key), so theirs are reached through `where`.
 */
const oneDocument = (slug: string, id: number) => (slug === 'payload-preferences' ? `/api/${slug}?where[id][equals]=${id}&depth=0` : `/api/${slug}/${id}?depth=0`)
/** Whether the answer holds the document: a list's first, or the document itself. */
const holds = (res: ApiResponse, id: number) => res.status === 200 && (res.body?.docs ? res.body.docs.some((doc: any) => doc.id === id) : res.body?.id === id)
/** Preferences of another staff member: found by no one but their owner. */
const ofAnotherStaffMember = (slug: string, who: Who) => slug === 'payload-preferences' && ROLES.includes(who as StaffRole) && who !== 'admin'

describe('REST', () => {
  it(
    'lists and reads: only those allowed, and a staff member only their own preferences',
    eachCase(async (collection, who, allowed) => {
      const { slug } = collection
      const list = await call(who, 'GET', `/api/${slug}?limit=100&depth=0`)
      const seed = seeds[slug]
      if (!collection.rest) return expectStatus('list', list, NO_ROUTE)
      const one = seed === undefined ? null : await call(who, 'GET', oneDocument(slug, seed))
      if (!allowed('read')) {
        expectStatus('list', list, [403])
        if (one) expectStatus('read by id', one, [403])
        return
      }
      expectStatus('list', list, [200])
      if (slug === 'payload-preferences') {
        const owners = list.body.docs.map((doc: any) => doc.user?.value)
        if (owners.some((owner: unknown) => owner !== idOf(who))) throw new Error(`sees others' preferences: ${JSON.stringify(owners)}`)
      }
      if (one && holds(one, seed) === ofAnotherStaffMember(slug, who)) throw new Error(`read by id: ${one.status} ${JSON.stringify(one.body).slice(0, 300)}`)
    }),
  )

  it(
    'creates: only those allowed, and nothing is stored for the others',
    eachCase(async (collection, who, allowed) => {
      const before = await rowCount(collection.table)
      const res = await call(who, 'POST', `/api/${collection.slug}`, newDocument(collection.slug, who).rest)
      if (allowed('create')) {
        expectStatus('create', res, [201])
        const id = res.body.doc.id
        await call(who, 'DELETE', oneDocument(collection.slug, id))
        if (await rowOf(collection.table, id)) throw new Error('could not delete what it created')
      } else {
        expectStatus('create', res, refusedOver(collection))
        if ((await rowCount(collection.table)) !== before) throw new Error('a refused create stored a document')
      }
    }),
  )

  it(
    "updates and deletes: only those allowed, a staff member only their own preferences, and a refusal changes nothing",
    eachCase(async (collection, who, allowed) => {
      const { slug, table } = collection
      const seed = seeds[slug] ?? 1
      const before = await rowOf(table, seed)
      const others = ofAnotherStaffMember(slug, who)
      const update = await call(who, 'PATCH', `/api/${slug}/${seed}`, change(slug).rest)
      const remove = await call(who, 'DELETE', oneDocument(slug, seed))
      if (!allowed('update') || others) {
        expectStatus('update', update, others ? [403, 404] : refusedOver(collection))
        if (!others) expectStatus('delete', remove, refusedOver(collection))
        expect(await rowOf(table, seed)).toEqual(before)
        return
      }
      expectStatus('update', update, [200])
      if (await rowOf(table, seed)) throw new Error(`delete: ${remove.status} ${JSON.stringify(remove.body).slice(0, 300)}`)
      // Put back for the next caller.
      const again = await s.admin.post(`/api/${slug}`, newDocument(slug, 'admin').rest)
      seeds[slug] = again.body.doc.id
    }),
  )

  it("answers Payload's preference endpoints (/api/payload-preferences/:key) to staff only", async () => {
    const stored = await rowCount('payload_preferences')
    for (const who of CALLERS) {
      const key = `/api/payload-preferences/test-key-${who}`
      const writes = await call(who, 'POST', key, { value: { columns: ['title'] } })
      const reads = await call(who, 'GET', key)
      const deletes = await call(who, 'DELETE', key)
      const expected = ROLES.includes(who as StaffRole) ? [200] : [403]
      for (const [what, res] of [['POST', writes], ['GET', reads], ['DELETE', deletes]] as const) expectStatus(`${who} ${what} ${key}`, res, expected)
      if (expected[0] === 200) expect(reads.body.value).toEqual({ columns: ['title'] })
    }
    expect(await rowCount('payload_preferences')).toBe(stored)
  })

  it('refuses a reader the lock on an article that once made editors\' saves fail with 423', async () => {
    const articleId = (await s.admin.post('/api/articles', { title: '读者锁定测试' })).body.doc.id
    const lock = await reader.post('/api/payload-locked-documents', { document: { relationTo: 'articles', value: articleId }, user: { relationTo: 'readers', value: reader.id } })
    expect(lock.status).toBe(403)
    expect((await s.editor.patch(`/api/articles/${articleId}`, { title: '锁定测试文章（改）' })).status).toBe(200)
  })
})

describe("Payload's document locks", () => {
  const lock = async (document: { relationTo: string; value: number }, who: 'editor' | 'admin') => {
    const res = await s[who].post('/api/payload-locked-documents', { document, user: { relationTo: 'users', value: s.ids[who] } })
    expect(res.status).toBe(201)
    return res.body.doc.id as number
  }

  it("refuse a save or delete while someone else edits the document, one or in bulk, saying so in the caller's language with a code", async () => {
    const articleId = (await s.admin.post('/api/articles', { title: '锁定中的文章' })).body.doc.id
    const lockId = await lock({ relationTo: 'articles', value: articleId }, 'editor')
    const saved = await s['editor-in-chief'].patch(`/api/articles/${articleId}`, { title: '别人改的标题' })
    expect(saved.status).toBe(423)
    expect(saved.body.errors).toEqual([{ message: '其他人正在编辑这份内容，暂不能保存或删除，请稍后再试', data: { code: 'DOCUMENT_LOCKED' } }])
    const inEnglish = await s['editor-in-chief'].patch(`/api/articles/${articleId}`, { title: '别人改的标题' }, { 'accept-language': 'en' })
    expect(inEnglish.status).toBe(423)
    expect(inEnglish.body.errors).toEqual([{ message: 'Someone else is editing this document: it cannot be saved or deleted until they are done', data: { code: 'DOCUMENT_LOCKED' } }])
    const deleted = await s['editor-in-chief'].delete(`/api/articles/${articleId}`)
    expect(deleted.status).toBe(423)
    expect(deleted.body.errors[0].data).toEqual({ code: 'DOCUMENT_LOCKED' })
    // In bulk (the admin's "edit many" and "delete many"), the document is listed with the same message and code.
    const inBulk = `where[id][equals]=${articleId}`
    const bulkSaved = await s['editor-in-chief'].patch(`/api/articles?${inBulk}`, { title: '别人改的标题' }, { 'accept-language': 'en' })
    expect(bulkSaved.status).toBe(400)
    expect(bulkSaved.body.errors).toEqual([
      { id: articleId, isPublic: true, message: 'Someone else is editing this document: it cannot be saved or deleted until they are done', data: { code: 'DOCUMENT_LOCKED' } },
    ])
    const bulkDeleted = await s['editor-in-chief'].delete(`/api/articles?${inBulk}`)
    expect(bulkDeleted.status).toBe(400)
    expect(bulkDeleted.body.errors).toEqual([{ id: articleId, isPublic: true, message: '其他人正在编辑这份内容，暂不能保存或删除，请稍后再试', data: { code: 'DOCUMENT_LOCKED' } }])
    expect((await s.editor.get(`/api/articles/${articleId}?depth=0`)).body.title).toBe('锁定中的文章')
    // The one editing it saves.
    expect((await s.editor.patch(`/api/articles/${articleId}`, { title: '编辑改的标题' })).status).toBe(200)
    await s.admin.delete(`/api/payload-locked-documents/${lockId}`)
  })

  it("refuse a reader's save of their own account while staff edit it, in the reader's language", async () => {
    // Payload tells the lock's holder by id alone, whatever the collection: the holder is a member of staff whose id is not the reader's.
    const holder = (['admin', 'editor'] as const).find((who) => s.ids[who] !== reader.id)!
    const lockId = await lock({ relationTo: 'readers', value: reader.id }, holder)
    try {
      const saved = await reader.patch(`/api/readers/${reader.id}`, { displayName: '读者乙' })
      expect(saved.status).toBe(423)
      expect(saved.body.errors).toEqual([{ message: '其他人正在编辑这份内容，暂不能保存或删除，请稍后再试', data: { code: 'DOCUMENT_LOCKED' } }])
    } finally {
      await s.admin.delete(`/api/payload-locked-documents/${lockId}`)
    }
    expect((await reader.patch(`/api/readers/${reader.id}`, { displayName: '读者乙' })).status).toBe(200)
  })
})

describe('GraphQL', () => {
  const refusedGraphQL = (res: ApiResponse, field: string, statuses = [403]) => {
    const errors = res.body?.errors ?? []
    if (res.body?.data?.[field]) throw new Error(`${field}: answered ${JSON.stringify(res.body.data[field]).slice(0, 200)}`)
    if (!errors.some((error: any) => statuses.includes(error.extensions?.statusCode))) throw new Error(`${field}: expected a ${statuses.join(' or ')}, got ${JSON.stringify(errors).slice(0, 300)}`)
  }
  const answered = (res: ApiResponse, field: string) => {
    if (res.body?.errors?.length || !res.body?.data?.[field]) throw new Error(`${field}: ${JSON.stringify(res.body).slice(0, 300)}`)
    return res.body.data[field]
  }

  it(
    'reads, creates, updates and deletes: only those allowed, with a refusal that changes nothing',
    eachCase(async (collection, who, allowed) => {
      if (!collection.graphQL) return
      const { singular, plural } = collection.graphQL
      const { slug, table } = collection
      const list = await graphql(who, `{ ${plural}(limit: 100) { docs { id } } }`)
      if (allowed('read')) answered(list, plural)
      else refusedGraphQL(list, plural)

      const before = await rowCount(table)
      const created = await graphql(who, `mutation { create${singular}(data: ${newDocument(slug, who).graphQL}) { id } }`)
      if (allowed('create')) {
        const { id } = answered(created, `create${singular}`)
        const updated = await graphql(who, `mutation { update${singular}(id: ${id}, data: ${change(slug).graphQL}) { id } }`)
        if (allowed('update')) answered(updated, `update${singular}`)
        else refusedGraphQL(updated, `update${singular}`)
        answered(await graphql(who, `mutation { delete${singular}(id: ${id}) { id } }`), `delete${singular}`)
      } else {
        refusedGraphQL(created, `create${singular}`)
        if ((await rowCount(table)) !== before) throw new Error('a refused create stored a document')
      }

      const seed = seeds[slug] ?? 1
      const seedBefore = await rowOf(table, seed)
      const others = slug === 'payload-preferences' && who !== 'admin'
      if (!allowed('update') || others) refusedGraphQL(await graphql(who, `mutation { update${singular}(id: ${seed}, data: ${change(slug).graphQL}) { id } }`), `update${singular}`, [403, 404])
      if (!allowed('delete') || others) refusedGraphQL(await graphql(who, `mutation { delete${singular}(id: ${seed}) { id } }`), `delete${singular}`, [403, 404])
      if (!allowed('update') || others) expect(await rowOf(table, seed)).toEqual(seedBefore)
    }),
  )
})
