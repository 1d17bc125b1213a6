import type { Label, Message } from '../i18n/translate'
import type { Screener, ScreeningHit } from '../screening'

export type CommentStatus = 'pending' | 'approved' | 'rejected' | 'spam'

/** The queues a moderator works, as the admin names them (the `status` field's options). */
export const COMMENT_STATUS_LABELS: Record<CommentStatus, Label> = {
  pending: { zh: '待审核', en: 'Pending' },
  approved: { zh: '已通过', en: 'Approved' },
  rejected: { zh: '已拒绝', en: 'Rejected' },
  spam: { zh: '垃圾评论', en: 'Spam' },
}

/** A moderator's 精彩评论 mark (the `featured` field). */
export const FEATURED_LABEL: Label = { zh: '精彩评论', en: 'Featured (精彩评论)' }

/**
 * `pre` (the default): a new reader's first comments wait for a moderator, established readers'
 * are published; `post`: published unless a content rule holds it, new readers included;
 * `all`: every comment waits for a moderator.
 */
export type ModerationMode = 'pre' | 'post' | 'all'

export type ModerationSettings = {
  /** Counted in code points after trimming, so an emoji is one character, as a reader counts it. */
  minLength: number
  maxLength: number
  /** At most one comment per reader per interval; 0 turns the check off. */
  readerIntervalSeconds: number
  /** At most `ipLimit` comments from one IP per `ipWindowSeconds`; 0 turns the check off. */
  ipLimit: number
  ipWindowSeconds: number
  /** The same reader posting the same normalised text within this window is held. */
  repeatWindowSeconds: number
  /** More links than this are held; 0 holds any link. */
  maxLinks: number
  /** A reader's first N comments are held until approved; also the number that makes a reader trusted. */
  newCommenterHold: number
  mode: ModerationMode
}

/** WordPress waits 15 s between one reader's comments; Coral holds repeat posts for 6 minutes. */
export const DEFAULT_MODERATION_SETTINGS: ModerationSettings = Object.freeze({
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

import type { ReaderStatus } from '../accounts/readers'

export type { ReaderStatus } from '../accounts/readers'

/** What the adapter gathers from the database before moderation (all plain data). */
export type ModerationInput = {
  /** As submitted: the pipeline trims. */
  body: string
  now: Date
  article: { published: boolean; allowComments: boolean }
  reader: { status: ReaderStatus; suspendedUntil?: string | Date | null; approvedComments: number }
  readerLastCommentAt: string | Date | null
  /** This reader's comment bodies within `repeatWindowSeconds`. */
  readerRecentBodies: readonly string[]
  /** Comments from the same IP within `ipWindowSeconds` (0 if unknown). */
  ipCommentsInWindow: number
  screener: Screener
  settings: ModerationSettings
}

/**
 * One reason recorded on the comment (the `screening` field): which rule, what it found (a message,
 * read in the admin's language), and the listed words it matched, if any. Comments stored before
 * messages were recorded carry a `detail` written "Chinese / English" instead.
 */
export type ScreeningNote = { rule: string; message: Message; words?: string[] }

/** A refusal: the comment is not stored; the adapter answers with this HTTP status and the message in the reader's language. */
export type Refusal = { status: 400 | 403 | 429; message: Message; retryAfterSeconds?: number }

/** The comment fields a refusal names (a 400 is about the body), as the admin and the portal label them. */
export const COMMENT_FIELD_LABELS = {
  article: { zh: '文章', en: 'Article' },
  body: { zh: '评论内容', en: 'Comment' },
  parent: { zh: '回复', en: 'Reply to' },
} as const

export type ModerationDecision =
  | { kind: 'refused'; refusal: Refusal; notes: ScreeningNote[] }
  | { kind: 'decided'; status: CommentStatus; body: string; maskedOriginal: string | null; notes: ScreeningNote[] }

/** What the phases before this one have made of the comment. Phases read it and never change it. */
export type PipelineState = {
  /** The body as it will be stored: trimmed, then masked once a phase masks it. */
  readonly body: string
  /** The trimmed body before masking, or null while nothing is masked. */
  readonly maskedOriginal: string | null
  /** Names of the phases that held the comment: it is pending unless a later phase rejects it. */
  readonly heldBy: readonly string[]
  readonly notes: readonly ScreeningNote[]
  /**
   * The screener's hits on the trimmed, unmasked body once a phase has scanned it, so the word
   * phases scan once between them, and not at all when an earlier phase refuses.
   */
  readonly hits: readonly ScreeningHit[] | null
}

/** The parts of the state a phase may replace; the runner merges them in. */
export type StatePatch = { body?: string; maskedOriginal?: string | null; hits?: readonly ScreeningHit[] }

/**
 * What one phase makes of the comment: nothing to say (`pass`, possibly with a note or a masked
 * body), `hold` it for a moderator, `decide` a final status and stop, or `refuse` it outright.
 */
export type PhaseOutcome =
  | { kind: 'pass'; notes?: ScreeningNote[]; patch?: StatePatch }
  | { kind: 'hold'; notes: ScreeningNote[]; patch?: StatePatch }
  | { kind: 'decide'; status: CommentStatus; notes: ScreeningNote[]; patch?: StatePatch }
  | { kind: 'refuse'; refusal: Refusal; notes: ScreeningNote[] }

export type Phase = { name: string; run: (input: ModerationInput, state: PipelineState) => PhaseOutcome }
