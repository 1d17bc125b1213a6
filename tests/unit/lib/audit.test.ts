import {
  attemptedEmail,
  auditRetentionDaysFrom,
  classifyArticleChange,
  DEFAULT_AUDIT_RETENTION_DAYS,
  describeActor,
  describeRoleChange,
  diffFields,
  purgeCutoff,
  roleChange,
  summarise,
} from '../../../src/lib/audit'

const richText = (text: string) => ({
  root: { type: 'root', version: 1, children: [{ type: 'paragraph', version: 1, children: [{ type: 'text', text, version: 1 }] }] },
})

describe('diffFields', () => {
  it('lists the top-level fields that changed, with their values before and after', () => {
    const before = { id: 12, title: '央行降准', summary: '旧摘要', source: '本网', updatedAt: '2026-01-01T00:00:00.000Z' }
    const after = { id: 12, title: '央行宣布降准', summary: '新摘要', source: '本网', updatedAt: '2026-01-02T00:00:00.000Z' }
    expect(diffFields(before, after)).toEqual([
      { field: 'title', from: '央行降准', to: '央行宣布降准' },
      { field: 'summary', from: '旧摘要', to: '新摘要' },
    ])
  })

  it('never shows a secret: credentials and tokens are dropped, a secret someone set is only "changed"', () => {
    const before = { name: '李编辑', hash: 'h1', salt: 's1', resetPasswordToken: 't1', apiKeyIndex: 'i1', lookupTokenHash: 'l1', _verificationToken: 'v1', sessions: [{ id: 'a' }], loginAttempts: 1, lockUntil: null, secret: 'whsec-old', apiKey: 'key-old' }
    const after = { name: '李编辑', hash: 'h2', salt: 's2', resetPasswordToken: 't2', apiKeyIndex: 'i2', lookupTokenHash: 'l2', _verificationToken: 'v2', sessions: [], loginAttempts: 0, lockUntil: '2026-01-01', secret: 'whsec-new', apiKey: 'key-new', password: 'hunter2' }
    const changes = diffFields(before, after)
    expect(changes).toEqual([
      { field: 'secret', changed: true },
      { field: 'apiKey', changed: true },
      { field: 'password', changed: true },
    ])
    for (const value of ['whsec', 'key-', 'hunter2', 'h2', 's2', 't2']) expect(JSON.stringify(changes)).not.toContain(value)
  })

  it('records only that a concealed field changed', () => {
    expect(diffFields({ email: 'old@x.cn', name: '甲' }, { email: 'new@x.cn', name: '甲' }, { conceal: ['email'] })).toEqual([{ field: 'email', changed: true }])
    expect(diffFields(null, { email: 'new@x.cn' }, { conceal: ['email'] })).toEqual([{ field: 'email', changed: true }])
  })

  it('does not take a secret hidden from one side for a change', () => {
    expect(diffFields({ email: 'a@b.c', hash: 'h', salt: 's' }, { email: 'a@b.c' })).toEqual([])
  })

  it('drops secrets inside group and JSON values too', () => {
    const changes = diffFields({ settings: { url: 'https://a', secret: 'x1' } }, { settings: { url: 'https://b', secret: 'x2' } })
    expect(changes).toEqual([{ field: 'settings.url', from: 'https://a', to: 'https://b' }])
  })

  it('compares relationships by id, populated or not', () => {
    const before = { category: 3, tags: [1, 2], coverImage: 7, responsibleEditor: 5 }
    const after = {
      category: { id: 3, name: '宏观' },
      tags: [{ id: 1, name: '降准' }, { id: 4, name: '货币政策' }],
      coverImage: { id: 7, url: '/media/a.png', sizes: { card: { url: '/media/a-card.png' } } },
      responsibleEditor: { id: 5, name: '李编辑', avatar: null },
    }
    expect(diffFields(before, after)).toEqual([{ field: 'tags', from: [1, 2], to: [1, 4] }])
  })

  it('shows a polymorphic relationship as collection:id', () => {
    expect(diffFields({ user: { relationTo: 'users', value: 2 } }, { user: { relationTo: 'readers', value: { id: 9, displayName: '读者' } } })).toEqual([
      { field: 'user', from: 'users:2', to: 'readers:9' },
    ])
  })

  it('says only that rich text changed, and nothing when it did not', () => {
    expect(diffFields({ body: richText('旧正文') }, { body: richText('新正文') })).toEqual([{ field: 'body', changed: true }])
    expect(diffFields({ body: null }, { body: richText('正文') })).toEqual([{ field: 'body', changed: true }])
    expect(diffFields({ body: richText('正文') }, { body: richText('正文') })).toEqual([])
  })

  it('goes one level into groups, as dotted paths', () => {
    const before = { screeningOverride: { words: null, reason: null, by: null }, importedFrom: { system: 'cms1', originalId: '88' } }
    const after = { screeningOverride: { words: ['博彩'], reason: '报道监管新闻', by: { id: 2, name: '王总编' } }, importedFrom: { system: 'cms1', originalId: '88' } }
    expect(diffFields(before, after)).toEqual([
      { field: 'screeningOverride.words', from: null, to: ['博彩'] },
      { field: 'screeningOverride.reason', from: null, to: '报道监管新闻' },
      { field: 'screeningOverride.by', from: null, to: 2 },
    ])
  })

  it('compares array rows by content and shows them as shortened JSON', () => {
    const row = { id: '66f0c0ffee0000000000aaaa', kind: 'correction', text: '更正：数据应为 3.5%' }
    const changes = diffFields({ corrections: [row] }, { corrections: [{ ...row, text: '更正：数据应为 3.6%' }] })
    expect(changes).toEqual([{ field: 'corrections', from: expect.stringContaining('3.5%'), to: expect.stringContaining('3.6%') }])
    expect(JSON.stringify(changes)).not.toContain(row.id)
  })

  it('shows only the rows added to or removed from an array, such as a history entry', () => {
    const history = [{ id: 'r1', action: 'submit', by: 3, at: '2026-11-01T00:00:00.000Z' }]
    const appended = [...history, { id: 'r2', action: 'approve', by: { id: 2, name: '王总编' }, at: '2026-11-02T00:00:00.000Z' }]
    expect(diffFields({ reviewHistory: history }, { reviewHistory: appended })).toEqual([
      { field: 'reviewHistory', from: null, to: '[{"action":"approve","by":2,"at":"2026-11-02T00:00:00.000Z"}]' },
    ])
    expect(diffFields({ reviewHistory: appended }, { reviewHistory: [appended[1], appended[0]] })).toEqual([
      { field: 'reviewHistory', from: expect.stringMatching(/^\[\{"action":"submit"/), to: expect.stringMatching(/^\[\{"action":"approve"/) },
    ])
  })

  it('cuts long values to 200 characters', () => {
    const change = diffFields({ summary: '短' }, { summary: '长'.repeat(500) })[0] as { to: string }
    expect(Array.from(change.to)).toHaveLength(201)
    expect(change.to.endsWith('…')).toBe(true)
    const list = diffFields({ tags: [] }, { tags: Array.from({ length: 100 }, (_, i) => i + 1) })[0] as { to: string }
    expect(typeof list.to).toBe('string')
    expect(Array.from(list.to).length).toBeLessThanOrEqual(201)
  })

  it('treats null, missing, empty text and empty lists alike', () => {
    expect(diffFields({ summary: null, tags: [], source: '' }, { summary: '', tags: null })).toEqual([])
  })

  it('lists what a new document holds, and what a deleted one held', () => {
    expect(diffFields(null, { id: 1, name: '宏观', slug: 'hong-guan', parent: null, createdAt: 'x' })).toEqual([
      { field: 'name', from: null, to: '宏观' },
      { field: 'slug', from: null, to: 'hong-guan' },
    ])
    expect(diffFields({ id: 1, name: '宏观' }, null)).toEqual([{ field: 'name', from: '宏观', to: null }])
  })

  it('skips the fields it is told to ignore', () => {
    expect(diffFields({ a: 1, correctionsJsonLd: [] }, { a: 2, correctionsJsonLd: [{ x: 1 }] }, { ignore: ['correctionsJsonLd'] })).toEqual([{ field: 'a', from: 1, to: 2 }])
  })

  it('does not read a different key order as a change', () => {
    expect(diffFields({ meta: { a: 1, b: 2 } }, { meta: { b: 2, a: 1 } })).toEqual([])
  })
})

describe('classifyArticleChange', () => {
  it.each([
    [null, 'published', 'publish'],
    ['draft', 'published', 'publish'],
    ['published', 'draft', 'unpublish'],
    ['published', 'published', 'update'],
    ['draft', 'draft', 'update'],
    [null, 'draft', 'update'],
  ])('live %s → %s is %s', (before, after, expected) => {
    expect(classifyArticleChange(before === null ? null : { _status: before }, { _status: after })).toBe(expected)
  })
})

describe('roleChange', () => {
  it('tells which roles were added and which removed', () => {
    const change = roleChange(['editor', 'moderator'], ['editor-in-chief', 'moderator'])
    expect(change).toEqual({ added: ['editor-in-chief'], removed: ['editor'] })
    expect(describeRoleChange(change)).toBe('+editor-in-chief, −editor')
    expect(roleChange(['reporter'], ['reporter'])).toEqual({ added: [], removed: [] })
    expect(roleChange(undefined, ['admin'])).toEqual({ added: ['admin'], removed: [] })
  })
})

describe('summarise', () => {
  it('says what was done to what, and which fields changed', () => {
    const changes = [
      { field: 'title', from: 'a', to: 'b' },
      { field: 'summary', from: 'c', to: 'd' },
    ]
    expect(summarise({ action: 'update', target: { collection: 'articles', id: 12, title: '标题' }, changes })).toBe('更新 articles #12「标题」: title, summary')
    expect(summarise({ action: 'update', target: { collection: 'articles', id: 12, title: '标题' }, changes, draft: true })).toBe('更新草稿 articles #12「标题」: title, summary')
    expect(summarise({ action: 'publish', target: { collection: 'articles', id: 3, title: '降准' } })).toBe('发布 articles #3「降准」')
  })

  it('ends with the detail when there is one', () => {
    expect(summarise({ action: 'role-change', target: { collection: 'users', id: 5, title: '李编辑' }, detail: '+editor-in-chief' })).toBe('角色变更 users #5「李编辑」: +editor-in-chief')
    expect(summarise({ action: 'login-failed', target: { collection: 'readers' }, detail: 'x@y.cn (wrong password)' })).toBe('登录失败 readers: x@y.cn (wrong password)')
  })

  it('shortens a long title to one line', () => {
    const summary = summarise({ action: 'delete', target: { collection: 'comments', id: 9, title: `第一行\n${'评'.repeat(100)}` } })
    expect(summary).toMatch(/^删除 comments #9「第一行 评+…」$/)
    expect(summary).not.toContain('\n')
  })
})

describe('describeActor', () => {
  it('names staff by name, readers by display name, never their email when they have one', () => {
    expect(describeActor({ collection: 'users', id: 3, name: '李编辑', email: 'li@newsroom.cn' }, true)).toEqual({ collection: 'users', id: '3', name: '李编辑' })
    expect(describeActor({ collection: 'readers', id: 8, displayName: '老股民', email: 'r@x.cn' }, true)).toEqual({ collection: 'readers', id: '8', name: '老股民' })
  })

  it('tells the public from the server itself', () => {
    expect(describeActor(null, true)).toEqual({ collection: null, id: null, name: 'anonymous' })
    expect(describeActor(null, false)).toEqual({ collection: null, id: null, name: 'system' })
  })
})

it('keeps the email tried at a login as Payload compares it, shortened', () => {
  expect(attemptedEmail('  Editor@Newsroom.CN ')).toBe('editor@newsroom.cn')
  expect(Array.from(attemptedEmail(`${'a'.repeat(300)}@x.cn`))).toHaveLength(101)
  expect(attemptedEmail(undefined)).toBe('(no email)')
  expect(attemptedEmail({ $ne: '' })).toBe('(no email)')
})

describe('retention', () => {
  it('reads AUDIT_LOG_RETENTION_DAYS, 365 by default, 0 for ever', () => {
    expect(auditRetentionDaysFrom({})).toBe(DEFAULT_AUDIT_RETENTION_DAYS)
    expect(auditRetentionDaysFrom({ AUDIT_LOG_RETENTION_DAYS: ' 90 ' })).toBe(90)
    expect(auditRetentionDaysFrom({ AUDIT_LOG_RETENTION_DAYS: '0' })).toBe(0)
  })

  it.each(['forever', '-1', '1.5', '1e3'])('refuses %p, naming the variable, rather than purge by a default', (raw) => {
    expect(() => auditRetentionDaysFrom({ AUDIT_LOG_RETENTION_DAYS: raw })).toThrow(/AUDIT_LOG_RETENTION_DAYS/)
  })

  it('purges what is older than the period, nothing when kept for ever', () => {
    const now = new Date('2026-11-29T12:00:00.000Z')
    expect(purgeCutoff(365, now)?.toISOString()).toBe('2025-11-29T12:00:00.000Z')
    expect(purgeCutoff(0, now)).toBeNull()
  })
})
