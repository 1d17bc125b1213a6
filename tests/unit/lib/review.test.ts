import { buildScreener } from '../../../src/lib/screening'
import { describeHits, findArticleHits, uploadIdsInLexical, wordsNeedingOverride } from '../../../src/lib/review/articleHits'
import { translate } from '../../../src/lib/i18n/translate'
import { longestWaitingFirst } from '../../../src/lib/review/queues'
import { checkTransition } from '../../../src/lib/review/states'

describe('checkTransition', () => {
  const reporter = ['reporter']
  const editor = ['editor']

  it.each([
    ['a writer submits a draft', 'submit', 'draft', reporter, { ok: true, to: 'in-review' }],
    ['a writer resubmits after changes', 'submit', 'changes-requested', reporter, { ok: true, to: 'in-review' }],
    ['an editor approves what is in review', 'approve', 'in-review', editor, { ok: true, to: 'approved' }],
    ['a writer withdraws an approval', 'withdraw', 'approved', reporter, { ok: true, to: 'draft' }],
    ['an editor sends back an approved article', 'request-changes', 'approved', editor, { ok: true, to: 'changes-requested' }],
  ] as const)('%s', (_name, action, state, roles, expected) => {
    expect(checkTransition({ action, state, roles, note: action === 'request-changes' ? '请修改' : undefined })).toEqual(expected)
  })

  it('refuses by role (403), by state (409) and by input (400, naming the field)', () => {
    expect(checkTransition({ action: 'approve', state: 'in-review', roles: reporter })).toMatchObject({ ok: false, status: 403 })
    expect(checkTransition({ action: 'approve', state: 'draft', roles: editor })).toMatchObject({ ok: false, status: 409 })
    expect(checkTransition({ action: 'submit', state: 'in-review', roles: reporter })).toMatchObject({ ok: false, status: 409 })
    expect(checkTransition({ action: 'publish', state: 'approved', roles: editor })).toMatchObject({ ok: false, status: 400, path: 'action' })
    expect(checkTransition({ action: 'request-changes', state: 'in-review', roles: editor, note: '  ' })).toMatchObject({ ok: false, status: 400, path: 'note' })
    expect(checkTransition({ action: 'submit', state: 'draft', roles: reporter, note: 42 })).toMatchObject({ ok: false, status: 400, path: 'note' })
    expect(checkTransition({ action: 'submit', state: 'draft', roles: ['moderator'] })).toMatchObject({ ok: false, status: 403 })
  })

  it('says in each language what the state is and which states the action needs, by their labels', () => {
    const refusal = checkTransition({ action: 'approve', state: 'approved', roles: editor })
    if (refusal.ok) throw new Error('expected a refusal')
    expect(refusal.message.code).toBe('REVIEW_WRONG_STATE')
    expect(translate(refusal.message, 'zh')).toBe('文章当前为「已通过」，不能「审核通过」：只有「待审核」的文章可以这样操作')
    expect(translate(refusal.message, 'en')).toBe('The article is "Approved", so it cannot "Approve": only an article that is "In review" can')
    const byRole = checkTransition({ action: 'approve', state: 'in-review', roles: reporter })
    if (byRole.ok) throw new Error('expected a refusal')
    expect(translate(byRole.message, 'zh')).toBe('您的角色不能「审核通过」：这一步由「管理员」、「总编」或「编辑」操作')
  })
})

describe('findArticleHits', () => {
  const screener = buildScreener([
    { phrase: '内幕消息', action: 'reject' },
    { phrase: '稳赚不赔', action: 'review' },
    { phrase: '傻瓜', action: 'mask' },
  ])

  it('finds reject and review words per field with their surroundings, ignoring mask words', () => {
    const result = findArticleHits(
      [
        { field: 'title', text: '某基金宣称稳赚不赔' },
        { field: 'body', text: '据称有内幕消息流出，傻瓜才信。' },
        { field: 'source', text: '' },
      ],
      screener,
    )
    expect(result.reject).toEqual([expect.objectContaining({ field: 'body', word: '内幕消息', context: expect.stringContaining('据称有内幕消息流出') })])
    expect(result.review).toEqual([expect.objectContaining({ field: 'title', word: '稳赚不赔' })])
    expect(describeHits(result.reject, 'zh')).toBe('「内幕消息」（正文）：…据称有内幕消息流出，傻瓜才信。…')
    expect(describeHits([...result.reject, ...result.review], 'en')).toBe('"内幕消息" (Body): …据称有内幕消息流出，傻瓜才信。…; "稳赚不赔" (Title): …某基金宣称稳赚不赔…')
  })

  it('names the review words no override covers yet', () => {
    const { review } = findArticleHits([{ field: 'title', text: '稳赚不赔？稳赚不赔！' }], screener)
    expect(wordsNeedingOverride(review, undefined)).toEqual(['稳赚不赔'])
    expect(wordsNeedingOverride(review, ['稳赚不赔'])).toEqual([])
    expect(wordsNeedingOverride(review, 'not a list')).toEqual(['稳赚不赔'])
  })
})

describe('uploadIdsInLexical', () => {
  it('finds the images of a body, populated or not, at any depth', () => {
    const body = { root: { children: [{ type: 'upload', value: 3 }, { type: 'list', children: [{ type: 'upload', value: { id: 7 } }] }, { type: 'upload', value: 3 }] } }
    expect(uploadIdsInLexical(body)).toEqual([3, 7])
    expect(uploadIdsInLexical(null)).toEqual([])
  })
})

describe('longestWaitingFirst', () => {
  const step = (action: string, at: string, note: string | null = null) => ({ action, at, note })

  it('orders a queue by when each article last entered it, not by when it was made or last changed', () => {
    const resubmitted = { id: 1, updatedAt: '2026-12-01T09:00:00Z', reviewHistory: [step('submit', '2026-12-01T08:00:00Z'), step('request-changes', '2026-12-01T08:30:00Z'), step('submit', '2026-12-01T10:00:00Z')] }
    const waiting = { id: 2, updatedAt: '2026-12-01T11:00:00Z', reviewHistory: [step('submit', '2026-12-01T09:30:00Z')] }
    expect(longestWaitingFirst([resubmitted, waiting], 'submit').map(({ article, since }) => [article.id, since])).toEqual([
      [2, '2026-12-01T09:30:00Z'],
      [1, '2026-12-01T10:00:00Z'],
    ])
  })

  it("gives the step's note, and counts an article that entered with no such step from its last change", () => {
    const sentBack = { updatedAt: '2026-12-02T09:00:00Z', reviewHistory: [step('submit', '2026-12-02T08:00:00Z'), step('request-changes', '2026-12-02T08:10:00Z', '请补充数据来源')] }
    const imported = { updatedAt: '2026-12-02T07:00:00Z', reviewHistory: null }
    expect(longestWaitingFirst([sentBack, imported], 'request-changes')).toEqual([
      { article: imported, since: '2026-12-02T07:00:00Z', note: null },
      { article: sentBack, since: '2026-12-02T08:10:00Z', note: '请补充数据来源' },
    ])
  })
})
