/**
 * 通知: what a reader is told about their own comments. A `reply` when another reader's reply to
 * one of them becomes public; a `moderation` notice when one of theirs that was held for review is
 * decided. Pure rules, no Payload: the hooks in src/collections/Notifications apply them.
 */
import { escapeHtml, mailPage } from '../accounts/mailPage'

export type NotificationKind = 'reply' | 'moderation'
/** What a held comment's reader hears: published, or not. Never "spam": a spammer learns nothing from us. */
export type ModerationOutcome = 'approved' | 'notPublished'

export const NOTIFICATION_KIND_LABELS = {
  reply: { en: 'Reply', zh: '回复' },
  moderation: { en: 'Moderation', zh: '审核结果' },
} as const

export const MODERATION_OUTCOME_LABELS = {
  approved: { en: 'Published', zh: '已通过' },
  notPublished: { en: 'Not published', zh: '未通过' },
} as const

/** A comment as the rules need it: its status before this change (null: it is new) and after. */
export type StatusChange = {
  commentId: number
  readerId: number | null
  previousStatus: string | null
  status: string
}

export type NoticeDue = {
  kind: NotificationKind
  /** Who is told. */
  readerId: number
  outcome?: ModerationOutcome
  /**
   * One notice per key, ever: a decision saved twice, a re-save, a reply approved again after a
   * rejection, two moderators deciding at once all find the notice already there.
   */
  key: string
}

const DECIDED: Readonly<Record<string, ModerationOutcome>> = { approved: 'approved', rejected: 'notPublished', spam: 'notPublished' }

/**
 * The moderation notice a status change calls for: only a comment that waited for review (was
 * pending) and is now decided. A comment the pipeline published at once, or a later change of mind
 * on a published one, tells nobody anything.
 */
export function moderationNoticeDue(change: StatusChange): NoticeDue | null {
  const outcome = DECIDED[change.status]
  if (change.previousStatus !== 'pending' || !outcome || change.readerId === null) return null
  return { kind: 'moderation', readerId: change.readerId, outcome, key: `moderation:${change.commentId}:${outcome}` }
}

/** Whether the change makes a comment public now, so that the comment it replies to has a reply to tell of. */
export const becomesPublic = (change: Pick<StatusChange, 'previousStatus' | 'status'>): boolean =>
  change.status === 'approved' && change.previousStatus !== 'approved'

/** The reply notice for the author of the comment replied to, unless they replied to themselves. */
export function replyNoticeDue(change: StatusChange, parentReaderId: number | null): NoticeDue | null {
  if (!becomesPublic(change) || parentReaderId === null || parentReaderId === change.readerId) return null
  return { kind: 'reply', readerId: parentReaderId, key: `reply:${change.commentId}` }
}

/** The start of a comment, for a notice's one line: whole characters, at most `max`, marked when cut. */
export function excerpt(text: string | null | undefined, max = 80): string {
  const chars = Array.from((text ?? '').replace(/\s+/g, ' ').trim())
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`
}

/** Where a notice points: its comment on the article's page. */
export const commentPath = (articleSlug: string, commentId: number): string => `/articles/${encodeURIComponent(articleSlug)}#comment-${commentId}`

export type NoticeText = {
  kind: NotificationKind
  outcome?: ModerationOutcome | null
  articleTitle: string
  commentExcerpt: string
  replierName?: string | null
}

/** The notice's sentence, in Chinese, as the portal and the email say it. */
export function noticeHeadline(notice: NoticeText): string {
  const title = `《${notice.articleTitle}》`
  if (notice.kind === 'reply') return `${notice.replierName || '一位读者'}回复了您在${title}下的评论`
  return notice.outcome === 'approved' ? `您在${title}下的评论已通过审核` : `您在${title}下的评论未通过审核，未予发表`
}

/** The email sent beside a notice to a reader who asked for them (`notifyByEmail`), in Chinese as the portal is. */
export function noticeEmail(notice: NoticeText, link: string): { subject: string; html: string } {
  const headline = noticeHeadline(notice)
  const anchor = `<a href="${escapeHtml(link)}">${escapeHtml(link)}</a>`
  const lines = [
    escapeHtml(headline),
    { quote: notice.commentExcerpt },
    `查看：${anchor}`,
    '您收到这封邮件，是因为您在账号页开启了“评论通知邮件”；在账号页可随时关闭。',
  ]
  return { subject: headline, html: mailPage('zh', { title: escapeHtml(headline), lines }) }
}

/** The most ids one mark-as-read request may name. */
export const MAX_READ_IDS = 100

/** What `POST /api/notifications/read` asks for: every unread notice, or those of these ids. */
export type ReadRequest = { all: true } | { ids: number[] }

/** The request's body read as a ReadRequest, or null when it is neither `{ all: true }` nor 1..MAX_READ_IDS positive ids. */
export function readRequestFrom(body: unknown): ReadRequest | null {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return null
  const { all, ids } = body as { all?: unknown; ids?: unknown }
  if (all === true && ids === undefined) return { all: true }
  if (all !== undefined || !Array.isArray(ids) || ids.length === 0 || ids.length > MAX_READ_IDS) return null
  if (!ids.every((id) => Number.isSafeInteger(id) && (id as number) > 0)) return null
  return { ids: [...new Set(ids as number[])] }
}
