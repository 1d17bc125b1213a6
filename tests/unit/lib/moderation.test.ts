import {
  DEFAULT_MODERATION_SETTINGS,
  modePhase,
  moderateComment,
  MODERATION_PHASES,
  type ModerationDecision,
  type ModerationInput,
  type ModerationSettings,
  type Phase,
  type ScreeningNote,
} from '../../../src/lib/moderation'
import { translate } from '../../../src/lib/i18n/translate'
import { buildScreener, type Screener, type ScreeningAction, type ScreeningHit } from '../../../src/lib/screening'

/** The notes as a moderator reads them in each language, "中文 / English", to compare both at a glance. */
const readable = (notes: readonly ScreeningNote[]) =>
  notes.map(({ message, ...note }) => ({ ...note, detail: `${translate(message, 'zh')} / ${translate(message, 'en')}` }))

/** Finds each listed phrase by plain search (case-insensitive); the real engine has its own tests. */
function fakeScreener(list: Record<string, ScreeningAction | { action: ScreeningAction; note: string }> = {}) {
  const entries = Object.entries(list).map(([phrase, value]) =>
    typeof value === 'string' ? { phrase, action: value, note: null } : { phrase, ...value },
  )
  const screener = {
    scans: 0,
    get size() {
      return entries.length
    },
    scan(text: string): ScreeningHit[] {
      screener.scans++
      const hits: ScreeningHit[] = []
      for (const { phrase, action, note } of entries) {
        for (let at = text.toLowerCase().indexOf(phrase); at >= 0; at = text.toLowerCase().indexOf(phrase, at + 1)) {
          hits.push({ phrase, action, note, start: at, end: at + phrase.length, matched: text.slice(at, at + phrase.length) })
        }
      }
      return hits.sort((a, b) => a.start - b.start)
    },
  } satisfies Screener & { scans: number }
  return screener
}

const NOW = new Date('2026-03-20T02:00:00.000Z')
const secondsAgo = (seconds: number) => new Date(NOW.getTime() - seconds * 1000)

type Overrides = Omit<Partial<ModerationInput>, 'settings' | 'reader' | 'article'> & {
  settings?: Partial<ModerationSettings>
  reader?: Partial<ModerationInput['reader']>
  article?: Partial<ModerationInput['article']>
}

/** A trusted reader's ordinary comment on an open article: approved unless a test changes something. */
function input(overrides: Overrides = {}): ModerationInput {
  const { settings, reader, article, ...rest } = overrides
  return {
    body: '央行宣布降准0.5个百分点，利好A股',
    now: NOW,
    article: { published: true, allowComments: true, ...article },
    reader: { status: 'active', suspendedUntil: null, approvedComments: 5, ...reader },
    readerLastCommentAt: null,
    readerRecentBodies: [],
    ipCommentsInWindow: 0,
    screener: fakeScreener(),
    settings: { ...DEFAULT_MODERATION_SETTINGS, ...settings },
    ...rest,
  }
}

const rules = (decision: ModerationDecision) => decision.notes.map((note) => note.rule)

/** The refusal with its message as a Chinese and an English reader would read it, one after the other. */
function refusalOf(decision: ModerationDecision) {
  if (decision.kind !== 'refused') throw new Error(`expected a refusal, got ${JSON.stringify(decision)}`)
  const { message } = decision.refusal
  return { ...decision.refusal, message: `${translate(message, 'zh')} / ${translate(message, 'en')}` }
}

function decidedOf(decision: ModerationDecision) {
  if (decision.kind !== 'decided') throw new Error(`expected a decision, got ${JSON.stringify(decision)}`)
  return decision
}

describe('settings and phases', () => {
  it('defaults to the issue: 2–2000 characters, 15 s, 10 per IP per 600 s, 6 minutes, 2 links, 3 new comments, pre-moderation', () => {
    expect(DEFAULT_MODERATION_SETTINGS).toEqual({
      minLength: 2,
      maxLength: 2000,
      readerIntervalSeconds: 15,
      ipLimit: 10,
      ipWindowSeconds: 600,
      repeatWindowSeconds: 360,
      maxLinks: 2,
      newCommenterHold: 3,
      mode: 'pre',
    })
    expect(Object.isFrozen(DEFAULT_MODERATION_SETTINGS)).toBe(true)
  })

  it('runs the phases in the documented order', () => {
    expect(MODERATION_PHASES.map((phase) => phase.name)).toEqual([
      'length',
      'articleClosed',
      'readerStatus',
      'rate',
      'repeatPost',
      'links',
      'bannedWords',
      'suspectWords',
      'newCommenter',
      'mode',
    ])
  })
})

describe('moderateComment: an ordinary comment', () => {
  it("approves a trusted reader's clean comment in pre-moderation and says why", () => {
    const decision = decidedOf(moderateComment(input()))
    expect({ ...decision, notes: readable(decision.notes) }).toEqual({
      kind: 'decided',
      status: 'approved',
      body: '央行宣布降准0.5个百分点，利好A股',
      maskedOriginal: null,
      notes: [{ rule: 'mode', detail: expect.stringContaining('trusted reader (5 approved)') }],
    })
  })

  it('returns the body trimmed of spaces, line breaks, ideographic spaces and zero-width characters at the ends', () => {
    const decision = decidedOf(moderateComment(input({ body: ' \n\u3000\u200b 利好 A 股\n\n真的 \u3000\t\ufeff' })))
    expect(decision.body).toBe('利好 A 股\n\n真的')
  })

  it('keeps HTML and script as the text it is: nothing is removed or rewritten', () => {
    const body = '<script>alert(1)</script><b>利好</b>'
    expect(decidedOf(moderateComment(input({ body }))).body).toBe(body)
  })
})

describe('length', () => {
  it('refuses a one-character comment with 400, naming the limits in Chinese and English', () => {
    const decision = moderateComment(input({ body: '  好  ' }))
    const refusal = refusalOf(decision)
    expect(refusal.status).toBe(400)
    expect(refusal.message).toMatch(/太短.*2.*2000/)
    expect(refusal.message).toMatch(/too short.*2 to 2000 characters/)
    expect(readable(decision.notes)).toEqual([{ rule: 'length', detail: '评论太短：须为 2 至 2000 个字 / The comment is too short: it must be 2 to 2000 characters' }])
  })

  it('refuses an empty comment, and one of only spaces or zero-width characters', () => {
    for (const body of ['', '   ', '\u3000\n\t', '\u200b\u200b\u200b']) {
      expect(refusalOf(moderateComment(input({ body }))).status).toBe(400)
    }
  })

  it('refuses a comment over the limit, saying it is too long', () => {
    const refusal = refusalOf(moderateComment(input({ body: '好'.repeat(2001) })))
    expect(refusal).toMatchObject({ status: 400 })
    expect(refusal.message).toMatch(/太长/)
    expect(refusal.message).toMatch(/too long/)
  })

  it('counts after trimming: 2000 characters inside spaces are fine', () => {
    expect(decidedOf(moderateComment(input({ body: `   ${'好'.repeat(2000)}\n\n ` }))).body).toBe('好'.repeat(2000))
  })

  it('counts code points, so an emoji is one character', () => {
    expect(refusalOf(moderateComment(input({ body: '😀' }))).status).toBe(400)
    expect(decidedOf(moderateComment(input({ body: '😀😀' }))).status).toBe('approved')
    expect(decidedOf(moderateComment(input({ body: '😀'.repeat(2000) }))).status).toBe('approved')
    expect(refusalOf(moderateComment(input({ body: '😀'.repeat(2001) }))).status).toBe(400)
  })

  it('follows the configured limits', () => {
    const settings = { minLength: 1, maxLength: 5 }
    expect(decidedOf(moderateComment(input({ body: '好', settings }))).status).toBe('approved')
    expect(decidedOf(moderateComment(input({ body: '好好好好好', settings }))).status).toBe('approved')
    const refusal = refusalOf(moderateComment(input({ body: '好好好好好好', settings })))
    expect(refusal.message).toMatch(/1 至 5/)
    expect(refusal.message).toMatch(/1 to 5 characters/)
  })
})

describe('articleClosed', () => {
  it('refuses a comment on an unpublished article with 403', () => {
    const decision = moderateComment(input({ article: { published: false } }))
    expect(refusalOf(decision)).toEqual({ status: 403, message: expect.stringMatching(/未发布.*not published/) })
    expect(rules(decision)).toEqual(['articleClosed'])
  })

  it('refuses a comment on an article with comments turned off with 403', () => {
    const decision = moderateComment(input({ article: { allowComments: false } }))
    expect(refusalOf(decision)).toEqual({ status: 403, message: expect.stringMatching(/关闭评论.*Comments are closed/) })
    expect(rules(decision)).toEqual(['articleClosed'])
  })
})

describe('readerStatus', () => {
  it('refuses a banned reader with 403', () => {
    const decision = moderateComment(input({ reader: { status: 'banned' } }))
    expect(refusalOf(decision)).toEqual({ status: 403, message: expect.stringMatching(/禁止评论.*banned/) })
    expect(readable(decision.notes)).toEqual([{ rule: 'readerStatus', detail: '您的账号已被禁止评论 / Your account is banned from commenting' }])
  })

  it('refuses a suspended reader with 403 naming the end of the suspension in Beijing time', () => {
    for (const suspendedUntil of ['2026-03-27T02:00:00.000Z', new Date('2026-03-27T02:00:00.000Z')]) {
      const decision = moderateComment(input({ reader: { status: 'suspended', suspendedUntil } }))
      const refusal = refusalOf(decision)
      expect(refusal.status).toBe(403)
      expect(refusal.message).toContain('暂停评论，至北京时间 2026-03-27 10:00')
      expect(refusal.message).toContain('suspended from commenting until 2026-03-27 10:00 (Beijing time, UTC+8)')
      expect(readable(decision.notes)).toEqual([{ rule: 'readerStatus', detail: expect.stringContaining('至北京时间 2026-03-27 10:00') }])
    }
  })

  it('names the date on the portal clock even when it is already the next day there', () => {
    const refusal = refusalOf(moderateComment(input({ reader: { status: 'suspended', suspendedUntil: '2026-03-31T16:30:00Z' } })))
    expect(refusal.message).toContain('2026-04-01 00:30')
  })

  it('lets a reader whose suspension has run out comment as an active reader', () => {
    for (const suspendedUntil of [secondsAgo(1), secondsAgo(0), '2026-01-01T00:00:00Z']) {
      expect(decidedOf(moderateComment(input({ reader: { status: 'suspended', suspendedUntil } }))).status).toBe('approved')
    }
  })

  it('refuses a suspension without a readable end date: it holds until someone lifts it', () => {
    for (const suspendedUntil of [null, undefined, '', 'not a date']) {
      const refusal = refusalOf(moderateComment(input({ reader: { status: 'suspended', suspendedUntil } })))
      expect(refusal).toEqual({ status: 403, message: expect.stringMatching(/暂停评论.*suspended/) })
    }
  })

  it('goes by the status: an active reader with a stale end date comments', () => {
    const reader = { status: 'active' as const, suspendedUntil: '2026-12-31T00:00:00Z' }
    expect(decidedOf(moderateComment(input({ reader }))).status).toBe('approved')
  })
})

describe('rate', () => {
  it('refuses a second comment within 15 s with 429 and the seconds left to wait', () => {
    const decision = moderateComment(input({ readerLastCommentAt: secondsAgo(5) }))
    const refusal = refusalOf(decision)
    expect(refusal).toMatchObject({ status: 429, retryAfterSeconds: 10 })
    expect(refusal.message).toMatch(/10 秒后再试.*try again in 10 seconds/)
    expect(decision.kind === 'refused' && decision.refusal.message.code).toBe('COMMENT_TOO_OFTEN')
    expect(rules(decision)).toEqual(['rate'])
  })

  it('rounds the wait up, and never answers less than 1 s', () => {
    expect(refusalOf(moderateComment(input({ readerLastCommentAt: secondsAgo(14.2) }))).retryAfterSeconds).toBe(1)
    expect(refusalOf(moderateComment(input({ readerLastCommentAt: secondsAgo(14.999) }))).retryAfterSeconds).toBe(1)
    expect(refusalOf(moderateComment(input({ readerLastCommentAt: secondsAgo(0.5) }))).retryAfterSeconds).toBe(15)
  })

  it('lets a comment through at exactly the interval and after', () => {
    expect(moderateComment(input({ readerLastCommentAt: secondsAgo(15) })).kind).toBe('decided')
    expect(moderateComment(input({ readerLastCommentAt: secondsAgo(3600) })).kind).toBe('decided')
  })

  it('takes the last comment time as an ISO string too', () => {
    expect(refusalOf(moderateComment(input({ readerLastCommentAt: secondsAgo(5).toISOString() }))).retryAfterSeconds).toBe(10)
  })

  it('makes a reader whose last comment is dated in the future (clock skew) wait one interval, no more', () => {
    expect(refusalOf(moderateComment(input({ readerLastCommentAt: secondsAgo(-120) }))).retryAfterSeconds).toBe(15)
  })

  it('follows the configured interval, and 0 turns it off', () => {
    expect(refusalOf(moderateComment(input({ readerLastCommentAt: secondsAgo(20), settings: { readerIntervalSeconds: 60 } }))).retryAfterSeconds).toBe(40)
    expect(moderateComment(input({ readerLastCommentAt: secondsAgo(0), settings: { readerIntervalSeconds: 0 } })).kind).toBe('decided')
  })

  it('refuses the comment that would go over the per-IP cap with 429, asking to wait the whole window', () => {
    const decision = moderateComment(input({ ipCommentsInWindow: 10 }))
    const refusal = refusalOf(decision)
    expect(refusal).toMatchObject({ status: 429, retryAfterSeconds: 600 })
    expect(refusal.message).toMatch(/该网络评论过多.*Too many comments from your network/)
    expect(readable(decision.notes)).toEqual([{ rule: 'rate', detail: '该网络评论过多，请 600 秒后再试 / Too many comments from your network: try again in 600 seconds' }])
    expect(moderateComment(input({ ipCommentsInWindow: 9 })).kind).toBe('decided')
  })

  it('follows the configured IP cap and window, and an IP limit of 0 turns it off', () => {
    expect(refusalOf(moderateComment(input({ ipCommentsInWindow: 3, settings: { ipLimit: 3, ipWindowSeconds: 60 } }))).retryAfterSeconds).toBe(60)
    expect(moderateComment(input({ ipCommentsInWindow: 500, settings: { ipLimit: 0 } })).kind).toBe('decided')
  })

  it("answers with the reader's own, shorter wait when both limits are hit", () => {
    expect(refusalOf(moderateComment(input({ readerLastCommentAt: secondsAgo(10), ipCommentsInWindow: 50 }))).retryAfterSeconds).toBe(5)
  })
})

describe('repeatPost', () => {
  it("holds a trusted reader's comment that repeats one of their recent comments", () => {
    const decision = decidedOf(moderateComment(input({ readerRecentBodies: ['别的评论', '央行宣布降准0.5个百分点，利好A股'] })))
    expect(decision.status).toBe('pending')
    expect(readable(decision.notes)).toEqual([
      { rule: 'repeat', detail: expect.stringContaining("Same text as this reader's comment within 360 s") },
      { rule: 'mode', detail: expect.stringContaining('repeatPost') },
    ])
  })

  it('sees through case, full-width forms, spacing and zero-width characters', () => {
    const cases: [string, string][] = [
      ['Buy NOW 利好', 'buy now 利好'],
      ['ＡＢＣ１２３股票', 'abc123股票'],
      ['央行  降准\n\n利好', '央行 降准 利好'],
      ['央行\u3000降准', '央行 降准'],
      ['央\u200b行降准', '央行降准'],
      ['   央行降准   ', '央行降准'],
      ['降准！！', '降准!!'],
    ]
    for (const [body, recent] of cases) {
      expect(decidedOf(moderateComment(input({ body, readerRecentBodies: [recent] }))).status).toBe('pending')
    }
  })

  it('lets a different text through', () => {
    const decision = decidedOf(moderateComment(input({ body: '央行加息', readerRecentBodies: ['央行降准', '央行降准了'] })))
    expect(decision.status).toBe('approved')
    expect(rules(decision)).not.toContain('repeat')
  })

  it('names the configured window in its note', () => {
    const decision = moderateComment(input({ readerRecentBodies: [input().body], settings: { repeatWindowSeconds: 60 } }))
    expect(translate(decision.notes[0].message, 'en')).toContain('60 s')
  })
})

describe('links', () => {
  it('holds a comment with more links than allowed, saying how many', () => {
    const decision = decidedOf(moderateComment(input({ body: '看 https://a.com 和 www.b.com 还有c.cn' })))
    expect(decision.status).toBe('pending')
    expect(readable(decision.notes)[0]).toEqual({ rule: 'links', detail: '3 个链接，上限 2 / 3 links, limit 2' })
  })

  it('lets two links through', () => {
    expect(decidedOf(moderateComment(input({ body: '来源：https://a.com/x，另见b.cn' }))).status).toBe('approved')
  })

  it('follows the configured limit: 0 holds any link', () => {
    const decision = decidedOf(moderateComment(input({ body: '详见example.com', settings: { maxLinks: 0 } })))
    expect(decision.status).toBe('pending')
    expect(rules(decision)).toEqual(['links', 'mode'])
  })
})

describe('bannedWords', () => {
  it('rejects a comment with a banned word, listing the words, and stops there', () => {
    const screener = fakeScreener({ 赌博: { action: 'reject', note: '赌博广告' }, 代开发票: 'reject' })
    const decision = decidedOf(
      moderateComment(input({ body: '这个网站涉及赌博内容，代开发票，赌博', reader: { approvedComments: 0 }, screener })),
    )
    expect(decision.status).toBe('rejected')
    expect(readable(decision.notes)).toEqual([
      { rule: 'bannedWords', detail: '含禁用词：赌博 (赌博广告), 代开发票 / Banned words: 赌博 (赌博广告), 代开发票', words: ['赌博', '代开发票'] },
    ])
  })

  it('shows the text that matched when it differs from the listed word', () => {
    const decision = moderateComment(input({ body: 'Casino 在线', screener: fakeScreener({ casino: 'reject' }) }))
    expect(readable(decision.notes)[0]).toEqual({ rule: 'bannedWords', detail: '含禁用词：casino ("Casino") / Banned words: casino ("Casino")', words: ['casino'] })
  })

  it('beats a hold: a repeated comment with a banned word is rejected, and the hold stays on record', () => {
    const body = '赌博网站 https://a.com https://b.com https://c.com'
    const decision = decidedOf(moderateComment(input({ body, readerRecentBodies: [body], screener: fakeScreener({ 赌博: 'reject' }) })))
    expect(decision.status).toBe('rejected')
    expect(rules(decision)).toEqual(['repeat', 'links', 'bannedWords'])
  })

  it('beats a suspect word and a masked word in the same comment', () => {
    const screener = fakeScreener({ 赌博: 'reject', 荐股: 'review', 傻瓜: 'mask' })
    const decision = decidedOf(moderateComment(input({ body: '傻瓜才荐股，赌博', screener })))
    expect(decision.status).toBe('rejected')
    expect(decision.body).toBe('傻瓜才荐股，赌博')
    expect(decision.maskedOriginal).toBeNull()
    expect(rules(decision)).toEqual(['bannedWords'])
  })
})

describe('suspectWords', () => {
  it("holds a trusted reader's comment with a word to review, listing the words", () => {
    const decision = decidedOf(moderateComment(input({ body: '老师荐股，稳赚', screener: fakeScreener({ 荐股: 'review', 稳赚: 'review' }) })))
    expect(decision.status).toBe('pending')
    expect(readable(decision.notes)).toEqual([
      { rule: 'suspectWords', detail: '含待审词：荐股, 稳赚 / Words to review: 荐股, 稳赚', words: ['荐股', '稳赚'] },
      { rule: 'mode', detail: expect.stringContaining('suspectWords') },
    ])
  })

  it('masks a word visibly, keeps the original for staff, and does not hold for that alone', () => {
    const decision = decidedOf(moderateComment(input({ body: '  你这个傻瓜，傻瓜！ ', screener: fakeScreener({ 傻瓜: 'mask' }) })))
    expect(decision.status).toBe('approved')
    expect(decision.body).toBe('你这个**，**！')
    expect(decision.maskedOriginal).toBe('你这个傻瓜，傻瓜！')
    expect(readable(decision.notes)[0]).toEqual({ rule: 'mask', detail: '已屏蔽：傻瓜 / Masked: 傻瓜', words: ['傻瓜'] })
  })

  it('masks and holds when the same comment also has a word to review', () => {
    const decision = decidedOf(moderateComment(input({ body: '傻瓜才不荐股', screener: fakeScreener({ 傻瓜: 'mask', 荐股: 'review' }) })))
    expect(decision.status).toBe('pending')
    expect(decision.body).toBe('**才不荐股')
    expect(decision.maskedOriginal).toBe('傻瓜才不荐股')
    expect(rules(decision)).toEqual(['suspectWords', 'mask', 'mode'])
  })

  it("masks a new commenter's comment too, while it waits", () => {
    const decision = decidedOf(moderateComment(input({ body: '你这个傻瓜', reader: { approvedComments: 0 }, screener: fakeScreener({ 傻瓜: 'mask' }) })))
    expect(decision).toMatchObject({ status: 'pending', body: '你这个**', maskedOriginal: '你这个傻瓜' })
  })

  it('scans once for both word phases, and not at all with an empty list', () => {
    const screener = fakeScreener({ 荐股: 'review' })
    moderateComment(input({ screener }))
    expect(screener.scans).toBe(1)
    const empty = fakeScreener()
    moderateComment(input({ screener: empty }))
    expect(empty.scans).toBe(0)
  })

  it('scans the trimmed body', () => {
    const decision = decidedOf(moderateComment(input({ body: '\n  傻瓜 ', screener: fakeScreener({ 傻瓜: 'mask' }) })))
    expect(decision.body).toBe('**')
  })
})

describe('newCommenter', () => {
  it("holds a reader's first three comments, saying so", () => {
    for (const approvedComments of [0, 1, 2]) {
      const decision = decidedOf(moderateComment(input({ reader: { approvedComments } })))
      expect(decision.status).toBe('pending')
      expect(readable(decision.notes)[0]).toEqual({
        rule: 'newCommenter',
        detail: `新读者：已通过 ${approvedComments} 条，前 3 条须审核 / New commenter: ${approvedComments} approved, the first 3 are held`,
      })
      expect(rules(decision)).toEqual(['newCommenter', 'mode'])
    }
  })

  it('lets a reader with three approved comments through', () => {
    expect(decidedOf(moderateComment(input({ reader: { approvedComments: 3 } }))).status).toBe('approved')
  })

  it('follows the configured number', () => {
    expect(decidedOf(moderateComment(input({ reader: { approvedComments: 3 }, settings: { newCommenterHold: 5 } }))).status).toBe('pending')
    expect(decidedOf(moderateComment(input({ reader: { approvedComments: 0 }, settings: { newCommenterHold: 0 } }))).status).toBe('approved')
  })

  it('does not hold new commenters in post-moderation', () => {
    expect(decidedOf(moderateComment(input({ reader: { approvedComments: 0 }, settings: { mode: 'post' } }))).status).toBe('approved')
  })
})

describe('mode', () => {
  it('approves a clean comment in post-moderation, saying so', () => {
    const decision = decidedOf(moderateComment(input({ settings: { mode: 'post' } })))
    expect(decision.status).toBe('approved')
    expect(readable(decision.notes)).toEqual([{ rule: 'mode', detail: '先发后审：通过 / Post-moderation: approved' }])
  })

  it('holds anything a phase held, in every mode, naming the phases', () => {
    const held = { body: 'a.com b.com c.com', reader: { approvedComments: 0 } }
    expect(readable(decidedOf(moderateComment(input({ ...held, settings: { mode: 'pre' } }))).notes).at(-1)).toEqual({
      rule: 'mode',
      detail: '待审核：links, newCommenter / Held for a moderator by: links, newCommenter',
    })
    for (const mode of ['post', 'all'] as const) {
      const decision = decidedOf(moderateComment(input({ ...held, settings: { mode } })))
      expect(decision.status).toBe('pending')
      expect(translate(decision.notes.at(-1)!.message, 'en')).toContain(mode === 'post' ? 'by: links' : 'by: links, newCommenter')
    }
  })

  it('holds every comment, a trusted reader\'s too, when the mode is all', () => {
    const decision = decidedOf(moderateComment(input({ settings: { mode: 'all' } })))
    expect(decision.status).toBe('pending')
    expect(readable(decision.notes)).toEqual([{ rule: 'mode', detail: '全部先审：待审核 / Every comment is moderated first: held' }])
  })
})

describe('ordering', () => {
  it('checks length before the article, the article before the reader, the reader before the rate', () => {
    const everythingWrong = {
      body: '好',
      article: { published: false },
      reader: { status: 'banned' as const },
      readerLastCommentAt: secondsAgo(1),
    }
    expect(refusalOf(moderateComment(input(everythingWrong))).status).toBe(400)
    expect(refusalOf(moderateComment(input({ ...everythingWrong, body: '好好' }))).message).toMatch(/未发布/)
    expect(refusalOf(moderateComment(input({ ...everythingWrong, body: '好好', article: {} }))).message).toMatch(/banned/)
    expect(refusalOf(moderateComment(input({ ...everythingWrong, body: '好好', article: {}, reader: {} }))).status).toBe(429)
  })

  it('refuses before screening: a refused comment is never scanned and carries only the refusal', () => {
    const screener = fakeScreener({ 赌博: 'reject' })
    const decision = moderateComment(input({ body: '赌博', readerLastCommentAt: secondsAgo(1), readerRecentBodies: ['赌博'], screener }))
    expect(decision.kind).toBe('refused')
    expect(rules(decision)).toEqual(['rate'])
    expect(screener.scans).toBe(0)
  })

  it('records every hold in order before the final word', () => {
    const body = '推荐 a.com b.com c.com 荐股'
    const decision = decidedOf(
      moderateComment(input({ body, readerRecentBodies: [body], reader: { approvedComments: 0 }, screener: fakeScreener({ 荐股: 'review' }) })),
    )
    expect(decision.status).toBe('pending')
    expect(rules(decision)).toEqual(['repeat', 'links', 'suspectWords', 'newCommenter', 'mode'])
    expect(translate(decision.notes.at(-1)!.message, 'en')).toContain('repeatPost, links, suspectWords, newCommenter')
  })
})

describe('moderateComment with other phase lists', () => {
  const hold: Phase = { name: 'alwaysHold', run: () => ({ kind: 'hold', notes: [{ rule: 'alwaysHold', message: { code: 'SCREENING_ALL_HELD' } }] }) }
  const approve: Phase = { name: 'approve', run: () => ({ kind: 'decide', status: 'approved', notes: [] }) }
  const spam: Phase = { name: 'spam', run: () => ({ kind: 'decide', status: 'spam', notes: [{ rule: 'spam', message: { code: 'SCREENING_LINKS', values: { links: 9, max: 2 } } }] }) }

  it('never publishes a held comment, whatever a later phase decides', () => {
    const decision = decidedOf(moderateComment(input(), [hold, approve]))
    expect(decision.status).toBe('pending')
    expect(rules(decision)).toEqual(['alwaysHold'])
  })

  it('lets a later phase reject or mark a held comment as spam', () => {
    expect(decidedOf(moderateComment(input(), [hold, spam])).status).toBe('spam')
  })

  it('holds a comment that no phase decided, rather than publish it unreviewed', () => {
    expect(decidedOf(moderateComment(input(), []))).toEqual({
      kind: 'decided',
      status: 'pending',
      body: '央行宣布降准0.5个百分点，利好A股',
      maskedOriginal: null,
      notes: [],
    })
  })

  it('stops at the first decision', () => {
    const never: Phase = {
      name: 'never',
      run: () => {
        throw new Error('ran after a decision')
      },
    }
    expect(decidedOf(moderateComment(input(), [spam, never])).status).toBe('spam')
  })

  it('passes each phase the state so far: the trimmed body, the holds and notes before it', () => {
    const seen: unknown[] = []
    const spy: Phase = {
      name: 'spy',
      run: (_input, state) => {
        seen.push(state)
        return { kind: 'pass' }
      },
    }
    moderateComment(input({ body: '  a.com b.com c.com  ' }), [MODERATION_PHASES[5], spy, modePhase])
    expect(seen).toEqual([
      { body: 'a.com b.com c.com', maskedOriginal: null, heldBy: ['links'], notes: [expect.objectContaining({ rule: 'links' })], hits: null },
    ])
  })
})

describe('moderateComment with the real screening engine', () => {
  const screener = buildScreener([
    { phrase: '赌博', action: 'reject' },
    { phrase: '荐股', action: 'review' },
    { phrase: '傻瓜', action: 'mask' },
  ])

  it('rejects a banned word inside Chinese text and through an inserted space', () => {
    for (const body of ['这个网站涉及赌博内容', '这个网站涉及赌 博内容']) {
      const decision = decidedOf(moderateComment(input({ body, screener })))
      expect(decision.status).toBe('rejected')
      expect(decision.notes[0].words).toEqual(['赌博'])
    }
  })

  it('masks with the engine, keeping the original', () => {
    const decision = decidedOf(moderateComment(input({ body: ' 你这个傻瓜 ', screener })))
    expect(decision).toMatchObject({ status: 'approved', body: '你这个**', maskedOriginal: '你这个傻瓜' })
  })

  it('holds a word to review', () => {
    expect(decidedOf(moderateComment(input({ body: '群里老师荐股', screener }))).status).toBe('pending')
  })
})
