import { type Api, createStaff, invalidPaths, type Staff } from '../helpers/api'
import { startServer, type TestServer } from '../helpers/server'

type Crumb = { name: string; slug: string }

/** Breadcrumbs without the array rows' generated ids. */
const crumbsOf = (doc: { breadcrumbs?: (Crumb & { id?: string })[] }): Crumb[] =>
  (doc.breadcrumbs ?? []).map(({ name, slug }) => ({ name, slug }))

describe('categories (channels)', () => {
  let server: TestServer
  let staff: Staff
  let editor: Api

  beforeAll(async () => {
    server = await startServer()
    staff = await createStaff(server)
    editor = staff.editor
  })
  afterAll(() => server?.stop())

  async function create(name: string, parent?: number | null, extra: Record<string, unknown> = {}) {
    const res = await editor.post('/api/categories', { name, ...(parent !== undefined ? { parent } : {}), ...extra })
    if (res.status !== 201) throw new Error(`creating ${name} failed: ${res.status} ${JSON.stringify(res.body)}`)
    return res.body.doc as { id: number; name: string; slug: string; breadcrumbs: Crumb[] }
  }

  async function read(id: number) {
    const res = await staff.anonymous.get(`/api/categories/${id}?depth=0`)
    expect(res.status).toBe(200)
    return res.body
  }

  it('stores the path from the root, root first, readable anonymously, with pinyin slugs', async () => {
    const root = await create('行业资讯')
    const child = await create('网贷', root.id)
    expect(root.slug).toBe('hang-ye-zi-xun')
    expect(child.slug).toBe('wang-dai')
    expect(crumbsOf(root)).toEqual([{ name: '行业资讯', slug: 'hang-ye-zi-xun' }])

    const anonymous = await read(child.id)
    expect(anonymous).toMatchObject({ name: '网贷', slug: 'wang-dai', parent: root.id })
    expect(crumbsOf(anonymous)).toEqual([
      { name: '行业资讯', slug: 'hang-ye-zi-xun' },
      { name: '网贷', slug: 'wang-dai' },
    ])

    const bySlug = await staff.anonymous.get('/api/categories?where[slug][equals]=wang-dai')
    expect(bySlug.status).toBe(200)
    expect(bySlug.body.docs).toHaveLength(1)
    expect(crumbsOf(bySlug.body.docs[0]).map((c) => c.name)).toEqual(['行业资讯', '网贷'])
  })

  it('numbers the slug of a second channel with the same name', async () => {
    const first = await create('理财')
    const second = await create('理财', first.id)
    expect(first.slug).toBe('li-cai')
    expect(second.slug).toBe('li-cai-2')
    expect(crumbsOf(second)).toEqual([
      { name: '理财', slug: 'li-cai' },
      { name: '理财', slug: 'li-cai-2' },
    ])
  })

  it('refuses channel writes from anonymous readers, reporters and moderators', async () => {
    for (const api of [staff.anonymous, staff.reporter, staff.moderator]) {
      const res = await api.post('/api/categories', { name: '无权创建' })
      expect(res.status).toBe(403)
    }
  })

  it('carries a renamed root into its child’s and grandchild’s breadcrumbs, keeping slugs (URLs) stable', async () => {
    const root = await create('宏观经济')
    const child = await create('货币政策', root.id)
    const grandchild = await create('利率', child.id)

    const renamed = await editor.patch(`/api/categories/${root.id}`, { name: '宏观' })
    expect(renamed.status).toBe(200)
    expect(renamed.body.doc.slug).toBe('hong-guan-jing-ji')

    expect(crumbsOf(await read(root.id))).toEqual([{ name: '宏观', slug: 'hong-guan-jing-ji' }])
    expect(crumbsOf(await read(child.id))).toEqual([
      { name: '宏观', slug: 'hong-guan-jing-ji' },
      { name: '货币政策', slug: 'huo-bi-zheng-ce' },
    ])
    expect(crumbsOf(await read(grandchild.id))).toEqual([
      { name: '宏观', slug: 'hong-guan-jing-ji' },
      { name: '货币政策', slug: 'huo-bi-zheng-ce' },
      { name: '利率', slug: 'li-lv' },
    ])
  })

  it('carries a changed slug into the descendants’ breadcrumbs', async () => {
    const root = await create('股市')
    const child = await create('A股', root.id)
    const grandchild = await create('科创板', child.id)
    const res = await editor.patch(`/api/categories/${root.id}`, { slug: 'stocks' })
    expect(res.status).toBe(200)
    expect(crumbsOf(await read(grandchild.id))).toEqual([
      { name: '股市', slug: 'stocks' },
      { name: 'A股', slug: 'a-gu' },
      { name: '科创板', slug: 'ke-chuang-ban' },
    ])
  })

  it('carries a moved channel’s new path down to its descendants', async () => {
    const banks = await create('银行')
    const funds = await create('基金')
    const child = await create('公募', banks.id)
    const grandchild = await create('指数基金', child.id)

    const moved = await editor.patch(`/api/categories/${child.id}`, { parent: funds.id })
    expect(moved.status).toBe(200)
    expect(crumbsOf(await read(grandchild.id))).toEqual([
      { name: '基金', slug: 'ji-jin' },
      { name: '公募', slug: 'gong-mu' },
      { name: '指数基金', slug: 'zhi-shu-ji-jin' },
    ])

    const toRoot = await editor.patch(`/api/categories/${child.id}`, { parent: null })
    expect(toRoot.status).toBe(200)
    expect(crumbsOf(await read(child.id))).toEqual([{ name: '公募', slug: 'gong-mu' }])
    expect(crumbsOf(await read(grandchild.id))).toEqual([
      { name: '公募', slug: 'gong-mu' },
      { name: '指数基金', slug: 'zhi-shu-ji-jin' },
    ])
  })

  it('names each channel by its path, the admin\'s title for it, kept current when a channel above is renamed or moved', async () => {
    const finance = await create('财经频道')
    const macro = await create('宏观', finance.id)
    const rates = await create('利率走势', macro.id)
    const titleOf = async (id: number) => (await read(id)).title
    expect([await titleOf(finance.id), await titleOf(macro.id), await titleOf(rates.id)]).toEqual(['财经频道', '财经频道 > 宏观', '财经频道 > 宏观 > 利率走势'])

    expect((await editor.patch(`/api/categories/${finance.id}`, { name: '财经' })).status).toBe(200)
    expect(await titleOf(rates.id)).toBe('财经 > 宏观 > 利率走势')

    const markets = await create('市场')
    expect((await editor.patch(`/api/categories/${macro.id}`, { parent: markets.id })).status).toBe(200)
    expect([await titleOf(macro.id), await titleOf(rates.id)]).toEqual(['市场 > 宏观', '市场 > 宏观 > 利率走势'])

    // Written by the server only; GraphQL reads it as REST does.
    expect((await editor.patch(`/api/categories/${rates.id}`, { title: '伪造' })).status).toBeLessThan(500)
    expect(await titleOf(rates.id)).toBe('市场 > 宏观 > 利率走势')
    const gql = await staff.anonymous.graphql(`{ Category(id: ${rates.id}) { title } }`)
    expect(gql.body.data?.Category.title).toBe('市场 > 宏观 > 利率走势')
  })

  it('refuses to move a channel under itself or under its own descendant, naming parent, and changes nothing', async () => {
    const root = await create('保险')
    const child = await create('寿险', root.id)
    const grandchild = await create('年金', child.id)

    const self = await editor.patch(`/api/categories/${root.id}`, { parent: root.id })
    expect(self.status).toBe(400)
    expect(invalidPaths(self.body)).toEqual(['parent'])

    for (const descendant of [child.id, grandchild.id]) {
      const res = await editor.patch(`/api/categories/${root.id}`, { parent: descendant })
      expect(res.status).toBe(400)
      expect(invalidPaths(res.body)).toEqual(['parent'])
    }

    // Also when the same request renames the channel: nothing of it is saved.
    const renamedCycle = await editor.patch(`/api/categories/${child.id}`, { name: '人寿保险', parent: grandchild.id })
    expect(renamedCycle.status).toBe(400)
    expect(invalidPaths(renamedCycle.body)).toEqual(['parent'])

    expect(await read(root.id)).toMatchObject({ parent: null })
    expect(await read(child.id)).toMatchObject({ name: '寿险', parent: root.id })
    expect(crumbsOf(await read(grandchild.id)).map((c) => c.name)).toEqual(['保险', '寿险', '年金'])
  })

  it('refuses a parent that does not exist, naming parent, on create and on update', async () => {
    const created = await editor.post('/api/categories', { name: '孤儿频道', parent: 999999 })
    expect(created.status).toBe(400)
    expect(invalidPaths(created.body)).toEqual(['parent'])
    const none = await staff.anonymous.get('/api/categories?where[name][equals]=孤儿频道')
    expect(none.body.totalDocs).toBe(0)

    const existing = await create('外汇')
    const updated = await editor.patch(`/api/categories/${existing.id}`, { parent: 999999 })
    expect(updated.status).toBe(400)
    expect(invalidPaths(updated.body)).toEqual(['parent'])
    expect(await read(existing.id)).toMatchObject({ parent: null })
  })

  it.each([['abc'], [-1], [{ id: 'x' }], [1.5]])('refuses a malformed parent %j with 400 naming parent', async (parent) => {
    const res = await editor.post('/api/categories', { name: '格式错误', parent })
    expect(res.status).toBe(400)
    expect(invalidPaths(res.body)).toEqual(['parent'])
  })

  it('allows five levels and refuses a sixth, also by moving a subtree below a deep channel', async () => {
    let parent: number | undefined
    const chain: number[] = []
    for (const name of ['层一', '层二', '层三', '层四', '层五']) {
      const doc = await create(name, parent)
      chain.push(doc.id)
      parent = doc.id
    }
    const sixth = await editor.post('/api/categories', { name: '层六', parent: chain[4] })
    expect(sixth.status).toBe(400)
    expect(invalidPaths(sixth.body)).toEqual(['parent'])

    // A two-level subtree moved under level 3 would put its child at level 5: allowed.
    // Moved under level 4, its child would be at level 6: refused, and nothing is changed.
    const top = await create('子树')
    const leaf = await create('子树叶', top.id)
    const tooDeep = await editor.patch(`/api/categories/${top.id}`, { parent: chain[3] })
    expect(tooDeep.status).toBe(400)
    expect(invalidPaths(tooDeep.body)).toEqual(['parent'])
    expect(await read(top.id)).toMatchObject({ parent: null })
    expect(crumbsOf(await read(leaf.id)).map((c) => c.name)).toEqual(['子树', '子树叶'])

    const fits = await editor.patch(`/api/categories/${top.id}`, { parent: chain[2] })
    expect(fits.status).toBe(200)
    expect(crumbsOf(await read(leaf.id)).map((c) => c.name)).toEqual(['层一', '层二', '层三', '子树', '子树叶'])
  })

  it('does not let a client write breadcrumbs: they are recomputed', async () => {
    const root = await create('期货')
    const forged = [{ name: '伪造', slug: 'forged' }]

    const created = await editor.post('/api/categories', { name: '原油', parent: root.id, breadcrumbs: forged })
    expect(created.status).toBeLessThan(500)
    const expected = [
      { name: '期货', slug: 'qi-huo' },
      { name: '原油', slug: 'yuan-you' },
    ]
    if (created.status === 201) expect(crumbsOf(created.body.doc)).toEqual(expected)
    const [stored] = (await staff.anonymous.get('/api/categories?where[slug][equals]=yuan-you&depth=0')).body.docs
    expect(crumbsOf(stored)).toEqual(expected)

    const updated = await editor.patch(`/api/categories/${stored.id}`, { breadcrumbs: forged })
    expect(updated.status).toBeLessThan(500)
    expect(crumbsOf(await read(stored.id))).toEqual(expected)

    const withRoot = await editor.patch(`/api/categories/${root.id}`, { breadcrumbs: [] })
    expect(withRoot.status).toBeLessThan(500)
    expect(crumbsOf(await read(root.id))).toEqual([{ name: '期货', slug: 'qi-huo' }])
  })

  // A reader must never see a deleted channel in a path: a channel with sub-channels cannot be
  // deleted (ON DELETE SET NULL would leave their stored breadcrumbs naming it).
  it('leaves no breadcrumb naming a deleted channel: the delete is refused and the path stays whole', async () => {
    const root = await create('网贷之家')
    const child = await create('平台', root.id)
    const grandchild = await create('评级', child.id)

    expect((await staff['editor-in-chief'].delete(`/api/categories/${root.id}`)).status).toBe(409)
    expect(crumbsOf(await read(grandchild.id)).map((c) => c.name)).toEqual(['网贷之家', '平台', '评级'])
    expect((await read(child.id)).parent).toBe(root.id)
  })

  it('refuses to delete a channel that still has sub-channels or articles, and deletes an empty one', async () => {
    const parent = await create('待清空频道')
    const child = await create('子频道', parent.id)
    const article = await editor.post('/api/articles', { title: '频道里的文章', category: child.id })
    expect(article.status).toBe(201)

    const withChild = await staff['editor-in-chief'].delete(`/api/categories/${parent.id}`)
    expect(withChild.status).toBe(409)
    expect(withChild.body.errors[0]).toMatchObject({ message: '频道仍有 1 个下级频道和 0 篇文章，请先移走', data: { code: 'CHANNEL_IN_USE' } })
    const withArticle = await staff['editor-in-chief'].delete(`/api/categories/${child.id}`)
    expect(withArticle.status).toBe(409)
    const stillFiled = await editor.get(`/api/articles/${article.body.doc.id}?draft=true&depth=0`)
    expect(stillFiled.body.category).toBe(child.id)

    await staff['editor-in-chief'].delete(`/api/articles/${article.body.doc.id}`)
    expect((await staff['editor-in-chief'].delete(`/api/categories/${child.id}`)).status).toBe(200)
    expect((await staff['editor-in-chief'].delete(`/api/categories/${parent.id}`)).status).toBe(200)
  })

  it('lists the published articles of a channel and all its sub-channels by the channel\'s slug', async () => {
    const top = await create('列表频道')
    const sub = await create('列表子频道', top.id)
    const other = await create('无关频道')
    const publish = async (title: string, category: number) =>
      (await staff['editor-in-chief'].post('/api/articles', { title, category, _status: 'published' })).body.doc.id as number
    const inTop = await publish('顶层频道的文章', top.id)
    const inSub = await publish('子频道的文章', sub.id)
    await publish('无关频道的文章', other.id)
    const res = await staff.anonymous.get(`/api/articles?where[category.breadcrumbs.slug][equals]=${top.slug}&sort=-publishedAt&select[title]=true`)
    expect(res.status).toBe(200)
    expect(res.body.docs.map((doc: { id: number }) => doc.id).sort()).toEqual([inTop, inSub].sort())
  })
})
