/**
 * The access matrix over GraphQL (POST /api/graphql) on a representative subset: the same rules as
 * REST must hold, since GraphQL runs the same operations. Each case checks the answer and, through
 * REST as admin or as anonymous, what was stored.
 */
import type { StaffRole } from '../../src/lib/roles'
import { type Api, type ApiResponse, createStaff, type Staff } from '../helpers/api'
import { startServer, type TestServer } from '../helpers/server'

type Who = StaffRole | 'anonymous'

const ROLES: StaffRole[] = ['admin', 'editor-in-chief', 'editor', 'reporter', 'moderator']
const EVERYONE: Who[] = [...ROLES, 'anonymous']
const PUBLISHERS: Who[] = ['admin', 'editor-in-chief']
const EDITORS: Who[] = ['admin', 'editor-in-chief', 'editor']
const WRITERS: Who[] = ['admin', 'editor-in-chief', 'editor', 'reporter']

function matrix(allowed: readonly Who[], who: readonly Who[] = EVERYONE) {
  return who.map((w) => ({ who: w, allowed: allowed.includes(w), verdict: allowed.includes(w) ? 'may' : 'may not' }))
}

let server: TestServer
let s: Staff
const api = (who: Who): Api => s[who]
const enc = encodeURIComponent
let counter = 0
const unique = (prefix: string) => `${prefix} ${++counter}`

function expectStatus(res: ApiResponse, expected: number) {
  if (res.status !== expected) throw new Error(`expected status ${expected}, got ${res.status}: ${JSON.stringify(res.body).slice(0, 600)}`)
}

/**
 * A GraphQL answer that ran the operation (so the query itself was valid) and refused it: the field
 * is null and the error is Payload's Forbidden (or NotFound, when access narrows what may be found).
 */
function expectRefused(res: ApiResponse<{ data?: any; errors?: any[] }>, field: string, statuses: number[] = [403]) {
  const errors = res.body?.errors ?? []
  if (errors.length === 0) throw new Error(`expected a GraphQL error for ${field}, got ${JSON.stringify(res.body).slice(0, 600)}`)
  expect(res.body?.data ?? {}).toHaveProperty(field, null)
  const codes = errors.map((error: any) => error.extensions?.statusCode)
  if (!codes.some((code: number) => statuses.includes(code))) {
    throw new Error(`expected a ${statuses.join(' or ')} error for ${field}, got ${JSON.stringify(errors).slice(0, 600)}`)
  }
}

function expectOk(res: ApiResponse<{ data?: any; errors?: any[] }>, field: string) {
  expect(res.status).toBe(200)
  if (res.body?.errors?.length) throw new Error(`unexpected GraphQL errors: ${JSON.stringify(res.body.errors).slice(0, 600)}`)
  expect(res.body?.data?.[field]).toBeTruthy()
}

async function createArticleRest(who: Who, data: Record<string, unknown>): Promise<any> {
  const res = await api(who).post('/api/articles', data)
  expectStatus(res, 201)
  return res.body.doc
}

async function publishedArticle(owner: Who, title: string, extra: Record<string, unknown> = {}): Promise<any> {
  const doc = await createArticleRest(owner, { title: `${title} (draft)`, ...extra })
  expectStatus(await s['editor-in-chief'].patch(`/api/articles/${doc.id}`, { title, _status: 'published' }), 200)
  return { ...doc, title }
}

async function latestArticle(id: number): Promise<any> {
  const res = await s.admin.get(`/api/articles/${id}?draft=true&depth=0`)
  expectStatus(res, 200)
  return res.body
}

async function articlesTitled(title: string): Promise<any[]> {
  const res = await s.admin.get(`/api/articles?draft=true&depth=0&where[title][equals]=${enc(title)}`)
  expectStatus(res, 200)
  return res.body.docs
}

beforeAll(async () => {
  server = await startServer()
  s = await createStaff(server)
})

afterAll(async () => {
  await server?.stop()
})

describe('GraphQL: reading articles', () => {
  let published: any
  let draft: any
  let republished: any

  beforeAll(async () => {
    published = await publishedArticle('reporter', unique('GQL 已发布'), { responsibleEditor: s.ids.editor })
    draft = await createArticleRest('reporter', { title: unique('GQL 草稿') })
    republished = await publishedArticle('editor', unique('GQL 再发布'))
    expectStatus(await s.editor.patch(`/api/articles/${republished.id}?draft=true`, { title: `${republished.title} 未审` }), 200)
  })

  it.each([
    ['Articles', '{ Articles(limit: 100) { docs { id title _status } } }'],
    ['Articles(draft: true)', '{ Articles(limit: 100, draft: true) { docs { id title _status } } }'],
    ['Articles where _status = draft', '{ Articles(limit: 100, where: { _status: { equals: draft } }) { docs { id title _status } } }'],
  ])('anonymous %s sees only published articles, never a draft or unpublished change', async (_label, query) => {
    const res = await s.anonymous.graphql(query)
    expect(res.status).toBe(200)
    const text = JSON.stringify(res.body)
    expect(text).not.toContain(draft.title)
    expect(text).not.toContain('未审')
    const docs = res.body.data?.Articles?.docs ?? []
    expect(docs.every((doc: any) => doc._status === 'published')).toBe(true)
    if (!_label.includes('draft')) {
      expect(docs.map((doc: any) => doc.title)).toEqual(expect.arrayContaining([published.title, republished.title]))
    }
  })

  it('anonymous Article(id) of a draft is refused or null', async () => {
    for (const query of [`{ Article(id: ${draft.id}) { title } }`, `{ Article(id: ${draft.id}, draft: true) { title } }`]) {
      const res = await s.anonymous.graphql(query)
      expect(res.body.data?.Article ?? null).toBeNull()
      expect(JSON.stringify(res.body)).not.toContain(draft.title)
    }
  })

  it('anonymous Article(id, draft: true) of a published article shows the published title', async () => {
    const res = await s.anonymous.graphql(`{ Article(id: ${republished.id}, draft: true) { title } }`)
    expect(JSON.stringify(res.body)).not.toContain('未审')
    if (res.body.data?.Article) expect(res.body.data.Article.title).toBe(republished.title)
  })

  it.each(ROLES)('%s (staff) reads a draft through GraphQL', async (role) => {
    const res = await api(role).graphql(`{ Article(id: ${draft.id}, draft: true) { title } }`)
    expectOk(res, 'Article')
    expect(res.body.data.Article.title).toBe(draft.title)
  })

  it('anonymous sees responsibleEditorName but no creator, responsible editor nor email', async () => {
    const res = await s.anonymous.graphql(
      `{ Article(id: ${published.id}) { title responsibleEditorName createdBy { id name email } responsibleEditor { id name email } } }`,
    )
    expect(JSON.stringify(res.body)).not.toContain('@')
    const article = res.body.data?.Article
    expect(article?.title).toBe(published.title)
    expect(article.responsibleEditorName).toBe('李编辑')
    expect(article.createdBy ?? null).toBeNull()
    expect(article.responsibleEditor ?? null).toBeNull()
  })

  it('anonymous cannot filter articles on the hidden createdBy', async () => {
    const res = await s.anonymous.graphql(`{ Articles(where: { createdBy: { equals: ${s.ids.reporter} } }) { docs { id } } }`)
    expect(res.body.data?.Articles?.docs ?? []).toHaveLength(0)
  })

  it.each(matrix(ROLES))("$who $verdict read an article's versions", async ({ who, allowed }) => {
    const res = await api(who).graphql(`{ versionsArticles(where: { parent: { equals: ${published.id} } }) { docs { id version { title } } } }`)
    if (allowed) {
      expectOk(res, 'versionsArticles')
      expect(res.body.data.versionsArticles.docs.length).toBeGreaterThan(0)
    } else {
      expectRefused(res, 'versionsArticles')
    }
  })
})

describe('GraphQL: writing articles', () => {
  const CREATE = 'mutation ($title: String!) { createArticle(data: { title: $title }) { id _status } }'
  const CREATE_PUBLISHED = 'mutation ($title: String!) { createArticle(data: { title: $title, _status: published }) { id _status } }'

  it.each(matrix(WRITERS))('$who $verdict createArticle', async ({ who, allowed }) => {
    const title = unique(`GQL create ${who}`)
    const res = await api(who).graphql(CREATE, { title })
    if (allowed) expectOk(res, 'createArticle')
    else expectRefused(res, 'createArticle')
    expect(await articlesTitled(title)).toHaveLength(allowed ? 1 : 0)
  })

  it.each(matrix(PUBLISHERS, WRITERS))('$who $verdict createArticle with _status: published', async ({ who, allowed }) => {
    const title = unique(`GQL create published ${who}`)
    const res = await api(who).graphql(CREATE_PUBLISHED, { title })
    const visible = await s.anonymous.get(`/api/articles?where[title][equals]=${enc(title)}`)
    expect(visible.body.docs).toHaveLength(allowed ? 1 : 0)
    if (allowed) expectOk(res, 'createArticle')
    else expectRefused(res, 'createArticle')
  })

  it.each(matrix(PUBLISHERS))('$who $verdict publish with updateArticle(id, data: { _status: published })', async ({ who, allowed }) => {
    const doc = await createArticleRest(who === 'reporter' ? 'reporter' : 'editor', { title: unique(`GQL publish ${who}`) })
    const res = await api(who).graphql(`mutation { updateArticle(id: ${doc.id}, data: { _status: published }) { id _status } }`)
    if (allowed) {
      expectOk(res, 'updateArticle')
      expect(res.body.data.updateArticle._status).toBe('published')
    } else {
      expectRefused(res, 'updateArticle')
    }
    const seen = await s.anonymous.get(`/api/articles/${doc.id}`)
    expectStatus(seen, allowed ? 200 : 404)
  })

  it.each(matrix(EDITORS))("$who $verdict updateArticle an editor's article (title)", async ({ who, allowed }) => {
    const doc = await createArticleRest('editor', { title: unique(`GQL edit ${who}`) })
    const res = await api(who).graphql('mutation ($id: Int!, $title: String!) { updateArticle(id: $id, data: { title: $title }) { id } }', {
      id: doc.id,
      title: `${doc.title} 改`,
    })
    if (allowed) expectOk(res, 'updateArticle')
    else expectRefused(res, 'updateArticle', who === 'reporter' ? [403, 404] : [403])
    expect((await latestArticle(doc.id)).title).toBe(allowed ? `${doc.title} 改` : doc.title)
  })

  it.each(['editor', 'reporter'] as const)(
    "%s's updateArticle without _status on a published article leaves what anonymous sees unchanged",
    async (who) => {
      const doc = await publishedArticle(who === 'reporter' ? 'reporter' : 'editor', unique(`GQL live ${who}`))
      const res = await api(who).graphql('mutation ($id: Int!, $title: String!) { updateArticle(id: $id, data: { title: $title }) { id } }', {
        id: doc.id,
        title: `${doc.title} 未审`,
      })
      expectOk(res, 'updateArticle')
      expect((await s.anonymous.get(`/api/articles/${doc.id}`)).body.title).toBe(doc.title)
      expect((await latestArticle(doc.id)).title).toBe(`${doc.title} 未审`)
    },
  )

  it.each(matrix(PUBLISHERS))('$who $verdict deleteArticle', async ({ who, allowed }) => {
    const doc = await publishedArticle(who === 'reporter' ? 'reporter' : 'editor', unique(`GQL delete ${who}`))
    const res = await api(who).graphql(`mutation { deleteArticle(id: ${doc.id}) { id } }`)
    if (allowed) expectOk(res, 'deleteArticle')
    else expectRefused(res, 'deleteArticle')
    expectStatus(await s.admin.get(`/api/articles/${doc.id}`), allowed ? 404 : 200)
  })
})

describe('GraphQL: users', () => {
  it('anonymous Users query is refused and shows no email', async () => {
    const res = await s.anonymous.graphql('{ Users(limit: 100) { docs { id name email } } }')
    expect(JSON.stringify(res.body)).not.toContain('@')
    expect(res.body.data?.Users?.docs ?? []).toHaveLength(0)
    expect(res.body.errors?.length ?? 0).toBeGreaterThan(0)
  })

  it('anonymous User(id) is refused and shows no email', async () => {
    const res = await s.anonymous.graphql(`{ User(id: ${s.ids.admin}) { id name email } }`)
    expect(JSON.stringify(res.body)).not.toContain('@')
    expect(res.body.data?.User ?? null).toBeNull()
  })

  it('anonymous meUser reveals nobody', async () => {
    const res = await s.anonymous.graphql('{ meUser { user { id email } } }')
    expect(JSON.stringify(res.body)).not.toContain('@')
    expect(res.body.data?.meUser?.user ?? null).toBeNull()
  })

  it.each(ROLES)('%s sees only the emails they may: all for admin, their own otherwise', async (role) => {
    const res = await api(role).graphql('{ Users(limit: 100) { docs { id email } } }')
    expect(res.status).toBe(200)
    const docs = res.body.data?.Users?.docs ?? []
    expect(docs.length).toBeGreaterThanOrEqual(5)
    for (const doc of docs) {
      if (role === 'admin' || doc.id === s.ids[role]) expect(doc.email).toMatch(/@/)
      else expect(doc.email ?? null).toBeNull()
    }
  })

  it.each(matrix(['admin']))('$who $verdict createUser', async ({ who, allowed }) => {
    const email = `gql-${++counter}@test.newsroom`
    const res = await api(who).graphql(
      'mutation ($email: String!) { createUser(data: { name: "新员工", email: $email, password: "staff-password-123", roles: reporter }) { id } }',
      { email },
    )
    if (allowed) expectOk(res, 'createUser')
    else expectRefused(res, 'createUser')
    const found = await s.admin.get(`/api/users?where[email][equals]=${enc(email)}`)
    expect(found.body.docs).toHaveLength(allowed ? 1 : 0)
  })

  it.each(ROLES.filter((r) => r !== 'admin'))('%s cannot make themselves admin with updateUser', async (role) => {
    const res = await api(role).graphql(`mutation { updateUser(id: ${s.ids[role]}, data: { roles: admin }) { id roles } }`)
    // The mutation ran (a valid query): it either was refused or left the roles as they were.
    expect(res.body.data).toHaveProperty('updateUser')
    if (res.body.data.updateUser) expect(res.body.data.updateUser.roles).toEqual([role.replace(/-/g, '_')]) // GraphQL enum spelling
    const stored = await s.admin.get(`/api/users/${s.ids[role]}`)
    expect(stored.body.roles).toEqual([role])
  })
})

describe('GraphQL: site settings', () => {
  beforeAll(async () => {
    expectStatus(await s.admin.post('/api/globals/site-settings', { siteName: '财经新闻网' }), 200)
  })

  it.each(matrix(EVERYONE))('$who $verdict read SiteSetting', async ({ who }) => {
    const res = await api(who).graphql('{ SiteSetting { siteName copyrightNotice } }')
    expectOk(res, 'SiteSetting')
    expect(res.body.data.SiteSetting.copyrightNotice).toEqual(expect.any(String))
  })

  it.each(matrix(PUBLISHERS))('$who $verdict updateSiteSetting', async ({ who, allowed }) => {
    const before = (await s.admin.get('/api/globals/site-settings')).body.siteName
    const siteName = unique(`GQL 站点 ${who}`)
    const res = await api(who).graphql('mutation ($name: String!) { updateSiteSetting(data: { siteName: $name }) { siteName } }', { name: siteName })
    if (allowed) expectOk(res, 'updateSiteSetting')
    else expectRefused(res, 'updateSiteSetting')
    expect((await s.anonymous.get('/api/globals/site-settings')).body.siteName).toBe(allowed ? siteName : before)
  })
})

describe("GraphQL: Payload's internal collections", () => {
  it.each([
    ['PayloadJobs', '{ PayloadJobs { docs { id } } }'],
    ['PayloadPreferences', '{ PayloadPreferences { docs { id key } } }'],
    ['PayloadLockedDocuments', '{ PayloadLockedDocuments { docs { id } } }'],
    ['PayloadKvs', '{ PayloadKvs { docs { id } } }'],
  ])('anonymous %s returns an error and no documents', async (field, query) => {
    const res = await s.anonymous.graphql(query)
    expect(res.body.data?.[field]?.docs ?? []).toHaveLength(0)
    expect(res.body.errors?.length ?? 0).toBeGreaterThan(0)
  })

  it('anonymous introspection is disabled in production', async () => {
    const res = await s.anonymous.graphql('{ __schema { queryType { name } } }')
    expect(res.body.data?.__schema ?? null).toBeNull()
  })
})
