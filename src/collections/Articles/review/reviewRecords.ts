import { APIError, type PayloadRequest } from 'payload'

import { languageOf, say } from '../../../i18n/requestMessages'
import { type ArticleHits, describeHits, wordsNeedingOverride } from '../../../lib/review/articleHits'
import { quoted } from '../../../lib/i18n/translate'
import type { Article } from '../../../payload-types'
import { USERS_SLUG } from '../../../slugs'

export type HistoryEntry = NonNullable<Article['reviewHistory']>[number]
type HistoryAction = HistoryEntry['action']

export function historyEntry(req: PayloadRequest, action: HistoryAction, from: string | null | undefined, to: string, note?: string | null): HistoryEntry {
  return { action, from: from ?? null, to, by: req.user?.collection === USERS_SLUG ? (req.user.id as number) : null, at: new Date().toISOString(), note: note ?? null }
}

/**
 * What the word lists say about approving or publishing this text: a `reject` word refuses it
 * (400, every hit listed with its field and surroundings), a `review` word not yet let through by
 * the editor-in-chief holds it (409), naming what needs the override.
 */
export function screeningRefusal(req: PayloadRequest, screening: ArticleHits, overriddenWords: unknown): APIError | null {
  const language = languageOf(req)
  if (screening.reject.length > 0) {
    const code = 'ARTICLE_HAS_REJECTED_WORDS'
    const errors = screening.reject.map((hit) => ({ path: hit.field, message: `${quoted(hit.matched, language)}: …${hit.context}…` }))
    return new APIError(say(req, { code, values: { hits: describeHits(screening.reject, language) } }), 400, { code, hits: screening.reject, errors }, true)
  }
  const pending = wordsNeedingOverride(screening.review, overriddenWords)
  if (pending.length > 0) {
    const hits = screening.review.filter((hit) => pending.includes(hit.word))
    const code = 'ARTICLE_NEEDS_OVERRIDE'
    return new APIError(say(req, { code, values: { hits: describeHits(hits, language) } }), 409, { code, hits, needsOverride: pending }, true)
  }
  return null
}
