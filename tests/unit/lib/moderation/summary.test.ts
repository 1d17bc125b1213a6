import { DEFAULT_MODERATION_SETTINGS, describeScreening, moderateComment, type ModerationInput, summariseScreening } from '../../../../src/lib/moderation'
import { buildScreener } from '../../../../src/lib/screening'

const screener = buildScreener([
  { phrase: '赌博', action: 'reject' },
  { phrase: '内幕消息', action: 'review' },
  { phrase: '荐股', action: 'review' },
  { phrase: '傻瓜', action: 'mask' },
])

/** The `screening` notes the real pipeline stores for this comment by a reader with `approved` comments. */
function screeningOf(body: string, { approved = 5, mode = DEFAULT_MODERATION_SETTINGS.mode }: { approved?: number; mode?: ModerationInput['settings']['mode'] } = {}) {
  const decision = moderateComment({
    body,
    now: new Date('2026-12-06T19:18:00Z'),
    article: { published: true, allowComments: true },
    reader: { status: 'active', suspendedUntil: null, approvedComments: approved },
    readerLastCommentAt: null,
    readerRecentBodies: [],
    ipCommentsInWindow: 0,
    screener,
    settings: { ...DEFAULT_MODERATION_SETTINGS, mode },
  })
  if (decision.kind !== 'decided') throw new Error(`expected a decision, got ${JSON.stringify(decision)}`)
  // Stored as JSON: the summary reads what comes back from the database.
  return JSON.parse(JSON.stringify(decision.notes)) as unknown
}

describe('describeScreening', () => {
  it('names the words to review and every other rule that held the comment', () => {
    const screening = screeningOf('听说有内幕消息，群里还在荐股', { approved: 0 })
    expect(describeScreening(screening, 'zh')).toBe('待审核：待审词「内幕消息」、「荐股」；新读者')
    expect(describeScreening(screening, 'en')).toBe('Pending: words to review "内幕消息", "荐股"; new commenter')
  })

  it('names the banned word that rejected the comment, as the list matched it', () => {
    const screening = screeningOf('这个网站涉及赌 博内容')
    expect(describeScreening(screening, 'zh')).toBe('已拒绝：禁用词「赌博」')
    expect(describeScreening(screening, 'en')).toBe('Rejected: banned words "赌博"')
  })

  it('says what the mode decided for a comment nothing held, and names what was masked', () => {
    expect(describeScreening(screeningOf('央行降准，利好A股'), 'zh')).toBe('先审后发，可信读者（已通过 5 条）：通过')
    expect(describeScreening(screeningOf('央行降准，利好A股', { mode: 'post', approved: 0 }), 'en')).toBe('Post-moderation: approved')
    expect(describeScreening(screeningOf('你这个傻瓜', { mode: 'all' }), 'zh')).toBe('全部先审：待审核；已屏蔽「傻瓜」')
  })

  it('reads a note it has no name for (the demo seed) in the language asked, as one stored before messages too, and anything else as nothing', () => {
    const seeded = [{ rule: 'seed', message: { code: 'SCREENING_DEMO_CONTENT' } }]
    expect(describeScreening(seeded, 'zh')).toBe('演示数据')
    expect(describeScreening(seeded, 'en')).toBe('demo content')
    const storedBefore = [{ rule: 'seed', detail: '演示数据 / demo content' }]
    expect(describeScreening(storedBefore, 'en')).toBe('demo content')
    expect(describeScreening([{ rule: 'seed', message: { code: 'NO_SUCH_CODE' } }], 'zh')).toBe('')
    for (const notNotes of [null, undefined, {}, 'text', [null, { rule: 1 }]]) expect(describeScreening(notNotes, 'zh')).toBe('')
  })
})

describe('summariseScreening', () => {
  it('gives the status the screening decided and the rules, in the order they ran', () => {
    expect(summariseScreening(screeningOf('内幕消息', { approved: 0 }))).toEqual({
      status: 'pending',
      reasons: [
        { rule: 'suspectWords', label: { zh: '待审词', en: 'words to review' }, words: ['内幕消息'] },
        { rule: 'newCommenter', label: { zh: '新读者', en: 'new commenter' }, words: [] },
      ],
    })
  })
})
