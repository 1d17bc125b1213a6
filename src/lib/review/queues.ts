import type { ReviewAction } from './states'

type HistoryEntry = { action?: string | null; at?: string | null; note?: string | null }
export type QueuedArticle = { reviewHistory?: readonly HistoryEntry[] | null; updatedAt: string }
export type Waiting<T> = { article: T; since: string; note: string | null }

/**
 * Articles in a review queue, the one waiting longest first: each since it last entered the queue
 * (its history's latest `action`, the step that leads into it), with that step's note. One that
 * entered with no such step (an import that came in mid-review) waits since its last change.
 */
export function longestWaitingFirst<T extends QueuedArticle>(articles: readonly T[], action: ReviewAction): Waiting<T>[] {
  return articles
    .map((article) => {
      const entered = (article.reviewHistory ?? []).filter((entry) => entry.action === action && entry.at).at(-1)
      return { article, since: entered?.at ?? article.updatedAt, note: entered?.note ?? null }
    })
    .sort((a, b) => Date.parse(a.since) - Date.parse(b.since))
}
