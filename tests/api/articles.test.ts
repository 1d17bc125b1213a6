import { createStaff, invalidPaths, type Staff } from '../helpers/api'
import { startServer, type TestServer, withDatabase } from '../helpers/server'
import { eventually } from '../helpers/wait'

let server: TestServer
let staff: Staff

beforeAll(async () => {
  server = await startServer()
  staff = await createStaff(server)
})
afterAll(() => server.stop())

async function draftArticle(title: string, extra: Record<string, unknown> = {}) {
  const res = await staff.editor.post('/api/articles', { title, responsibleEditor: staff.ids.editor, ...extra })
  expect(res.status).toBe(201)
  return res.body.doc as { id: number; slug: string; _status: string }
}

const publicTitle = async (id: number) => {
  const res = await staff.anonymous.get(`/api/articles/${id}`)
  return res.status === 200 ? res.body.title : null
}

describe('slugs', () => {
  it('makes a readable pinyin slug from a Chinese title and numbers repeats', async () => {
    const first = await draftArticle('央行宣布降准0.5个百分点')
    expect(first.slug).toBe('yang-hang-xuan-bu-jiang-zhun-0-5-ge-bai-fen-dian')
    const second = await draftArticle('央行宣布降准0.5个百分点')
    expect(second.slug).toBe('yang-hang-xuan-bu-jiang-zhun-0-5-ge-bai-fen-dian-2')
  })

  it('keeps a slug the editor typed, and refuses a malformed or taken one naming the field', async () => {
    const typed = await draftArticle('消费金融新规答问', { slug: 'consumer-finance-qa' })
    expect(typed.slug).toBe('consumer-finance-qa')
    const malformed = await staff.editor.post('/api/articles', { title: '任意标题', slug: '含中文 Slug' })
    expect(malformed.status).toBe(400)
    expect(invalidPaths(malformed.body)).toEqual(['slug'])
    const taken = await staff['editor-in-chief'].post('/api/articles', { title: '另一篇', slug: 'consumer-finance-qa', _status: 'published' })
    expect(taken.status).toBe(400)
    expect(invalidPaths(taken.body)).toEqual(['slug'])
  })

  it('does not change the slug when the title is edited later (URLs stay stable)', async () => {
    const article = await draftArticle('理财产品收益率走低')
    const renamed = await staff.editor.patch(`/api/articles/${article.id}?draft=true`, { title: '银行理财产品收益率持续走低' })
    expect(renamed.status).toBe(200)
    expect(renamed.body.doc.slug).toBe(article.slug)
  })
})

describe('drafts and publishing', () => {
  it('keeps drafts away from anonymous readers in lists, by id and in GraphQL', async () => {
    const article = await draftArticle('尚未发布的稿件')
    expect(article._status).toBe('draft')
    expect((await staff.anonymous.get(`/api/articles/${article.id}`)).status).toBe(404)
    const list = await staff.anonymous.get('/api/articles?limit=100&draft=true')
    expect(list.body.docs.map((d: { id: number }) => d.id)).not.toContain(article.id)
    const gql = await staff.anonymous.graphql('{ Articles(limit: 100, draft: true) { docs { id title } } }')
    expect(gql.body.data.Articles.docs.map((d: { id: number }) => d.id)).not.toContain(article.id)
  })

  it('publishes on the editor-in-chief\'s word, stamping publishedAt once', async () => {
    const article = await draftArticle('保险业三季度数据出炉')
    const published = await staff['editor-in-chief'].patch(`/api/articles/${article.id}`, { _status: 'published' })
    expect(published.status).toBe(200)
    const firstPublishedAt = published.body.doc.publishedAt
    expect(Date.now() - Date.parse(firstPublishedAt)).toBeLessThan(60_000)
    expect(await publicTitle(article.id)).toBe('保险业三季度数据出炉')

    const republished = await staff['editor-in-chief'].patch(`/api/articles/${article.id}`, { title: '保险业三季度数据出炉（更新）', _status: 'published' })
    expect(republished.body.doc.publishedAt).toBe(firstPublishedAt)
  })

  it('keeps a set publishedAt (an embargoed or back-dated story)', async () => {
    const article = await draftArticle('回溯发布时间的稿件', { publishedAt: '2026-03-20T10:19:18.000Z' })
    const published = await staff['editor-in-chief'].patch(`/api/articles/${article.id}`, { _status: 'published' })
    expect(published.body.doc.publishedAt).toBe('2026-03-20T10:19:18.000Z')
  })

  it('shows readers the published version, never newer unpublished changes', async () => {
    const article = await draftArticle('原标题')
    await staff['editor-in-chief'].patch(`/api/articles/${article.id}`, { _status: 'published' })
    const edited = await staff.editor.patch(`/api/articles/${article.id}?draft=true`, { title: '编辑中的新标题' })
    expect(edited.status).toBe(200)
    expect(await publicTitle(article.id)).toBe('原标题')
    const asStaff = await staff.editor.get(`/api/articles/${article.id}?draft=true`)
    expect(asStaff.body.title).toBe('编辑中的新标题')

    await staff['editor-in-chief'].patch(`/api/articles/${article.id}`, { _status: 'published' })
    expect(await publicTitle(article.id)).toBe('编辑中的新标题')
  })

  it('unpublishes on the editor-in-chief\'s word', async () => {
    const article = await draftArticle('将被撤下的稿件')
    await staff['editor-in-chief'].patch(`/api/articles/${article.id}`, { _status: 'published' })
    const unpublished = await staff['editor-in-chief'].patch(`/api/articles/${article.id}`, { _status: 'draft' })
    expect(unpublished.status).toBe(200)
    expect(await publicTitle(article.id)).toBeNull()
  })

  it('stores the responsible editor\'s name for readers and follows a rename', async () => {
    const article = await draftArticle('责任编辑署名测试')
    await staff['editor-in-chief'].patch(`/api/articles/${article.id}`, { _status: 'published' })
    const before = await staff.anonymous.get(`/api/articles/${article.id}`)
    expect(before.body.responsibleEditorName).toBe('李编辑')
    expect(before.body.responsibleEditor).toBeUndefined()

    const renamed = await staff.editor.patch(`/api/users/${staff.ids.editor}`, { name: '李明' })
    expect(renamed.status).toBe(200)
    const after = await staff.anonymous.get(`/api/articles/${article.id}`)
    expect(after.body.responsibleEditorName).toBe('李明')
  })

  it('only accepts an editor as responsible editor', async () => {
    const res = await staff.editor.post('/api/articles', { title: '责任编辑必须是编辑', responsibleEditor: staff.ids.moderator })
    // Drafts skip Payload's own validation, so publishing is where a wrong editor is caught.
    const published = await staff['editor-in-chief'].post('/api/articles', {
      title: '责任编辑必须是编辑',
      responsibleEditor: staff.ids.moderator,
      _status: 'published',
    })
    expect(published.status).toBe(400)
    expect(invalidPaths(published.body)).toContain('responsibleEditor')
    expect(res.status).toBe(201)
  })

  it('requires a title to publish', async () => {
    const res = await staff['editor-in-chief'].post('/api/articles', { summary: '没有标题', _status: 'published' })
    expect(res.status).toBe(400)
    expect(invalidPaths(res.body)).toContain('title')
  })
})

describe('versions', () => {
  it('keeps every save as a version and lets a publisher restore an earlier one', async () => {
    const article = await draftArticle('版本一')
    await staff.editor.patch(`/api/articles/${article.id}?draft=true`, { title: '版本二' })
    await staff.editor.patch(`/api/articles/${article.id}?draft=true`, { title: '版本三' })
    const versions = await staff.editor.get(`/api/articles/versions?where[parent][equals]=${article.id}&sort=createdAt&limit=50`)
    expect(versions.status).toBe(200)
    expect(versions.body.docs.map((v: { version: { title: string } }) => v.version.title)).toEqual(['版本一', '版本二', '版本三'])

    const first = versions.body.docs[0]
    const restored = await staff['editor-in-chief'].post(`/api/articles/versions/${first.id}`)
    expect(restored.status).toBe(200)
    const current = await staff.editor.get(`/api/articles/${article.id}?draft=true`)
    expect(current.body.title).toBe('版本一')
  })

  it('keeps at most 100 versions per article', async () => {
    const article = await draftArticle('版本上限')
    await withDatabase(server.databaseUrl, async (client) => {
      // 120 saves through HTTP would take long; the limit is enforced on the next save either way.
      await client.query(
        `insert into _articles_v (parent_id, version_title, version__status, created_at, updated_at, latest)
         select $1, 'old ' || n, 'draft', now() - (n || ' minutes')::interval, now() - (n || ' minutes')::interval, false
         from generate_series(1, 120) n`,
        [article.id],
      )
    })
    await staff.editor.patch(`/api/articles/${article.id}?draft=true`, { title: '版本上限（再次保存）' })
    const versions = await staff.editor.get(`/api/articles/versions?where[parent][equals]=${article.id}&limit=1`)
    expect(versions.body.totalDocs).toBeLessThanOrEqual(100)
    expect(versions.body.totalDocs).toBeGreaterThanOrEqual(50)
  })
})

describe('scheduled publishing', () => {
  it('publishes and later unpublishes at the set times while the server runs', async () => {
    const article = await draftArticle('定时发布的稿件')
    const at = new Date(Date.now() + 3_000).toISOString()
    const scheduled = await staff['editor-in-chief'].post(`/api/articles/${article.id}/schedule`, { action: 'publish', at })
    expect(scheduled.status).toBe(202)
    const pending = await staff.editor.get(`/api/articles/${article.id}/schedule`)
    expect(pending.body.docs).toEqual([expect.objectContaining({ action: 'publish', at })])
    expect(await publicTitle(article.id)).toBeNull()

    await eventually(async () => (await publicTitle(article.id)) === '定时发布的稿件', 'the scheduled publish', 20_000)
    // The runner marks the job complete after the publish has committed, so a reader can see the
    // article a moment before the job leaves the pending list.
    const nothingPending = async () => (await staff.editor.get(`/api/articles/${article.id}/schedule`)).body.docs.length === 0
    await eventually(nothingPending, 'the publish job to leave the pending list', 10_000)

    await staff['editor-in-chief'].post(`/api/articles/${article.id}/schedule`, {
      action: 'unpublish',
      at: new Date(Date.now() + 2_000).toISOString(),
    })
    await eventually(async () => (await publicTitle(article.id)) === null, 'the scheduled unpublish', 20_000)
  })

  it('lets only publishers schedule, and refuses a bad time naming the field', async () => {
    const article = await draftArticle('不能自行定时的稿件')
    const at = new Date(Date.now() + 60_000).toISOString()
    for (const role of ['editor', 'reporter', 'moderator'] as const) {
      expect((await staff[role].post(`/api/articles/${article.id}/schedule`, { at })).status).toBe(403)
    }
    expect((await staff.anonymous.post(`/api/articles/${article.id}/schedule`, { at })).status).toBe(403)

    const past = await staff['editor-in-chief'].post(`/api/articles/${article.id}/schedule`, { at: '2020-01-01T00:00:00Z' })
    expect(past.status).toBe(400)
    expect(invalidPaths(past.body)).toEqual(['at'])
    const garbage = await staff['editor-in-chief'].post(`/api/articles/${article.id}/schedule`, { at: '明天早上' })
    expect(invalidPaths(garbage.body)).toEqual(['at'])
    const action = await staff['editor-in-chief'].post(`/api/articles/${article.id}/schedule`, { action: 'delete', at })
    expect(invalidPaths(action.body)).toEqual(['action'])
    expect((await staff['editor-in-chief'].post('/api/articles/999999/schedule', { at })).status).toBe(404)
  })
})
