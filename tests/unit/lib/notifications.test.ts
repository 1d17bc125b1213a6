import {
  commentPath,
  excerpt,
  MAX_READ_IDS,
  moderationNoticeDue,
  noticeEmail,
  noticeHeadline,
  readRequestFrom,
  replyNoticeDue,
  type StatusChange,
} from '../../../src/lib/notifications'

const change = (previousStatus: string | null, status: string, readerId: number | null = 7): StatusChange => ({ commentId: 42, readerId, previousStatus, status })

describe('moderationNoticeDue', () => {
  it('tells the author of a held comment that it was published or not, keyed by outcome', () => {
    expect(moderationNoticeDue(change('pending', 'approved'))).toEqual({ kind: 'moderation', readerId: 7, outcome: 'approved', key: 'moderation:42:approved' })
    expect(moderationNoticeDue(change('pending', 'rejected'))).toEqual({ kind: 'moderation', readerId: 7, outcome: 'notPublished', key: 'moderation:42:notPublished' })
    // Spam is "not published" too, under the same key as a rejection: one notice for both.
    expect(moderationNoticeDue(change('pending', 'spam'))).toEqual(moderationNoticeDue(change('pending', 'rejected')))
  })

  it('tells nothing of a comment that was not held, nor of one without a reader', () => {
    for (const [before, after] of [[null, 'approved'], [null, 'pending'], [null, 'spam'], ['approved', 'rejected'], ['rejected', 'approved'], ['spam', 'approved'], ['approved', 'pending'], ['pending', 'pending']]) {
      expect([before, after, moderationNoticeDue(change(before, after as string))]).toEqual([before, after, null])
    }
    expect(moderationNoticeDue(change('pending', 'approved', null))).toBeNull()
  })
})

describe('replyNoticeDue', () => {
  it("tells the parent's author when a reply becomes public, from any other status or at once", () => {
    for (const before of [null, 'pending', 'rejected', 'spam']) {
      expect(replyNoticeDue(change(before, 'approved', 7), 9)).toEqual({ kind: 'reply', readerId: 9, key: 'reply:42' })
    }
  })

  it('never for a reply that is not public, already was, has no parent author, or is their own', () => {
    expect(replyNoticeDue(change('pending', 'rejected'), 9)).toBeNull()
    expect(replyNoticeDue(change(null, 'pending'), 9)).toBeNull()
    expect(replyNoticeDue(change('approved', 'approved'), 9)).toBeNull()
    expect(replyNoticeDue(change('pending', 'approved'), null)).toBeNull()
    expect(replyNoticeDue(change('pending', 'approved', 9), 9)).toBeNull()
  })
})

describe('excerpt', () => {
  it('keeps short text, folds white space and cuts long text at whole characters', () => {
    expect(excerpt('  一条\n\n评论  ')).toBe('一条 评论')
    expect(excerpt(null)).toBe('')
    const cut = excerpt('😀'.repeat(100), 10)
    expect(Array.from(cut)).toHaveLength(10)
    expect(cut.endsWith('…')).toBe(true)
    expect(excerpt('一'.repeat(80))).toBe('一'.repeat(80))
  })
})

describe('the words a reader reads', () => {
  const base = { articleTitle: '央行降准', commentExcerpt: '<b>好</b>' }

  it('says approved or not published, never spam, and names the replier', () => {
    expect(noticeHeadline({ ...base, kind: 'moderation', outcome: 'approved' })).toBe('您在《央行降准》下的评论已通过审核')
    expect(noticeHeadline({ ...base, kind: 'moderation', outcome: 'notPublished' })).toBe('您在《央行降准》下的评论未通过审核，未予发表')
    expect(noticeHeadline({ ...base, kind: 'reply', replierName: '老王' })).toBe('老王回复了您在《央行降准》下的评论')
    expect(noticeHeadline({ ...base, kind: 'reply' })).toBe('一位读者回复了您在《央行降准》下的评论')
  })

  it("escapes what readers wrote in the email and links the comment on its article", () => {
    const mail = noticeEmail({ ...base, articleTitle: '<script>', kind: 'reply', replierName: '<i>x</i>' }, `https://news.example${commentPath('a-b', 5)}`)
    expect(mail.subject).toBe('<i>x</i>回复了您在《<script>》下的评论')
    expect(mail.html).not.toMatch(/<script>|<i>|<b>/)
    expect(mail.html).toContain('href="https://news.example/articles/a-b#comment-5"')
  })
})

describe('readRequestFrom', () => {
  it('takes { all: true } or 1 to MAX_READ_IDS positive ids, without repeats', () => {
    expect(readRequestFrom({ all: true })).toEqual({ all: true })
    expect(readRequestFrom({ ids: [3, 1, 3] })).toEqual({ ids: [3, 1] })
    expect(readRequestFrom({ ids: Array.from({ length: MAX_READ_IDS }, (_, i) => i + 1) })).not.toBeNull()
  })

  it('refuses anything else', () => {
    for (const body of [null, undefined, 'all', [1], {}, { all: false }, { all: 'true' }, { all: true, ids: [1] }, { ids: [] }, { ids: '1' }, { ids: [0] }, { ids: [-1] }, { ids: [1.5] }, { ids: ['1'] }, { ids: [2 ** 53] }, { ids: Array.from({ length: MAX_READ_IDS + 1 }, (_, i) => i + 1) }]) {
      expect([body, readRequestFrom(body)]).toEqual([body, null])
    }
  })
})
