/**
 * The access matrix over REST, deny by default: every role (and anonymous) against every operation
 * the collections, the global and Payload's own collections offer. Each case asserts the status code
 * and the persisted effect (re-read as admin, or as anonymous for what the public sees).
 */
import sharp from 'sharp'

import type { StaffRole } from '../../src/lib/roles'
import { Api, type ApiResponse, createStaff, STAFF_PASSWORD, type Staff } from '../helpers/api'
import { startServer, type TestServer } from '../helpers/server'

type Who = StaffRole | 'anonymous'

const ROLES: StaffRole[] = ['admin', 'editor-in-chief', 'editor', 'reporter', 'moderator']
const EVERYONE: Who[] = [...ROLES, 'anonymous']

/** One case per identity: `$who $verdict …` names each test. */
function matrix(allowed: readonly Who[], who: readonly Who[] = EVERYONE) {
  return who.map((w) => ({ who: w, allowed: allowed.includes(w), verdict: allowed.includes(w) ? 'may' : 'may not' }))
}

const PUBLISHERS: Who[] = ['admin', 'editor-in-chief']
const EDITORS: Who[] = ['admin', 'editor-in-chief', 'editor']
const WRITERS: Who[] = ['admin', 'editor-in-chief', 'editor', 'reporter']
const STAFF: Who[] = ROLES

let server: TestServer
let s: Staff
/** A second reporter, to prove a reporter cannot touch a colleague's article. */
let otherReporter: Api
let otherReporterId: number

const api = (who: Who): Api => s[who]
const enc = encodeURIComponent
let counter = 0
const unique = (prefix: string) => `${prefix} ${++counter}`

function expectStatus(res: ApiResponse, expected: number | readonly number[]) {
  const list = typeof expected === 'number' ? [expected] : expected
  if (!list.includes(res.status)) {
    throw new Error(`expected status ${list.join(' or ')}, got ${res.status}: ${JSON.stringify(res.body).slice(0, 600)}`)
  }
}

// ---------------------------------------------------------------------------------------------- articles

async function createArticleAs(who: Who | Api, data: Record<string, unknown>): Promise<any> {
  const client = typeof who === 'string' ? api(who) : who
  const res = await client.post('/api/articles', data)
  expectStatus(res, 201)
  return res.body.doc
}

/** Created by `owner`, then published by the editor-in-chief under `title`. */
async function publishedArticle(owner: Who | Api, title: string, extra: Record<string, unknown> = {}): Promise<any> {
  const doc = await createArticleAs(owner, { title: `${title} (draft)`, ...extra })
  const res = await s['editor-in-chief'].patch(`/api/articles/${doc.id}`, { title, _status: 'published' })
  expectStatus(res, 200)
  return res.body.doc
}

/** What a reader sees: the live article, or a 404. */
async function publicArticle(id: number): Promise<ApiResponse> {
  return s.anonymous.get(`/api/articles/${id}`)
}

/** The newest state as staff see it in the editor (the latest draft if there is one). */
async function latestArticle(id: number): Promise<any> {
  const res = await s.admin.get(`/api/articles/${id}?draft=true&depth=0`)
  expectStatus(res, 200)
  return res.body
}

async function articleExists(id: number): Promise<boolean> {
  const res = await s.admin.get(`/api/articles/${id}?draft=true&depth=0`)
  if (res.status === 404) return false
  expectStatus(res, 200)
  return true
}

async function articlesTitled(title: string): Promise<any[]> {
  const res = await s.admin.get(`/api/articles?draft=true&depth=0&where[title][equals]=${enc(title)}`)
  expectStatus(res, 200)
  return res.body.docs
}

async function versionsOf(id: number, as: Api = s.admin): Promise<ApiResponse> {
  return as.get(`/api/articles/versions?where[parent][equals]=${id}&depth=0&limit=100&sort=-createdAt`)
}

async function publishedVersionTitled(id: number, title: string): Promise<any> {
  const res = await versionsOf(id)
  expectStatus(res, 200)
  const version = res.body.docs.find((v: any) => v.version.title === title && v.version._status === 'published')
  if (!version) throw new Error(`no published version titled ${title}: ${JSON.stringify(res.body.docs.map((v: any) => v.version))}`)
  return version
}

// -------------------------------------------------------------------------------------------- lifecycle

beforeAll(async () => {
  server = await startServer()
  s = await createStaff(server)
  const created = await s.admin.post('/api/users', {
    name: '钱记者',
    email: 'reporter-2@test.newsroom',
    password: STAFF_PASSWORD,
    roles: ['reporter'],
  })
  expectStatus(created, 201)
  otherReporterId = created.body.doc.id
  otherReporter = await s.anonymous.login('reporter-2@test.newsroom', STAFF_PASSWORD)
})

afterAll(async () => {
  // Uploaded files land in the project's media directory: remove what these tests put there.
  if (s) {
    const media = await s.admin.get('/api/media?limit=1000&depth=0')
    for (const doc of media.body?.docs ?? []) await s.admin.delete(`/api/media/${doc.id}`)
  }
  // SHOW_SERVER_OUTPUT=1 prints the server's log, e.g. to see why it went away mid-run.
  if (process.env.SHOW_SERVER_OUTPUT) console.log(server?.output())
  await server?.stop()
})

// ========================================================================================== articles

describe('articles: reading', () => {
  let published: any
  let draft: any

  beforeAll(async () => {
    published = await publishedArticle('editor', unique('已发布 read'))
    draft = await createArticleAs('reporter', { title: unique('草稿 read') })
  })

  it('anonymous reads a published article by id', async () => {
    const res = await publicArticle(published.id)
    expectStatus(res, 200)
    expect(res.body.title).toBe(published.title)
  })

  it('anonymous gets 404 for a draft by id', async () => {
    const res = await publicArticle(draft.id)
    expectStatus(res, 404)
    expect(JSON.stringify(res.body)).not.toContain(draft.title)
  })

  it('anonymous gets 404 for a draft by id even asking for drafts (?draft=true)', async () => {
    const res = await s.anonymous.get(`/api/articles/${draft.id}?draft=true`)
    expectStatus(res, 404)
    expect(JSON.stringify(res.body)).not.toContain(draft.title)
  })

  it.each([
    ['the plain list', '/api/articles?limit=100'],
    ['the list with ?draft=true', '/api/articles?limit=100&draft=true'],
    ['the list filtered on _status=draft', '/api/articles?limit=100&where[_status][equals]=draft'],
  ])('anonymous does not see drafts in %s', async (_label, path) => {
    const res = await s.anonymous.get(path)
    expectStatus(res, 200)
    const ids = res.body.docs.map((doc: any) => doc.id)
    expect(ids).not.toContain(draft.id)
    expect(res.body.docs.every((doc: any) => doc._status === 'published')).toBe(true)
  })

  it('anonymous sees the published article in the list', async () => {
    const res = await s.anonymous.get('/api/articles?limit=100')
    expectStatus(res, 200)
    expect(res.body.docs.map((doc: any) => doc.id)).toContain(published.id)
  })

  it.each(matrix(STAFF, ROLES))('$who ($verdict) read a draft by id (staff read everything)', async ({ who, allowed }) => {
    const res = await api(who).get(`/api/articles/${draft.id}?draft=true`)
    expectStatus(res, allowed ? 200 : 404)
    if (allowed) expect(res.body.title).toBe(draft.title)
  })

  it('a newer draft of a published article is not visible to anonymous (by id, in lists, with ?draft=true)', async () => {
    const article = await publishedArticle('editor', unique('已发布 then draft'))
    const edit = await s.editor.patch(`/api/articles/${article.id}?draft=true`, { title: `${article.title} 修改中` })
    expectStatus(edit, 200)
    expect((await latestArticle(article.id)).title).toBe(`${article.title} 修改中`)

    const byId = await publicArticle(article.id)
    expectStatus(byId, 200)
    expect(byId.body.title).toBe(article.title)

    const byIdDraft = await s.anonymous.get(`/api/articles/${article.id}?draft=true`)
    expectStatus(byIdDraft, 200)
    expect(byIdDraft.body.title).toBe(article.title)

    const list = await s.anonymous.get('/api/articles?limit=100')
    expectStatus(list, 200)
    expect(list.body.docs.find((doc: any) => doc.id === article.id)?.title).toBe(article.title)
    expect(JSON.stringify(list.body)).not.toContain('修改中')
    // Asking the list for drafts may leave the article out, but never shows the unpublished change.
    const draftList = await s.anonymous.get('/api/articles?limit=100&draft=true')
    expectStatus(draftList, 200)
    expect(JSON.stringify(draftList.body)).not.toContain('修改中')
    const inDraftList = draftList.body.docs.find((doc: any) => doc.id === article.id)
    if (inDraftList) expect(inDraftList.title).toBe(article.title)
  })
})

describe('articles: create', () => {
  it.each(matrix(WRITERS))('$who $verdict create an article', async ({ who, allowed }) => {
    const title = unique(`新建 by ${who}`)
    const res = await api(who).post('/api/articles', { title })
    if (!allowed) {
      expectStatus(res, 403)
      expect(await articlesTitled(title)).toHaveLength(0)
      return
    }
    expectStatus(res, 201)
    const [stored] = await articlesTitled(title)
    expect(stored).toBeDefined()
    if (who !== 'anonymous') expect(stored.createdBy).toBe(s.ids[who])
  })

  it.each(matrix([], ['editor', 'reporter']))(
    'an article created by $who without _status is a draft, invisible to anonymous',
    async ({ who }) => {
      const doc = await createArticleAs(who, { title: unique(`草稿 by ${who}`) })
      expect((await latestArticle(doc.id))._status).toBe('draft')
      expectStatus(await publicArticle(doc.id), 404)
    },
  )

  it.each(matrix(PUBLISHERS, WRITERS))('$who $verdict create an article already published', async ({ who, allowed }) => {
    const title = unique(`直接发布 by ${who}`)
    const res = await api(who).post('/api/articles', { title, _status: 'published' })
    const stored = await articlesTitled(title)
    const visible = await s.anonymous.get(`/api/articles?where[title][equals]=${enc(title)}`)
    expectStatus(visible, 200)
    if (allowed) {
      expectStatus(res, 201)
      expect(visible.body.docs).toHaveLength(1)
      return
    }
    // A forged `_status: "published"` is refused outright, and nothing goes live.
    expect(visible.body.docs).toHaveLength(0)
    expect(stored.every((doc) => doc._status !== 'published')).toBe(true)
    expectStatus(res, 403)
  })
})

describe('articles: update', () => {
  it.each(matrix(EDITORS))("$who $verdict update an editor's draft article", async ({ who, allowed }) => {
    const doc = await createArticleAs('editor', { title: unique("编辑's article") })
    const res = await api(who).patch(`/api/articles/${doc.id}`, { title: `${doc.title} — by ${who}` })
    expectStatus(res, allowed ? 200 : who === 'reporter' ? [403, 404] : 403)
    expect((await latestArticle(doc.id)).title).toBe(allowed ? `${doc.title} — by ${who}` : doc.title)
  })

  it.each(matrix(WRITERS))("$who $verdict update a reporter's draft article", async ({ who, allowed }) => {
    const doc = await createArticleAs('reporter', { title: unique("记者's article") })
    const res = await api(who).patch(`/api/articles/${doc.id}`, { title: `${doc.title} — by ${who}` })
    expectStatus(res, allowed ? 200 : 403)
    expect((await latestArticle(doc.id)).title).toBe(allowed ? `${doc.title} — by ${who}` : doc.title)
  })

  it("a reporter may not update another reporter's article", async () => {
    const doc = await createArticleAs(otherReporter, { title: unique('钱记者 article') })
    const res = await s.reporter.patch(`/api/articles/${doc.id}`, { title: 'hijacked' })
    expectStatus(res, [403, 404])
    expect((await latestArticle(doc.id)).title).toBe(doc.title)
  })

  it("a reporter may not update another reporter's article through a bulk PATCH with where", async () => {
    const doc = await createArticleAs(otherReporter, { title: unique('钱记者 bulk') })
    const res = await s.reporter.patch(`/api/articles?where[id][equals]=${doc.id}`, { title: 'hijacked in bulk' })
    // Payload answers a bulk update with 200 and the documents it could not change in `errors`.
    expect(res.status === 200 ? res.body.docs : []).toHaveLength(0)
    expect((await latestArticle(doc.id)).title).toBe(doc.title)
  })

  it('a reporter may not take over an article by rewriting createdBy', async () => {
    const doc = await createArticleAs(otherReporter, { title: unique('钱记者 createdBy') })
    const own = await createArticleAs('reporter', { title: unique('张记者 createdBy') })
    const res = await s.reporter.patch(`/api/articles/${own.id}`, { createdBy: otherReporterId })
    expect([200, 400, 403]).toContain(res.status)
    expect((await latestArticle(own.id)).createdBy).toBe(s.ids.reporter)
    expectStatus(await s.reporter.patch(`/api/articles/${doc.id}`, { title: 'still not mine' }), [403, 404])
    expect((await latestArticle(doc.id)).title).toBe(doc.title)
  })
})

describe('articles: publishing', () => {
  it.each(matrix(PUBLISHERS))('$who $verdict publish a draft with _status: "published"', async ({ who, allowed }) => {
    // The reporter publishes their own article; everyone else an editor's.
    const doc = await createArticleAs(who === 'reporter' ? 'reporter' : 'editor', { title: unique(`待发布 ${who}`) })
    const res = await api(who).patch(`/api/articles/${doc.id}`, { _status: 'published' })
    expectStatus(res, allowed ? 200 : 403)
    const seen = await publicArticle(doc.id)
    expectStatus(seen, allowed ? 200 : 404)
    if (!allowed) expect((await latestArticle(doc.id))._status).toBe('draft')
  })

  it.each(matrix(PUBLISHERS))('$who $verdict publish changes to a published article', async ({ who, allowed }) => {
    const doc = await publishedArticle(who === 'reporter' ? 'reporter' : 'editor', unique(`已发布 ${who}`))
    const res = await api(who).patch(`/api/articles/${doc.id}`, { title: `${doc.title} 新版`, _status: 'published' })
    expectStatus(res, allowed ? 200 : 403)
    const seen = await publicArticle(doc.id)
    expectStatus(seen, 200)
    expect(seen.body.title).toBe(allowed ? `${doc.title} 新版` : doc.title)
  })

  it.each(matrix(PUBLISHERS))('$who $verdict unpublish a published article', async ({ who, allowed }) => {
    const doc = await publishedArticle(who === "reporter" ? "reporter" : "editor", unique(`下线 ${who}`))
    const res = await api(who).patch(`/api/articles/${doc.id}`, { _status: 'draft' })
    // Non-publishers may save a draft, but the live article must stay live.
    if (allowed) expectStatus(res, 200)
    else expectStatus(res, who === 'moderator' || who === 'anonymous' ? 403 : [200, 403])
    expectStatus(await publicArticle(doc.id), allowed ? 404 : 200)
  })

  it.each(matrix([], ['editor', 'reporter']))(
    "$who's plain PATCH (no _status) of a published article becomes a draft: anonymous still sees the live version",
    async ({ who }) => {
      const doc = await publishedArticle(who === 'reporter' ? 'reporter' : 'editor', unique(`live ${who}`))
      const res = await api(who).patch(`/api/articles/${doc.id}`, { title: `${doc.title} 未审改动`, summary: '未审摘要' })
      expectStatus(res, 200)
      const seen = await publicArticle(doc.id)
      expectStatus(seen, 200)
      expect(seen.body.title).toBe(doc.title)
      expect(seen.body.summary).toBeNull()
      const latest = await latestArticle(doc.id)
      expect(latest.title).toBe(`${doc.title} 未审改动`)
      expect(latest._status).toBe('draft')
      const list = await s.anonymous.get(`/api/articles?where[id][equals]=${doc.id}`)
      expect(list.body.docs.map((d: any) => d.title)).toEqual([doc.title])
    },
  )

  it.each(matrix([], ['editor', 'reporter']))(
    "$who's plain PATCH of a published article with ?draft=false still does not go live",
    async ({ who }) => {
      const doc = await publishedArticle(who === 'reporter' ? 'reporter' : 'editor', unique(`live draft=false ${who}`))
      const res = await api(who).patch(`/api/articles/${doc.id}?draft=false`, { title: `${doc.title} 强行上线` })
      expect([200, 403]).toContain(res.status)
      const seen = await publicArticle(doc.id)
      expect(seen.body.title).toBe(doc.title)
    },
  )

  it.each(matrix([], ['editor-in-chief', 'admin']))(
    "(control) $who's plain PATCH of a published article changes what anonymous sees",
    async ({ who }) => {
      const doc = await publishedArticle('editor', unique(`live control ${who}`))
      expectStatus(await api(who).patch(`/api/articles/${doc.id}`, { title: `${doc.title} 直接更新` }), 200)
      expect((await publicArticle(doc.id)).body.title).toBe(`${doc.title} 直接更新`)
    },
  )
})

describe('articles: delete', () => {
  it.each(matrix(PUBLISHERS))('$who $verdict delete an article', async ({ who, allowed }) => {
    const owner = who === 'reporter' ? 'reporter' : 'editor'
    const doc = await publishedArticle(owner, unique(`删除 ${who}`))
    const res = await api(who).delete(`/api/articles/${doc.id}`)
    expectStatus(res, allowed ? 200 : 403)
    expect(await articleExists(doc.id)).toBe(!allowed)
    expectStatus(await publicArticle(doc.id), allowed ? 404 : 200)
  })

  it.each(matrix([], ['editor', 'reporter', 'moderator', 'anonymous']))(
    '$who may not delete articles in bulk (DELETE with where)',
    async ({ who }) => {
      const doc = await createArticleAs(who === 'reporter' ? 'reporter' : 'editor', { title: unique(`bulk delete ${who}`) })
      const res = await api(who).delete(`/api/articles?where[id][equals]=${doc.id}`)
      expect(res.status === 200 ? res.body.docs : []).toHaveLength(0)
      expect(await articleExists(doc.id)).toBe(true)
    },
  )
})

describe('articles: versions', () => {
  /** Owned by `owner`: published as V1, then re-published as V2 (live). */
  async function twicePublished(owner: Who, label: string) {
    const v1 = unique(`${label} V1`)
    const v2 = `${v1.replace(' V1', '')} V2`
    const doc = await publishedArticle(owner, v1)
    expectStatus(await s['editor-in-chief'].patch(`/api/articles/${doc.id}`, { title: v2, _status: 'published' }), 200)
    const version = await publishedVersionTitled(doc.id, v1)
    return { id: doc.id as number, v1, v2, versionId: version.id as number }
  }

  const ownerFor = (who: Who): Who => (who === 'reporter' ? 'reporter' : 'editor')

  it.each(matrix(STAFF))("$who $verdict list an article's versions", async ({ who, allowed }) => {
    const doc = await publishedArticle('editor', unique(`versions list ${who}`))
    const res = await versionsOf(doc.id, api(who))
    if (allowed) {
      expectStatus(res, 200)
      expect(res.body.docs.length).toBeGreaterThan(0)
      expect(res.body.docs.every((v: any) => v.parent === doc.id)).toBe(true)
    } else {
      expectStatus(res, 403)
      expect(res.body.docs).toBeUndefined()
    }
  })

  it.each(matrix(STAFF))('$who $verdict read one version by id', async ({ who, allowed }) => {
    const { versionId, v1 } = await twicePublished('editor', `version by id ${who}`)
    const res = await api(who).get(`/api/articles/versions/${versionId}`)
    if (allowed) {
      expectStatus(res, 200)
      expect(res.body.version.title).toBe(v1)
    } else {
      expectStatus(res, [403, 404])
      expect(JSON.stringify(res.body)).not.toContain(v1)
    }
  })

  it('anonymous gets no versions in bulk either (no where)', async () => {
    const res = await s.anonymous.get('/api/articles/versions?limit=100')
    expectStatus(res, 403)
    expect(res.body.docs).toBeUndefined()
  })

  it.each(matrix(PUBLISHERS))('$who $verdict restore a published version (it goes live)', async ({ who, allowed }) => {
    const { id, v1, v2, versionId } = await twicePublished(ownerFor(who), `restore ${who}`)
    const res = await api(who).post(`/api/articles/versions/${versionId}`)
    expectStatus(res, allowed ? 200 : 403)
    const seen = await publicArticle(id)
    expectStatus(seen, 200)
    expect(seen.body.title).toBe(allowed ? v1 : v2)
    if (!allowed) expect((await latestArticle(id)).title).toBe(v2)
  })

  it.each(matrix(WRITERS))('$who $verdict restore a version as a draft (?draft=true); the live article is unchanged', async ({ who, allowed }) => {
    const { id, v1, v2, versionId } = await twicePublished(ownerFor(who), `restore draft ${who}`)
    const res = await api(who).post(`/api/articles/versions/${versionId}?draft=true`)
    expectStatus(res, allowed ? 200 : 403)
    const seen = await publicArticle(id)
    expectStatus(seen, 200)
    expect(seen.body.title).toBe(v2)
    const latest = await latestArticle(id)
    expect(latest.title).toBe(allowed ? v1 : v2)
    if (allowed) expect(latest._status).toBe('draft')
  })

  it("a reporter may not restore a version of another reporter's article, even as a draft", async () => {
    const { id, v2, versionId } = await twicePublished('editor', 'restore others')
    const other = await publishedArticle(otherReporter, unique('钱记者 restore'))
    const otherVersion = await publishedVersionTitled(other.id, other.title)
    expectStatus(await s.reporter.post(`/api/articles/versions/${otherVersion.id}?draft=true`), [403, 404])
    expectStatus(await s.reporter.post(`/api/articles/versions/${versionId}?draft=true`), [403, 404])
    expect((await latestArticle(id)).title).toBe(v2)
    expect((await latestArticle(other.id)).title).toBe(other.title)
  })

  it.each(matrix([], ['editor', 'reporter']))(
    "a reporter's article stays theirs after $who restores one of its versions as a draft and the editor-in-chief publishes it",
    async ({ who }) => {
      const { id, v1, versionId } = await twicePublished('reporter', `ownership ${who}`)
      expectStatus(await api(who).post(`/api/articles/versions/${versionId}?draft=true`), 200)
      expectStatus(await s['editor-in-chief'].patch(`/api/articles/${id}`, { _status: 'published' }), 200)
      expect((await publicArticle(id)).body.title).toBe(v1)
      // The reporter may still edit the article they created.
      const edit = await s.reporter.patch(`/api/articles/${id}`, { summary: '记者继续修改' })
      expectStatus(edit, 200)
      expect((await latestArticle(id)).summary).toBe('记者继续修改')
    },
  )

  it.each(matrix([], ['editor', 'reporter']))(
    'a version restored as a draft by $who keeps the article\'s createdBy',
    async ({ who }) => {
      const { id, versionId } = await twicePublished('reporter', `createdBy kept ${who}`)
      const res = await api(who).post(`/api/articles/versions/${versionId}?draft=true`)
      expectStatus(res, 200)
      expect((await latestArticle(id)).createdBy).toBe(s.ids.reporter)
    },
  )
})

describe('articles: what anonymous readers see of staff', () => {
  let article: any

  beforeAll(async () => {
    article = await publishedArticle('reporter', unique('隐私 article'), { responsibleEditor: s.ids.editor })
  })

  it('staff see the responsible editor and the creator', async () => {
    const res = await s.moderator.get(`/api/articles/${article.id}?depth=0`)
    expectStatus(res, 200)
    expect(res.body.responsibleEditor).toBe(s.ids.editor)
    expect(res.body.createdBy).toBe(s.ids.reporter)
  })

  it.each([
    ['by id', (id: number) => `/api/articles/${id}`],
    ['by id at depth 3', (id: number) => `/api/articles/${id}?depth=3`],
    ['by id with ?draft=true', (id: number) => `/api/articles/${id}?draft=true&depth=2`],
    ['in the list', (id: number) => `/api/articles?where[id][equals]=${id}&depth=2`],
    ['selecting the hidden fields', (id: number) => `/api/articles/${id}?select[createdBy]=true&select[responsibleEditor]=true&select[title]=true`],
    ['populating users', (id: number) => `/api/articles/${id}?depth=2&populate[users][email]=true&populate[users][name]=true`],
  ])('anonymous %s: responsibleEditorName only, no createdBy, responsibleEditor nor any email', async (_label, path) => {
    const res = await fetch(`${server.url}${path(article.id)}`)
    const text = await res.text()
    expect(res.status).toBe(200)
    expect(text).not.toContain('@')
    const body = JSON.parse(text)
    const doc = body.docs ? body.docs[0] : body
    expect(doc.id).toBe(article.id)
    expect(doc).not.toHaveProperty('createdBy')
    expect(doc).not.toHaveProperty('responsibleEditor')
    if (!path(article.id).includes('select')) expect(doc.responsibleEditorName).toBe('李编辑')
  })

  it.each([
    ['responsibleEditor.email', 'like', 'editor'],
    ['createdBy.email', 'like', 'reporter'],
    ['createdBy', 'equals', '__reporter__'],
    ['responsibleEditor', 'equals', '__editor__'],
    ['responsibleEditor.name', 'like', '李'],
  ])('anonymous cannot filter articles on the hidden %s', async (field, operator, value) => {
    const v = value === '__reporter__' ? String(s.ids.reporter) : value === '__editor__' ? String(s.ids.editor) : value
    const res = await s.anonymous.get(`/api/articles?where[${field}][${operator}]=${enc(v)}`)
    // A filter on a field the reader may not read is an error, never an oracle for its value.
    expect(res.status === 200 ? res.body.docs : []).toHaveLength(0)
  })

  it.each([
    ['createdBy', '__reporter__'],
    ['responsibleEditor', '__editor__'],
  ])('anonymous cannot sort articles by the hidden %s', async (field) => {
    const res = await s.anonymous.get(`/api/articles?sort=${field}&limit=100`)
    if (res.status === 200) expect(JSON.stringify(res.body)).not.toContain('@')
  })
})

// ============================================================================ categories, tags, authors

type SharedCollection = {
  slug: 'categories' | 'tags' | 'authors'
  create: Who[]
  update: Who[]
  delete: Who[]
}

const SHARED: SharedCollection[] = [
  { slug: 'categories', create: EDITORS, update: EDITORS, delete: PUBLISHERS },
  { slug: 'tags', create: WRITERS, update: EDITORS, delete: EDITORS },
  { slug: 'authors', create: EDITORS, update: EDITORS, delete: PUBLISHERS },
]

async function namedDocs(slug: string, name: string): Promise<any[]> {
  const res = await s.admin.get(`/api/${slug}?depth=0&where[name][equals]=${enc(name)}`)
  expectStatus(res, 200)
  return res.body.docs
}

async function seedDoc(slug: string): Promise<any> {
  const res = await s.admin.post(`/api/${slug}`, { name: unique(`${slug} seed`) })
  expectStatus(res, 201)
  return res.body.doc
}

describe.each(SHARED)('$slug', (collection) => {
  const { slug } = collection

  it.each(matrix(EVERYONE))(`$who $verdict read ${slug} (list and by id)`, async ({ who }) => {
    const doc = await seedDoc(slug)
    const list = await api(who).get(`/api/${slug}?limit=100`)
    expectStatus(list, 200)
    expect(list.body.docs.map((d: any) => d.id)).toContain(doc.id)
    const one = await api(who).get(`/api/${slug}/${doc.id}`)
    expectStatus(one, 200)
    expect(one.body.name).toBe(doc.name)
  })

  it.each(matrix(collection.create))(`$who $verdict create ${slug}`, async ({ who, allowed }) => {
    const name = unique(`${slug} by ${who}`)
    const res = await api(who).post(`/api/${slug}`, { name })
    expectStatus(res, allowed ? 201 : 403)
    expect(await namedDocs(slug, name)).toHaveLength(allowed ? 1 : 0)
  })

  it.each(matrix(collection.update))(`$who $verdict update ${slug}`, async ({ who, allowed }) => {
    const doc = await seedDoc(slug)
    const name = unique(`${slug} renamed`)
    const res = await api(who).patch(`/api/${slug}/${doc.id}`, { name })
    expectStatus(res, allowed ? 200 : 403)
    const stored = await s.admin.get(`/api/${slug}/${doc.id}?depth=0`)
    expect(stored.body.name).toBe(allowed ? name : doc.name)
  })

  it.each(matrix(collection.delete))(`$who $verdict delete ${slug}`, async ({ who, allowed }) => {
    const doc = await seedDoc(slug)
    const res = await api(who).delete(`/api/${slug}/${doc.id}`)
    expectStatus(res, allowed ? 200 : 403)
    const stored = await s.admin.get(`/api/${slug}/${doc.id}?depth=0`)
    expectStatus(stored, allowed ? 404 : 200)
  })
})

describe('authors: the linked staff account', () => {
  it('anonymous does not see which staff account an author is, nor its email', async () => {
    const created = await s.admin.post('/api/authors', { name: unique('署名 linked'), user: s.ids.editor })
    expectStatus(created, 201)
    for (const path of [`/api/authors/${created.body.doc.id}?depth=2`, `/api/authors?where[id][equals]=${created.body.doc.id}&depth=2`]) {
      const res = await fetch(`${server.url}${path}`)
      const text = await res.text()
      expect(res.status).toBe(200)
      expect(text).not.toContain('@')
      const body = JSON.parse(text)
      expect(body.docs ? body.docs[0] : body).not.toHaveProperty('user')
    }
    const staff = await s.reporter.get(`/api/authors/${created.body.doc.id}?depth=0`)
    expect(staff.body.user).toBe(s.ids.editor)
  })
})

// ============================================================================================== media

async function png(): Promise<Buffer> {
  return sharp({ create: { width: 8, height: 8, channels: 3, background: { r: 200, g: 30, b: 30 } } }).png().toBuffer()
}

function uploadForm(file: Buffer, alt: string): FormData {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(file)], { type: 'image/png' }), `${alt.replace(/\W+/g, '-')}.png`)
  form.append('_payload', JSON.stringify({ alt }))
  return form
}

async function mediaWithAlt(alt: string): Promise<any[]> {
  const res = await s.admin.get(`/api/media?depth=0&where[alt][equals]=${enc(alt)}`)
  expectStatus(res, 200)
  return res.body.docs
}

describe('media', () => {
  let image: Buffer
  let seeded: any

  beforeAll(async () => {
    image = await png()
    const res = await s.admin.post('/api/media', uploadForm(image, 'seed image 种子'))
    expectStatus(res, 201)
    seeded = res.body.doc
  })

  it.each(matrix(EVERYONE))('$who $verdict read media (list, by id and the file)', async ({ who }) => {
    const list = await api(who).get('/api/media?limit=100')
    expectStatus(list, 200)
    expect(list.body.docs.map((d: any) => d.id)).toContain(seeded.id)
    const one = await api(who).get(`/api/media/${seeded.id}`)
    expectStatus(one, 200)
    expect(one.body.alt).toBe('seed image 种子')
    const file = await fetch(new URL(one.body.url, server.url))
    expect(file.status).toBe(200)
  })

  it.each(matrix(WRITERS))('$who $verdict upload an image', async ({ who, allowed }) => {
    const alt = unique(`upload by ${who}`)
    const res = await api(who).post('/api/media', uploadForm(image, alt))
    expectStatus(res, allowed ? 201 : 403)
    expect(await mediaWithAlt(alt)).toHaveLength(allowed ? 1 : 0)
  })

  it.each(matrix(WRITERS))('$who $verdict update media metadata (the collection allows writers)', async ({ who, allowed }) => {
    const doc = (await s.admin.post('/api/media', uploadForm(image, unique(`to edit ${who}`)))).body.doc
    const alt = `${doc.alt} edited`
    const res = await api(who).patch(`/api/media/${doc.id}`, { alt })
    expectStatus(res, allowed ? 200 : 403)
    expect((await s.admin.get(`/api/media/${doc.id}`)).body.alt).toBe(allowed ? alt : doc.alt)
  })

  it.each(matrix(EDITORS))('$who $verdict delete media', async ({ who, allowed }) => {
    const doc = (await s.admin.post('/api/media', uploadForm(image, unique(`to delete ${who}`)))).body.doc
    const res = await api(who).delete(`/api/media/${doc.id}`)
    expectStatus(res, allowed ? 200 : 403)
    expectStatus(await s.admin.get(`/api/media/${doc.id}`), allowed ? 404 : 200)
  })
})

// ============================================================================================== users

async function storedUser(id: number): Promise<any> {
  const res = await s.admin.get(`/api/users/${id}?depth=0`)
  expectStatus(res, 200)
  return res.body
}

describe('users', () => {
  it('anonymous cannot list users', async () => {
    const res = await fetch(`${server.url}/api/users?limit=100`)
    const text = await res.text()
    expect(res.status).toBe(403)
    expect(text).not.toContain('@')
    expect(JSON.parse(text).docs).toBeUndefined()
  })

  it.each(ROLES)('anonymous cannot read the %s account by id', async (role) => {
    const res = await fetch(`${server.url}/api/users/${s.ids[role]}`)
    const text = await res.text()
    expect(res.status).toBe(403)
    expect(text).not.toContain('@')
  })

  it('anonymous /api/users/me reveals nobody', async () => {
    const res = await fetch(`${server.url}/api/users/me`)
    const text = await res.text()
    expect(text).not.toContain('@')
    if (res.status === 200) expect(JSON.parse(text).user).toBeNull()
  })

  it('anonymous cannot find users by filtering on email', async () => {
    const res = await s.anonymous.get(`/api/users?where[email][like]=admin`)
    expect(res.status).toBe(403)
    expect(JSON.stringify(res.body)).not.toContain('@')
  })

  it.each(ROLES)('%s reads the staff list; emails are shown only to admins and to each user for themselves', async (role) => {
    const res = await api(role).get('/api/users?limit=100&depth=0')
    expectStatus(res, 200)
    expect(res.body.docs.length).toBeGreaterThanOrEqual(6)
    for (const doc of res.body.docs) {
      if (role === 'admin' || doc.id === s.ids[role]) expect(doc.email).toMatch(/@/)
      else expect(doc).not.toHaveProperty('email')
    }
    if (role !== 'admin') {
      const others = res.body.docs.filter((doc: any) => doc.id !== s.ids[role])
      expect(JSON.stringify(others)).not.toContain('@')
    }
  })

  it.each(ROLES.filter((r) => r !== 'admin'))('%s reading another user by id sees no email', async (role) => {
    const res = await api(role).get(`/api/users/${s.ids.admin}`)
    expectStatus(res, 200)
    expect(res.body).not.toHaveProperty('email')
    expect(JSON.stringify(res.body)).not.toContain('@')
  })

  it.each(ROLES.filter((r) => r !== 'admin'))('%s cannot find other users by filtering on email', async (role) => {
    const res = await api(role).get(`/api/users?where[email][like]=${enc('admin@')}`)
    expect(res.status === 200 ? res.body.docs.map((d: any) => d.id) : []).not.toContain(s.ids.admin)
  })

  it.each(matrix(['admin']))('$who $verdict create a user', async ({ who, allowed }) => {
    const email = `${unique('new').replace(/\W+/g, '-')}@test.newsroom`
    const res = await api(who).post('/api/users', { name: '新员工', email, password: STAFF_PASSWORD, roles: ['reporter'] })
    expectStatus(res, allowed ? 201 : 403)
    const found = await s.admin.get(`/api/users?where[email][equals]=${enc(email)}`)
    expect(found.body.docs).toHaveLength(allowed ? 1 : 0)
  })

  it.each(ROLES.filter((r) => r !== 'admin'))('%s cannot make themselves admin by PATCHing their roles', async (role) => {
    const before = (await storedUser(s.ids[role])).roles
    const res = await api(role).patch(`/api/users/${s.ids[role]}`, { roles: ['admin'] })
    expect([200, 403]).toContain(res.status)
    expect((await storedUser(s.ids[role])).roles).toEqual(before)
    // A fresh login carries the roles from the database: still not an admin.
    const again = await s.anonymous.login(`${role}@test.newsroom`, STAFF_PASSWORD)
    expectStatus(await again.post('/api/users', { name: 'x', email: `escalate-${role}@test.newsroom`, password: STAFF_PASSWORD }), 403)
  })

  it.each(ROLES.filter((r) => r !== 'admin'))('%s cannot make themselves admin while creating nothing else (roles alongside a name change)', async (role) => {
    const before = await storedUser(s.ids[role])
    const res = await api(role).patch(`/api/users/${s.ids[role]}`, { name: before.name, roles: ['admin', ...before.roles] })
    expect([200, 403]).toContain(res.status)
    expect((await storedUser(s.ids[role])).roles).toEqual(before.roles)
  })

  it.each(ROLES)('%s may change their own name', async (role) => {
    const before = await storedUser(s.ids[role])
    try {
      const res = await api(role).patch(`/api/users/${s.ids[role]}`, { name: `${before.name}（改）` })
      expectStatus(res, 200)
      expect((await storedUser(s.ids[role])).name).toBe(`${before.name}（改）`)
    } finally {
      await s.admin.patch(`/api/users/${s.ids[role]}`, { name: before.name })
    }
  })

  it.each(matrix(['admin']))("$who $verdict change someone else's name", async ({ who, allowed }) => {
    const before = await storedUser(otherReporterId)
    try {
      const res = await api(who).patch(`/api/users/${otherReporterId}`, { name: `改名 by ${who}` })
      expectStatus(res, allowed ? 200 : [403, 404])
      expect((await storedUser(otherReporterId)).name).toBe(allowed ? `改名 by ${who}` : before.name)
    } finally {
      await s.admin.patch(`/api/users/${otherReporterId}`, { name: before.name })
    }
  })

  it.each(matrix(['admin']))("$who $verdict change someone else's roles", async ({ who, allowed }) => {
    try {
      const res = await api(who).patch(`/api/users/${otherReporterId}`, { roles: ['editor'] })
      expect(allowed ? [200] : [200, 403, 404]).toContain(res.status)
      expect((await storedUser(otherReporterId)).roles).toEqual(allowed ? ['editor'] : ['reporter'])
    } finally {
      await s.admin.patch(`/api/users/${otherReporterId}`, { roles: ['reporter'] })
    }
  })

  const newTarget = async () => {
    const target = await s.admin.post('/api/users', {
      name: '目标',
      email: `${unique('target').replace(/\W+/g, '-')}@test.newsroom`,
      password: STAFF_PASSWORD,
      roles: ['reporter'],
    })
    expectStatus(target, 201)
    return target.body.doc as { id: number; email: string }
  }

  it.each(matrix(['admin']))("$who $verdict ask to change someone else's email, which waits for the new address", async ({ who, allowed }) => {
    const { id, email } = await newTarget()
    const res = await api(who).patch(`/api/users/${id}`, { email: `taken-over-${who}@test.newsroom` })
    expectStatus(res, allowed ? 200 : [403, 404])
    expect(await storedUser(id)).toMatchObject({ email, pendingEmail: allowed ? `taken-over-${who}@test.newsroom` : null })
    expect(await s.anonymous.login(email, STAFF_PASSWORD)).toBeInstanceOf(Api)
  })

  it.each(matrix([]))("$who $verdict set someone else's password (admins use the reset flow)", async ({ who }) => {
    const { id, email } = await newTarget()
    expectStatus(await api(who).patch(`/api/users/${id}`, { password: 'taken-over-123' }), [403, 404])
    expect(await s.anonymous.login(email, STAFF_PASSWORD)).toBeInstanceOf(Api)
  })

  it.each(matrix(['admin']))('$who $verdict delete a user', async ({ who, allowed }) => {
    const target = await s.admin.post('/api/users', {
      name: '待删除',
      email: `${unique('delete').replace(/\W+/g, '-')}@test.newsroom`,
      password: STAFF_PASSWORD,
      roles: ['reporter'],
    })
    expectStatus(target, 201)
    const res = await api(who).delete(`/api/users/${target.body.doc.id}`)
    expectStatus(res, allowed ? 200 : [403, 404])
    expectStatus(await s.admin.get(`/api/users/${target.body.doc.id}`), allowed ? 404 : 200)
  })
})

// ====================================================================================== site settings

describe('site-settings global', () => {
  beforeAll(async () => {
    expectStatus(await s.admin.post('/api/globals/site-settings', { siteName: '财经新闻网' }), 200)
  })

  it.each(matrix(EVERYONE))('$who $verdict read the site settings', async ({ who }) => {
    const res = await api(who).get('/api/globals/site-settings')
    expectStatus(res, 200)
    expect(res.body.copyrightNotice).toEqual(expect.any(String))
  })

  it.each(matrix(PUBLISHERS))('$who $verdict update the site settings', async ({ who, allowed }) => {
    const before = (await s.admin.get('/api/globals/site-settings')).body.siteName
    const siteName = unique(`站点 ${who}`).slice(0, 60)
    const res = await api(who).post('/api/globals/site-settings', { siteName })
    expectStatus(res, allowed ? 200 : 403)
    const after = (await s.anonymous.get('/api/globals/site-settings')).body.siteName
    expect(after).toBe(allowed ? siteName : before)
  })
})

// =============================================================================== Payload's own collections

describe("Payload's internal collections", () => {
  it.each(['payload-jobs', 'payload-preferences', 'payload-locked-documents', 'payload-migrations', 'payload-kv'])(
    'anonymous gets no documents from %s',
    async (slug) => {
      const res = await s.anonymous.get(`/api/${slug}?limit=100`)
      expect(res.status).toBeGreaterThanOrEqual(400)
      expect(res.body?.docs ?? []).toHaveLength(0)
      // `/api/payload-preferences/:key` answers 200 with `value: null` for a caller without preferences.
      const one = await s.anonymous.get(`/api/${slug}/1`)
      if (one.status < 400) expect(one.body).toEqual(expect.objectContaining({ value: null }))
      expect(one.body?.id).toBeUndefined()
    },
  )

  it("anonymous cannot read an admin's stored preference by its key", async () => {
    expectStatus(await s.admin.post('/api/payload-preferences/newsroom-test-pref', { value: { secret: 'admin-only' } }), [200, 201])
    expect((await s.admin.get('/api/payload-preferences/newsroom-test-pref')).body.value).toEqual({ secret: 'admin-only' })
    const res = await s.anonymous.get('/api/payload-preferences/newsroom-test-pref')
    expect(JSON.stringify(res.body)).not.toContain('admin-only')
    const other = await s.reporter.get('/api/payload-preferences/newsroom-test-pref')
    expect(JSON.stringify(other.body)).not.toContain('admin-only')
  })

  it.each(['payload-jobs', 'payload-preferences', 'payload-locked-documents', 'payload-kv'])(
    'anonymous cannot create documents in %s',
    async (slug) => {
      const res = await s.anonymous.post(`/api/${slug}`, {})
      expect(res.status).toBeGreaterThanOrEqual(400)
      expect(res.body?.doc).toBeUndefined()
    },
  )

  it.each(matrix(PUBLISHERS))('$who $verdict read the jobs queue', async ({ who, allowed }) => {
    const res = await api(who).get('/api/payload-jobs?limit=100')
    if (allowed) expectStatus(res, 200)
    else {
      expect(res.status).toBeGreaterThanOrEqual(400)
      expect(res.body?.docs).toBeUndefined()
    }
  })
})
